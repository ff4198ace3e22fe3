/**
 * The web page's discussion channels: the bot's posts (top-level, which start threads, or in a
 * thread) and people's replies in the threads. A post's id is the messageId of the MessageRef the
 * messenger returns, so the weekly topic's `topic_posts` row points here.
 */
import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, ExpressionWrapper, Kysely, Selectable, SqlBool } from 'kysely';
import type { Card } from '../core/card.ts';
import type { Database, WebPostsTable } from './schema.ts';

/** The author of the bot's posts; a person's reply is by `web:<userId>`. */
export const BOT_AUTHOR = 'bot';

export interface WebPost {
  id: string;
  channelId: string;
  /** Null for a top-level post; otherwise the root post's id. */
  threadId: string | null;
  /** `bot` or `web:<userId>`. */
  author: string;
  /** The bot's card; null for a person's reply. */
  card: Card | null;
  /** A person's reply; '' for the bot's posts. */
  text: string;
  postedAt: Date;
}

/** A top-level post and the posts in its thread, oldest first. */
export interface WebThread {
  root: WebPost;
  posts: WebPost[];
}

export function toPost(row: Selectable<WebPostsTable>): WebPost {
  return {
    id: row.id,
    channelId: row.channel_id,
    threadId: row.thread_id,
    author: row.author,
    card: row.card === null ? null : (JSON.parse(row.card) as Card),
    text: row.text,
    postedAt: row.posted_at,
  };
}

/** The author reference of a web person. */
export function webAuthor(userId: string): string {
  return `web:${userId}`;
}

/** Stores one of the bot's cards, top-level or in a thread; the new post has a fresh UUID. */
export async function addBotPost(db: Kysely<Database>, post: { channelId: string; threadId?: string | undefined; card: Card }, now: Date): Promise<WebPost> {
  const row = await db
    .insertInto('web_posts')
    .values({
      id: randomUUID(),
      channel_id: post.channelId,
      thread_id: post.threadId ?? null,
      author: BOT_AUTHOR,
      card: JSON.stringify(post.card),
      text: '',
      posted_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPost(row);
}

/**
 * Stores a person's reply in a thread under the id given (derived from the request, so a retried
 * request is stored once); false when a post with that id exists already.
 */
export async function addReply(
  db: Kysely<Database>,
  reply: { id: string; channelId: string; threadId: string; userId: string; text: string },
  now: Date,
): Promise<boolean> {
  const row = await db
    .insertInto('web_posts')
    .values({ id: reply.id, channel_id: reply.channelId, thread_id: reply.threadId, author: webAuthor(reply.userId), card: null, text: reply.text, posted_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function findWebPost(db: Kysely<Database>, id: string): Promise<WebPost | undefined> {
  const row = await db.selectFrom('web_posts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toPost(row);
}

/** A top-level post of the channel (a thread's root), or undefined. */
export async function findThreadRoot(db: Kysely<Database>, channelId: string, id: string): Promise<WebPost | undefined> {
  const row = await db
    .selectFrom('web_posts')
    .selectAll()
    .where('id', '=', id)
    .where('channel_id', '=', channelId)
    .where('thread_id', 'is', null)
    .executeTakeFirst();
  return row && toPost(row);
}

/** The latest `maxPosts` posts of a thread, oldest first. */
async function threadPosts(db: Kysely<Database>, channelId: string, rootId: string, maxPosts: number): Promise<WebPost[]> {
  const rows = await db
    .selectFrom('web_posts')
    .selectAll()
    .where('channel_id', '=', channelId)
    .where('thread_id', '=', rootId)
    .orderBy('posted_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(maxPosts)
    .execute();
  return rows.reverse().map(toPost);
}

/** One thread of a channel: its root and (at most `maxPosts` of) its latest posts. */
export async function webThread(db: Kysely<Database>, channelId: string, rootId: string, maxPosts: number): Promise<WebThread | undefined> {
  const root = await findThreadRoot(db, channelId, rootId);
  return root && { root, posts: await threadPosts(db, channelId, root.id, maxPosts) };
}

/** Whether a web post is a weekly topic's (one of its `topic_posts`). */
function isTopicPost(eb: ExpressionBuilder<Database, 'web_posts'>): ExpressionWrapper<Database, 'web_posts', SqlBool> {
  return eb.exists(
    eb
      .selectFrom('topic_posts')
      .select('topic_posts.message_id')
      .where('topic_posts.platform', '=', 'web')
      .whereRef('topic_posts.conversation_id', '=', 'web_posts.channel_id')
      .whereRef('topic_posts.message_id', '=', 'web_posts.id'),
  );
}

/** A thread of a channel's page, and whether its root is a weekly topic's post (else a poll or a notice). */
export interface ChannelThread extends WebThread {
  topic: boolean;
}

/**
 * The channel's latest `maxThreads` top-level posts, newest first, each with its thread: with
 * `topics`, only weekly topics' posts (true) or only the others — polls, notices — (false).
 */
export async function latestThreads(
  db: Kysely<Database>,
  channelId: string,
  limits: { maxThreads: number; maxPosts: number; topics?: boolean },
): Promise<ChannelThread[]> {
  const roots = await db
    .selectFrom('web_posts')
    .selectAll('web_posts')
    .select((eb) => isTopicPost(eb).as('is_topic'))
    .where('web_posts.channel_id', '=', channelId)
    .where('web_posts.thread_id', 'is', null)
    .$if(limits.topics !== undefined, (qb) =>
      qb.where((eb) => (limits.topics ? isTopicPost(eb) : eb.not(isTopicPost(eb)))),
    )
    .orderBy('web_posts.posted_at', 'desc')
    .orderBy('web_posts.seq', 'desc')
    .limit(limits.maxThreads)
    .execute();
  const threads: ChannelThread[] = [];
  for (const { is_topic, ...row } of roots) {
    threads.push({ root: toPost(row), posts: await threadPosts(db, channelId, row.id, limits.maxPosts), topic: Boolean(is_topic) });
  }
  return threads;
}

/** Replaces the card of one of the bot's posts (a poll's live results); a person's reply is not the bot's. */
export async function updateBotPost(db: Kysely<Database>, id: string, card: Card): Promise<'updated' | 'not_found' | 'forbidden'> {
  const updated = await db
    .updateTable('web_posts')
    .set({ card: JSON.stringify(card) })
    .where('id', '=', id)
    .where('author', '=', BOT_AUTHOR)
    .returning('id')
    .executeTakeFirst();
  if (updated) return 'updated';
  return (await findWebPost(db, id)) ? 'forbidden' : 'not_found';
}

/**
 * Deletes one of the bot's posts. A person's reply is not the bot's to delete (`forbidden`). The
 * replies under a removed top-level post stay stored (they are the people's words), but are no
 * longer shown, as a thread is reached through its root.
 */
export async function deleteBotPost(db: Kysely<Database>, id: string): Promise<'deleted' | 'not_found' | 'forbidden'> {
  const deleted = await db.deleteFrom('web_posts').where('id', '=', id).where('author', '=', BOT_AUTHOR).returning('id').executeTakeFirst();
  if (deleted) return 'deleted';
  return (await findWebPost(db, id)) ? 'forbidden' : 'not_found';
}

/** Takes back a person's reply that the forum refused (the person may not post in this channel). */
export async function deleteReply(db: Kysely<Database>, id: string, userId: string): Promise<void> {
  await db.deleteFrom('web_posts').where('id', '=', id).where('author', '=', webAuthor(userId)).execute();
}
