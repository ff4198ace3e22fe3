/** Topics through their life cycle, every change recorded with who and when; the weekly slot; job claims. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import {
  approveTopic,
  claimJob,
  closeTopic,
  createTopic,
  getSchedule,
  markTopicPosted,
  queuedTopics,
  rejectTopic,
  setSchedule,
  topicEvents,
} from '../../src/store/topics.ts';
import { describeEngine, storeEngines } from '../support/stores.ts';

const at = (minutes: number): Date => new Date(Date.UTC(2026, 10, 2, 9, minutes));
const proposal = (title: string) => ({ title, description: 'Why it matters', lang: 'fr', category: 'evaluation', author: 'slack:UMEMBER' });

for (const engine of storeEngines()) {
  describeEngine(engine)(`topics on ${engine.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await engine.open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('goes proposed → queued (in order) → posted → closed, or proposed → rejected with its reason', async () => {
      const a = await createTopic(store.db, proposal('A'), 'proposed', at(0));
      const b = await createTopic(store.db, proposal('B'), 'proposed', at(1));
      const c = await createTopic(store.db, proposal('C'), 'proposed', at(2));
      expect(await queuedTopics(store.db)).toEqual([]);
      await approveTopic(store.db, b.id, 'slack:UMOD', at(3));
      await approveTopic(store.db, a.id, 'slack:UMOD', at(4));
      expect((await queuedTopics(store.db)).map((t) => t.title)).toEqual(['B', 'A']);
      const rejected = await rejectTopic(store.db, c.id, 'teams:MOD', 'Already discussed in March', at(5));
      expect(rejected).toMatchObject({ status: 'rejected', reject_reason: 'Already discussed in March' });
      // A decision taken twice is refused the second time.
      expect(await approveTopic(store.db, c.id, 'slack:UMOD', at(6))).toBeUndefined();
      expect(await approveTopic(store.db, b.id, 'slack:UMOD', at(6))).toBeUndefined();
      expect(await markTopicPosted(store.db, b.id, 'scheduler:x', at(7))).toMatchObject({ status: 'posted', queue_position: null });
      expect(await markTopicPosted(store.db, b.id, 'scheduler:y', at(8))).toBeUndefined();
      expect(await closeTopic(store.db, b.id, 'slack:UMOD', at(9))).toMatchObject({ status: 'closed' });
      expect((await topicEvents(store.db, b.id)).map((e) => [e.action, e.actor, e.at.toISOString()])).toEqual([
        ['proposed', 'slack:UMEMBER', at(1).toISOString()],
        ['approved', 'slack:UMOD', at(3).toISOString()],
        ['posted', 'scheduler:x', at(7).toISOString()],
        ['closed', 'slack:UMOD', at(9).toISOString()],
      ]);
      expect((await topicEvents(store.db, c.id)).map((e) => [e.action, e.detail])).toEqual([
        ['proposed', null],
        ['rejected', 'Already discussed in March'],
      ]);
      // People's decisions are in the audit log too; the scheduler's post is not a decision.
      const audited = await store.db.selectFrom('audit_log').select(['actor', 'action', 'subject']).where('action', 'like', 'topic.%').orderBy('id').execute();
      expect(audited).toEqual([
        { actor: 'slack:UMOD', action: 'topic.approved', subject: `topic:${b.id}` },
        { actor: 'slack:UMOD', action: 'topic.approved', subject: `topic:${a.id}` },
        { actor: 'teams:MOD', action: 'topic.rejected', subject: `topic:${c.id}` },
        { actor: 'slack:UMOD', action: 'topic.closed', subject: `topic:${b.id}` },
      ]);
    });

    it('keeps one weekly slot, the latest set', async () => {
      await setSchedule(store.db, { weekday: 1, hour: 9, minute: 0, timeZone: 'Europe/Zurich' }, 'slack:UMOD', at(0));
      await setSchedule(store.db, { weekday: 3, hour: 14, minute: 30, timeZone: 'America/Bogota' }, 'teams:MOD', at(1));
      expect(await getSchedule(store.db)).toMatchObject({ weekday: 3, hour: 14, minute: 30, time_zone: 'America/Bogota', updated_by: 'teams:MOD' });
      const changes = await store.db.selectFrom('audit_log').select(['actor']).where('action', '=', 'topic.schedule').orderBy('id').execute();
      expect(changes.map((c) => c.actor)).toEqual(['slack:UMOD', 'teams:MOD']);
    });

    it('gives a job to one claimant only, even when they ask at once', async () => {
      const slot = at(30);
      const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => claimJob(store.db, 'topic', slot, `i${i}`, at(30))));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await claimJob(store.db, 'reminder', slot, 'i0', at(30))).toBe(true);
    });
  });
}
