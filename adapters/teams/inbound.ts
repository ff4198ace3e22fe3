/**
 * Teams activities to the core's InboundEvents: messages (the bot's mention removed), card actions
 * (Action.Execute invokes and Action.Submit messages), members joining and the bot being added.
 */
import type { Activity } from 'botbuilder';
import type { Actor, Conversation, ConversationKind, InboundEvent } from '../../src/core/events.ts';
import { fromInvokeValue, fromSubmitValue, type ActionPayload } from './render.ts';

export function kindOf(activity: Partial<Activity>): ConversationKind {
  switch (activity.conversation?.conversationType) {
    case 'personal':
      return 'direct';
    case 'groupChat':
      return 'group';
    default:
      return activity.conversation?.isGroup === false ? 'direct' : 'channel';
  }
}

export function tenantOf(activity: Partial<Activity>): string {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id ?? '';
}

/** A channel's conversation id without the thread part (`19:…@thread.tacv2;messageid=…`). */
export function conversationOf(activity: Partial<Activity>): Conversation {
  const [channelId = '', ...params] = (activity.conversation?.id ?? '').split(';');
  const thread = params.find((p) => p.startsWith('messageid='))?.slice('messageid='.length);
  return { platform: 'teams', workspaceId: tenantOf(activity), channelId, kind: kindOf(activity), ...(thread ? { threadId: thread } : {}) };
}

function actorOf(activity: Partial<Activity>): Actor {
  return {
    platform: 'teams',
    workspaceId: tenantOf(activity),
    userId: activity.from?.aadObjectId ?? activity.from?.id ?? '',
    ...(activity.from?.name ? { displayName: activity.from.name } : {}),
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}

/** The text a person typed: the bot's `<at>` mention removed, other markup reduced to its text. */
export function teamsTextToPlain(text: string, botName?: string): string {
  let out = text;
  if (botName) out = out.split(`<at>${botName}</at>`).join(' ');
  return out
    .replace(/<at>([^<]*)<\/at>/g, '@$1')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The bot's name as mentioned in this activity (Teams writes `<at>Name</at>` with a mention entity). */
function botMentionName(activity: Partial<Activity>): string | undefined {
  const mention = activity.entities?.find(
    (e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id,
  ) as { text?: string } | undefined;
  return mention?.text?.replace(/^<at>|<\/at>$/g, '');
}

function base(activity: Partial<Activity>, receivedAt: Date): Omit<InboundEvent, 'type'> & { id: string } {
  return { id: activity.id ?? '', platform: 'teams', actor: actorOf(activity), conversation: conversationOf(activity), receivedAt };
}

export function messageToEvent(activity: Partial<Activity>, receivedAt: Date): InboundEvent | undefined {
  if (!activity.id) return undefined;
  // Action.Submit arrives as a message whose value holds the card's data.
  if (activity.value !== undefined && !activity.text) {
    const action = fromSubmitValue(activity.value);
    return action ? actionEvent(activity, receivedAt, action) : undefined;
  }
  const text = teamsTextToPlain(activity.text ?? '', botMentionName(activity));
  return { ...base(activity, receivedAt), type: kindOf(activity) === 'direct' ? 'message' : 'mention', text };
}

/** An Action.Execute click (`invoke` named `adaptiveCard/action`). */
export function invokeToEvent(activity: Partial<Activity>, receivedAt: Date): InboundEvent | undefined {
  const action = fromInvokeValue(activity.value);
  return activity.id && action ? actionEvent(activity, receivedAt, action) : undefined;
}

/** A click or a form's submission; `messageId` is the message that carried the card. */
function actionEvent(activity: Partial<Activity>, receivedAt: Date, action: ActionPayload): InboundEvent {
  return {
    ...base(activity, receivedAt),
    type: 'action',
    actionId: action.actionId,
    value: action.value,
    ...(activity.replyToId ? { messageId: activity.replyToId } : {}),
    ...(Object.keys(action.formValues).length > 0 ? { formValues: action.formValues } : {}),
  };
}

/** People added to a conversation: the bot itself (an install) or members (welcomes), one event each. */
export function membersAddedToEvents(activity: Partial<Activity>, receivedAt: Date): InboundEvent[] {
  const botId = activity.recipient?.id;
  return (activity.membersAdded ?? []).map((member, i) => {
    const common = base(activity, receivedAt);
    const id = `${activity.id ?? 'update'}:${member.id}:${i}`;
    if (member.id === botId) return { ...common, id, type: 'installed' as const };
    const actor: Actor = { platform: 'teams', workspaceId: common.actor.workspaceId, userId: member.aadObjectId ?? member.id, ...(member.name ? { displayName: member.name } : {}) };
    return { ...common, id, actor, type: 'member_joined' as const };
  });
}
