/**
 * The store's priority gate on the embedded store: while it is held, a statement through
 * `Store.db` (the inbox worker's rows) waits, and the acknowledgements' writes through
 * `Store.intake` go first; woken once it is no longer held, or when it stops being held
 * unannounced, the waiting statement runs. A transaction begun before the gate was held is not
 * left open: its statements go on. On PostgreSQL nothing waits.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { enqueueInbox } from '../../src/store/inbox.ts';
import { describeEngine, storeEngines } from '../support/stores.ts';

const NOW = new Date(Date.UTC(2026, 10, 23, 9, 0));
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

for (const engine of storeEngines().filter((e) => e.name === 'pglite')) {
  describeEngine(engine)(`priority gate on ${engine.name}`, () => {
    let store: Store;
    let held: boolean;
    beforeEach(async () => {
      store = await engine.open();
      held = false;
      store.gate.held = () => held;
    });
    afterEach(async () => {
      held = false;
      store.gate.wake();
      await store.close();
    });

    /** What happened, in order. */
    const order: string[] = [];
    const note = (what: string) => () => void order.push(what);

    it('holds the statements of the rows under way while acknowledgements are written, then lets them run', async () => {
      order.length = 0;
      held = true;
      const worker = sql`select 1`.execute(store.db).then(note('worker'));
      await pause(100);
      // The acknowledgement's write does not wait, on the embedded store's one connection too.
      await enqueueInbox(store.intake, { eventKey: 'slack:E1', platform: 'slack', payload: {} }, NOW).then(note('acknowledgement'));
      await pause(100);
      expect(order).toEqual(['acknowledgement']);
      held = false;
      store.gate.wake();
      await worker;
      expect(order).toEqual(['acknowledgement', 'worker']);
    });

    it('lets a waiting statement run when the gate stops being held without a word', async () => {
      order.length = 0;
      held = true;
      const worker = sql`select 1`.execute(store.db).then(note('worker'));
      await pause(100);
      expect(order).toEqual([]);
      // As the endpoint's hold ends after HOLD_OFF_MAX_MS: nobody calls wake.
      held = false;
      await worker;
      expect(order).toEqual(['worker']);
    });

    it('does not hold a transaction begun before the gate was held', async () => {
      let inside: () => void = () => undefined;
      const begun = new Promise<void>((resolve) => {
        inside = resolve;
      });
      const transaction = store.db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        inside();
        await pause(50);
        // The gate is held now; the transaction's connection is taken already.
        return (await sql<{ n: number }>`select 2 as n`.execute(trx)).rows[0]?.n;
      });
      await begun;
      held = true;
      expect(await transaction).toBe(2);
    });
  });
}

for (const engine of storeEngines().filter((e) => e.name === 'postgres')) {
  describeEngine(engine)(`priority gate on ${engine.name}`, () => {
    it('holds nothing: the acknowledgements’ writes have a connection of their own', async () => {
      const store = await engine.open();
      try {
        store.gate.held = () => true;
        expect((await sql<{ n: number }>`select 1 as n`.execute(store.db)).rows).toEqual([{ n: 1 }]);
      } finally {
        store.gate.held = () => false;
        await store.close();
      }
    });
  });
}
