/**
 * The durable inbox. What a platform sent is written here, with its de-duplication claim, before
 * the platform gets its acknowledgement; workers (one per process, any number of processes on one
 * PostgreSQL) take rows with `FOR UPDATE SKIP LOCKED`, so no two take the same row, and hold each
 * for a lease they renew while it runs. Leases are kept on the store's clock (`now()` of the
 * database), never a process's: every replica reads the same time, and a process's clock that jumps
 * (stepped by NTP, or a clock a test moves on) cannot make a row still running look abandoned, so
 * that a second run repeats its effects. A row is marked done, or failed: retried with a growing
 * delay up to a limit, then parked with the reason for the moderators. A row whose lease ran out
 * (its process died) is taken again. What a row already posted is recorded (`inbox_posts`), so a
 * row run again does not post twice.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { PROCESSED_EVENT_RETENTION_MS } from './processed-events.ts';
import type { Database, InboxStatus, InboxTable } from './schema.ts';

export type InboxRow = Selectable<InboxTable>;

/** Times a row is taken before it is parked. */
export const INBOX_MAX_ATTEMPTS = 5;
/** The delay before the second attempt; each later one waits twice as long as the one before. */
export const INBOX_RETRY_BASE_MS = 2_000;
const INBOX_RETRY_MAX_MS = 5 * 60_000;
/** The longest error text kept on a row. */
const LAST_ERROR_MAX_CHARS = 1_000;

export interface NewInboxRow {
  /** `platform:deliveryId`: the key the dispatcher de-duplicates on. */
  eventKey: string;
  platform: string;
  payload: unknown;
}

/**
 * Writes rows and claims their event keys in `processed_events`, all in one statement (so one
 * short transaction, however many rows: a burst of requests costs one round trip): each row's id,
 * or undefined for a redelivery (its key was claimed already, or is repeated in `rows`), which is
 * not written again. The keys are claimed in their order, so that statements running at the same
 * time with some of the same keys (a redelivery to another replica) wait for one another, never in
 * a circle (a deadlock).
 */
export async function enqueueInboxRows(db: Kysely<Database>, rows: readonly NewInboxRow[], now: Date): Promise<(string | undefined)[]> {
  const firsts = new Map<string, NewInboxRow>();
  for (const row of rows) if (!firsts.has(row.eventKey)) firsts.set(row.eventKey, row);
  if (firsts.size === 0) return rows.map(() => undefined);
  const input = sql.join([...firsts.values()].map((r) => sql`(${r.eventKey}::text, ${r.platform}::text, ${JSON.stringify(r.payload)}::jsonb)`));
  const { rows: written } = await sql<{ id: string; event_key: string }>`
    with input (event_key, platform, payload) as (values ${input}),
    claim as (
      insert into processed_events (event_key, received_at) select event_key, ${now} from input order by event_key
      on conflict do nothing returning event_key)
    insert into inbox (event_key, platform, payload, status, next_attempt_at, created_at)
    select i.event_key, i.platform, i.payload, 'pending', ${now}, ${now} from input i join claim c on c.event_key = i.event_key
    returning id, event_key`.execute(db);
  const ids = new Map(written.map((w) => [w.event_key, w.id]));
  return rows.map((row) => {
    if (firsts.get(row.eventKey) !== row) return undefined;
    return ids.get(row.eventKey);
  });
}

/** One row (see `enqueueInboxRows`): its id, or undefined for a redelivery. */
export async function enqueueInbox(db: Kysely<Database>, row: NewInboxRow, now: Date): Promise<string | undefined> {
  const [id] = await enqueueInboxRows(db, [row], now);
  return id;
}

export interface TakeOptions {
  platform: string;
  /** Who takes: a name unique to this process. */
  worker: string;
  limit: number;
  /** How long the row is this worker's unless renewed (`extendInboxClaims`), by the store's clock. */
  leaseMs: number;
  /** Rows this worker is running still: never taken again by it, even if their lease ran out. */
  running?: readonly string[];
}

