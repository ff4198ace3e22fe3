/**
 * The durable inbox in the store, on both engines: one row per event key (a redelivery is not
 * written again), takers never share a row (SKIP LOCKED), a lease that runs out (on the store's
 * clock) lets another take the row, failures wait longer each time and then park, posts are
 * recorded once, done rows pruned.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  INBOX_MAX_ATTEMPTS,
  enqueueInbox,
  enqueueInboxRows,
  extendInboxClaims,
  dropParkedInbox,
  failInboxRow,
  inboxPosts,
  inboxRowStatus,
  inboxRetryDelayMs,
  markInboxDone,
  parkedInbox,
  pruneInbox,
  recordInboxPost,
  releaseInboxClaims,
  retryParkedInbox,
  takeInbox,
  type InboxRow,
} from '../../src/store/inbox.ts';
import type { Store } from '../../src/store/index.ts';
import { PROCESSED_EVENT_RETENTION_MS, claimEvent } from '../../src/store/processed-events.ts';
import { describeEngine, storeEngines } from '../support/stores.ts';

const T0 = new Date(Date.UTC(2026, 10, 23, 9, 0));
const at = (ms: number): Date => new Date(T0.getTime() + ms);
const LEASE = 10_000;
const take = (store: Store, worker: string, now: Date, limit = 10) => takeInbox(store.db, { platform: 'slack', worker, limit, leaseMs: LEASE }, now);
const row = (n: number) => ({ eventKey: `slack:E${n}`, platform: 'slack', payload: { n, text: `question ${n}` } });

for (const engine of storeEngines()) {
  describeEngine(engine)(`inbox on ${engine.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await engine.open();
    });
    afterEach(async () => {
      await store?.close();
    });

    it('writes a row once per event key, with its de-duplication claim', async () => {
      const id = await enqueueInbox(store.db, row(1), T0);
      expect(id).toBeDefined();
      expect(await enqueueInbox(store.db, row(1), at(5))).toBeUndefined();
      // The dispatcher's claim of the same key is taken already.
      expect(await claimEvent(store.db, 'slack:E1', at(6))).toBe(false);
      const rows = await store.db.selectFrom('inbox').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ event_key: 'slack:E1', platform: 'slack', status: 'pending', attempts: 0, payload: { n: 1, text: 'question 1' } });
      // A key the dispatcher claimed (handled without the inbox) is not written either.
      await claimEvent(store.db, 'slack:E2', T0);
      expect(await enqueueInbox(store.db, row(2), T0)).toBeUndefined();
    });

    it('writes the rows of a burst in one statement, each redelivery left out', async () => {
      await enqueueInbox(store.db, row(1), T0);
      const ids = await enqueueInboxRows(store.db, [row(1), row(2), row(3), row(2), { ...row(4), payload: { text: 'a\u0000b' } }], T0);
      expect(ids.map((id) => id !== undefined)).toEqual([false, true, true, false, true]);
      const rows = await store.db.selectFrom('inbox').select(['event_key', 'payload']).orderBy('id').execute();
      expect(rows.map((r) => r.event_key)).toEqual(['slack:E1', 'slack:E2', 'slack:E3', 'slack:E4']);
      // A NUL in a person's text does not make the write fail.
      expect(rows[3]?.payload).toEqual({ text: 'ab' });
      expect(await enqueueInboxRows(store.db, [], T0)).toEqual([]);
    });

    it('gives each due row to one taker only, however many take at once', async () => {
      for (let n = 0; n < 40; n++) await enqueueInbox(store.db, row(n), T0);
      const taken = new Map<string, string>();
      let overlaps = 0;
      await Promise.all(
        ['a', 'b', 'c', 'd'].map(async (worker) => {
          for (;;) {
            const rows = await take(store, worker, at(1), 3);
            if (rows.length === 0) return;
            for (const r of rows) {
              if (taken.has(r.id)) overlaps++;
              taken.set(r.id, worker);
            }
          }
        }),
      );
      expect(overlaps).toBe(0);
      expect(taken.size).toBe(40);
      // Every row is claimed now: nothing more to take until the leases run out.
      expect(await take(store, 'e', at(2))).toEqual([]);
    });

    it('skips a row another transaction holds instead of waiting for it', async ({ skip }) => {
      // PGlite is one session: a transaction cannot hold a lock against another "connection" there.
      if (store.engine === 'pglite') skip('one session on PGlite');
      const first = (await enqueueInbox(store.db, row(1), T0)) as string;
      await enqueueInbox(store.db, row(2), T0);
      await store.db.transaction().execute(async (trx) => {
        await sql`select id from inbox where id = ${first} for update`.execute(trx);
        const rows = await take(store, 'b', at(1));
        expect(rows.map((r) => r.event_key)).toEqual(['slack:E2']);
      });
    });

    it('lets another worker take a row whose lease ran out by the store’s clock, unless it was renewed', async () => {
      const id = (await enqueueInbox(store.db, row(1), T0)) as string;
      const leaseLeft = async (): Promise<number> =>
        Number((await sql<{ ms: number }>`select extract(epoch from claimed_until - now()) * 1000 as ms from inbox where id = ${id}`.execute(store.db)).rows[0]?.ms);
      expect(await take(store, 'a', T0)).toHaveLength(1);
      expect(await leaseLeft()).toBeGreaterThan(LEASE / 2);
      // The lease is the store's time: the application's clock moved an hour on changes nothing.
      expect(await take(store, 'b', at(3_600_000))).toEqual([]);
      // Renewed: the lease runs again from the store's now.
      await sql`update inbox set claimed_until = now() + interval '1 second' where id = ${id}`.execute(store.db);
      await extendInboxClaims(store.db, [id], 'a', LEASE);
      expect(await leaseLeft()).toBeGreaterThan(LEASE / 2);
      expect(await take(store, 'b', at(1))).toEqual([]);
      // Only by the worker holding it.
      await extendInboxClaims(store.db, [id], 'b', 1);
      expect(await leaseLeft()).toBeGreaterThan(LEASE / 2);
      // A short lease, run out on the store's clock.
      await extendInboxClaims(store.db, [id], 'a', 20);
      await new Promise((resolve) => setTimeout(resolve, 60));
      // Never by the worker that runs it still.
      expect(await takeInbox(store.db, { platform: 'slack', worker: 'a', limit: 10, leaseMs: LEASE, running: [id] }, at(2))).toEqual([]);
      const retaken = await take(store, 'b', at(2));
      expect(retaken).toMatchObject([{ id, claimed_by: 'b', attempts: 2 }]);
      // The first worker finishing late changes nothing: the row is no longer its.
      expect(await markInboxDone(store.db, id, 'a', at(3))).toBe(false);
      expect(await failInboxRow(store.db, { id, attempts: 1 }, 'a', 'late', at(3))).toBeUndefined();
      expect(await markInboxDone(store.db, id, 'b', at(4))).toBe(true);
      const done = await store.db.selectFrom('inbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      // The person's words go with the work; the row stays as a record.
      expect(done).toMatchObject({ status: 'done', payload: null, claimed_until: null });
    });

    it('takes every claimed row again at once after the embedded store is reopened', async () => {
      await enqueueInbox(store.db, row(1), T0);
      await take(store, 'a', T0);
      expect(await releaseInboxClaims(store.db, 'slack')).toBe(1);
      expect(await take(store, 'b', at(1))).toHaveLength(1);
    });

    it('retries a failed row later each time, then parks it with the reason', async () => {
      const id = (await enqueueInbox(store.db, row(1), T0)) as string;
      let now = T0;
      for (let attempt = 1; attempt <= INBOX_MAX_ATTEMPTS; attempt++) {
        const [taken] = await take(store, 'a', now);
        expect(taken).toMatchObject({ id, attempts: attempt });
        const outcome = await failInboxRow(store.db, taken as { id: string; attempts: number }, 'a', `Slack said no (${attempt})`, now);
        if (attempt < INBOX_MAX_ATTEMPTS) {
          expect(outcome).toBe('retry');
          const wait = inboxRetryDelayMs(attempt);
          expect(await take(store, 'a', new Date(now.getTime() + wait - 1))).toEqual([]);
          now = new Date(now.getTime() + wait);
        } else {
          expect(outcome).toBe('parked');
        }
      }
      expect([inboxRetryDelayMs(1), inboxRetryDelayMs(2), inboxRetryDelayMs(3)]).toEqual([2000, 4000, 8000]);
      expect(await take(store, 'a', at(3_600_000))).toEqual([]);
      expect(await parkedInbox(store.db)).toMatchObject([{ id, eventKey: 'slack:E1', platform: 'slack', attempts: INBOX_MAX_ATTEMPTS, lastError: 'Slack said no (5)' }]);
      // A failure that cannot get better is parked at once.
      const other = (await enqueueInbox(store.db, row(2), T0)) as string;
      const [second] = await take(store, 'a', at(1));
      expect(await failInboxRow(store.db, second as { id: string; attempts: number }, 'a', 'bad input', at(1), { park: true })).toBe('parked');
      expect((await parkedInbox(store.db)).map((p) => p.id).sort()).toEqual([id, other].sort());
    });

    it('puts a parked row back to be taken as new, its posts kept; drops one with its posts; only parked rows', async () => {
      const park = async (n: number): Promise<string> => {
        const id = (await enqueueInbox(store.db, row(n), T0)) as string;
        const [taken] = await take(store, 'a', T0);
        await failInboxRow(store.db, taken as InboxRow, 'a', `lasting ${n}`, T0, { park: true });
        return id;
      };
      const first = await park(1);
      const second = await park(2);
      const third = await park(3);
      await recordInboxPost(store.db, first, 1, { messageId: 'M1' }, T0);
      await recordInboxPost(store.db, third, 1, { messageId: 'M3' }, T0);
      const pending = (await enqueueInbox(store.db, row(4), T0)) as string;

      expect(await retryParkedInbox(store.db, { id: first }, at(60_000))).toEqual([first]);
      expect(await inboxRowStatus(store.db, first)).toBe('pending');
      const [again] = await take(store, 'b', at(60_000));
      // Taken as a new row: its first attempt, the last reason kept until the next outcome.
      expect(again).toMatchObject({ id: first, attempts: 1, status: 'pending', claimed_by: 'b', last_error: 'lasting 1', done_at: null });
      expect((await inboxPosts(store.db, first)).get(1)?.messageId).toBe('M1');

      // Not parked (pending, or taken), unknown, or not an id at all: nothing changes.
      for (const id of [first, pending, '999999', 'abc', '0', '1; drop table inbox']) {
        expect(await retryParkedInbox(store.db, { id }, at(60_000))).toEqual([]);
        expect(await dropParkedInbox(store.db, id)).toBe(false);
      }
      expect(await inboxRowStatus(store.db, 'abc')).toBeUndefined();

      expect(await dropParkedInbox(store.db, third)).toBe(true);
      expect(await inboxRowStatus(store.db, third)).toBeUndefined();
      expect(await inboxPosts(store.db, third)).toEqual(new Map());
      expect(await retryParkedInbox(store.db, { all: true }, at(60_000))).toEqual([second]);
      expect(await parkedInbox(store.db)).toEqual([]);
      expect(await retryParkedInbox(store.db, { all: true }, at(60_000))).toEqual([]);
    });

    it('records what a row posted, once per sequence number', async () => {
      const id = (await enqueueInbox(store.db, row(1), T0)) as string;
      const ref = { platform: 'slack', conversation: { channelId: 'D1' }, messageId: '1763700000.000100' };
      await recordInboxPost(store.db, id, 1, { messageId: ref.messageId, ref }, T0);
      await recordInboxPost(store.db, id, 1, { messageId: '1763700000.000999' }, T0);
      await recordInboxPost(store.db, id, 2, {}, T0);
      expect(await inboxPosts(store.db, id)).toEqual(
        new Map([
          [1, { messageId: '1763700000.000100', ref }],
          [2, { messageId: null, ref: null }],
        ]),
      );
    });

    it('prunes rows done or parked longer ago than event ids are kept, with their posts', async () => {
      const old = (await enqueueInbox(store.db, row(1), T0)) as string;
      const recent = (await enqueueInbox(store.db, row(2), T0)) as string;
      const waiting = (await enqueueInbox(store.db, row(3), T0)) as string;
      await take(store, 'a', T0);
      await recordInboxPost(store.db, old, 1, { messageId: 'x' }, T0);
      await markInboxDone(store.db, old, 'a', T0);
      await markInboxDone(store.db, recent, 'a', at(PROCESSED_EVENT_RETENTION_MS));
      expect(await pruneInbox(store.db, at(PROCESSED_EVENT_RETENTION_MS + 1))).toBe(1);
      const left = await store.db.selectFrom('inbox').select('id').orderBy('id').execute();
      expect(left.map((r) => r.id)).toEqual([recent, waiting]);
      expect(await inboxPosts(store.db, old)).toEqual(new Map());
    });
  });
}
