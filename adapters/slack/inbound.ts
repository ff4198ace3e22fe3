/**
 * Slack payloads to the core's InboundEvents. Only the fields the core needs are read, through zod
 * schemas, so a payload missing one is ignored (and logged by the caller) rather than crashing.
 */
import { z } from 'zod';
import { ACTIONS, type ReportedMessage } from '../../src/core/actions.ts';
import type { ActionEvent, Actor, Conversation, ConversationKind, InboundEvent, ThreadReplyEvent } from '../../src/core/events.ts';
import { kindOfChannel } from './channels.ts';
import { fromSlackActionId, modalValues } from './render.ts';

export { kindOfChannel };

/**
 * Slack's message markup to the plain text a person typed: the bot's own mention removed, links
 * and channel names shown as text, `&amp;` `&lt;` `&gt;` restored. Mentions of other people stay
 * as `<@U…>` (commands such as `invite` take them).
 */
export function slackTextToPlain(text: string, botUserId?: string): string {
  let out = text;
  if (botUserId) out = out.replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>[:,]?`, 'g'), ' ');
  out = out
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<#([A-Z0-9]+)>/g, '#$1')
    .replace(/<!(here|channel|everyone)(\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+\|([^>]*)>/g, '$1')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1');
  return out
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

const envelopeSchema = z.object({ event_id: z.string().min(1), team_id: z.string().min(1) });

const messageEventSchema = z.object({
  user: z.string().min(1),
  channel: z.string().min(1),
  text: z.string().default(''),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  team: z.string().optional(),
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
});

const memberJoinedSchema = z.object({ user: z.string().min(1), channel: z.string().min(1), channel_type: z.string().optional(), team: z.string().optional() });

function actor(userId: string, workspaceId: string): Actor {
  return { platform: 'slack', workspaceId, userId };
}

function conversation(teamId: string, channelId: string, kind: ConversationKind, threadId?: string): Conversation {
  return { platform: 'slack', workspaceId: teamId, channelId, kind, ...(threadId ? { threadId } : {}) };
}

/** `app_mention`: answered in a thread under the mention (or in the thread it was made in). */
export function mentionToEvent(body: unknown, event: unknown, botUserId: string | undefined, receivedAt: Date): InboundEvent | undefined {
  const envelope = envelopeSchema.safeParse(body);
  const e = messageEventSchema.safeParse(event);
  if (!envelope.success || !e.success) return undefined;
  const { event_id: id, team_id: teamId } = envelope.data;
  const { user, channel, text, ts, thread_ts: threadTs, team, channel_type: channelType } = e.data;
  return {
    type: 'mention',
    id,
    platform: 'slack',
    actor: actor(user, team ?? teamId),
    conversation: conversation(teamId, channel, kindOfChannel(channel, channelType), threadTs ?? ts),
    receivedAt,
    text: slackTextToPlain(text, botUserId),
  };
}

/** `message.im`: a person's own message to the bot (edits, bots and other subtypes are not questions). */
export function directMessageToEvent(body: unknown, event: unknown, botUserId: string | undefined, receivedAt: Date): InboundEvent | undefined {
  const envelope = envelopeSchema.safeParse(body);
  const e = messageEventSchema.safeParse(event);
  if (!envelope.success || !e.success) return undefined;
  const { user, channel, text, thread_ts: threadTs, team, subtype, bot_id: botId, channel_type: channelType } = e.data;
  if (subtype !== undefined || botId !== undefined || user === botUserId) return undefined;
  if (kindOfChannel(channel, channelType) !== 'direct') return undefined;
  const { event_id: id, team_id: teamId } = envelope.data;
  return {
    type: 'message',
    id,
    platform: 'slack',
    actor: actor(user, team ?? teamId),
    conversation: conversation(teamId, channel, 'direct', threadTs),
    receivedAt,
    text: slackTextToPlain(text, botUserId),
  };
}

/** Message subtypes that are still a person's own words in a thread: a reply also sent to the channel, a reply with a file. */
const THREAD_REPLY_SUBTYPES = new Set(['thread_broadcast', 'file_share']);

/**
 * `message.channels` / `message.groups`: a person's reply in a channel thread, recorded by the core
 * when the thread is a weekly topic's and never answered. Messages outside threads, thread roots,
 * edits, deletions, bots' messages and the bot's own are not for the bot (undefined).
 */
export function threadReplyToEvent(body: unknown, event: unknown, botUserId: string | undefined, receivedAt: Date): ThreadReplyEvent | undefined {
  const envelope = envelopeSchema.safeParse(body);
  const e = messageEventSchema.safeParse(event);
  if (!envelope.success || !e.success) return undefined;
  const { user, channel, text, ts, thread_ts: threadTs, team, subtype, bot_id: botId, channel_type: channelType } = e.data;
  if (!threadTs || threadTs === ts) return undefined;
  if ((subtype !== undefined && !THREAD_REPLY_SUBTYPES.has(subtype)) || botId !== undefined || user === botUserId) return undefined;
  const kind = kindOfChannel(channel, channelType);
  if (kind === 'direct') return undefined;
  const { event_id: id, team_id: teamId } = envelope.data;
  return {
    type: 'thread_reply',
    id,
    platform: 'slack',
    actor: actor(user, team ?? teamId),
    conversation: conversation(teamId, channel, kind, threadTs),
    receivedAt,
    messageId: ts,
    text: slackTextToPlain(text, botUserId),
  };
}

/** `member_joined_channel`: a person joined (a welcome), or the bot itself was added (an install). */
export function memberJoinedToEvent(body: unknown, event: unknown, botUserId: string | undefined, receivedAt: Date): InboundEvent | undefined {
  const envelope = envelopeSchema.safeParse(body);
  const e = memberJoinedSchema.safeParse(event);
  if (!envelope.success || !e.success) return undefined;
  const { event_id: id, team_id: teamId } = envelope.data;
  const { user, channel, channel_type: channelType, team } = e.data;
  return {
    type: user === botUserId ? 'installed' : 'member_joined',
    id,
    platform: 'slack',
    actor: actor(user, team ?? teamId),
    conversation: conversation(teamId, channel, kindOfChannel(channel, channelType === 'G' ? 'group' : undefined)),
    receivedAt,
  };
}

const commandSchema = z.object({
  team_id: z.string().min(1),
  channel_id: z.string().min(1),
  user_id: z.string().min(1),
  text: z.string().default(''),
  trigger_id: z.string().min(1),
  channel_name: z.string().optional(),
});

/** The slash command; its trigger id stands for the delivery (Slack does not redeliver commands). */
export function commandToEvent(body: unknown, botUserId: string | undefined, receivedAt: Date): InboundEvent | undefined {
  const c = commandSchema.safeParse(body);
  if (!c.success) return undefined;
  const { team_id: teamId, channel_id: channel, user_id: user, text, trigger_id: triggerId, channel_name: name } = c.data;
  const kind = name === 'directmessage' ? 'direct' : name === 'privategroup' ? 'group' : kindOfChannel(channel);
  return {
    type: 'command',
    id: `command:${triggerId}`,
    platform: 'slack',
    actor: actor(user, teamId),
    conversation: conversation(teamId, channel, kind),
    receivedAt,
    text: slackTextToPlain(text, botUserId),
  };
}

const blockActionSchema = z.object({
  trigger_id: z.string().min(1),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  team: z.object({ id: z.string().min(1) }).nullable().optional(),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z
    .object({ type: z.string(), message_ts: z.string().optional(), channel_id: z.string().optional(), thread_ts: z.string().optional(), is_ephemeral: z.boolean().optional() })
    .optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  actions: z.array(z.object({ action_id: z.string().min(1), value: z.string().optional() })).min(1),
});

export interface SlackAction {
  event: ActionEvent;
  /** Where the button was: a message in a conversation, or a view (the App Home, a modal). */
  container: 'message' | 'view';
  ephemeral: boolean;
}

/** A button click on a message or in a view. */
export function blockActionToEvent(body: unknown, receivedAt: Date): SlackAction | undefined {
  const b = blockActionSchema.safeParse(body);
  if (!b.success) return undefined;
  const { trigger_id: triggerId, user, team, channel, container, message, actions } = b.data;
  const action = actions[0] as { action_id: string; value?: string | undefined };
  const teamId = team?.id ?? user.team_id ?? '';
  const channelId = channel?.id ?? container?.channel_id;
  const inMessage = container?.type === 'message' && channelId !== undefined;
  const messageTs = container?.message_ts ?? message?.ts;
  const kind = inMessage ? kindOfChannel(channelId) : 'direct';
  // Replies to a button in a channel go to the thread of the message that carried it.
  const threadId = container?.thread_ts ?? message?.thread_ts ?? (kind === 'direct' ? undefined : messageTs);
  return {
    event: {
      type: 'action',
      id: `action:${triggerId}`,
      platform: 'slack',
      actor: actor(user.id, user.team_id ?? teamId),
      conversation: inMessage ? conversation(teamId, channelId, kind, threadId) : conversation(teamId, user.id, 'direct'),
      receivedAt,
      actionId: fromSlackActionId(action.action_id),
      value: action.value ?? '',
      ...(messageTs ? { messageId: messageTs } : {}),
    },
    container: inMessage ? 'message' : 'view',
    ephemeral: container?.is_ephemeral === true,
  };
}

const viewSubmissionSchema = z.object({
  trigger_id: z.string().min(1),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  team: z.object({ id: z.string().min(1) }).nullable().optional(),
  view: z.object({ callback_id: z.string().min(1), private_metadata: z.string().default(''), state: z.unknown().optional() }),
});

/** A form (modal) submitted: an action carrying the field values; replies go to the person's messages with the bot. */
export function viewSubmissionToEvent(body: unknown, receivedAt: Date): ActionEvent | undefined {
  const v = viewSubmissionSchema.safeParse(body);
  if (!v.success) return undefined;
  const { trigger_id: triggerId, user, team, view } = v.data;
  const teamId = team?.id ?? user.team_id ?? '';
  const state = view.state as { values?: unknown } | undefined;
  return {
    type: 'action',
    id: `view:${triggerId}`,
    platform: 'slack',
    actor: actor(user.id, user.team_id ?? teamId),
    conversation: conversation(teamId, user.id, 'direct'),
    receivedAt,
    actionId: view.callback_id,
    value: view.private_metadata,
    formValues: modalValues(state?.values),
  };
}

/** A reported message's text is cut to this many characters (the moderators get the link for the rest). */
export const REPORTED_TEXT_MAX_CHARS = 500;

const messageShortcutSchema = z.object({
  type: z.literal('message_action'),
  callback_id: z.string().min(1),
  trigger_id: z.string().min(1),
  response_url: z.string().min(1).optional(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  team: z.object({ id: z.string().min(1) }).nullable().optional(),
  channel: z.object({ id: z.string().min(1), name: z.string().optional() }),
  message: z.object({ ts: z.string().min(1), user: z.string().optional(), text: z.string().optional() }),
});

/** A message shortcut as the adapter needs it: whom to answer, and the message it was used on. */
export interface SlackMessageShortcut {
  callbackId: string;
  triggerId: string;
  responseUrl: string | undefined;
  actor: Actor;
  conversation: Conversation;
  message: { ts: string; authorId: string; text: string };
}

/** Text cut to at most `max` UTF-16 units, never through the middle of a character. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** A `message_action` payload (a message shortcut), or undefined when it lacks what is needed. */
export function readMessageShortcut(body: unknown, botUserId: string | undefined): SlackMessageShortcut | undefined {
  const p = messageShortcutSchema.safeParse(body);
  if (!p.success) return undefined;
  const { callback_id: callbackId, trigger_id: triggerId, response_url: responseUrl, user, team, channel, message } = p.data;
  const teamId = team?.id ?? user.team_id ?? '';
  const kind = channel.name === 'directmessage' ? 'direct' : channel.name === 'privategroup' ? 'group' : kindOfChannel(channel.id);
  return {
    callbackId,
    triggerId,
    responseUrl,
    actor: actor(user.id, user.team_id ?? teamId),
    conversation: conversation(teamId, channel.id, kind),
    message: { ts: message.ts, authorId: message.user ?? '', text: cut(slackTextToPlain(message.text ?? '', botUserId), REPORTED_TEXT_MAX_CHARS) },
  };
}

/** "Report to moderators" used on a message: the core asks for a reason, then tells the moderators. */
export function reportStartEvent(shortcut: SlackMessageShortcut, link: string, receivedAt: Date): ActionEvent {
  const reported: ReportedMessage = {
    messageId: shortcut.message.ts,
    channelId: shortcut.conversation.channelId,
    authorId: shortcut.message.authorId,
    text: shortcut.message.text,
    link,
  };
  return {
    type: 'action',
    // Slack does not redeliver interactions; the trigger id is unique to this one.
    id: `shortcut:${shortcut.triggerId}`,
    platform: 'slack',
    actor: shortcut.actor,
    conversation: shortcut.conversation,
    receivedAt,
    actionId: ACTIONS.messageReportStart,
    value: JSON.stringify(reported),
  };
}
