/**
 * The weekly topic over a year on an injected clock: every slot posted once, none twice, none
 * missing, across both daylight-saving changes and a restart; on PostgreSQL, two instances ticking
 * at the same moments. Missed slots: late within a day, skipped (and the moderators told) after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { queueNextStarter } from '../../src/features/discussions/publish.ts';
import { silentLogger } from '../../src/log.ts';
import { nextSlot, slotsBetween } from '../../src/scheduler/weekly-slot.ts';
import { WeeklyScheduler, type ModeratorNotice } from '../../src/scheduler/weekly-scheduler.ts';
import type { Store } from '../../src/store/index.ts';
import { createTopic, jobsOf, queuedTopics, setSchedule, topicEvents } from '../../src/store/topics.ts';
import { describeEngine, storeEngines } from '../support/stores.ts';

const ZONE = 'Europe/Zurich';
const HOUR = 60 * 60 * 1000;
/** Monday 09:00 in Zurich. */
const SLOT = { weekday: 1, hour: 9, minute: 0, timeZone: ZONE };

function localWeekdayTime(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

interface Posted {
  topicId: string;
  slotAt: Date;
  instance: string;
}

function scheduler(store: Store, clock: { now: Date }, instance: string, posted: Posted[], notices: ModeratorNotice[]): WeeklyScheduler {
  return new WeeklyScheduler({
    db: store.db,
    now: () => clock.now,
    instance,
    publish: (topic, slotAt) => {
      posted.push({ topicId: topic.id, slotAt, instance });
      return Promise.resolve();
    },
    notify: (notice) => {
      notices.push(notice);
      return Promise.resolve();
    },
    log: silentLogger(),
  });
}

async function queueTopics(store: Store, count: number, now: Date): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await createTopic(store.db, { title: `Topic ${i}`, description: 'd', lang: 'en', category: null, author: 'slack:UMOD' }, 'queued', now);
  }
}

