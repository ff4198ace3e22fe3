/**
 * Polls in the store. One vote per person is enforced here: a single-choice or rating ballot is one
 * row per (poll, voter), written with one upsert; a multiple-choice pick is one row per (poll,
 * voter, option), toggled. Votes are taken only while the poll is open, under a share lock on the
 * poll's row, so a vote and the close cannot cross. Anonymous polls store a keyed hash as voter.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { PollKind, PollPostsTable, PollsTable } from './poll-schema.ts';
import type { Database } from './schema.ts';

export type Poll = Selectable<PollsTable>;
export type PollPost = Selectable<PollPostsTable>;

export interface NewPoll {
  question: string;
  options: string[];
  kind: PollKind;
  anonymous: boolean;
  lang: string;
  creator: string;
  closesAt?: Date | undefined;
}

export async function createPoll(db: Kysely<Database>, poll: NewPoll, now: Date): Promise<Poll> {
  return db
    .insertInto('polls')
    .values({
      question: poll.question,
      options: JSON.stringify(poll.options),
      kind: poll.kind,
      anonymous: poll.anonymous,
      lang: poll.lang,
      creator: poll.creator,
      status: 'open',
      closes_at: poll.closesAt ?? null,
      created_at: now,
      closed_at: null,
      closed_by: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findPoll(db: Kysely<Database>, id: string): Promise<Poll | undefined> {
  return db.selectFrom('polls').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records where a poll was posted (once per conversation). */
export async function recordPollPost(
  db: Kysely<Database>,
  post: { pollId: string; platform: string; conversationId: string; workspaceId: string; messageId: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto('poll_posts')
    .values({ poll_id: post.pollId, platform: post.platform, conversation_id: post.conversationId, workspace_id: post.workspaceId, message_id: post.messageId, posted_at: now })
    .onConflict((oc) => oc.columns(['poll_id', 'platform', 'conversation_id']).doUpdateSet({ message_id: post.messageId, posted_at: now }))
    .execute();
}

/** Which of a platform's messages are posts of a poll: message id → poll id. */
export async function pollsOfMessages(db: Kysely<Database>, platform: string, messageIds: readonly string[]): Promise<Map<string, string>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db.selectFrom('poll_posts').select(['message_id', 'poll_id']).where('platform', '=', platform).where('message_id', 'in', messageIds).execute();
  return new Map(rows.map((r) => [r.message_id, String(r.poll_id)]));
}

export async function pollPosts(db: Kysely<Database>, pollId: string): Promise<PollPost[]> {
  return db.selectFrom('poll_posts').selectAll().where('poll_id', '=', pollId).orderBy('platform').orderBy('conversation_id').execute();
}

/**
 * What a click did: the person's first vote in the poll, another multiple-choice pick, a changed
 * vote, a pick taken back, nothing, refused (closed), or nothing because the same click was
 * counted already (`replayed`: its effect key is recorded).
 */
export type VoteOutcome = 'recorded' | 'added' | 'changed' | 'unchanged' | 'removed' | 'closed' | 'replayed';

/**
 * Casts a vote for option `option` (0-based), in one statement (atomic on its own): single choice
 * and rating insert or replace the voter's one ballot; multiple choice toggles the option. Nothing
 * is written unless the poll is open and before its deadline, read under a share lock so that a
 * close cannot cross the vote. With `effectKey` (the click's own id), the key is recorded in
 * `processed_events` in the same statement and a click whose key is there already changes nothing:
 * a click run twice (a crash between its vote and its inbox row marked done) does not toggle back.
 * `clickedAt` (when the platform delivered the click; `now` when not given) is the vote's time: a
 * ballot is replaced only by a click made at the same time or later, so a person's earlier click
 * run after their later one (a backlog, another replica, a row taken again after a crash) leaves
 * their last choice in place (`unchanged`); a click made before the poll's deadline counts
 * though it is run after it (a poll closed by hand takes no more). Toggles of a multiple-choice
 * poll do not depend on their order.
 */
