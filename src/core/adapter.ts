/**
 * What the core asks of a platform. `reply` is the one required capability; everything else is
 * optional and probed (`if (adapter.updateMessage)`), never switched on the platform's name.
 */
import type { Card } from './card.ts';
import type { Conversation, InboundEvent, Platform } from './events.ts';
import type { ActionId } from './actions.ts';

/** A message the bot posted, as the adapter can find it again to update it. */
export interface MessageRef {
  platform: Platform;
  conversation: Conversation;
  messageId: string;
}

export interface FormField {
  id: string;
  label: string;
  kind: 'text' | 'textarea' | 'select';
  required: boolean;
  options?: { label: string; value: string }[];
  placeholder?: string;
}

/** A form (Slack modal, Teams task module, web dialog). Its submission arrives as an action event. */
export interface Form {
  /** Submission arrives as an `action` event with this id and the values in `formValues`. */
  actionId: ActionId;
  title: string;
  submitLabel: string;
  fields: FormField[];
  /** Passed back with the submission. */
  value?: string;
  /** The label of the button that closes the form unsent, in the person's language. */
  cancelLabel?: string;
}

/** A file the bot hands to one person (a poll's CSV export). */
export interface OutgoingFile {
  /** The file name, with its extension (`poll-12.csv`). */
  name: string;
  /** The title the platform shows, in the person's language. */
  title: string;
  /** The media type (`text/csv`); platforms that take only a name infer it from the extension. */
  mime: string;
  /** The file's text, sent as UTF-8 bytes exactly as given (a leading BOM included). */
  content: string;
}

export interface Adapter {
  readonly platform: Platform;
  /** Reply where the event happened: in its thread when it has one, or in the conversation. */
  reply(event: InboundEvent, card: Card): Promise<MessageRef>;
  /** Replace a message the bot posted. */
  updateMessage?(ref: MessageRef, card: Card): Promise<void>;
  /** A reply only the event's author sees. */
  replyPrivately?(event: InboundEvent, card: Card): Promise<void>;
  /** Open a form for the event's author (needs the event's trigger, e.g. a slash command). */
  openForm?(event: InboundEvent, form: Form): Promise<void>;
  /** Post to a conversation without an event to answer (weekly topics, poll deadlines). */
  postProactive?(conversation: Conversation, card: Card): Promise<MessageRef>;
  /** The user ids of a channel's members, for response rates. */
  listChannelMembers?(conversation: Conversation): Promise<string[]>;
  /**
   * A file only the event's author receives (in their direct messages with the bot, or with the
   * reply: see `fileDelivery`). Fails with a
   * ForumError when the platform refuses it; the caller then shows the content another way.
   */
  sendFile?(event: InboundEvent, file: OutgoingFile): Promise<void>;
  /**
   * Where `sendFile` puts the file: `direct` (the default) in the person's direct messages with the
   * bot (Slack); `reply` with the replies to the event itself (the web chat, whose page offers it
   * for download). Callers then do not speak of direct messages.
   */
  readonly fileDelivery?: 'direct' | 'reply';
}
