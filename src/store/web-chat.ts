/**
 * A web person's own conversation with the bot, kept so that it survives a page reload: what they
 * typed and the bot's cards, as `web_posts` of the channel `direct:<userId>` (migration 0019). A
 * poll shown there is one of the poll's messages like any other, redrawn in place on a vote.
 */
import { sql, type Kysely } from 'kysely';
import type { Card } from '../core/card.ts';
import type { Database } from './schema.ts';
import { BOT_AUTHOR, toPost, webAuthor, type WebPost } from './web-posts.ts';

/** Messages of a person's chat kept in the store; older ones are deleted as new ones come. */
export const WEB_CHAT_KEPT_MESSAGES = 200;

/** The channel of a web person's chat with the bot: the web conversation's channel id. */
export function webChatChannel(userId: string): string {
  return `direct:${userId}`;
}

/** Stores what a person typed, under an id derived from their request (a retry is stored once). */
export async function addChatMessage(db: Kysely<Database>, message: { id: string; userId: string; text: string }, now: Date): Promise<void> {
  await db
    .insertInto('web_posts')
    .values({ id: message.id, channel_id: webChatChannel(message.userId), thread_id: null, author: webAuthor(message.userId), card: null, text: message.text, posted_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/**
 * Stores one of the bot's cards in a person's chat, only while the chat holds something the person
 * wrote: an answer to `forget-me`, given after their chat was deleted, is not kept.
 */
export async function addChatCard(db: Kysely<Database>, post: { id: string; userId: string; card: Card }, now: Date): Promise<boolean> {
  const channel = webChatChannel(post.userId);
  const result = await sql`
    insert into web_posts (id, channel_id, thread_id, author, card, text, posted_at)
    select ${post.id}, ${channel}, null, ${BOT_AUTHOR}, ${JSON.stringify(post.card)}, '', ${now}::timestamptz
    where exists (select 1 from web_posts where channel_id = ${channel} and author = ${webAuthor(post.userId)})
    on conflict (id) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** The latest `limit` messages of a person's chat, oldest first. */
export async function chatMessages(db: Kysely<Database>, userId: string, limit: number): Promise<WebPost[]> {
  const rows = await db
    .selectFrom('web_posts')
    .selectAll()
    .where('channel_id', '=', webChatChannel(userId))
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map(toPost);
}

/** Deletes a person's chat messages beyond the latest `keep`. */
export async function pruneChat(db: Kysely<Database>, userId: string, keep: number = WEB_CHAT_KEPT_MESSAGES): Promise<void> {
  const channel = webChatChannel(userId);
  await db
    .deleteFrom('web_posts')
    .where('channel_id', '=', channel)
    .where('seq', '<', (eb) => eb.selectFrom('web_posts').select('seq').where('channel_id', '=', channel).orderBy('seq', 'desc').offset(keep - 1).limit(1))
    .execute();
}
