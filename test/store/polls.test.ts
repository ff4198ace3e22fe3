/** Votes in the store, on both engines: one per person (upsert, toggle), none once closed or past the deadline, concurrent votes exact. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { castVote, closePoll, createPoll, tallyPoll, voterKey, voterOf } from '../../src/store/polls.ts';
import { describeEngine, storeEngines } from '../support/stores.ts';

const at = (minutes: number): Date => new Date(Date.UTC(2026, 10, 23, 9, minutes));
const base = { question: 'Q', lang: 'en', creator: 'slack:UMOD', anonymous: false };

for (const engine of storeEngines()) {
  describeEngine(engine)(`poll votes on ${engine.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await engine.open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('keeps one ballot per person on a single-choice poll, the last one counting', async () => {
      const poll = await createPoll(store.db, { ...base, options: ['A', 'B'], kind: 'single' }, at(0));
      expect(await castVote(store.db, poll, 'slack:U1', 0, at(1))).toBe('recorded');
      expect(await castVote(store.db, poll, 'slack:U1', 0, at(2))).toBe('unchanged');
      expect(await castVote(store.db, poll, 'slack:U1', 1, at(3))).toBe('changed');
      expect(await castVote(store.db, poll, 'slack:U2', 1, at(4))).toBe('recorded');
      expect(await tallyPoll(store.db, poll)).toEqual({ counts: [0, 2], voters: 2 });
    });

    it('toggles the options of a multiple-choice poll, telling a first answer from another pick', async () => {
      const poll = await createPoll(store.db, { ...base, options: ['A', 'B', 'C'], kind: 'multi' }, at(0));
      expect(await castVote(store.db, poll, 'slack:U1', 0, at(1))).toBe('recorded');
      expect(await castVote(store.db, poll, 'slack:U1', 2, at(2))).toBe('added');
      expect(await castVote(store.db, poll, 'slack:U1', 0, at(3))).toBe('removed');
      expect(await castVote(store.db, poll, 'slack:U2', 2, at(4))).toBe('recorded');
      expect(await tallyPoll(store.db, poll)).toEqual({ counts: [0, 0, 2], voters: 2 });
    });

    it('counts a click run twice once: a toggle is not undone, an older click does not overwrite a newer one', async () => {
      const multi = await createPoll(store.db, { ...base, options: ['A', 'B'], kind: 'multi' }, at(0));
      expect(await castVote(store.db, multi, 'slack:U1', 1, at(1), 'vote:slack:T1')).toBe('recorded');
      expect(await castVote(store.db, multi, 'slack:U1', 1, at(2), 'vote:slack:T1')).toBe('replayed');
      expect(await tallyPoll(store.db, multi)).toEqual({ counts: [0, 1], voters: 1 });
      expect(await castVote(store.db, multi, 'slack:U1', 1, at(3), 'vote:slack:T2')).toBe('removed');
      expect(await castVote(store.db, multi, 'slack:U1', 1, at(4), 'vote:slack:T2')).toBe('replayed');
      expect(await tallyPoll(store.db, multi)).toEqual({ counts: [0, 0], voters: 0 });
      const single = await createPoll(store.db, { ...base, options: ['A', 'B'], kind: 'single' }, at(0));
      expect(await castVote(store.db, single, 'slack:U1', 0, at(1), 'vote:slack:T3')).toBe('recorded');
      expect(await castVote(store.db, single, 'slack:U1', 1, at(2), 'vote:slack:T4')).toBe('changed');
      expect(await castVote(store.db, single, 'slack:U1', 0, at(3), 'vote:slack:T3')).toBe('replayed');
      expect(await tallyPoll(store.db, single)).toEqual({ counts: [0, 1], voters: 1 });
      // A refused click leaves its key free (nothing was done).
      await closePoll(store.db, single.id, 'slack:UMOD', at(4));
      expect(await castVote(store.db, single, 'slack:U2', 0, at(5), 'vote:slack:T5')).toBe('closed');
      expect(await store.db.selectFrom('processed_events').select('event_key').where('event_key', '=', 'vote:slack:T5').execute()).toEqual([]);
    });

    it("keeps a person's later click when their earlier one runs after it (a backlog, another replica, a row taken again)", async () => {
      const single = await createPoll(store.db, { ...base, options: ['A', 'B', 'C'], kind: 'single' }, at(0));
      // Clicked at 1 (A), then at 2 (B); run in the other order, both at 3.
      expect(await castVote(store.db, single, 'slack:U1', 1, at(3), 'vote:slack:T11', at(2))).toBe('recorded');
      expect(await castVote(store.db, single, 'slack:U1', 0, at(3), 'vote:slack:T10', at(1))).toBe('unchanged');
      expect(await tallyPoll(store.db, single)).toEqual({ counts: [0, 1, 0], voters: 1 });
      // A later click still changes it; the vote's time is the click's.
      expect(await castVote(store.db, single, 'slack:U1', 2, at(4), 'vote:slack:T12', at(4))).toBe('changed');
      expect(await store.db.selectFrom('poll_ballots').select(['option', 'voted_at']).where('poll_id', '=', single.id).execute()).toEqual([{ option: 2, voted_at: at(4) }]);
      // Toggles of a multiple-choice poll give the same picks in any order.
      const multi = await createPoll(store.db, { ...base, options: ['A', 'B'], kind: 'multi' }, at(0));
      expect(await castVote(store.db, multi, 'slack:U1', 1, at(5), 'vote:slack:T21', at(2))).toBe('recorded');
      expect(await castVote(store.db, multi, 'slack:U1', 1, at(5), 'vote:slack:T20', at(1))).toBe('removed');
      expect(await tallyPoll(store.db, multi)).toEqual({ counts: [0, 0], voters: 0 });
    });

    it('takes no vote once the poll is closed or its deadline has passed', async () => {
      const closing = await createPoll(store.db, { ...base, options: ['A', 'B'], kind: 'single', closesAt: at(10) }, at(0));
      expect(await castVote(store.db, closing, 'slack:U1', 0, at(9))).toBe('recorded');
      expect(await castVote(store.db, closing, 'slack:U2', 0, at(10))).toBe('closed');
      // A click made before the deadline, run after it (a backlog, a dead replica's row), counts.
      expect(await castVote(store.db, closing, 'slack:U3', 1, at(12), 'vote:slack:T-late', at(9))).toBe('recorded');
      expect(await castVote(store.db, closing, 'slack:U4', 1, at(12), 'vote:slack:T-after', at(11))).toBe('closed');
      const closed = await createPoll(store.db, { ...base, options: ['A', 'B'], kind: 'multi' }, at(0));
      expect(await closePoll(store.db, closed.id, 'slack:UMOD', at(1))).toMatchObject({ status: 'closed', closed_by: 'slack:UMOD' });
      expect(await closePoll(store.db, closed.id, 'slack:UMOD', at(2))).toBeUndefined();
      expect(await castVote(store.db, closed, 'slack:U1', 0, at(3))).toBe('closed');
      expect(await tallyPoll(store.db, closed)).toEqual({ counts: [0, 0], voters: 0 });
    });

    it('counts concurrent votes of many people exactly, and hashes anonymous voters per poll', async () => {
      const poll = await createPoll(store.db, { ...base, anonymous: true, options: ['A', 'B', 'C'], kind: 'single' }, at(0));
      const key = await voterKey(store.db);
      expect(await voterKey(store.db)).toBe(key);
      const people = Array.from({ length: 60 }, (_, i) => `teams:person-${i}`);
      // Each person clicks twice at once (a double click): one ballot each.
      await Promise.all(people.flatMap((p, i) => [castVote(store.db, poll, voterOf(poll, p, key), i % 3, at(1)), castVote(store.db, poll, voterOf(poll, p, key), i % 3, at(1))]));
      expect(await tallyPoll(store.db, poll)).toEqual({ counts: [20, 20, 20], voters: 60 });
      const other = await createPoll(store.db, { ...base, anonymous: true, options: ['A', 'B'], kind: 'single' }, at(0));
      expect(voterOf(poll, 'teams:person-1', key)).not.toBe(voterOf(other, 'teams:person-1', key));
      expect(voterOf(poll, 'teams:person-1', key)).not.toContain('person-1');
    });
  });
}
