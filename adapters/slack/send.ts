/**
 * The Slack adapter's sending side: one `SlackDelivery` per inbound request, which knows how that
 * request may be answered (a thread, an ephemeral message, the slash command's `response_url`, the
 * person's messages with the bot) and renders every card to Block Kit within Slack's limits. Files
 * go to the person's direct messages with the bot (`files.ts`).
 */
import type { webApi } from '@slack/bolt';
import type { ContextBlock } from '@slack/types';
import type { Adapter, Form, MessageRef, OutgoingFile } from '../../src/core/adapter.ts';
import type { Card } from '../../src/core/card.ts';
import { ForumError } from '../../src/core/errors.ts';
import type { Conversation, InboundEvent } from '../../src/core/events.ts';
import type { Logger } from '../../src/log.ts';
import { slackCall, type SlackErrorCodes } from './errors.ts';
import { sendFileToPerson } from './files.ts';
import { ELLIPSIS, SLACK_MAX_BLOCKS } from './limits.ts';
import { cardToSlackMessages, formToModal, type SlackMessage } from './render.ts';

/** `conversations.members` page size: Slack recommends no more than 200 a page (limits under 1000 are accepted). */
const MEMBERS_PAGE_SIZE = 200;
/** How long a `response_url` POST may take before it counts as failed. */
const RESPONSE_URL_TIMEOUT_MS = 10_000;
/** Marks a message reference that lives behind a `response_url` rather than at a `ts`. */
const RESPONSE_REF = 'response:';

export interface SlackSending {
  client: webApi.WebClient;
  log: Logger;
  /** The bot's own user id (asked of Slack when not yet known), left out of channel members. */
  botUserId?: () => Promise<string | undefined>;
}

/** How the request being answered may be answered. */
export interface DeliveryContext {
  /**
   * `event`: Events API; `command`: the slash command; `action`: a button on a message; `view`: a
   * button in the App Home or a submitted form; `shortcut`: a message shortcut (answered only to the
   * person who used it, through its `response_url`).
   */
  kind: 'event' | 'command' | 'action' | 'view' | 'shortcut';
  triggerId?: string | undefined;
  responseUrl?: string | undefined;
  /** The button was on a message only the person sees (answered through `response_url`). */
  ephemeral?: boolean;
}

export class SlackDelivery implements Adapter {
  readonly platform = 'slack' as const;
  readonly openForm?: (event: InboundEvent, form: Form) => Promise<void>;
  private responses = 0;

  constructor(
    private readonly sending: SlackSending,
    private readonly context: DeliveryContext,
  ) {
    const { triggerId } = context;
    if (triggerId) {
      this.openForm = async (_event, form) => {
        const view = formToModal(form, { closeLabel: form.cancelLabel ?? 'Cancel' });
        await slackCall(this.sending.log, 'views.open', () => this.sending.client.views.open({ trigger_id: triggerId, view }));
      };
    }
  }

  /** Answers that only travel through the slash command's, the shortcut's or the ephemeral message's `response_url`. */
  private get viaResponseUrl(): boolean {
    const { kind, responseUrl, ephemeral } = this.context;
    return responseUrl !== undefined && (kind === 'command' || kind === 'shortcut' || ephemeral === true);
  }

  /** The App Home and forms have no conversation, and a shortcut's answer is the person's alone. */
  private get toPersonOnly(): boolean {
    return this.context.kind === 'view' || this.context.kind === 'shortcut';
  }

  async reply(event: InboundEvent, card: Card): Promise<MessageRef> {
    if (this.viaResponseUrl) return this.respond(event.conversation, card, false);
    // Without a response_url, those answers go to the person's messages with the bot.
    const conversation = this.toPersonOnly ? { ...event.conversation, channelId: event.actor.userId, threadId: undefined } : event.conversation;
    return postMessages(this.sending, conversation, cardToSlackMessages(card));
  }

  async updateMessage(ref: MessageRef, card: Card): Promise<void> {
    const messages = cardToSlackMessages(card);
    // An ephemeral message (its button was clicked) can only be replaced through its response_url.
    if (ref.messageId.startsWith(RESPONSE_REF) || (this.context.ephemeral === true && this.context.responseUrl !== undefined)) {
      await this.postToResponseUrl(messages, { replaceOriginal: true });
      return;
    }
    const [first, ...rest] = messages;
    if (!first) return;
    const { channelId, threadId } = ref.conversation;
    await chatUpdate(this.sending, channelId, ref.messageId, first);
    // What did not fit in the message follows it, in its thread.
    if (rest.length > 0) await postMessages(this.sending, { ...ref.conversation, threadId: threadId ?? ref.messageId }, rest);
  }

