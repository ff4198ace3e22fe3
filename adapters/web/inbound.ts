/** What the web chat page sends, validated and turned into neutral inbound events. */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { messages, type Lang } from '../../src/i18n/index.ts';
import type { Actor, Conversation, InboundEvent, ThreadReplyEvent } from '../../src/core/events.ts';
import { WEB_MEMBER_REALM } from '../../src/store/web-accounts.ts';
import { webChatChannel } from '../../src/store/web-chat.ts';

export const WEB_MESSAGE_MAX_CHARS = 4000;
export const WEB_ACTION_VALUE_MAX_CHARS = 2000;
/** A reply in a discussion thread, as long as a chat message (and as the discussions feature keeps). */
export const WEB_REPLY_MAX_CHARS = 4000;
/** A channel id of DISCUSSION_CHANNELS, as it may appear in a path. */
export const WEB_CHANNEL_ID_MAX_CHARS = 200;
/**
 * The realm of the web chat's members (signed in, or by local access), in place of a Slack workspace
 * or a Teams tenant; the web page's conversations are in it too. Web guests are in `web-guest`.
 */
export const WEB_REALM = WEB_MEMBER_REALM;

export const messageBody = z.object({
  eventId: z.uuid(),
  text: z.string().trim().min(1).max(WEB_MESSAGE_MAX_CHARS),
});

export const actionBody = z.object({
  eventId: z.uuid(),
  actionId: z.string().min(1).max(100),
  value: z.string().max(WEB_ACTION_VALUE_MAX_CHARS),
});

export const replyBody = z.object({
  eventId: z.uuid(),
  threadId: z.uuid(),
  text: z.string().trim().min(1).max(WEB_REPLY_MAX_CHARS),
});

/** The answer to a text longer than its limit (a 400 or 413 the page shows), in the person's language. */
export function tooLongAnswer(max: number, lang: Lang): { error: 'too_long'; message: string; max: number } {
  return { error: 'too_long', message: messages(lang).web.tooLong.replace('{max}', new Intl.NumberFormat(lang).format(max)), max };
}

/** Whether a body was refused because its text is over the limit. */
export function textTooLong(issues: readonly z.core.$ZodIssue[]): boolean {
  return issues.some((issue) => issue.code === 'too_big' && issue.path[0] === 'text');
}

export const channelParam = z.string().min(1).max(WEB_CHANNEL_ID_MAX_CHARS).regex(/^\S+$/);

/** The first language of an Accept-Language header (`fr-FR,fr;q=0.9` → `fr-FR`). */
export function firstLocale(acceptLanguage: string | undefined): string | undefined {
  return acceptLanguage?.split(',')[0]?.split(';')[0]?.trim() || undefined;
}

/** A web person: a member of the web realm unless another realm is given (`web-guest`). */
export function webActor(userId: string, acceptLanguage: string | undefined, more: { workspaceId?: string; displayName?: string } = {}): Actor {
  const locale = firstLocale(acceptLanguage);
  return {
    platform: 'web',
    workspaceId: more.workspaceId ?? WEB_REALM,
    userId,
    ...(more.displayName ? { displayName: more.displayName } : {}),
    ...(locale ? { locale } : {}),
  };
}

/** Each web person talks to the bot in a private conversation of their own. */
export function webConversation(userId: string): Conversation {
  return { platform: 'web', workspaceId: WEB_REALM, channelId: webChatChannel(userId), kind: 'direct' };
}

export function messageToEvent(body: z.infer<typeof messageBody>, actor: Actor, now: Date): InboundEvent {
  return {
    type: 'message',
    id: body.eventId,
    platform: 'web',
    actor,
    conversation: webConversation(actor.userId),
    receivedAt: now,
    text: body.text,
  };
}

export function actionToEvent(body: z.infer<typeof actionBody>, actor: Actor, now: Date): InboundEvent {
  return {
    type: 'action',
    id: body.eventId,
    platform: 'web',
    actor,
    conversation: webConversation(actor.userId),
    receivedAt: now,
    actionId: body.actionId,
    value: body.value,
  };
}

/** A discussion channel of the page, in a thread. */
export function forumConversation(channelId: string, threadId: string): Conversation {
  return { platform: 'web', workspaceId: WEB_REALM, channelId, threadId, kind: 'channel' };
}

/**
 * The id of a person's reply, derived from who sent it and the request's event id: a retried request
 * names the same post (stored once), and nobody can name another person's post or the bot's.
 */
export function replyPostId(userId: string, eventId: string, scope: 'web-reply' | 'web-chat' = 'web-reply'): string {
  // Scoped: a chat message and a reply sent under the same event id name different posts.
  const hex = createHash('sha256').update(`${scope}:${userId}:${eventId}`).digest('hex');
  // An RFC 9562 version 8 (custom) UUID: version nibble 8, variant bits 10.
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A reply typed under a thread of a web discussion channel: the discussions feature records it. */
export function replyToEvent(
  body: z.infer<typeof replyBody>,
  actor: Actor,
  channelId: string,
  postId: string,
  now: Date,
): ThreadReplyEvent {
  return {
    type: 'thread_reply',
    id: body.eventId,
    platform: 'web',
    actor,
    conversation: forumConversation(channelId, body.threadId),
    receivedAt: now,
    text: body.text,
    messageId: postId,
  };
}
