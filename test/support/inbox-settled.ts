/**
 * The events a test waits for in the durable inbox instead of sleeping. Before it checks that the
 * bot did *not* do something: every row run to its end (done or parked). A request is acknowledged
 * only once its row is written (`adapters/slack/inbox.ts`), so once a refused, redelivered or
 * ignored request has been answered and no row is pending any more, whatever the bot was going to
 * do about it is done.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../src/store/index.ts';
import type { InboxTable } from '../../src/store/schema.ts';
import { WAIT_FOR_CALL_MS } from './local-fake.ts';

/** How often the inbox is read while waiting. */
const POLL_MS = 10;

type Row = Pick<Selectable<InboxTable>, 'id' | 'status' | 'last_error' | 'claimed_until'>;

/** Resolves when `reached` holds for the inbox's rows; rejects after `timeoutMs`, saying `what` was awaited. */
async function untilInbox(db: Kysely<Database>, what: string, reached: (rows: Row[]) => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db.selectFrom('inbox').select(['id', 'status', 'last_error', 'claimed_until']).execute();
    if (reached(rows)) return;
    if (Date.now() > end) throw new Error(`inbox: ${what} not reached after ${timeoutMs} ms; rows: ${JSON.stringify(rows)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Resolves when no inbox row is pending (waiting or running); rejects after `timeoutMs`. */
export function inboxSettled(db: Kysely<Database>, timeoutMs = WAIT_FOR_CALL_MS): Promise<void> {
  return untilInbox(db, 'no row pending', (rows) => rows.every((r) => r.status !== 'pending'), timeoutMs);
}

/** Resolves when a row's failed attempt is recorded and the row given back to wait for its next one. */
export function inboxAttemptFailed(db: Kysely<Database>, timeoutMs = WAIT_FOR_CALL_MS): Promise<void> {
  return untilInbox(db, 'a failed attempt recorded', (rows) => rows.some((r) => r.status === 'pending' && r.last_error !== null && r.claimed_until === null), timeoutMs);
}