  async replyPrivately(event: InboundEvent, card: Card): Promise<void> {
    if (this.viaResponseUrl) {
      await this.respond(event.conversation, card, false);
      return;
    }
    if (this.toPersonOnly || event.conversation.kind === 'direct') {
      await this.reply(event, card);
      return;
    }
    const { channelId, threadId } = event.conversation;
    for (const message of cardToSlackMessages(card)) {
      await slackCall(this.sending.log, 'chat.postEphemeral', () =>
        this.sending.client.chat.postEphemeral({
          channel: channelId,
          user: event.actor.userId,
          text: message.text,
          blocks: message.blocks,
          ...(threadId ? { thread_ts: threadId } : {}),
        }),
      );
    }
  }

  postProactive(conversation: Conversation, card: Card): Promise<MessageRef> {
    return postMessages(this.sending, conversation, cardToSlackMessages(card));
  }

  listChannelMembers(conversation: Conversation): Promise<string[]> {
    return listMembers(this.sending, conversation.channelId);
  }

  /** Into the person's direct messages with the bot, whatever the request (files.ts). */
  sendFile(event: InboundEvent, file: OutgoingFile): Promise<void> {
    return sendFileToPerson(this.sending, event.actor.userId, file);
  }

  private async respond(conversation: Conversation, card: Card, replaceOriginal: boolean): Promise<MessageRef> {
    await this.postToResponseUrl(cardToSlackMessages(card), { replaceOriginal });
    return { platform: 'slack', conversation, messageId: `${RESPONSE_REF}${++this.responses}` };
  }

  /** Ephemeral answers through `response_url` (valid 30 minutes, five uses). */
  private async postToResponseUrl(messages: SlackMessage[], options: { replaceOriginal: boolean }): Promise<void> {
    const url = this.context.responseUrl;
    if (!url) throw new ForumError('internal', 'no response_url to answer through');
    for (const [i, message] of messages.entries()) {
      const body = { response_type: 'ephemeral', replace_original: options.replaceOriginal && i === 0, text: message.text, blocks: message.blocks };
      await slackCall(this.sending.log, 'response_url', async () => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
        });
        if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
      });
    }
  }
}

/** Posts a card's messages in order; the first one is the reference (later ones follow in its thread). */
export async function postMessages(sending: SlackSending, conversation: Conversation, messages: SlackMessage[]): Promise<MessageRef> {
  let first: string | undefined;
  for (const message of messages) {
    const threadTs = conversation.threadId ?? (first && conversation.kind !== 'direct' ? first : undefined);
    const result = await slackCall(sending.log, 'chat.postMessage', () =>
      sending.client.chat.postMessage({
        channel: conversation.channelId,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      }),
    );
    first ??= result.ts;
  }
  if (!first) throw new ForumError('platform_error', 'Slack chat.postMessage returned no ts');
  return { platform: 'slack', conversation, messageId: first };
}

/** Slack's refusals of `chat.delete` that the core acts on. */
const DELETE_ERRORS = { message_not_found: 'not_found', cant_delete_message: 'forbidden' } as const satisfies SlackErrorCodes;
/** Slack's refusals of `chat.update` that the core acts on. */
const UPDATE_ERRORS = { message_not_found: 'not_found', cant_update_message: 'forbidden' } as const satisfies SlackErrorCodes;
/** A message's `ts`: seconds, a dot, six digits. */
const SLACK_TS = /^\d+\.\d{6}$/;

/** Replaces one of the bot's messages (`chat.update`): new blocks and fallback text. */
async function chatUpdate(sending: SlackSending, channelId: string, ts: string, message: SlackMessage): Promise<void> {
  await slackCall(sending.log, 'chat.update', () => sending.client.chat.update({ channel: channelId, ts, text: message.text, blocks: message.blocks }), {
    errorCodes: UPDATE_ERRORS,
  });
}

/**
 * A card's messages as the one message an update in place can show: the first (its fallback text
 * is the whole card's), ended by "…" when the card went on in further messages. The rest is left
 * out rather than posted: an update that is repeated (a poll's live counts) must not add messages.
 */
