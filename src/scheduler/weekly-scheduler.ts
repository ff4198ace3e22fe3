/**
 * The weekly topic, on time and once. Each tick looks at the slots passed since the schedule was
 * set (the last few weeks at most): each is claimed in the store (one insert, so one instance wins
 * and a restart finds it taken), then the next queued topic is published — late if the slot was
 * missed by less than a day, otherwise the slot is skipped and the moderators are told. Two days
 * before a slot with an empty queue, the moderators are reminded, once.
 */
import type { Kysely } from 'kysely';
import type { Logger } from '../log.ts';
import type { Database } from '../store/schema.ts';
import { claimedSlots, claimJob, finishJob, getSchedule, markTopicPosted, queuedTopics, type Topic } from '../store/topics.ts';
import { nextSlot, slotsBetween, type WeeklySlot } from './weekly-slot.ts';

/** A slot missed by less than this is posted late; an older one is skipped. */
export const LATE_POST_LIMIT_MS = 24 * 60 * 60 * 1000;
/** The moderators are reminded this long before a slot whose queue is empty. */
export const EMPTY_QUEUE_REMINDER_MS = 2 * 24 * 60 * 60 * 1000;
/** Missed slots looked at after a long stop (older ones are simply gone). */
const MAX_MISSED_SLOTS = 5;
/** How often a running bot looks at the clock. */
export const TICK_INTERVAL_MS = 60 * 1000;

export type ModeratorNotice =
  | { kind: 'queue_empty'; slotAt: Date }
  | { kind: 'slot_empty'; slotAt: Date }
  | { kind: 'slot_skipped'; slotAt: Date };

export interface WeeklySchedulerDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** Tells claims apart in the store (host name and process id in production). */
  instance: string;
  /** Posts the topic to every discussion channel. */
  publish(topic: Topic, slotAt: Date): Promise<void>;
  /** Tells the moderators privately. */
  notify(notice: ModeratorNotice): Promise<void>;
  /** Queues the next discussion starter (when the schedule allows it and the queue is empty). */
  takeStarter?(): Promise<Topic | undefined>;
  /** Other durable jobs run on the same timer after each tick (poll deadlines). */
  alsoEachTick?: () => Promise<unknown>;
  log: Logger;
}

export interface TickReport {
  posted: { topicId: string; slotAt: Date }[];
  notices: ModeratorNotice[];
}

function slotOf(row: { weekday: number; hour: number; minute: number; time_zone: string }): WeeklySlot {
  return { weekday: row.weekday, hour: row.hour, minute: row.minute, timeZone: row.time_zone };
}

export class WeeklyScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly deps: WeeklySchedulerDeps) {}

  async tick(): Promise<TickReport> {
    const { db, now: clock, instance, log } = this.deps;
    const report: TickReport = { posted: [], notices: [] };
    const schedule = await getSchedule(db);
    if (!schedule) return report;
    const now = clock();
    const slot = slotOf(schedule);
    const slots = slotsBetween(slot, schedule.updated_at, now, MAX_MISSED_SLOTS);
    // One read for the slots already taken (nearly always all of them), instead of one insert each.
    const taken = await claimedSlots(db, 'topic', slots);
    for (const slotAt of slots) {
      if (taken.has(slotAt.getTime()) || !(await claimJob(db, 'topic', slotAt, instance, now))) continue;
      if (now.getTime() - slotAt.getTime() >= LATE_POST_LIMIT_MS) {
        await finishJob(db, 'topic', slotAt, 'skipped', null, now);
        await this.tell({ kind: 'slot_skipped', slotAt }, report);
        continue;
      }
      // Marked first (a topic posted by hand meanwhile is passed over): should the post fail
      // half-way, the topic is not posted again next week.
      let topic: Topic | undefined;
      for (const candidate of await queuedTopics(db)) {
        topic = await markTopicPosted(db, candidate.id, `scheduler:${instance}`, now, slotAt.toISOString());
        if (topic) break;
      }
      if (!topic && schedule.use_starters && this.deps.takeStarter) {
        const starter = await this.deps.takeStarter();
        if (starter) topic = await markTopicPosted(db, starter.id, `scheduler:${instance}`, now, slotAt.toISOString());
      }
      if (!topic) {
        await finishJob(db, 'topic', slotAt, 'empty', null, now);
        await this.tell({ kind: 'slot_empty', slotAt }, report);
        continue;
      }
      await finishJob(db, 'topic', slotAt, 'posted', topic.id, now);
      try {
        await this.deps.publish(topic, slotAt);
      } catch (error) {
        log.error({ err: error, topicId: topic.id }, 'weekly topic could not be posted everywhere');
      }
      report.posted.push({ topicId: topic.id, slotAt });
    }
    const upcoming = nextSlot(slot, now);
    // With the starter library on, an empty queue is not the moderators' problem.
    if (!schedule.use_starters && upcoming.getTime() - now.getTime() <= EMPTY_QUEUE_REMINDER_MS && (await queuedTopics(db)).length === 0) {
      if (await claimJob(db, 'reminder', upcoming, instance, now)) {
        await finishJob(db, 'reminder', upcoming, 'sent', null, now);
        await this.tell({ kind: 'queue_empty', slotAt: upcoming }, report);
      }
    }
    return report;
  }

  private async tell(notice: ModeratorNotice, report: TickReport): Promise<void> {
    report.notices.push(notice);
    try {
      await this.deps.notify(notice);
    } catch (error) {
      this.deps.log.error({ err: error, notice: notice.kind }, 'moderators could not be told');
    }
  }

  /** Ticks every `intervalMs` until `stop()`; one tick at a time. */
  start(intervalMs = TICK_INTERVAL_MS): void {
    if (this.timer) return;
    const run = (): void => {
      if (this.running) return;
      this.running = this.tick()
        .then(() => this.deps.alsoEachTick?.())
        .catch((error: unknown) => this.deps.log.error({ err: error }, 'scheduler tick failed'))
        .finally(() => {
          this.running = undefined;
        });
    };
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
    run();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
