/**
 * Poll deadlines: each tick closes the open polls whose deadline has passed (the status change is
 * the claim, so one instance closes each) and sends each poll's one reminder when its time comes
 * (claimed in `scheduled_jobs`, so it goes out once across instances and restarts).
 */
import type { Kysely } from 'kysely';
import type { Logger } from '../log.ts';
import { pollsDue, pollsWithDeadline, type Poll } from '../store/polls.ts';
import type { Database } from '../store/schema.ts';
import { claimJob, finishJob } from '../store/topics.ts';

/** The reminder goes this long before the deadline at most… */
export const POLL_REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000;
/** …and only for a poll open at least this long before it (a short poll gets none). */
export const POLL_REMINDER_MIN_OPEN_MS = 2 * 60 * 60 * 1000;

/** When a poll's reminder is due: the deadline less a day, or half the poll's time when shorter; none for short polls. */
export function reminderAt(poll: Pick<Poll, 'created_at' | 'closes_at'>): Date | undefined {
  if (!poll.closes_at) return undefined;
  const open = poll.closes_at.getTime() - poll.created_at.getTime();
  if (open < POLL_REMINDER_MIN_OPEN_MS) return undefined;
  return new Date(poll.closes_at.getTime() - Math.min(POLL_REMINDER_BEFORE_MS, open / 2));
}

export interface PollDeadlinesDeps {
  db: Kysely<Database>;
  now: () => Date;
  instance: string;
  /** Closes the poll (final results in place of the buttons); undefined when it was closed already. */
  close(poll: Poll, actor: string): Promise<Poll | undefined>;
  /** Posts the poll's reminder in its conversations. */
  remind(poll: Poll): Promise<void>;
  log: Logger;
}

export class PollDeadlines {
  constructor(private readonly deps: PollDeadlinesDeps) {}

  async tick(): Promise<{ closed: string[]; reminded: string[] }> {
    const { db, now: clock, instance, log } = this.deps;
    const now = clock();
    const closed: string[] = [];
    const reminded: string[] = [];
    for (const poll of await pollsDue(db, now)) {
      try {
        if (await this.deps.close(poll, `scheduler:${instance}`)) closed.push(poll.id);
      } catch (error) {
        log.error({ err: error, pollId: poll.id }, 'poll not closed at its deadline');
      }
    }
    for (const poll of await pollsWithDeadline(db, now)) {
      const at = reminderAt(poll);
      if (!at || at.getTime() > now.getTime()) continue;
      const kind = `poll-reminder:${poll.id}`;
      if (!(await claimJob(db, kind, at, instance, now))) continue;
      try {
        await this.deps.remind(poll);
        await finishJob(db, kind, at, 'sent', null, now);
        reminded.push(poll.id);
      } catch (error) {
        await finishJob(db, kind, at, 'failed', null, now);
        log.error({ err: error, pollId: poll.id }, 'poll reminder not sent');
      }
    }
    return { closed, reminded };
  }
}
