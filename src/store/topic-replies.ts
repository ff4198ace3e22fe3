/**
 * Replies under the weekly topics' posts: recorded as they arrive (once per platform message), read
 * back for the closing summary and the reply counts.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, TopicRepliesTable } from './schema.ts';

export type TopicReply = Selectable<TopicRepliesTable>;

/** The topic whose post is the root of a thread, if any. */
export async function topicOfThread(db: Kysely<Database>, platform: string, conversationId: string, rootMessageId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('topic_posts')
    .select(['topic_id'])
    .where('platform', '=', platform)
    .where('conversation_id', '=', conversationId)
    .where('message_id', '=', rootMessageId)
    .executeTakeFirst();
  return row?.topic_id;
}

/** Stores a reply; false when this message was stored already. */
export async function recordTopicReply(
  db: Kysely<Database>,
  reply: { platform: string; conversationId: string; messageId: string; topicId: string; author: string; text: string; at: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('topic_replies')
    .values({
      platform: reply.platform,
      conversation_id: reply.conversationId,
      message_id: reply.messageId,
      topic_id: reply.topicId,
      author: reply.author,
      text: reply.text,
      at: reply.at,
    })
    .onConflict((oc) => oc.columns(['platform', 'conversation_id', 'message_id']).doNothing())
    .returning('message_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** A topic's replies, oldest first, across every conversation it was posted to. */
export async function topicReplies(db: Kysely<Database>, topicId: string): Promise<TopicReply[]> {
  return db.selectFrom('topic_replies').selectAll().where('topic_id', '=', topicId).orderBy('at').orderBy('message_id').execute();
}
