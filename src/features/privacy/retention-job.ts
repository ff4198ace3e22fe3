/**
 * The daily retention job: with RETENTION_DAYS set, once a day (from 03:00 UTC, claimed in
 * `scheduled_jobs` so one instance runs it) the personal rows older than the period are removed.
 */
import type { Services } from '../../core/context.ts';
import { applyRetention } from '../../store/retention.ts';
import { claimJob, finishJob } from '../../store/topics.ts';

export const RETENTION_HOUR_UTC = 3;

/** Runs today's retention if it is due and nobody ran it; returns the rows changed (undefined: not due or not configured). */
export async function applyRetentionIfDue(services: Services, instance: string): Promise<number | undefined> {
  const days = services.config.retentionDays;
  if (days === undefined) return undefined;
  const now = services.now();
  const slot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), RETENTION_HOUR_UTC));
  if (now.getTime() < slot.getTime()) return undefined;
  if (!(await claimJob(services.store.db, 'retention', slot, instance, now))) return undefined;
  const changed = await applyRetention(services.store.db, days, now);
  await finishJob(services.store.db, 'retention', slot, 'done', null, now);
  services.log.info({ days, rows: changed }, 'retention applied');
  return changed;
}