/** The end of a lease of `leaseMs` from now, by the store's clock. */
const leaseEnd = (leaseMs: number) => sql<Date>`now() + ${Math.max(0, Math.round(leaseMs))}::integer * interval '1 millisecond'`;

/**
 * Takes up to `limit` rows that are due: pending, their next attempt at `now` or before (the
 * application's clock, which set it), unclaimed or their lease run out (the store's clock). Rows
 * another worker is taking at the same moment are skipped, never waited for. Each row taken counts
 * an attempt.
 */
export async function takeInbox(db: Kysely<Database>, options: TakeOptions, now: Date): Promise<InboxRow[]> {
  if (options.limit <= 0) return [];
  const running = (options.running ?? []).filter(isInboxId);
  const notRunning = running.length > 0 ? sql`and id not in (${sql.join(running.map((id) => sql`${id}::bigint`))})` : sql``;
  const { rows } = await sql<InboxRow>`
    update inbox set claimed_by = ${options.worker}, claimed_until = ${leaseEnd(options.leaseMs)}, attempts = attempts + 1
    where id in (
      select id from inbox
      where status = 'pending' and platform = ${options.platform} and next_attempt_at <= ${now}
        and (claimed_until is null or claimed_until < now()) ${notRunning}
      order by next_attempt_at, id
      limit ${options.limit}
      for update skip locked)
    returning *`.execute(db);
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
}