export function inOneMessage(messages: SlackMessage[]): SlackMessage {
  const [first, ...rest] = messages;
  if (!first) return { text: ELLIPSIS, blocks: [] };
  if (rest.length === 0) return first;
  const more: ContextBlock = { type: 'context', elements: [{ type: 'plain_text', text: ELLIPSIS }] };
  const kept = first.blocks.length < SLACK_MAX_BLOCKS ? first.blocks : first.blocks.slice(0, SLACK_MAX_BLOCKS - 1);
  return { text: first.text, blocks: [...kept, more] };
}

/**
 * Replaces one of the bot's own messages in place with a card (`chat.update`); a card longer than
 * one message shows what fits (`inOneMessage`). ForumError `not_found` when the message is gone
 * (or the id is no Slack ts), `forbidden` when it is not the bot's; any other failure is `platform_error`.
 */
export async function updateMessage(sending: SlackSending, channelId: string, ts: string, card: Card): Promise<void> {
  if (!SLACK_TS.test(ts)) throw new ForumError('not_found', `not a Slack message ts: ${ts.slice(0, 40)}`);
  const messages = cardToSlackMessages(card);
  if (messages.length > 1) sending.log.warn({ channelId, ts, messages: messages.length }, 'Slack update: the card is longer than one message; the rest is left out');
  await chatUpdate(sending, channelId, ts, inOneMessage(messages));
}

/**
 * Deletes one of the bot's own messages. ForumError `not_found` when it is gone (or is no message
 * at all), `forbidden` when it is not the bot's; any other failure is `platform_error`.
 */
export async function deleteMessage(sending: SlackSending, channelId: string, ts: string): Promise<void> {
  // An answer behind a response_url has no ts: Slack cannot find it.
  if (!SLACK_TS.test(ts)) throw new ForumError('not_found', `not a Slack message ts: ${ts.slice(0, 40)}`);
  await slackCall(sending.log, 'chat.delete', () => sending.client.chat.delete({ channel: channelId, ts }), { errorCodes: DELETE_ERRORS });
}

/**
 * A link that opens a message, or '' when Slack gives none (the bot cannot see the conversation,
 * say). Not worth waiting out a rate limit for: it is asked while a form waits to be opened.
 */
export async function permalinkOf(sending: SlackSending, channelId: string, ts: string): Promise<string> {
  try {
    const result = await slackCall(sending.log, 'chat.getPermalink', () => sending.client.chat.getPermalink({ channel: channelId, message_ts: ts }), {
      rateLimitRetries: 0,
    });
    return result.permalink ?? '';
  } catch {
    // Logged by slackCall; the report goes on without a link.
    return '';
  }
}

/**
 * The user ids of a conversation's members (`conversations.members`, a page at a time), without
 * the bot itself. Slack lists user ids only: other bots in the channel are not told apart.
 */
export async function listMembers(sending: SlackSending, channelId: string): Promise<string[]> {
  const bot = await sending.botUserId?.();
  const members: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await slackCall(sending.log, 'conversations.members', () =>
      sending.client.conversations.members({ channel: channelId, limit: MEMBERS_PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    );
    members.push(...(page.members ?? []).filter((id) => id !== bot));
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return members;
}

/** A person as Slack knows them: their home workspace and the name shown in Slack. */
export interface SlackPerson {
  userId: string;
  teamId: string;
  name: string;
}

const USER_ERRORS = { user_not_found: 'not_found', user_not_visible: 'not_found' } as const satisfies SlackErrorCodes;

/**
 * Who a user id names (`users.info`): their home workspace (another organisation's for a Slack
 * Connect guest) and display name; undefined for an unknown id, a deactivated account or a bot.
 */
export async function lookupUser(sending: SlackSending, userId: string): Promise<SlackPerson | undefined> {
  try {
    const { user } = await slackCall(sending.log, 'users.info', () => sending.client.users.info({ user: userId }), { errorCodes: USER_ERRORS });
    if (!user?.id || user.deleted || user.is_bot) return undefined;
    const name = user.real_name || user.profile?.display_name || user.name || user.id;
    return { userId: user.id, teamId: user.team_id ?? '', name };
  } catch (error) {
    if (error instanceof ForumError && error.code === 'not_found') return undefined;
    throw error;
  }
}
