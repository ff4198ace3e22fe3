/**
 * Several replicas on one PostgreSQL, as the README's "What is guaranteed" promises: two real
 * `ta-forum serve` processes on the same database, each with the Slack adapter and the same fake
 * Slack Web API (each with its own bot token, so the fake tells which replica made a call), behind
 * a small round-robin proxy (`round-robin-proxy.ts`). Signed vote clicks on a single-choice poll
 * from many people, in two waves: everyone's first click, then some people change their vote; a
 * share of the clicks is sent twice with the same `trigger_id` (the key a `block_actions` click is
 * de-duplicated on, `slack:action:<trigger_id>`), some of them long after the first — as Slack
 * sends again a request it got no answer for. Every click is acknowledged 200; then the ballots
 * in the database are exact (one per person, their last click), every distinct click is one inbox
 * row, done, and a redelivery none; the poll message's last redraw (`chat.update`) shows the exact
 * counts, and its successive redraws, made by both replicas, are spaced by the redraw interval.
 *
 * Then one replica is killed (`kill -9`) mid-run, at a moment when it holds inbox rows it is
 * running: the proxy sends what it could not deliver to the survivor, every click is still
 * acknowledged, and nothing acknowledged is lost — the rows the dead replica held are taken by the
 * survivor once their lease runs out (`INBOX_LEASE_MS`), and every vote counts, its person's last.
 * Fewer clicks there (800): the lease is most of that case's time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { resultLines } from '../../../src/features/polls/poll-card.ts';
import { POLL_REFRESH_MIN_INTERVAL_MS } from '../../../src/features/polls/refresher.ts';
import { messages, type Lang } from '../../../src/i18n/index.ts';
import type { Store } from '../../../src/store/index.ts';
import { findPoll, pollPosts, pollVotes, tallyPoll, type Poll, type Tally } from '../../../src/store/polls.ts';
import { startSlackServe, type ServerProcess } from '../../bench/server-process.ts';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../../support/fake-slack.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from '../../support/round-robin-proxy.ts';
import { buttonsOf, shownLines } from '../../support/slack/forum-driver.ts';
import { SIGNING_SECRET, blockAction, directMessage, eventEnvelope, prepareSlackRequest, sendToSlack, type SlackResponse } from '../../support/slack-requests.ts';
import { describeEngine, storeEngines, type PersistentTarget, type TestEngine } from '../../support/stores.ts';

const OPTIONS = ['Webinar', 'Workshop', 'Peer visit', 'Reading group'];
const CHANNEL = 'C0REPLICA';
const MODERATOR = 'U0MOD';
const TOKENS = ['xoxb-replica-a', 'xoxb-replica-b'];
/** Requests sent at once through the proxy. */
const IN_FLIGHT = 40;
/** Timers and the fake's clock count whole milliseconds. */
const CLOCK_SLACK_MS = 5;
/**
 * The replicas' inbox lease (`INBOX_LEASE_MS`; 15 s by default): shorter, so the kill case waits
 * less for the dead replica's rows. Renewed every third of it, as always, so a live replica keeps its rows.
 */
const LEASE_MS = 5000;
/** How long the replicas may take to run every row (the kill case waits out a lease first). */
const DRAIN_MS = 30_000 + LEASE_MS;

/** The PostgreSQL engine only: the embedded store is one process's. Skipped, with the reason logged, without TEST_DATABASE_URL. */
const engine = storeEngines().find((e) => e.name.startsWith('postgres')) as TestEngine;

/** The same numbers every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** How often `until` looks again. */
const UNTIL_POLL_MS = 200;
/** Time for the statements a frozen replica had already sent to reach the database and commit. */
const STATEMENTS_SETTLE_MS = 300;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `read` gives a value `done` accepts; the last value is in the error otherwise. */
async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
    await sleep(UNTIL_POLL_MS);
  }
}

interface SlackPoll {
  poll: Poll;
  /** The poll message's ts in the channel. */
  ts: string;
  buttons: { action_id: string; value: string }[];
}

interface ClickPlan {
  /** The waves, sent one after the other: each is every request of that wave, in the order sent. */
  waves: (() => Promise<SlackResponse>)[][];
  /** Each person's last click. */
  expected: Map<string, number>;
  /** The inbox keys of the distinct clicks. */
  keys: string[];
  requests: number;
}

