/**
 * The forum's weekly slot in its time zone: when the next topic goes out, and which slots have
 * passed. The zone's daylight-saving changes are croner's business (IANA zones through Intl).
 */
import { Cron } from 'croner';

export interface WeeklySlot {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  minute: number;
  timeZone: string;
}

function cronOf(slot: WeeklySlot): Cron {
  // Cron counts Sunday as 0.
  return new Cron(`${slot.minute} ${slot.hour} * * ${slot.weekday % 7}`, { timezone: slot.timeZone, paused: true });
}

/** The first slot strictly after `after`. */
export function nextSlot(slot: WeeklySlot, after: Date): Date {
  const next = cronOf(slot).nextRun(after);
  if (!next) throw new Error(`no next slot for ${JSON.stringify(slot)}`);
  return next;
}

/** The slots in (since, until], oldest first; at most `limit`, the most recent ones. */
export function slotsBetween(slot: WeeklySlot, since: Date, until: Date, limit: number): Date[] {
  const runs = cronOf(slot).previousRuns(limit, until);
  return runs.filter((run) => run.getTime() > since.getTime() && run.getTime() <= until.getTime()).sort((a, b) => a.getTime() - b.getTime());
}
