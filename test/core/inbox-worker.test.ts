/**
 * The inbox worker on a real store (each engine): a row runs once however the application's clock
 * moves while it runs (its lease is on the store's clock), and a worker never takes again a row it
 * is running, even one whose lease ran out because it could not be renewed in time — a second run
 * would repeat the row's effects (a question recorded twice).
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { InboxWorker } from '../../src/core/inbox-worker.ts';
import { silentLogger } from '../../src/log.ts';
import type { Store } from '../../src/store/index.ts';
import { enqueueInbox, type InboxRow } from '../../src/store/inbox.ts';
import { describeEngine, storeEngines } from '../support/stores.ts';

const T0 = new Date(Date.UTC(2026, 10, 23, 9, 0));
const POLL_MS = 20;
const LEASE_MS = 10_000;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

for (const engine of storeEngines()) {
  describeEngine(engine)(`inbox worker on ${engine.name}`, () => {
    let store: Store;
    let worker: InboxWorker;
    const clock = { now: T0 };
    /** The rows' runs, in order; each waits for `release`. */
    let runs: InboxRow[];
    let release: () => void;

    beforeEach(async () => {
      store = await engine.open();
      clock.now = T0;
      runs = [];
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      worker = new InboxWorker({
        store,
        log: silentLogger(),
        now: () => clock.now,
        platform: 'slack',
        pollMs: POLL_MS,
        leaseMs: LEASE_MS,
        run: async (row) => {
          runs.push(row);
          await held;
          return 'handled';
        },
      });
    });
    afterEach(async () => {
      release();
      await worker.close();
      await store.close();
    });

    /** Writes a row, starts the worker and waits until the row is running. */
    async function running(): Promise<string> {
      const id = (await enqueueInbox(store.db, { eventKey: 'slack:E1', platform: 'slack', payload: { text: 'a question' } }, T0)) as string;
      await worker.start();
      await expect.poll(() => runs.length).toBe(1);
      return id;
    }

    /** Lets the worker look for rows many times, then lets the run end; the row is done. */
    async function finish(id: string): Promise<void> {
      for (let i = 0; i < 10; i++) {
        worker.nudge();
        await pause(POLL_MS * 2);
      }
      release();
      await expect.poll(async () => (await store.db.selectFrom('inbox').select('status').where('id', '=', id).executeTakeFirst())?.status).toBe('done');
    }

    it('runs a row once when the application’s clock moves past its lease while it runs', async () => {
      const id = await running();
      // The clock a test moves on (or one stepped by NTP): an hour later, by the application's time.
      clock.now = new Date(T0.getTime() + 3_600_000);
      await finish(id);
      expect(runs.map((r) => r.id)).toEqual([id]);
      expect(await store.db.selectFrom('inbox').select('attempts').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ attempts: 1 });
    });

    it('never takes again a row it is running, even when its lease ran out on the store’s clock', async () => {
      const id = await running();
      // The renewals did not land in time (a store out of reach, a thread held up): the lease is over.
      await sql`update inbox set claimed_until = now() - interval '1 second' where id = ${id}`.execute(store.db);
      await finish(id);
      expect(runs.map((r) => r.id)).toEqual([id]);
    });
  });
}
