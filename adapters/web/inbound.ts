/** What the web chat page sends, validated and turned into neutral inbound events. */
import { z } from 'zod';
import type { Actor, Conversation, InboundEvent } from '../../src/core/events.ts';

export const WEB_MESSAGE_MAX_CHARS = 4000;
export const WEB_ACTION_VALUE_MAX_CHARS = 2000;
/** The realm of web chat people, in place of a Slack workspace or a Teams tenant. */
export const WEB_REALM = 'local';

export const messageBody = z.object({
  eventId: z.uuid(),
  text: z.string().trim().min(1).max(WEB_MESSAGE_MAX_CHARS),
});

export const actionBody = z.object({
  eventId: z.uuid(),
  actionId: z.string().min(1).max(100),
  value: z.string().max(WEB_ACTION_VALUE_MAX_CHARS),
});

export function webActor(userId: string, acceptLanguage: string | undefined): Actor {
  const locale = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim();
  return { platform: 'web', workspaceId: WEB_REALM, userId, ...(locale ? { locale } : {}) };
}

/** Each web person talks to the bot in a private conversation of their own. */
export function webConversation(userId: string): Conversation {
  return { platform: 'web', workspaceId: WEB_REALM, channelId: `direct:${userId}`, kind: 'direct' };
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