/**
 * `people` first clicks, then `changers` of them click another option; `redeliveries` clicks sent
 * a second time with the same trigger id, half in the first wave (beside their first sending),
 * half in the second (some of those: a changer's first click, long after it was answered).
 */
function planClicks(url: string, posted: SlackPoll, prefix: string, counts: { people: number; changers: number; redeliveries: number }, seed: number): ClickPlan {
  const random = seeded(seed);
  const person = (n: number): string => `U0${prefix}${String(n).padStart(5, '0')}`;
  const expected = new Map<string, number>();
  const keys: string[] = [];
  const click = (user: string, option: number) => {
    const button = posted.buttons[option] ?? { action_id: '', value: '' };
    const payload = blockAction({ user, channel: CHANNEL, messageTs: posted.ts, actionId: button.action_id, value: button.value });
    expected.set(user, option);
    keys.push(`slack:action:${payload.trigger_id}`);
    return {
      send: prepareSlackRequest(url, SIGNING_SECRET, 'interaction', payload),
      again: prepareSlackRequest(url, SIGNING_SECRET, 'interaction', payload, { retryNum: 1, retryReason: 'http_timeout' }),
    };
  };
  const first = Array.from({ length: counts.people }, (_, n) => click(person(n), Math.floor(random() * OPTIONS.length)));
  const changes = shuffle(Array.from({ length: counts.people }, (_, n) => n), random)
    .slice(0, counts.changers)
    .map((n) => click(person(n), ((expected.get(person(n)) ?? 0) + 1 + Math.floor(random() * (OPTIONS.length - 1))) % OPTIONS.length));
  const half = Math.floor(counts.redeliveries / 2);
  const again = (from: { again: () => Promise<SlackResponse> }[], n: number) => shuffle([...from], random).slice(0, n).map((c) => c.again);
  const waves = [
    shuffle([...first.map((c) => c.send), ...again(first, half)], random),
    shuffle([...changes.map((c) => c.send), ...again([...first, ...changes], counts.redeliveries - half)], random),
  ];
  return { waves, expected, keys, requests: waves.flat().length };
}

/** Sends the requests, IN_FLIGHT at a time; `each` is called after every answer with how many came. */
async function sendAll(requests: (() => Promise<SlackResponse>)[], statuses: number[], each: (answered: number) => void = () => undefined): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < requests.length) {
        const request = requests[next++] as () => Promise<SlackResponse>;
        statuses.push((await request()).status);
        each(statuses.length);
      }
    }),
  );
}

