/**
 * The web page's side of posting unasked: the bot's cards go into the store (`web_posts`), which the
 * page reads, in place of a platform's API. A post's id is the MessageRef's messageId.
 */
import type { Kysely } from 'kysely';
import type { MessageRef } from '../../src/core/adapter.ts';
import type { Card } from '../../src/core/card.ts';
import { ForumError } from '../../src/core/errors.ts';
import type { Conversation } from '../../src/core/events.ts';
import type { Database } from '../../src/store/schema.ts';
import { addBotPost, deleteBotPost, findThreadRoot, updateBotPost } from '../../src/store/web-posts.ts';
import { WEB_REALM } from './inbound.ts';

/** Posts a card in a web channel (`conversation.channelId`), top-level or in `conversation.threadId`. */
export async function postToWeb(db: Kysely<Database>, conversation: Conversation, card: Card, now: Date): Promise<MessageRef> {
  // The web chat with a person is answered within its request: nothing can be posted there later.
  if (conversation.kind === 'direct') throw new ForumError('platform_error', 'the web chat cannot be posted to unasked');
  const { channelId, threadId } = conversation;
  if (threadId !== undefined && !(await findThreadRoot(db, channelId, threadId))) {
    throw new ForumError('not_found', `no web thread ${threadId} in channel ${channelId}`);
  }
  const post = await addBotPost(db, { channelId, threadId, card }, now);
  return { platform: 'web', conversation: { ...conversation, workspaceId: WEB_REALM }, messageId: post.id };
}

/** Deletes one of the bot's web posts: `not_found` when there is none, `forbidden` when it is a person's. */
export async function removeWebPost(db: Kysely<Database>, ref: MessageRef): Promise<void> {
  const outcome = await deleteBotPost(db, ref.messageId);
  if (outcome === 'not_found') throw new ForumError('not_found', `no web post ${ref.messageId}`);
  if (outcome === 'forbidden') throw new ForumError('forbidden', `web post ${ref.messageId} is a person's reply`);
}

/** Redraws one of the bot's web posts with a new card: `not_found` when there is none, `forbidden` when it is a person's. */
export async function updateWebPost(db: Kysely<Database>, ref: MessageRef, card: Card): Promise<void> {
  const outcome = await updateBotPost(db, ref.messageId, card);
  if (outcome === 'not_found') throw new ForumError('not_found', `no web post ${ref.messageId}`);
  if (outcome === 'forbidden') throw new ForumError('forbidden', `web post ${ref.messageId} is a person's reply`);
}