describe('weekly slot', () => {
  it('keeps 09:00 local time across the daylight-saving changes', () => {
    const march = nextSlot(SLOT, new Date('2026-03-24T00:00:00Z'));
    const april = nextSlot(SLOT, new Date('2026-03-31T00:00:00Z'));
    expect(march.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(nextSlot(SLOT, new Date('2026-03-20T00:00:00Z')).toISOString()).toBe('2026-03-23T08:00:00.000Z');
    expect(april.toISOString()).toBe('2026-04-06T07:00:00.000Z');
    expect(nextSlot(SLOT, new Date('2026-10-24T00:00:00Z')).toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(slotsBetween(SLOT, new Date('2026-03-01T00:00:00Z'), new Date('2026-04-01T00:00:00Z'), 10).map(localWeekdayTime)).toEqual([
      'Monday 09:00',
      'Monday 09:00',
      'Monday 09:00',
      'Monday 09:00',
      'Monday 09:00',
    ]);
  });
});

for (const engine of storeEngines()) {
  describeEngine(engine)(`weekly scheduler on ${engine.name}`, () => {
    it('posts every slot of a year once, across daylight-saving changes and a restart', { timeout: 240_000 }, async () => {
      const target = await engine.persistent();
      const start = new Date('2026-01-01T00:00:00Z');
      const end = new Date('2027-01-01T00:00:00Z');
      const clock = { now: start };
      const posted: Posted[] = [];
      const notices: ModeratorNotice[] = [];
      // Two instances share PostgreSQL; the embedded database is one process's.
      const instances = engine.name === 'postgres' ? 2 : 1;
      let stores = await Promise.all(Array.from({ length: instances }, () => target.open()));
      try {
        await setSchedule(stores[0]!.db, SLOT, 'slack:UMOD', start);
        await queueTopics(stores[0]!, 60, start);
        let schedulers = stores.map((s, i) => scheduler(s, clock, `instance-${i}`, posted, notices));
        const restartAt = new Date('2026-07-01T03:00:00Z').getTime();
        let restarted = false;
        for (let t = start.getTime(); t < end.getTime(); t += 3 * HOUR) {
          if (!restarted && t >= restartAt) {
            // Every instance stops and starts again on the same database.
            await Promise.all(stores.map((s) => s.close()));
            stores = await Promise.all(Array.from({ length: instances }, () => target.open()));
            schedulers = stores.map((s, i) => scheduler(s, clock, `instance-${i}-restarted`, posted, notices));
            restarted = true;
          }
          clock.now = new Date(t);
          await Promise.all(schedulers.map((s) => s.tick()));
        }
        const expected = slotsBetween(SLOT, start, end, 60);
        expect(expected).toHaveLength(52);
        expect(posted.map((p) => p.slotAt.toISOString())).toEqual(expected.map((d) => d.toISOString()));
        expect(new Set(posted.map((p) => p.topicId)).size).toBe(52);
        expect(posted.every((p) => localWeekdayTime(p.slotAt) === 'Monday 09:00')).toBe(true);
        const jobs = await jobsOf(stores[0]!.db, 'topic');
        expect(jobs).toHaveLength(52);
        expect(jobs.every((j) => j.outcome === 'posted')).toBe(true);
        expect(notices).toEqual([]);
        expect(await queuedTopics(stores[0]!.db)).toHaveLength(8);
        const history = await topicEvents(stores[0]!.db, posted[0]!.topicId);
        expect(history.map((e) => e.action)).toEqual(['queued', 'posted']);
        expect(history[1]?.actor).toMatch(/^scheduler:instance-/);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
        await target.dispose();
      }
    });

    describe('after a stop', () => {
      let store: Store;
      beforeAll(async () => {
        store = await engine.open();
      });
      afterAll(async () => {
        await store?.close();
      });

      it('fills an empty queue from the starter library when the schedule allows it, rotating areas, without reminders', async () => {
        const t0 = new Date('2027-02-01T00:00:00Z');
        const clock = { now: t0 };
        const posted: Posted[] = [];
        const notices: ModeratorNotice[] = [];
        await setSchedule(store.db, { ...SLOT, useStarters: true }, 'slack:UMOD', t0);
        const services = { config: loadConfig({ DEFAULT_LANG: 'fr' }), store, log: silentLogger(), now: () => clock.now };
        const s = new WeeklyScheduler({
          db: store.db,
          now: () => clock.now,
          instance: 'starters',
          publish: (topic, slotAt) => {
            posted.push({ topicId: topic.id, slotAt, instance: 'starters' });
            return Promise.resolve();
          },
          notify: (notice) => {
            notices.push(notice);
            return Promise.resolve();
          },
          takeStarter: () => queueNextStarter(services),
          log: silentLogger(),
        });
        for (let t = t0.getTime(); t < new Date('2027-02-22T12:00:00Z').getTime(); t += 6 * HOUR) {
          clock.now = new Date(t);
          await s.tick();
        }
        expect(posted).toHaveLength(3);
        const topics = await store.db.selectFrom('topics').selectAll().where('author', '=', 'starter').orderBy('id').execute();
        expect(topics.map((t) => t.status)).toEqual(['posted', 'posted', 'posted']);
        expect(new Set(topics.map((t) => t.category)).size).toBe(3);
        expect(topics.every((t) => t.lang === 'fr' && t.starter_id !== null)).toBe(true);
        expect(notices).toEqual([]);
      });

      it('posts a slot missed by less than a day late, skips an older one and tells the moderators, reminds them of an empty queue once', async () => {
        const t0 = new Date('2026-11-02T00:00:00Z');
        const clock = { now: t0 };
        const posted: Posted[] = [];
        const notices: ModeratorNotice[] = [];
        await setSchedule(store.db, SLOT, 'slack:UMOD', t0);
        await queueTopics(store, 1, t0);
        const s = scheduler(store, clock, 'solo', posted, notices);
        // Monday 2 November 09:00 (08:00 UTC) passes while the bot is down; it is back at 18:00 UTC.
        clock.now = new Date('2026-11-02T18:00:00Z');
        await s.tick();
        expect(posted.map((p) => p.slotAt.toISOString())).toEqual(['2026-11-02T08:00:00.000Z']);
        // The queue is now empty: two days before the next slot, one reminder, however many ticks.
        for (const at of ['2026-11-07T07:00:00Z', '2026-11-07T09:00:00Z', '2026-11-08T12:00:00Z']) {
          clock.now = new Date(at);
          await s.tick();
        }
        expect(notices).toEqual([{ kind: 'queue_empty', slotAt: new Date('2026-11-09T08:00:00Z') }]);
        // Down from before Monday 9 November until Wednesday: that slot is skipped, the moderators told.
        clock.now = new Date('2026-11-11T10:00:00Z');
        await s.tick();
        expect(notices.at(-1)).toEqual({ kind: 'slot_skipped', slotAt: new Date('2026-11-09T08:00:00Z') });
        expect(posted).toHaveLength(1);
        // Nothing is done twice.
        await s.tick();
        expect(notices).toHaveLength(2);
      });
    });
  });
}
