/** De-duplication of redelivered platform events, kept in the store so a restart does not forget. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** How long an event id is remembered: far longer than any platform retries a delivery. */
export const PROCESSED_EVENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Records an event key. Returns true the first time the key is seen, false for a redelivery;
 * atomic under concurrency (the primary key decides).
 */
export async function claimEvent(db: Kysely<Database>, eventKey: string, now: Date = new Date()): Promise<boolean> {
  const result = await db
    .insertInto('processed_events')
    // The application's clock, the same one pruning uses.
    .values({ event_key: eventKey, received_at: now })
    .onConflict((oc) => oc.column('event_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Forgets event keys older than the retention; returns how many were removed. */
export async function pruneProcessedEvents(db: Kysely<Database>, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - PROCESSED_EVENT_RETENTION_MS);
  const result = await db.deleteFrom('processed_events').where('received_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
