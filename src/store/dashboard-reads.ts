/**
 * What the moderators' dashboard lists, read straight from the store: topics by status with their
 * reply counts, the latest polls with their voters, the knowledge base's documents, and the people
 * with a stored role or language. Changes never happen here: they go through the core's commands
 * (or the few store functions written for the dashboard, each with its audit row).
 */
import { sql, type Kysely } from 'kysely';
import type { PollKind, PollStatus } from './poll-schema.ts';
import type { Database, Role, TopicStatus } from './schema.ts';

export interface TopicRow {
  id: string;
  title: string;
  description: string;
  lang: string;
  category: string | null;
  author: string;
  status: TopicStatus;
  queuePosition: number | null;
  createdAt: Date;
  updatedAt: Date;
  /** Replies recorded under the topic's posts (posted and closed topics). */
  replies: number;
}

/** Topics in the given statuses: proposals by id, the queue in order, others the latest first. */
export async function topicsByStatus(db: Kysely<Database>, status: TopicStatus, limit = 200): Promise<TopicRow[]> {
  let query = db
    .selectFrom('topics as t')
    .select((eb) => [
      't.id',
      't.title',
      't.description',
      't.lang',
      't.category',
      't.author',
      't.status',
      't.queue_position',
      't.created_at',
      't.updated_at',
      eb.selectFrom('topic_replies as r').select(eb.fn.countAll<string>().as('n')).whereRef('r.topic_id', '=', 't.id').as('replies'),
    ])
    .where('t.status', '=', status)
    .limit(limit);
  if (status === 'queued') query = query.orderBy('t.queue_position').orderBy('t.id');
  else if (status === 'proposed') query = query.orderBy('t.id');
  else query = query.orderBy('t.updated_at', 'desc').orderBy('t.id', 'desc');
  const rows = await query.execute();
  return rows.map((r) => ({
    id: String(r.id),
    title: r.title,
    description: r.description,
    lang: r.lang,
    category: r.category,
    author: r.author,
    status: r.status,
    queuePosition: r.queue_position,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    replies: Number(r.replies ?? 0),
  }));
}

export interface PollRow {
  id: string;
  question: string;
  kind: PollKind;
  anonymous: boolean;
  status: PollStatus;
  creator: string;
  createdAt: Date;
  closesAt: Date | null;
  voters: number;
}

/** The latest polls, with how many people answered each. */
export async function latestPolls(db: Kysely<Database>, limit = 50): Promise<PollRow[]> {
  const { rows } = await sql<{
    id: string;
    question: string;
    kind: PollKind;
    anonymous: boolean;
    status: PollStatus;
    creator: string;
    created_at: Date;
    closes_at: Date | null;
    voters: string;
  }>`
    select p.id, p.question, p.kind, p.anonymous, p.status, p.creator, p.created_at, p.closes_at,
      (select count(distinct voter) from poll_ballots b where b.poll_id = p.id)
        + (select count(distinct voter) from poll_choices c where c.poll_id = p.id) as voters
    from polls p order by p.created_at desc, p.id desc limit ${limit}`.execute(db);
  return rows.map((r) => ({
    id: String(r.id),
    question: r.question,
    kind: r.kind,
    anonymous: r.anonymous,
    status: r.status,
    creator: r.creator,
    createdAt: new Date(r.created_at),
    closesAt: r.closes_at ? new Date(r.closes_at) : null,
    voters: Number(r.voters),
  }));
}

/** The id of the latest poll a person created (to name the poll a command just made). */
export async function latestPollBy(db: Kysely<Database>, creator: string): Promise<string | undefined> {
  const row = await db.selectFrom('polls').select('id').where('creator', '=', creator).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? String(row.id) : undefined;
}

export interface KnowledgeOverview {
  documents: number;
  chunks: number;
  lastIngestedAt: Date | null;
}

export async function knowledgeOverview(db: Kysely<Database>): Promise<KnowledgeOverview> {
  const row = await db
    .selectFrom('documents')
    .select((eb) => [eb.fn.countAll<string>().as('documents'), eb.fn.sum<string>('chunk_count').as('chunks'), eb.fn.max('ingested_at').as('last')])
    .executeTakeFirst();
  const last = row?.last as Date | string | null | undefined;
  return { documents: Number(row?.documents ?? 0), chunks: Number(row?.chunks ?? 0), lastIngestedAt: last ? new Date(last) : null };
}

export interface DocumentListRow {
  id: number;
  source: string;
  title: string;
  lang: string;
  category: string | null;
  format: string;
  chunks: number;
  ingestedAt: Date;
}

/** Documents, the latest ingested first. */
export async function latestDocuments(db: Kysely<Database>, limit = 500): Promise<DocumentListRow[]> {
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'source', 'title', 'lang', 'category', 'format', 'chunk_count', 'ingested_at'])
    .orderBy('ingested_at', 'desc')
    .orderBy('source')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    title: r.title,
    lang: r.lang,
    category: r.category,
    format: r.format,
    chunks: r.chunk_count,
    ingestedAt: r.ingested_at,
  }));
}

export interface PersonRow {
  platform: string;
  workspaceId: string;
  userId: string;
  displayName: string | null;
  role: Role | null;
  guestExpiresAt: Date | null;
  mayPropose: boolean;
  lang: string | null;
  updatedAt: Date;
}

/** People the store knows: those with a stored role first (moderators, guests), then the others. */
export async function listPeople(db: Kysely<Database>, limit = 500): Promise<PersonRow[]> {
  const rows = await db
    .selectFrom('people')
    .selectAll()
    .orderBy(sql`case role when 'moderator' then 0 when 'guest' then 1 when 'member' then 2 else 3 end`)
    .orderBy(sql`coalesce(display_name, user_id)`)
    .orderBy('platform')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    platform: r.platform,
    workspaceId: r.workspace_id,
    userId: r.user_id,
    displayName: r.display_name,
    role: r.role,
    guestExpiresAt: r.guest_expires_at,
    mayPropose: r.may_propose,
    lang: r.lang,
    updatedAt: r.updated_at,
  }));
}

/** Someone the usage record names (a question, a reply under a topic, a named vote…), with their last activity. */
export interface ActivePerson {
  platform: string;
  workspaceId: string;
  userId: string;
  lastActiveAt: Date;
}

/**
 * Everyone the usage record names — people who asked, replied or voted, with or without a role or a
 * profile — the latest active first. An anonymous vote names nobody.
 */
export async function listActivePeople(db: Kysely<Database>, limit = 500): Promise<ActivePerson[]> {
  const rows = await db
    .selectFrom('usage_events')
    .select(['platform', 'person'])
    .select((eb) => [eb.fn.max('workspace_id').as('workspace_id'), eb.fn.max('at').as('last_at')])
    .where('person', 'is not', null)
    .groupBy(['platform', 'person'])
    .orderBy('last_at', 'desc')
    .limit(limit)
    .execute();
  return rows.flatMap((r) => {
    const person = r.person ?? '';
    // `person` is `platform:userId`.
    if (!person.startsWith(`${r.platform}:`)) return [];
    return [{ platform: r.platform, workspaceId: r.workspace_id, userId: person.slice(r.platform.length + 1), lastActiveAt: new Date(r.last_at) }];
  });
}
