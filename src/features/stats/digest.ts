/**
 * The weekly digest: every Monday morning (UTC) the usage figures go privately to each moderator,
 * in their language, once — the week's digest is claimed in `scheduled_jobs`, so several instances
 * and restarts send it once; a digest more than a day late is not sent.
 */
import type { Services } from '../../core/context.ts';
import { claimJob, finishJob } from '../../store/topics.ts';
import { tellModerators } from '../discussions/publish.ts';
import { loadStats, statsToCard, weekStart } from './handle-stats.ts';

/** When the digest goes out: this long after Monday 00:00 UTC. */
export const DIGEST_AFTER_MONDAY_MS = 7 * 60 * 60 * 1000;
const DIGEST_LATE_LIMIT_MS = 24 * 60 * 60 * 1000;

/** Sends this week's digest if it is due and nobody sent it; returns how many moderators got it (undefined: not due). */
export async function sendDigestIfDue(services: Services, instance: string): Promise<number | undefined> {
  const now = services.now();
  const slot = new Date(weekStart(now, 0).getTime() + DIGEST_AFTER_MONDAY_MS);
  const late = now.getTime() - slot.getTime();
  if (late < 0 || late >= DIGEST_LATE_LIMIT_MS) return undefined;
  if (!(await claimJob(services.store.db, 'digest', slot, instance, now))) return undefined;
  const data = await loadStats(services);
  const told = await tellModerators(services, (lang) => statsToCard(data, lang, services.config.workspaceNames));
  await finishJob(services.store.db, 'digest', slot, told > 0 ? 'sent' : 'nobody', null, now);
  // With no moderator yet (a fresh forum), there is nothing a person needs to read about it.
  if (told > 0) services.log.info({ moderators: told }, 'weekly digest sent');
  else services.log.debug('weekly digest: no moderator to send it to');
  return told;
}
