/**
 * The inbox writer on a real store (each engine): the rows of requests arriving together are
 * written with their de-duplication claims, each caller getting its own row's id (none for a
 * redelivery, also when the first copy is still being written at that moment); a
 * row the store refuses fails alone, as a `bad_request`, while the rows written with it are kept;
 * a store that refuses every row fails each with its own error (the platform sends them again).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { InboxWriter } from '../../src/core/inbox-writer.ts';
import { isForumError } from '../../src/core/errors.ts';
import type { Store } from '../../src/store/index.ts';
import type { NewInboxRow } from '../../src/store/inbox.ts';
import { describeEngine, storeEngines } from '../support/stores.ts';

const NOW = new Date(Date.UTC(2026, 10, 23, 9, 0));
const row = (key: string, payload: unknown = { text: `question ${key}` }): NewInboxRow => ({ eventKey: `slack:${key}`, platform: 'slack', payload });
/** A key far longer than an index entry may be (PostgreSQL: about 2.7 kB), of random letters that do not compress. */
const UNINDEXABLE_KEY = randomBytes(6000).toString('hex');

/** What each write came to: its id (or undefined), or the error it failed with. */
function settle(writes: Promise<string | undefined>[]): Promise<({ id: string | undefined } | { error: unknown })[]> {
  return Promise.all(writes.map((w) => w.then((id) => ({ id }), (error: unknown) => ({ error }))));
}

for (const engine of storeEngines()) {
  describeEngine(engine)(`inbox writer on ${engine.name}`, () => {
    let store: Store;
    let idle: number;
    let writer: InboxWriter;
    beforeAll(async () => {
      store = await engine.open();
    });
    beforeEach(() => {
      idle = 0;
      writer = new InboxWriter(store, () => NOW, () => idle++);
    });
    afterAll(async () => {
      await store?.close();
    });

    /** The keys written that start with `prefix` (each test uses its own). */
    const keysWritten = async (prefix: string): Promise<string[]> =>
      (await store.db.selectFrom('inbox').select('event_key').where('event_key', 'like', `slack:${prefix}%`).orderBy('event_key').execute()).map((r) => r.event_key);
    const claimed = async (key: string): Promise<boolean> => (await store.db.selectFrom('processed_events').select('event_key').where('event_key', '=', key).execute()).length === 1;

    it('writes the rows of requests arriving together, one id each, none for a redelivery, then says it is idle', async () => {
      const keys = Array.from({ length: 60 }, (_, i) => `E${String(i).padStart(2, '0')}`);
      const writes = [...keys, 'E07'].map((key) => writer.write(row(key)));
      expect(writer.busy).toBe(true);
      const ids = await Promise.all(writes);
      expect(new Set(ids.slice(0, 60)).size).toBe(60);
      expect(ids[60]).toBeUndefined();
      expect(await keysWritten('E')).toEqual(keys.map((k) => `slack:${k}`));
      expect(writer.busy).toBe(false);
      await expect.poll(() => idle).toBeGreaterThanOrEqual(1);
    });

    it('writes a redelivery arriving while the first copy is being written once', async () => {
      const first = writer.write(row('Again'));
      // The next turn of the event loop: the first statement is under way, the copy goes in the next one.
      await new Promise((resolve) => setImmediate(resolve));
      const second = writer.write(row('Again'));
      const ids = await Promise.all([first, second]);
      expect(ids.filter((id) => id !== undefined)).toHaveLength(1);
      expect(await keysWritten('Again')).toEqual(['slack:Again']);
    });

    it('refuses only the row the store cannot take, as a bad request, and keeps the rows written with it', async () => {
      const results = await settle([row('Good1'), row(UNINDEXABLE_KEY), row('Good2'), row('Good3', { n: 1n }), row('Good4')].map((r) => writer.write(r)));
      const [good1, unindexable, good2, unwritable, good3] = results;
      for (const good of [good1, good2, good3]) expect(good && 'id' in good && typeof good.id === 'string').toBe(true);
      for (const bad of [unindexable, unwritable]) {
        const error = bad && 'error' in bad ? bad.error : undefined;
        expect(isForumError(error) && error.code === 'bad_request').toBe(true);
      }
      expect(await keysWritten('Good')).toEqual(['slack:Good1', 'slack:Good2', 'slack:Good4']);
      // No claim is left for the refused rows: nothing says they were taken.
      expect(await claimed(`slack:${UNINDEXABLE_KEY}`)).toBe(false);
      expect(await claimed('slack:Good3')).toBe(false);
      expect(await claimed('slack:Good2')).toBe(true);
    });

    it('fails every row with the store’s own error when the store refuses them all, and writes them when it takes them again', async () => {
      await store.db.schema.alterTable('inbox').renameTo('inbox_away').execute();
      let results: Awaited<ReturnType<typeof settle>>;
      try {
        results = await settle(['Out1', 'Out2', 'Out3'].map((key) => writer.write(row(key))));
      } finally {
        await store.db.schema.alterTable('inbox_away').renameTo('inbox').execute();
      }
      for (const result of results) {
        expect('error' in result && result.error instanceof Error).toBe(true);
        // Not the row's fault: the platform is to send it again.
        expect(isForumError('error' in result ? result.error : undefined)).toBe(false);
      }
      expect(await Promise.all(['Out1', 'Out2', 'Out3'].map((key) => writer.write(row(key))))).toEqual([expect.any(String), expect.any(String), expect.any(String)]);
    });
  });
}