/** Renews this worker's lease on rows it is still running: `leaseMs` from now, by the store's clock. */
export async function extendInboxClaims(db: Kysely<Database>, ids: string[], worker: string, leaseMs: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('inbox')
    .set({ claimed_until: leaseEnd(leaseMs) })
    .where('id', 'in', ids)
    .where('claimed_by', '=', worker)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * A row done: its payload (the person's words) is dropped, the row kept as a record until pruned.
 * False when the row was no longer this worker's (its lease ran out and another took it).
 */
export async function markInboxDone(db: Kysely<Database>, id: string, worker: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('inbox')
    .set({ status: 'done', done_at: now, claimed_until: null, payload: 'null' })
    .where('id', '=', id)
    .where('claimed_by', '=', worker)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The wait before attempt `attempts + 1`: the base, doubled for each attempt after the first, capped. */
export function inboxRetryDelayMs(attempts: number): number {
  return Math.min(INBOX_RETRY_MAX_MS, INBOX_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * A failed attempt: the row waits for its next one, or is parked with the reason once it was taken
 * `INBOX_MAX_ATTEMPTS` times (or at once with `park`). Undefined when the row was no longer this worker's.
 */
export async function failInboxRow(
  db: Kysely<Database>,
  row: Pick<InboxRow, 'id' | 'attempts'>,
  worker: string,
  reason: string,
  now: Date,
  options: { park?: boolean } = {},
): Promise<'retry' | 'parked' | undefined> {
  const park = options.park === true || row.attempts >= INBOX_MAX_ATTEMPTS;
  const result = await db
    .updateTable('inbox')
    .set({
      status: park ? 'parked' : 'pending',
      last_error: reason.slice(0, LAST_ERROR_MAX_CHARS),
      claimed_until: null,
      next_attempt_at: new Date(now.getTime() + (park ? 0 : inboxRetryDelayMs(row.attempts))),
      ...(park ? { done_at: now } : {}),
    })
    .where('id', '=', row.id)
    .where('claimed_by', '=', worker)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return undefined;
  return park ? 'parked' : 'retry';
}

/**
 * Lets every claim of a platform's pending rows go, so they are taken again at once. Only where
 * no other process can be running them: the embedded store, which one process holds at a time.
 */
export async function releaseInboxClaims(db: Kysely<Database>, platform: string): Promise<number> {
  const result = await db.updateTable('inbox').set({ claimed_until: null }).where('platform', '=', platform).where('status', '=', 'pending').where('claimed_until', 'is not', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A parked row, for the moderators: what it was, when, how often it was tried, and why it failed. */
export interface ParkedInboxRow {
  id: string;
  eventKey: string;
  platform: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  parkedAt: Date | null;
  /** The work as the adapter wrote it (the person's words among it). */
  payload: unknown;
}

/** Parked rows, latest first. */
export async function parkedInbox(db: Kysely<Database>, limit = 50): Promise<ParkedInboxRow[]> {
  const rows = await db
    .selectFrom('inbox')
    .select(['id', 'event_key', 'platform', 'attempts', 'last_error', 'created_at', 'done_at', 'payload'])
    .where('status', '=', 'parked')
    .orderBy('done_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    eventKey: r.event_key,
    platform: r.platform,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    parkedAt: r.done_at,
    payload: r.payload,
  }));
}

/** Whether `id` can be a row's id (a bigint): anything else names no row, and is never sent to the database. */
function isInboxId(id: string): boolean {
  return /^[1-9]\d{0,17}$/.test(id);
}

/** A row's status; undefined when there is no such row. */
export async function inboxRowStatus(db: Kysely<Database>, id: string): Promise<InboxStatus | undefined> {
  if (!isInboxId(id)) return undefined;
  const row = await db.selectFrom('inbox').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status;
}

/**
 * Puts parked rows (one, or every one) back: pending, due now, unclaimed, attempts at 0 — a worker
 * of the row's platform takes it as a new row. `last_error` is kept (the last reason, until the
 * next failure replaces it or the row is done), and so are its recorded posts, so what it already
 * posted is not posted again. The ids put back, in order; none when `id` is not a parked row's.
 */
export async function retryParkedInbox(db: Kysely<Database>, which: { id: string } | { all: true }, now: Date): Promise<string[]> {
  if ('id' in which && !isInboxId(which.id)) return [];
  let update = db
    .updateTable('inbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, claimed_by: null, claimed_until: null, done_at: null })
    .where('status', '=', 'parked');
  if ('id' in which) update = update.where('id', '=', which.id);
  const rows = await update.returning('id').execute();
  return rows.map((r) => r.id).sort((a, b) => Number(a) - Number(b));
}

/** Deletes a parked row (its recorded posts go with it); false when `id` is not a parked row's. */
export async function dropParkedInbox(db: Kysely<Database>, id: string): Promise<boolean> {
  if (!isInboxId(id)) return false;
  const result = await db.deleteFrom('inbox').where('id', '=', id).where('status', '=', 'parked').executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** How many rows there are, by status (for the log at start and `ta-forum inbox`). */
export async function inboxCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db.selectFrom('inbox').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** A post a row already made: the platform's message id and the reference returned, when it has them. */
export interface InboxPost {
  messageId: string | null;
  ref: unknown;
}

/** The posts a row already made, by sequence number. */
export async function inboxPosts(db: Kysely<Database>, inboxId: string): Promise<Map<number, InboxPost>> {
  const rows = await db.selectFrom('inbox_posts').select(['seq', 'message_id', 'ref']).where('inbox_id', '=', inboxId).execute();
  return new Map(rows.map((r) => [r.seq, { messageId: r.message_id, ref: r.ref }]));
}

/** Records a row's `seq`-th post (once: a second record of the same post changes nothing). */
export async function recordInboxPost(db: Kysely<Database>, inboxId: string, seq: number, post: { messageId?: string | undefined; ref?: unknown }, now: Date): Promise<void> {
  await db
    .insertInto('inbox_posts')
    .values({ inbox_id: inboxId, seq, message_id: post.messageId ?? null, ref: post.ref === undefined ? null : JSON.stringify(post.ref), posted_at: now })
    .onConflict((oc) => oc.columns(['inbox_id', 'seq']).doNothing())
    .execute();
}

/**
 * Removes rows done or parked longer ago than event ids are remembered (their posts go with them);
 * a redelivery is still recognised by `processed_events` until then.
 */
export async function pruneInbox(db: Kysely<Database>, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - PROCESSED_EVENT_RETENTION_MS);
  const result = await db.deleteFrom('inbox').where('status', 'in', ['done', 'parked']).where('done_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
