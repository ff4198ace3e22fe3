/**
 * Topics, their history, the weekly slot and the scheduler's job claims. Every change of a topic
 * writes an event in the same transaction; a job's primary key (kind, slot) is its claim, taken
 * with one atomic insert, so that instances sharing a database run each job once.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, TopicScheduleTable, TopicStatus, TopicsTable } from './schema.ts';

export type Topic = Selectable<TopicsTable>;
export type TopicSchedule = Selectable<TopicScheduleTable>;

export interface TopicText {
  lang: string;
  title: string;
  description: string;
}

export interface NewTopic {
  title: string;
  description: string;
  lang: string;
  category: string | null;
  /** `platform:userId`, or `starter`. */
  author: string;
  starterId?: string;
  /** The same topic in other languages. */
  translations?: TopicText[];
}

type Db = Kysely<Database> | Transaction<Database>;

async function recordEvent(db: Db, topicId: string, action: string, actor: string, at: Date, detail: string | null = null): Promise<void> {
  await db.insertInto('topic_events').values({ topic_id: topicId, action, actor, detail, at }).execute();
}

/** People's decisions (not the scheduler's own posts) also go to the audit log, with everything else moderators do. */
export async function audit(db: Db, actor: string, action: string, subject: string, detail: Record<string, unknown>, at: Date): Promise<void> {
  if (actor.startsWith('scheduler:')) return;
  await db.insertInto('audit_log').values({ at, actor, action, subject, detail: JSON.stringify(detail) }).execute();
}

async function nextQueuePosition(db: Db): Promise<number> {
  const row = await db.selectFrom('topics').select((eb) => eb.fn.max('queue_position').as('max')).where('status', '=', 'queued').executeTakeFirst();
  return (Number(row?.max ?? 0) || 0) + 1;
}