export async function castVote(
  db: Kysely<Database>,
  poll: Pick<Poll, 'id' | 'kind'>,
  voter: string,
  option: number,
  now: Date,
  effectKey?: string,
  clickedAt: Date = now,
): Promise<VoteOutcome> {
  // A click made before the deadline counts, however late it is run (a backlog, a dead replica's row).
  const open = sql`select id from polls where id = ${poll.id} and status = 'open' and (closes_at is null or closes_at > ${clickedAt}) for share`;
  // Without a key, every click counts; with one, only its first run (the claim is the gate).
  const claim = effectKey
    ? sql`insert into processed_events (event_key, received_at) select ${effectKey}, ${now} from p on conflict do nothing returning 1`
    : sql`select 1 from p`;
  if (poll.kind === 'multi') {
    const { rows } = await sql<{ open: string; fresh: string; removed: string; added: string; earlier: string }>`
      with p as (${open}),
      claim as (${claim}),
      earlier as (select 1 from poll_choices where poll_id = ${poll.id} and voter = ${voter} limit 1),
      removed as (
        delete from poll_choices where poll_id in (select id from p) and exists (select 1 from claim) and voter = ${voter} and option = ${option}
        returning 1
      ),
      added as (
        insert into poll_choices (poll_id, voter, option, voted_at)
        select id, ${voter}, ${option}, ${clickedAt} from p where exists (select 1 from claim) and not exists (select 1 from removed)
        on conflict do nothing returning 1
      )
      select (select count(*) from p) as open, (select count(*) from claim) as fresh, (select count(*) from removed) as removed,
        (select count(*) from added) as added, (select count(*) from earlier) as earlier`.execute(db);
    const row = rows[0];
    if (!row || Number(row.open) === 0) return 'closed';
    if (Number(row.fresh) === 0) return 'replayed';
    if (Number(row.removed) > 0) return 'removed';
    return Number(row.earlier) > 0 ? 'added' : 'recorded';
  }
  const { rows } = await sql<{ open: string; fresh: string; written: string; before: number | null }>`
    with p as (${open}),
    claim as (${claim}),
    before as (select option from poll_ballots where poll_id = ${poll.id} and voter = ${voter}),
    written as (
      insert into poll_ballots (poll_id, voter, option, voted_at)
      select id, ${voter}, ${option}, ${clickedAt} from p where exists (select 1 from claim)
      on conflict (poll_id, voter) do update set option = excluded.option, voted_at = excluded.voted_at
        where poll_ballots.voted_at <= excluded.voted_at
      returning 1
    )
    select (select count(*) from p) as open, (select count(*) from claim) as fresh, (select count(*) from written) as written,
      (select option from before) as before`.execute(db);
  const row = rows[0];
  if (!row || Number(row.open) === 0) return 'closed';
  if (Number(row.fresh) === 0) return 'replayed';
  if (row.before === null || row.before === undefined) return 'recorded';
  // A click older than the ballot's: the person's later choice stays.
  if (Number(row.written) === 0) return 'unchanged';
  return Number(row.before) === option ? 'unchanged' : 'changed';
}

export interface Tally {
  /** Votes per option, in the options' order. */
  counts: number[];
  /** People who voted (a multiple-choice voter counts once). */
  voters: number;
}

export async function tallyPoll(db: Kysely<Database>, poll: Pick<Poll, 'id' | 'kind' | 'options'>): Promise<Tally> {
  const table = poll.kind === 'multi' ? 'poll_choices' : 'poll_ballots';
  const rows = await db
    .selectFrom(table)
    .select(['option', (eb) => eb.fn.countAll<string>().as('n')])
    .where('poll_id', '=', poll.id)
    .groupBy('option')
    .execute();
  const voters = await db
    .selectFrom(table)
    .select(sql<string>`count(distinct voter)`.as('n'))
    .where('poll_id', '=', poll.id)
    .executeTakeFirst();
  const counts = poll.options.map(() => 0);
  for (const row of rows) if (row.option >= 0 && row.option < counts.length) counts[row.option] = Number(row.n);
  return { counts, voters: Number(voters?.n ?? 0) };
}

