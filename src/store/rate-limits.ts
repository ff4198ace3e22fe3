/**
 * Counters of attempts in fixed windows, kept in the store: a restart does not clear them and every
 * instance on one database counts together. One statement per hit (an upsert that starts a new
 * window when the last one has ended), so concurrent hits are never lost.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** The counters of failed sign-ins: per address, and per login (the one forget-me removes). */
export const SIGN_IN_LIMITS = { address: 'signin-address', login: 'signin-login' } as const;

/** The key of a name's counter, as the web's limiter stores it. */
export function rateLimitKey(name: string, key: string): string {
  return `${name}:${key}`;
}

export interface WindowCount {
  hits: number;
  resetAt: Date;
}

/** Counts one hit for `key`; returns the hits in its current window and when that window ends. */
export async function hitRateLimit(db: Kysely<Database>, key: string, windowMs: number, now: Date): Promise<WindowCount> {
  const resetAt = new Date(now.getTime() + windowMs);
  const row = await db
    .insertInto('rate_limits')
    .values({ key, hits: 1, reset_at: resetAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limits.reset_at <= ${now} then 1 else rate_limits.hits + 1 end`,
        reset_at: sql<Date>`case when rate_limits.reset_at <= ${now} then excluded.reset_at else rate_limits.reset_at end`,
      }),
    )
    .returning(['hits', 'reset_at'])
    .executeTakeFirstOrThrow();
  // A window that starts here: a good moment to drop the counters whose windows are long over.
  if (row.hits === 1) await db.deleteFrom('rate_limits').where('reset_at', '<', new Date(now.getTime() - windowMs)).execute();
  return { hits: row.hits, resetAt: row.reset_at };
}

/** The hits counted for `key` in its current window (none when it has ended). */
export async function rateLimitCount(db: Kysely<Database>, key: string, now: Date): Promise<WindowCount | undefined> {
  const row = await db.selectFrom('rate_limits').select(['hits', 'reset_at']).where('key', '=', key).where('reset_at', '>', now).executeTakeFirst();
  return row ? { hits: row.hits, resetAt: row.reset_at } : undefined;
}

/** Takes one hit back (a request that, in the end, does not count). */
export async function unhitRateLimit(db: Kysely<Database>, key: string): Promise<void> {
  await db.updateTable('rate_limits').set({ hits: sql<number>`greatest(hits - 1, 0)` }).where('key', '=', key).execute();
}

export async function resetRateLimit(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}
