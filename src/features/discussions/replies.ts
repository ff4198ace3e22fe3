/**
 * Messages in channel threads: a reply under a weekly topic's post is recorded (for the closing
 * summary and the counts); any other thread message is none of the bot's business. Nothing is
 * answered, so a thread stays the participants' conversation.
 */
import type { HandlerContext } from '../../core/context.ts';
import type { ThreadReplyEvent } from '../../core/events.ts';
import { findTopic } from '../../store/topics.ts';
import { recordTopicReply, topicOfThread } from '../../store/topic-replies.ts';
import { recordPersonUsage } from '../usage.ts';

/** A reply longer than this is stored cut (a summary needs its gist, not pages). */
export const REPLY_MAX_CHARS = 4000;

export async function handleThreadReply(ctx: HandlerContext, event: ThreadReplyEvent): Promise<void> {
  const { conversation } = event;
  const text = event.text.trim();
  if (!conversation.threadId || !text) return;
  const { db } = ctx.services.store;
  const topicId = await topicOfThread(db, event.platform, conversation.channelId, conversation.threadId);
  if (!topicId) return;
  // Replies after the close are not part of the discussion that was summarised.
  const topic = await findTopic(db, topicId);
  if (topic?.status !== 'posted') return;
  const stored = await recordTopicReply(db, {
    platform: event.platform,
    conversationId: conversation.channelId,
    messageId: event.messageId,
    topicId,
    author: `${event.actor.platform}:${event.actor.userId}`,
    text: text.slice(0, REPLY_MAX_CHARS),
    at: event.receivedAt,
  });
  if (!stored) return;
  ctx.log.debug({ topicId }, 'topic reply recorded');
  await recordPersonUsage(ctx, ['reply_counted'], topicId);
}