/** Every vote, oldest first (for the export): voter, option, time. */
export async function pollVotes(db: Kysely<Database>, poll: Pick<Poll, 'id' | 'kind'>): Promise<{ voter: string; option: number; voted_at: Date }[]> {
  const table = poll.kind === 'multi' ? 'poll_choices' : 'poll_ballots';
  return db.selectFrom(table).select(['voter', 'option', 'voted_at']).where('poll_id', '=', poll.id).orderBy('voted_at').orderBy('voter').orderBy('option').execute();
}

/** Closes an open poll; undefined when it was closed already (the change is the claim). */
export async function closePoll(db: Kysely<Database>, id: string, actor: string, now: Date): Promise<Poll | undefined> {
  return db
    .updateTable('polls')
    .set({ status: 'closed', closed_at: now, closed_by: actor })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

/** Open polls whose deadline has passed. */
export async function pollsDue(db: Kysely<Database>, now: Date): Promise<Poll[]> {
  return db.selectFrom('polls').selectAll().where('status', '=', 'open').where('closes_at', '<=', now).orderBy('closes_at').execute();
}

/** Open polls with a deadline still ahead (for their reminder). */
export async function pollsWithDeadline(db: Kysely<Database>, now: Date): Promise<Poll[]> {
  return db.selectFrom('polls').selectAll().where('status', '=', 'open').where('closes_at', '>', now).orderBy('closes_at').execute();
}

const VOTER_KEY_NAME = 'poll_voter_key';
const VOTER_KEY_BYTES = 32;

/**
 * The key of anonymous voters' hashes: the configured one, or one made once and kept in the store
 * (every instance on the database shares it).
 */
export async function voterKey(db: Kysely<Database>, configured?: string): Promise<string> {
  if (configured) return configured;
  await db
    .insertInto('forum_secrets')
    .values({ name: VOTER_KEY_NAME, value: randomBytes(VOTER_KEY_BYTES).toString('hex') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('forum_secrets').select(['value']).where('name', '=', VOTER_KEY_NAME).executeTakeFirstOrThrow();
  return row.value;
}

/** The voter as stored: the person for a named poll, a keyed hash (different for every poll) for an anonymous one. */
export function voterOf(poll: Pick<Poll, 'id' | 'anonymous'>, person: string, key: string): string {
  return poll.anonymous ? `anon:${createHmac('sha256', key).update(`${poll.id}:${person}`).digest('hex')}` : person;
}

/**
 * Takes the turn to redraw a poll's messages, shared by every instance on the store: 0 when this
 * caller may redraw now (and the turn is marked taken), else how many milliseconds until
 * `intervalMs` has passed since the last redraw by any instance ended (`endPollRedraw`), or began
 * while it runs.
 */
export async function claimPollRedraw(db: Kysely<Database>, pollId: string, now: Date, intervalMs: number): Promise<number> {
  const cutoff = new Date(now.getTime() - intervalMs);
  const taken = await db
    .insertInto('poll_redraws')
    .values({ poll_id: pollId, last_at: now })
    .onConflict((oc) => oc.column('poll_id').doUpdateSet({ last_at: now }).where('poll_redraws.last_at', '<=', cutoff))
    .returning('poll_id')
    .executeTakeFirst();
  if (taken) return 0;
  const row = await db.selectFrom('poll_redraws').select('last_at').where('poll_id', '=', pollId).executeTakeFirst();
  return row ? Math.max(1, new Date(row.last_at).getTime() + intervalMs - now.getTime()) : 0;
}

/**
 * A redraw whose turn was taken has ended: the next turn is counted from now, so that the next
 * update, by whichever instance, comes a whole interval after this one's last (a redraw's reads and
 * updates take a while; from its start alone, the next could come sooner).
 */
export async function endPollRedraw(db: Kysely<Database>, pollId: string, now: Date): Promise<void> {
  await db
    .updateTable('poll_redraws')
    .set({ last_at: sql<Date>`greatest(last_at, ${now})` })
    .where('poll_id', '=', pollId)
    .execute();
}
