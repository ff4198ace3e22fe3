/**
 * `ta-forum inbox` as an operator runs it (the command line, run in this process:
 * test/support/cli.ts) on one embedded data folder, seeded with rows parked by the store's own
 * functions (as the worker parks them). The list shows each parked row, what it was and why; a
 * retry makes it pending and the next take runs it; a drop deletes it; unknown ids and rows that
 * are not parked are refused in one line.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueInbox, failInboxRow, inboxPosts, recordInboxPost, takeInbox } from '../../src/store/inbox.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { runCommand } from '../support/cli.ts';
import { makeTempDir } from '../support/stores.ts';
import { seedDataDir } from '../support/pglite-template.ts';

const work = makeTempDir();
const dataDir = path.join(work.dir, 'data');
seedDataDir(dataDir);
afterAll(() => work.remove());

function run(args: string[]) {
  return runCommand(['inbox', ...args], {
    cwd: work.dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? work.dir, TA_FORUM_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
  });
}

/** The data folder's store, for the time of `use` (the command cannot open it meanwhile). */
async function withData<T>(use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ engine: 'pglite', dataDir });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const ARRIVED = new Date(Date.UTC(2026, 10, 23, 9, 0));
const take = (store: Store, worker: string, now: Date) => takeInbox(store.db, { platform: 'slack', worker, limit: 10, leaseMs: 10_000 }, now);
const LONG = `How does a member state request technical assistance for the ${'very '.repeat(20)}long process?`;
const ids = { mention: '', home: '', odd: '', pending: '' };

beforeAll(async () => {
  await withData(async (store) => {
    const add = async (n: number, payload: unknown) => (await enqueueInbox(store.db, { eventKey: `slack:E${n}`, platform: 'slack', payload }, ARRIVED)) as string;
    ids.mention = await add(1, { kind: 'dispatch', event: { type: 'mention', actor: { platform: 'slack', userId: 'U042' }, text: LONG }, context: {}, payloadType: 'event' });
    ids.home = await add(2, { kind: 'home', actor: { platform: 'slack', userId: 'U043' } });
    ids.odd = await add(3, ['not', 'an', 'object']);
    for (const row of await take(store, 'w', ARRIVED)) {
      await failInboxRow(store.db, row, 'w', row.id === ids.mention ? 'platform_error: Slack said channel_not_found' : 'bad_request: unknown work', ARRIVED, { park: true });
    }
    await recordInboxPost(store.db, ids.mention, 1, { messageId: '1763700000.000100' }, ARRIVED);
    ids.pending = await add(4, { kind: 'home', actor: { userId: 'U044' } });
  });
}, 60_000);

describe('ta-forum inbox', () => {
  it('lists each parked row: when it arrived, its attempts, what it was and why it failed; and the counts', async () => {
    const list = await run([]);
    expect(list.stderr).toBe('');
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('Inbox: 1 pending, 0 done, 3 parked.');
    expect(list.stdout).toContain(`#${ids.mention}  slack  arrived 2026-11-23 09:00 UTC, parked 2026-11-23 09:00 UTC  1 attempt\n`);
    expect(list.stdout).toContain(`  what:   mention from U042: "${LONG.slice(0, 59)}…"\n  reason: platform_error: Slack said channel_not_found\n`);
    expect(list.stdout).toContain(`#${ids.home}  slack`);
    expect(list.stdout).toContain('  what:   App Home opened from U043\n');
    expect(list.stdout).toContain('  what:   unknown payload\n  reason: bad_request: unknown work\n');
    expect(list.stdout).not.toContain(`#${ids.pending} `);

    const json = JSON.parse((await run(['--json'])).stdout) as { counts: unknown; parked: Record<string, unknown>[] };
    expect(json.counts).toEqual({ pending: 1, done: 0, parked: 3 });
    expect(json.parked.find((p) => p.id === ids.mention)).toEqual({
      id: ids.mention,
      platform: 'slack',
      eventKey: 'slack:E1',
      arrivedAt: ARRIVED.toISOString(),
      parkedAt: ARRIVED.toISOString(),
      attempts: 1,
      reason: 'platform_error: Slack said channel_not_found',
      what: `mention from U042: "${LONG.slice(0, 59)}…"`,
    });
  });

  it('refuses unknown ids and rows that are not parked in one line, without a stack', async () => {
    const cases: [string[], number, string][] = [
      [['retry', '999999'], 1, 'There is no inbox row "999999"'],
      [['retry', 'abc'], 1, 'There is no inbox row "abc"'],
      [['drop', '999999'], 1, 'There is no inbox row "999999"'],
      [['retry', ids.pending], 1, `Inbox row ${ids.pending} is pending, not parked`],
      [['drop', ids.pending], 1, `Inbox row ${ids.pending} is pending, not parked`],
      [['retry'], 2, 'inbox retry needs an inbox row id, or --all'],
      [['retry', ids.home, '--all'], 2, 'inbox retry needs an inbox row id, or --all'],
    ];
    for (const [args, status, message] of cases) {
      const result = await run(args);
      expect(result.status, args.join(' ')).toBe(status);
      expect(result.stderr).toContain(`ta-forum: ${message}`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
    }
  });

  it('retries a parked row: pending again, taken as new by the next worker, its posts kept', async () => {
    const retried = await run(['retry', ids.mention]);
    expect(retried.stderr).toBe('');
    expect(retried.status).toBe(0);
    expect(retried.stdout).toContain(`Inbox row ${ids.mention} is pending again`);
    await withData(async (store) => {
      const taken = await take(store, 'next', new Date());
      expect(taken.map((r) => r.id).sort()).toEqual([ids.mention, ids.pending].sort());
      expect(taken.find((r) => r.id === ids.mention)).toMatchObject({ attempts: 1, done_at: null, last_error: 'platform_error: Slack said channel_not_found' });
      expect((await inboxPosts(store.db, ids.mention)).size).toBe(1);
      const audit = await store.db.selectFrom('audit_log').select(['action', 'subject']).where('action', 'like', 'inbox.%').execute();
      expect(audit).toEqual([{ action: 'inbox.retry', subject: `inbox:${ids.mention}` }]);
    });
    expect((await run(['retry', ids.mention])).stderr).toContain(`Inbox row ${ids.mention} is pending, not parked`);
  });

  it('drops a parked row, retries the rest with --all, and then says nothing is parked', async () => {
    const dropped = await run(['drop', ids.odd]);
    expect(dropped.status).toBe(0);
    expect(dropped.stdout).toBe(`Inbox row ${ids.odd} deleted.\n`);
    expect((await run(['drop', ids.odd])).stderr).toContain(`There is no inbox row "${ids.odd}"`);

    const all = await run(['retry', '--all']);
    expect(all.status).toBe(0);
    expect(all.stdout).toContain(`Inbox row ${ids.home} is pending again`);
    const list = await run(['list']);
    expect(list.stdout).toBe('Inbox: 3 pending, 0 done, 0 parked.\nNo parked requests: nothing waits for an operator.\n');
    expect((await run(['retry', '--all'])).stdout).toBe('No parked requests to retry.\n');
  });
});
