/**
 * The normalised inbound event. Every adapter turns what its platform sends into one of these;
 * the core never sees a platform payload.
 */

export const PLATFORMS = ['slack', 'teams', 'web'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The person behind an event. `workspaceId` is the person's home Slack team, Teams tenant or web realm. */
export interface Actor {
  platform: Platform;
  workspaceId: string;
  userId: string;
  displayName?: string;
  /** A BCP 47 locale the platform reports for the person (Slack user locale, Teams `locale`). */
  locale?: string;
  /** The web chat used on the server's own machine without signing in (local access). */
  local?: true;
}

export type ConversationKind = 'channel' | 'group' | 'direct';

/** Where an event happened and where a reply goes. */
export interface Conversation {
  platform: Platform;
  /** The workspace (Slack team, Teams tenant, web realm) that owns the conversation. */
  workspaceId: string;
  channelId: string;
  /** The thread to reply in, when the event belongs to one. */
  threadId?: string;
  kind: ConversationKind;
}

interface EventBase {
  /** The platform's own id for this delivery (Slack `event_id`, Teams activity id): redeliveries repeat it. */
  id: string;
  platform: Platform;
  actor: Actor;
  conversation: Conversation;
  receivedAt: Date;
}

/** A message addressed to the bot: a direct message, or a message typed to the bot in a chat. */
export interface MessageEvent extends EventBase {
  type: 'message';
  text: string;
}

/** A mention of the bot in a channel; the adapter has stripped the mention from `text`. */
export interface MentionEvent extends EventBase {
  type: 'mention';
  text: string;
}

/** A slash command (`/forum …`); `text` is what follows the command name. */
export interface CommandEvent extends EventBase {
  type: 'command';
  text: string;
}

/** A button click or a form submission. */
export interface ActionEvent extends EventBase {
  type: 'action';
  actionId: string;
  value: string;
  /** The message that carried the button, when the platform tells which. */
  messageId?: string;
  /** Field values of a submitted form, by field id. */
  formValues?: Record<string, string>;
}

export interface MemberJoinedEvent extends EventBase {
  type: 'member_joined';
}

/** The bot was added to a workspace, team or conversation. */
export interface InstalledEvent extends EventBase {
  type: 'installed';
}

/**
 * A message in a channel thread that was not addressed to the bot: perhaps a reply under a weekly
 * topic, which the discussions feature records (for the summary and the reply counts); never
 * answered. `conversation.threadId` is the thread's root message; `messageId` is this message.
 */
export interface ThreadReplyEvent extends EventBase {
  type: 'thread_reply';
  text: string;
  messageId: string;
}

export type InboundEvent =
  | MessageEvent
  | MentionEvent
  | CommandEvent
  | ActionEvent
  | MemberJoinedEvent
  | InstalledEvent
  | ThreadReplyEvent;

export type InboundEventType = InboundEvent['type'];
