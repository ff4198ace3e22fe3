/**
 * Slack payloads to the core's InboundEvents. Only the fields the core needs are read, through zod
 * schemas, so a payload missing one is ignored (and logged by the caller) rather than crashing.
 */
import { z } from 'zod';
import type { ActionEvent, Actor, Conversation, ConversationKind, InboundEvent } from '../../src/core/events.ts';
import { fromSlackActionId, modalValues } from './render.ts';

/** A channel's kind from its id: D… direct message, G… private channel or group DM, C… channel. */
export function kindOfChannel(channelId: string, channelType?: string): ConversationKind {
  if (channelType === 'im' || channelId.startsWith('D')) return 'direct';
  if (channelType === 'mpim' || channelType === 'group' || channelId.startsWith('G')) return 'group';
  return 'channel';
}

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
