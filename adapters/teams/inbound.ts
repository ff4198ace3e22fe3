/**
 * Teams activities to the core's InboundEvents: messages (the bot's mention removed), replies in
 * channel threads, card actions (Action.Execute invokes and Action.Submit messages), members joining
 * and the bot being added.
 */
import type { Activity } from 'botbuilder';
import type { Actor, Conversation, ConversationKind, InboundEvent, ThreadReplyEvent } from '../../src/core/events.ts';
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

/** A channel thread's conversation id, the inverse of `conversationOf`: `<channel>;messageid=<root>`. */
export function threadConversationId(channelId: string, rootMessageId: string): string {
  return `${channelId};messageid=${rootMessageId}`;
}

export function actorOf(activity: Partial<Activity>): Actor {
  return {
    platform: 'teams',
    workspaceId: tenantOf(activity),
    userId: activity.from?.aadObjectId ?? activity.from?.id ?? '',
    ...(activity.from?.name ? { displayName: activity.from.name } : {}),
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}

/**
 * The text a person typed: the bot's `<at>` mention removed, other mentions as `@Name` (or, with
 * `people` — each mention's text to its id — as `<@id>`, the form the commands naming a person
 * take), other markup reduced to its text.
 */
export function teamsTextToPlain(text: string, botName?: string, people?: ReadonlyMap<string, string>): string {
  let out = text.replace(/\uE000/g, '');
  if (botName) out = out.split(`<at>${botName}</at>`).join(' ');
  // Held apart while the markup goes, then written back: `<@id>` looks like markup itself.
  const ids = [...(people ?? new Map<string, string>())];
  ids.forEach(([mention], i) => (out = out.split(mention).join(`\uE000${i}\uE000`)));
  out = out
    .replace(/<at(?:\s[^>]*)?>([^<]*)<\/at>/g, '@$1')
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
  return out.replace(/\uE000(\d+)\uE000/g, (_, i: string) => `<@${ids[Number(i)]?.[1] ?? ''}>`);
}

/** The bot's mention entity in this activity (Teams writes `<at>Name</at>` in the text with a mention entity). */
function botMentionOf(activity: Partial<Activity>): { text?: string } | undefined {
  const botId = activity.recipient?.id?.toLowerCase();
  if (!botId) return undefined;
  return activity.entities?.find((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id?.toLowerCase() === botId) as
    | { text?: string }
    | undefined;
}

/** The bot's name as mentioned, to remove from the text. */
function botNameOf(mention: { text?: string } | undefined): string | undefined {
  return mention?.text?.replace(/^<at>|<\/at>$/g, '');
}

function base(activity: Partial<Activity>, receivedAt: Date): Omit<InboundEvent, 'type'> & { id: string } {
  return { id: activity.id ?? '', platform: 'teams', actor: actorOf(activity), conversation: conversationOf(activity), receivedAt };
}

/** Prefix of the id of the thread reply that a mention inside a channel thread also is (its own id goes to the mention). */
export const THREAD_REPLY_ID_PREFIX = 'reply:';

/** Bots' ids in Teams start with `28:`; the Bot Framework also marks them with `role: 'bot'`. */
function isFromBot(activity: Partial<Activity>): boolean {
  return activity.from?.role === 'bot' || (activity.from?.id ?? '').startsWith('28:');
}

/**
 * The root of the channel thread this message replies in, or undefined when it is no reply: a new
 * channel post carries its own id as `messageid`, a reply the root's (and neither a `replyToId`).
 */
function threadRootOf(activity: Partial<Activity>): string | undefined {
  const conversation = conversationOf(activity);
  if (conversation.kind !== 'channel' || !conversation.threadId || conversation.threadId === activity.id) return undefined;
  return conversation.threadId;
}

function threadReply(activity: Partial<Activity>, receivedAt: Date, id: string, botName: string | undefined): ThreadReplyEvent {
  return { ...base(activity, receivedAt), id, type: 'thread_reply', messageId: activity.id ?? '', text: teamsTextToPlain(activity.text ?? '', botName) };
}

/**
 * A `message` activity as the core's events. With the resource-specific consent of the manifest,
 * Teams sends every channel and group-chat message, mentioned or not:
 * - a personal chat: a `message` (the person writes to the bot);
 * - a channel or group chat with the bot mentioned: a `mention` (answered, as a question or a command);
 * - a reply in a channel thread: a `thread_reply` (recorded, never answered), also when it mentions
 *   the bot (then beside the mention, with the id `reply:<activity id>`);
 * - anything else in a channel or group chat (a new post, a chat message) and every bot's message:
 *   nothing, so a message not addressed to the bot is never answered as a question.
 * An Action.Submit arrives as a message whose value holds the card's data: an `action`.
 */
/** Commands that name a person: there, the people mentioned become `<@id>` instead of `@Name`. */
const NAMES_A_PERSON = /^\s*(\/forum\s+)?(invite|revoke)\b/i;

/** The people mentioned in an activity other than the bot: each mention's `<at>…</at>` text to their Teams id. */
function peopleMentioned(activity: Partial<Activity>, botId: string | undefined): Map<string, string> {
  const people = new Map<string, string>();
  for (const entity of activity.entities ?? []) {
    const { mentioned, text } = entity as { mentioned?: { id?: string }; text?: string };
    if (entity.type !== 'mention' || !mentioned?.id || !text || mentioned.id.toLowerCase() === botId) continue;
    people.set(text, mentioned.id);
  }
  return people;
}

export function messageToEvents(activity: Partial<Activity>, receivedAt: Date): InboundEvent[] {
  if (!activity.id || isFromBot(activity)) return [];
  if (activity.value !== undefined && !activity.text) {
    const action = fromSubmitValue(activity.value);
    return action ? [actionEvent(activity, receivedAt, action)] : [];
  }
  const mention = botMentionOf(activity);
  const botName = botNameOf(mention);
  let text = teamsTextToPlain(activity.text ?? '', botName);
  if (NAMES_A_PERSON.test(text)) text = teamsTextToPlain(activity.text ?? '', botName, peopleMentioned(activity, activity.recipient?.id?.toLowerCase()));
  if (kindOf(activity) === 'direct') return [{ ...base(activity, receivedAt), type: 'message', text }];
  const root = threadRootOf(activity);
  if (!mention) return root ? [threadReply(activity, receivedAt, activity.id, botName)] : [];
  const addressed: InboundEvent = { ...base(activity, receivedAt), type: 'mention', text };
  return root ? [addressed, threadReply(activity, receivedAt, `${THREAD_REPLY_ID_PREFIX}${activity.id}`, botName)] : [addressed];
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