/** A proposal (status `proposed`), or straight into the queue (`queued`, e.g. by a moderator). */
export async function createTopic(db: Kysely<Database>, topic: NewTopic, status: 'proposed' | 'queued', now: Date): Promise<Topic> {
  return db.transaction().execute(async (trx) => {
    const queuePosition = status === 'queued' ? await nextQueuePosition(trx) : null;
    const row = await trx
      .insertInto('topics')
      .values({
        title: topic.title,
        description: topic.description,
        lang: topic.lang,
        category: topic.category,
        author: topic.author,
        status,
        reject_reason: null,
        queue_position: queuePosition,
        starter_id: topic.starterId ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const translations = (topic.translations ?? []).filter((t) => t.lang !== topic.lang);
    if (translations.length > 0) {
      await trx.insertInto('topic_translations').values(translations.map((t) => ({ topic_id: row.id, lang: t.lang, title: t.title, description: t.description }))).execute();
    }
    await recordEvent(trx, row.id, status, topic.author, now);
    return row;
  });
}

export async function findTopic(db: Kysely<Database>, id: string): Promise<Topic | undefined> {
  return db.selectFrom('topics').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves a topic from one status to another, atomically; undefined when it was not in `from`. */
async function transition(
  db: Kysely<Database>,
  change: {
    id: string;
    from: TopicStatus[];
    to: TopicStatus;
    action: string;
    actor: string;
    now: Date;
    detail?: string;
    queue?: boolean;
    summary?: string;
  },
): Promise<Topic | undefined> {
  return db.transaction().execute(async (trx) => {
    const queuePosition = change.queue ? await nextQueuePosition(trx) : null;
    const row = await trx
      .updateTable('topics')
      .set({
        status: change.to,
        updated_at: change.now,
        queue_position: queuePosition,
        ...(change.to === 'rejected' ? { reject_reason: change.detail ?? null } : {}),
        ...(change.to === 'closed' ? { summary: change.summary ?? null, closed_at: change.now } : {}),
      })
      .where('id', '=', change.id)
      .where('status', 'in', change.from)
      .returningAll()
      .executeTakeFirst();
    if (row) {
      await recordEvent(trx, row.id, change.action, change.actor, change.now, change.detail ?? null);
      await audit(trx, change.actor, `topic.${change.action}`, `topic:${row.id}`, change.detail ? { detail: change.detail } : {}, change.now);
    }
    return row;
  });
}

/** Approved: the proposal joins the end of the queue. */
export function approveTopic(db: Kysely<Database>, id: string, actor: string, now: Date): Promise<Topic | undefined> {
  return transition(db, { id, from: ['proposed'], to: 'queued', action: 'approved', actor, now, queue: true });
}

export function rejectTopic(db: Kysely<Database>, id: string, actor: string, reason: string, now: Date): Promise<Topic | undefined> {
  return transition(db, { id, from: ['proposed'], to: 'rejected', action: 'rejected', actor, now, detail: reason });
}

export function markTopicPosted(db: Kysely<Database>, id: string, actor: string, now: Date, detail?: string): Promise<Topic | undefined> {
  return transition(db, { id, from: ['queued'], to: 'posted', action: 'posted', actor, now, ...(detail ? { detail } : {}) });
}

/** Closed with its summary (the text of the knowledge-base document); undefined when it was not open. */
export function closeTopic(db: Kysely<Database>, id: string, actor: string, now: Date, summary?: string, detail?: string): Promise<Topic | undefined> {
  return transition(db, { id, from: ['posted'], to: 'closed', action: 'closed', actor, now, ...(summary ? { summary } : {}), ...(detail ? { detail } : {}) });
}

/** The topics out for discussion, the latest first. */
export async function openTopics(db: Kysely<Database>): Promise<Topic[]> {
  return db.selectFrom('topics').selectAll().where('status', '=', 'posted').orderBy('updated_at', 'desc').orderBy('id', 'desc').execute();
}

/** Adds or replaces a topic's text in another language than its own (not once it is closed or rejected). */
export async function translateTopic(db: Kysely<Database>, id: string, text: TopicText, actor: string, now: Date): Promise<'translated' | 'not_open' | 'own_lang'> {
  return db.transaction().execute(async (trx) => {
    const topic = await trx.selectFrom('topics').select(['id', 'lang']).where('id', '=', id).where('status', 'in', ['proposed', 'queued', 'posted']).executeTakeFirst();
    if (!topic) return 'not_open';
    if (topic.lang === text.lang) return 'own_lang';
    const values = { title: text.title, description: text.description };
    await trx
      .insertInto('topic_translations')
      .values({ topic_id: id, lang: text.lang, ...values })
      .onConflict((oc) => oc.columns(['topic_id', 'lang']).doUpdateSet(values))
      .execute();
    await recordEvent(trx, id, 'translated', actor, now, text.lang);
    await audit(trx, actor, 'topic.translated', `topic:${id}`, { lang: text.lang }, now);
    return 'translated';
  });
}

/** A topic's texts in other languages, by language code. */
export async function topicTranslations(db: Kysely<Database>, id: string): Promise<TopicText[]> {
  return db.selectFrom('topic_translations').select(['lang', 'title', 'description']).where('topic_id', '=', id).orderBy('lang').execute();
}

/** The queue, first to go out first. */
export async function queuedTopics(db: Kysely<Database>): Promise<Topic[]> {
  return db.selectFrom('topics').selectAll().where('status', '=', 'queued').orderBy('queue_position').orderBy('id').execute();
}

export async function topicEvents(db: Kysely<Database>, id: string): Promise<Selectable<Database['topic_events']>[]> {
  return db.selectFrom('topic_events').selectAll().where('topic_id', '=', id).orderBy('id').execute();
}

export async function getSchedule(db: Kysely<Database>): Promise<TopicSchedule | undefined> {
  return db.selectFrom('topic_schedule').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function setSchedule(
  db: Kysely<Database>,
  slot: { weekday: number; hour: number; minute: number; timeZone: string; useStarters?: boolean },
  actor: string,
  now: Date,
): Promise<void> {
  const values = {
    weekday: slot.weekday,
    hour: slot.hour,
    minute: slot.minute,
    time_zone: slot.timeZone,
    use_starters: slot.useStarters ?? false,
    updated_by: actor,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('topic_schedule')
      .values({ id: 1, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
    await audit(trx, actor, 'topic.schedule', 'topic_schedule', { ...slot }, now);
  });
}

/** Takes the job for a slot; true for exactly one caller, whatever the number of instances. */
export async function claimJob(db: Kysely<Database>, kind: string, slotAt: Date, by: string, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('scheduled_jobs')
    .values({ kind, slot_at: slotAt, outcome: 'claimed', topic_id: null, claimed_by: by, claimed_at: now, finished_at: null })
    .onConflict((oc) => oc.columns(['kind', 'slot_at']).doNothing())
    .returning('kind')
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of `slots` have a job of `kind` already (claimed or finished), as their times in ms. */
export async function claimedSlots(db: Kysely<Database>, kind: string, slots: Date[]): Promise<Set<number>> {
  if (slots.length === 0) return new Set();
  const rows = await db.selectFrom('scheduled_jobs').select('slot_at').where('kind', '=', kind).where('slot_at', 'in', slots).execute();
  return new Set(rows.map((row) => new Date(row.slot_at).getTime()));
}

export async function finishJob(db: Kysely<Database>, kind: string, slotAt: Date, outcome: string, topicId: string | null, now: Date): Promise<void> {
  await db.updateTable('scheduled_jobs').set({ outcome, topic_id: topicId, finished_at: now }).where('kind', '=', kind).where('slot_at', '=', slotAt).execute();
}

export async function jobsOf(db: Kysely<Database>, kind: string): Promise<Selectable<Database['scheduled_jobs']>[]> {
  return db.selectFrom('scheduled_jobs').selectAll().where('kind', '=', kind).orderBy('slot_at').execute();
}

/** Records where a topic was posted (once per conversation). */
export async function recordTopicPost(db: Kysely<Database>, post: { topicId: string; platform: string; conversationId: string; messageId: string }, now: Date): Promise<void> {
  await db
    .insertInto('topic_posts')
    .values({ topic_id: post.topicId, platform: post.platform, conversation_id: post.conversationId, message_id: post.messageId, posted_at: now })
    .onConflict((oc) => oc.columns(['topic_id', 'platform', 'conversation_id']).doNothing())
    .execute();
}

/** Which of a platform's messages are posts of a weekly topic: message id → topic id. */
export async function topicsOfMessages(db: Kysely<Database>, platform: string, messageIds: readonly string[]): Promise<Map<string, string>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db.selectFrom('topic_posts').select(['message_id', 'topic_id']).where('platform', '=', platform).where('message_id', 'in', messageIds).execute();
  return new Map(rows.map((r) => [r.message_id, String(r.topic_id)]));
}

export async function topicPosts(db: Kysely<Database>, topicId: string): Promise<Selectable<Database['topic_posts']>[]> {
  return db.selectFrom('topic_posts').selectAll().where('topic_id', '=', topicId).orderBy('platform').orderBy('conversation_id').execute();
}

/** The starters already taken, by id. */
export async function usedStarterIds(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('topics').select(['starter_id']).where('starter_id', 'is not', null).execute();
  return new Set(rows.map((r) => r.starter_id as string));
}