describeEngine(engine)(`two replicas of ta-forum serve on ${engine.name} behind a round-robin proxy`, () => {
  let fake: FakeSlack;
  let target: PersistentTarget;
  let store: Store;
  let proxy: RoundRobinProxy;
  const replicas: ServerProcess[] = [];
  const dataDirs: string[] = [];

  const serve = (token: string): Promise<ServerProcess> => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-replica-'));
    dataDirs.push(dataDir);
    return startSlackServe(dataDir, fake.apiUrl, {
      DATABASE_URL: target.url,
      SLACK_BOT_TOKEN: token,
      MODERATORS: `slack:${MODERATOR}`,
      DISCUSSION_CHANNELS: `slack:${CHANNEL}`,
      INBOX_LEASE_MS: String(LEASE_MS),
    });
  };

  beforeAll(async () => {
    fake = await startFakeSlack();
    target = await engine.persistent();
    // Started together on the new database, as an orchestrator starts replicas: one applies the
    // migrations while the other waits for their lock, and both index the knowledge folder (upserts).
    replicas.push(...(await Promise.all(TOKENS.map((token) => serve(token)))));
    proxy = await startRoundRobinProxy(replicas.map((r) => r.url));
    store = await target.open();
  });
  afterAll(async () => {
    await proxy?.close();
    await Promise.all(replicas.map((r) => r.stop()));
    await store?.close();
    await fake?.close();
    await target?.dispose();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  /** The moderator posts a poll to the channel (a direct message, through the proxy): its buttons and its message's ts. */
  async function createPoll(question: string): Promise<SlackPoll> {
    const text = `poll "${question}" ${OPTIONS.map((o) => `"${o}"`).join(' ')} --discussion`;
    expect((await sendToSlack(proxy.url, SIGNING_SECRET, 'event', eventEnvelope(directMessage({ user: MODERATOR, text })))).status).toBe(200);
    const post = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === CHANNEL && shownLines(c).some((line) => line.includes(question)), 30_000);
    const buttons = buttonsOf(post);
    expect(buttons).toHaveLength(OPTIONS.length);
    const pollId = buttons[0]?.value.split(':')[0] ?? '';
    const posts = await until('the poll message recorded', () => pollPosts(store.db, pollId), (p) => p.length === 1, 10_000);
    const poll = await findPoll(store.db, pollId);
    if (!poll) throw new Error(`poll ${pollId} not found`);
    return { poll, ts: posts[0]?.message_id ?? '', buttons };
  }

  /** Inbox rows of these keys, by status. */
  async function rowsOf(keys: string[]): Promise<Record<string, number>> {
    const { rows } = await sql<{ status: string; n: string }>`select status, count(*) as n from inbox where event_key = any(${keys}) group by status`.execute(store.db);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  /** What the poll message must show: each option's count and share, and the number of voters. */
  function shownFor(poll: Poll, tally: Tally): string[] {
    const lang = poll.lang as Lang;
    return [...resultLines(poll, tally, lang), messages(lang).polls.voters({ count: tally.voters })];
  }

  /**
   * Every row run, the ballots exact, and the poll message's redraws: the last showing the exact
   * counts, successive ones spaced by the interval. The redraws, in order.
   */
  /**
   * `frozen`: the token of a replica the test froze (SIGSTOP) at moments it does not choose: a
   * redraw it had already claimed reaches Slack only when it runs again, so the spacing after it
   * is kept at claim time, not seen at arrival.
   */
  async function checkOutcome(posted: SlackPoll, plan: ClickPlan, frozen?: string): Promise<SlackCall[]> {
    const distinct = plan.keys.length;
    await until('every click run', () => rowsOf(plan.keys), (r) => r.done === distinct, DRAIN_MS);
    expect(await rowsOf(plan.keys)).toEqual({ done: distinct });

    const votes = await pollVotes(store.db, posted.poll);
    expect(new Map(votes.map((v) => [v.voter, v.option]))).toEqual(new Map([...plan.expected].map(([person, option]) => [`slack:${person}`, option])));
    const tally: Tally = { counts: OPTIONS.map((_, i) => [...plan.expected.values()].filter((o) => o === i).length), voters: plan.expected.size };
    expect(await tallyPoll(store.db, posted.poll)).toEqual(tally);

    const isRedraw = (c: SlackCall): boolean => c.method === 'chat.update' && c.body.channel === CHANNEL && c.body.ts === posted.ts;
    const shown = shownFor(posted.poll, tally);
    // Whole lines (a list item after its bullet): "300 voters" is not shown by "1300 voters".
    const exact = (c: SlackCall): boolean => shown.every((line) => shownLines(c).some((l) => l === line || l.endsWith(` ${line}`)));
    await fake.waitFor((c) => isRedraw(c) && exact(c), 3 * POLL_REFRESH_MIN_INTERVAL_MS + 10_000);
    // Quiet for longer than an interval: no redraw is still due.
    await until('no redraw due', () => Promise.resolve(fake.calls.filter(isRedraw)), (r) => Date.now() - (r.at(-1)?.at ?? 0) > POLL_REFRESH_MIN_INTERVAL_MS + 500, 20_000);
    const redraws = fake.calls.filter(isRedraw);
    expect(exact(redraws.at(-1) as SlackCall), `the last redraw shows ${shown.join(' / ')}`).toBe(true);
    const gaps = redraws.slice(1).map((c, i) => c.at - (redraws[i] as SlackCall).at);
    const tooSoon = gaps
      .map((gap, i) => ({ redraw: i + 2, gap, by: [redraws[i]?.token, redraws[i + 1]?.token] }))
      .filter((g) => g.gap < POLL_REFRESH_MIN_INTERVAL_MS - CLOCK_SLACK_MS && g.by[0] !== frozen);
    expect(tooSoon).toEqual([]);
    return redraws;
  }

  it('2,000 clicks with redeliveries through both replicas: every one acknowledged, the tally exact, redraws spaced across both', async () => {
    const posted = await createPoll('Which format next?');
    const plan = planClicks(proxy.url, posted, 'A', { people: 1300, changers: 500, redeliveries: 200 }, 16);
    expect(plan.requests).toBe(2000);
    const statuses: number[] = [];
    for (const wave of plan.waves) await sendAll(wave, statuses);
    expect(statuses).toHaveLength(plan.requests);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // Round robin: both replicas acknowledged half of the requests.
    expect(proxy.answered.every((n) => n >= plan.requests / 2 - 5)).toBe(true);

    const redraws = await checkOutcome(posted, plan);
    // Both replicas redrew the message: the spacing held across them.
    expect(new Set(redraws.map((c) => c.token))).toEqual(new Set(TOKENS));
    console.warn(`[replicas] ${plan.requests} clicks (${plan.keys.length} distinct, ${plan.expected.size} people): ${redraws.length} redraws, the closest ${Math.min(...redraws.slice(1).map((c, i) => c.at - (redraws[i] as SlackCall).at))} ms apart`);
  });

  it('a replica killed with kill -9 mid-run loses nothing acknowledged: the survivor takes its rows', async () => {
    const posted = await createPoll('Which day suits you?');
    const plan = planClicks(proxy.url, posted, 'K', { people: 500, changers: 200, redeliveries: 100 }, 17);
    const [survivor, victim] = replicas as [ServerProcess, ServerProcess];
    const victimRows = sql<{ id: string }>`select id from inbox where status = 'pending' and claimed_by like ${`%:${victim.pid}:%`} and claimed_until > now()`;
    let killed: Promise<string[]> | undefined;
    /**
     * Once an eighth of the clicks are answered: the victim is frozen (SIGSTOP) until it is caught
     * holding rows it runs, then killed (SIGKILL) as it is; the rows it held are listed.
     */
    const killWhenBusy = async (): Promise<string[]> => {
      for (let tries = 0; ; tries++) {
        process.kill(victim.pid, 'SIGSTOP');
        let held = (await victimRows.execute(store.db)).rows.map((r) => r.id);
        if (held.length > 0) {
          // Statements the victim sent before it stopped may still commit (a row it finished):
          // once they have landed, only the rows it still holds count.
          await sleep(STATEMENTS_SETTLE_MS);
          held = (await victimRows.execute(store.db)).rows.map((r) => r.id);
        }
        if (held.length > 0 || tries >= 200) {
          await victim.kill();
          return held;
        }
        process.kill(victim.pid, 'SIGCONT');
        await sleep(10);
      }
    };
    const statuses: number[] = [];
    // Early in the run, so that the rest of the clicks go on while the victim's lease runs out.
    const killAfterAnEighth = (answered: number): void => {
      if (answered >= plan.requests / 8) killed ??= killWhenBusy();
    };
    for (const wave of plan.waves) await sendAll(wave, statuses, killAfterAnEighth);
    const left = await killed;
    expect(statuses).toHaveLength(plan.requests);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(left?.length ?? 0).toBeGreaterThan(0);

    await checkOutcome(posted, plan, TOKENS[1]);
    // The rows the victim held were run by the survivor, after the victim's lease ran out.
    const { rows } = await sql<{ status: string; claimed_by: string; attempts: number }>`select status, claimed_by, attempts from inbox where id = any(${left})`.execute(store.db);
    expect(rows).toHaveLength(left?.length ?? 0);
    for (const row of rows) {
      expect(row.status).toBe('done');
      expect(row.claimed_by).not.toContain(`:${victim.pid}:`);
      expect(row.attempts).toBeGreaterThanOrEqual(2);
    }
    console.warn(
      `[replicas] kill -9 of one replica (pid ${victim.pid}; survivor ${survivor.pid}) during ${plan.requests} clicks: ${left?.length} rows it was running taken by the survivor, ${proxy.retried} requests sent again by the proxy`,
    );
  });
});
