/**
 * What the Teams adapter does without a turn to answer: posts to a conversation the bot was installed
 * in (a new post, or a reply in a channel thread), updates and deletes its own posts, and lists a
 * conversation's members. Each runs in a proactive turn of the CloudAdapter, opened with the
 * conversation reference stored at installation.
 */
import type { Activity, ChannelAccount, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Kysely } from 'kysely';
import type { MessageRef } from '../../src/core/adapter.ts';
import type { Card } from '../../src/core/card.ts';
import { ForumError } from '../../src/core/errors.ts';
import type { Conversation } from '../../src/core/events.ts';
import type { Logger } from '../../src/log.ts';
import { findConversation, setConversationActive, type StoredConversation } from '../../src/store/conversations.ts';
import type { Database } from '../../src/store/schema.ts';
import { teamsCall, type StatusCodes } from './errors.ts';
import { threadConversationId } from './inbound.ts';
import { cardToAdaptiveCards } from './render.ts';
import { messageActivity } from './send.ts';

/** A conversation reference as stored, with the team it belongs to (to forget the team's channels together). */
export type StoredReference = Partial<ConversationReference> & { teamId?: string };

/** What of botbuilder's ConnectorClient (kept in the turn state) the proactive calls use. */
interface ConnectorConversations {
  conversations: {
    sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
    /** `GET v3/conversations/{id}/pagedmembers?pageSize=…&continuationToken=…` (the token left out on the first page). */
    getConversationPagedMembers(conversationId: string, options: { pageSize: number; continuationToken?: string }): Promise<{ members?: ChannelAccount[]; continuationToken?: string }>;
    /** `GET v3/conversations/{id}/members/{memberId}`: one member, as a `TeamsChannelAccount` for Teams. */
    getConversationMember(conversationId: string, memberId: string): Promise<ChannelAccount & { tenantId?: string }>;
  };
}

/**
 * Members asked per page of `pagedmembers`. Teams treats a page size under 50 as 50 and caps it at
 * 500 (its default is 200); the largest page means the fewest requests for a large team.
 */
export const TEAMS_MEMBERS_PAGE_SIZE = 500;

export interface TeamsProactive {
  /** Posts to a conversation the bot was installed in; with `threadId`, as a reply in that channel thread. */
  postProactive(conversation: Conversation, card: Card): Promise<MessageRef>;
  /**
   * Deletes one of the bot's posts (in a channel thread when `conversation.threadId` is set).
   * ForumError `forbidden` when Teams refuses (403: not the bot's, or the bot left), `not_found` when
   * the message (404) or the conversation (never installed) is unknown.
   */
  deleteMessage(conversation: Conversation, messageId: string): Promise<void>;
  /**
   * Replaces one of the bot's posts in place (in a channel thread when `conversation.threadId` is
   * set) with the card as the message's single Adaptive Card; a card too large for one message
   * shows its first card only. ForumError `not_found` when the message (404) or the conversation
   * (never installed) is unknown, `forbidden` when Teams refuses (403).
   */
  updateMessage(conversation: Conversation, messageId: string, card: Card): Promise<void>;
  /**
   * The people in a conversation (for a channel, its roster), every page of `pagedmembers`: each
   * one's Entra object id, the id the bot knows people by, else their Teams id. The bot itself and
   * members Teams marks as bots (`role: 'bot'`) are left out. ForumError `not_found` when the
   * conversation is unknown (never installed, or 404), `forbidden` when Teams refuses (403).
   */
  listMembers(conversation: Conversation): Promise<string[]>;
  /**
   * One person of a conversation's roster (`members/{id}`, by Teams id or Entra object id): the id
   * the bot knows them by, their tenant and name; undefined when they are not in it. ForumError
   * `not_found` when the conversation is unknown (never installed).
   */
  findMember(conversation: Conversation, userId: string): Promise<TeamsPerson | undefined>;
}

/** A person as Teams' roster shows them. */
export interface TeamsPerson {
  userId: string;
  tenantId: string;
  name: string;
}

export interface ProactiveParts {
  adapter: CloudAdapter;
  appId: string;
  db: Kysely<Database>;
  now: () => Date;
  log: Logger;
}

/** A thread reply whose root is gone is answered 404: the thread is, not the channel. */
const THREAD_CODES: StatusCodes = { 404: 'not_found' };
/** A deletion's or an update's 404: the message is gone (or never was). A 403 stays `forbidden`. */
const MESSAGE_CODES: StatusCodes = { 404: 'not_found' };
/** The roster's 404: Teams does not know the conversation. */
const MEMBERS_CODES: StatusCodes = { 404: 'not_found' };

function referenceOf(stored: StoredConversation): StoredReference {
  const reference = JSON.parse(stored.reference) as StoredReference;
  delete reference.teamId;
  return reference;
}

/** The conversation id to address: the stored one, or a channel thread's (`<channel>;messageid=<root>`). */
function addressOf(stored: StoredConversation, reference: StoredReference, conversation: Conversation): { id: string; threaded: boolean } {
  const base = (reference.conversation?.id ?? conversation.channelId).split(';')[0] ?? conversation.channelId;
  // Threads exist in channels only; a group or personal chat is flat.
  if (conversation.threadId && stored.kind === 'channel') return { id: threadConversationId(base, conversation.threadId), threaded: true };
  return { id: reference.conversation?.id ?? conversation.channelId, threaded: false };
}

export function createTeamsProactive({ adapter, appId, db, now, log }: ProactiveParts): TeamsProactive {
  /**
   * Runs `work` in a proactive turn and carries its failure out: inside the turn, the adapter's
   * turn-error handler would swallow it.
   */
  async function inConversation<T>(reference: StoredReference, work: (context: TurnContext) => Promise<T>): Promise<T> {
    const outcome: { done: boolean; value?: T; error?: unknown } = { done: false };
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      try {
        outcome.value = await work(context);
      } catch (error) {
        outcome.error = error ?? new ForumError('platform_error', 'Teams proactive turn failed');
      }
      outcome.done = true;
    });
    if (outcome.error !== undefined) throw outcome.error instanceof Error ? outcome.error : new ForumError('platform_error', 'Teams proactive turn failed');
    if (!outcome.done) throw new ForumError('platform_error', 'Teams proactive turn did not run');
    return outcome.value as T;
  }

  async function postProactive(conversation: Conversation, card: Card): Promise<MessageRef> {
    const stored = await findConversation(db, 'teams', conversation.channelId);
    if (!stored?.active) throw new ForumError('forbidden', `Teams conversation ${conversation.channelId} is not one the bot can post to`);
    const reference = referenceOf(stored);
    const address = addressOf(stored, reference, conversation);
    try {
      const first = await inConversation(reference, async (context) => {
        const client = context.turnState.get<ConnectorConversations>(context.adapter.ConnectorClientKey);
        let id: string | undefined;
        for (const message of cardToAdaptiveCards(card)) {
          // A new message in the conversation, or in the thread its id names; not a reply to any activity.
          const activity = { ...messageActivity(message), from: reference.bot, conversation: { ...reference.conversation, id: address.id }, channelId: reference.channelId } as Activity;
          const sent = await teamsCall(log, 'proactive post', () => client.conversations.sendToConversation(address.id, activity), address.threaded ? THREAD_CODES : {});
          id ??= sent.id;
        }
        return id;
      });
      return { platform: 'teams', conversation, messageId: first ?? '' };
    } catch (error) {
      // Removed from the team or chat: stop posting there rather than failing every week.
      if (error instanceof ForumError && error.code === 'forbidden') {
        await setConversationActive(db, 'teams', conversation.channelId, false, now());
        log.warn({ conversation: conversation.channelId }, 'Teams conversation marked inactive: the bot is no longer there');
      }
      throw error;
    }
  }

  async function deleteMessage(conversation: Conversation, messageId: string): Promise<void> {
    const stored = await installed(conversation);
    const reference = referenceOf(stored);
    const address = addressOf(stored, reference, conversation);
    await inConversation(reference, async (context) => {
      const target: Partial<ConversationReference> = { ...reference, conversation: { ...reference.conversation, id: address.id } as ConversationReference['conversation'], activityId: messageId };
      await teamsCall(log, 'delete', () => context.deleteActivity(target), MESSAGE_CODES);
    });
  }

  /** The stored conversation the bot was installed in; `not_found` when there is none. */
  async function installed(conversation: Conversation): Promise<StoredConversation> {
    const stored = await findConversation(db, 'teams', conversation.channelId);
    if (!stored) throw new ForumError('not_found', `Teams conversation ${conversation.channelId} is not one the bot was installed in`);
    return stored;
  }

  async function updateMessage(conversation: Conversation, messageId: string, card: Card): Promise<void> {
    const stored = await installed(conversation);
    const reference = referenceOf(stored);
    const address = addressOf(stored, reference, conversation);
    const messages = cardToAdaptiveCards(card);
    const [first] = messages;
    if (!first) return;
    if (messages.length > 1) log.warn({ conversation: conversation.channelId, messageId, messages: messages.length }, 'Teams update: the card is larger than one message; the rest is left out');
    await inConversation(reference, async (context) => {
      // The adapter's own update: TurnContext.updateActivity would put back the turn's conversation (no thread).
      const activity: Partial<Activity> = {
        ...messageActivity(first),
        id: messageId,
        from: reference.bot,
        conversation: { ...reference.conversation, id: address.id } as Activity['conversation'],
        channelId: reference.channelId,
        serviceUrl: reference.serviceUrl,
      };
      await teamsCall(log, 'update', () => context.adapter.updateActivity(context, activity), MESSAGE_CODES);
    });
  }

  async function listMembers(conversation: Conversation): Promise<string[]> {
    const stored = await installed(conversation);
    const reference = referenceOf(stored);
    // A channel's members, not a thread's: the stored id without any `;messageid=`.
    const id = (reference.conversation?.id ?? conversation.channelId).split(';')[0] ?? conversation.channelId;
    const botId = reference.bot?.id;
    return inConversation(reference, async (context) => {
      const client = context.turnState.get<ConnectorConversations>(context.adapter.ConnectorClientKey);
      const people = new Set<string>();
      let continuationToken: string | undefined;
      do {
        const token = continuationToken;
        const page = await teamsCall(
          log,
          'members',
          () => client.conversations.getConversationPagedMembers(id, { pageSize: TEAMS_MEMBERS_PAGE_SIZE, ...(token ? { continuationToken: token } : {}) }),
          MEMBERS_CODES,
        );
        for (const member of page.members ?? []) {
          if (member.role === 'bot' || (botId !== undefined && member.id === botId)) continue;
          people.add(member.aadObjectId || member.id);
        }
        continuationToken = page.continuationToken || undefined;
      } while (continuationToken);
      return [...people];
    });
  }

  async function findMember(conversation: Conversation, userId: string): Promise<TeamsPerson | undefined> {
    const stored = await installed(conversation);
    const reference = referenceOf(stored);
    const id = (reference.conversation?.id ?? conversation.channelId).split(';')[0] ?? conversation.channelId;
    return inConversation(reference, async (context) => {
      const client = context.turnState.get<ConnectorConversations>(context.adapter.ConnectorClientKey);
      try {
        const member = await teamsCall(log, 'member', () => client.conversations.getConversationMember(id, userId), MEMBERS_CODES);
        if (member.role === 'bot') return undefined;
        return { userId: member.aadObjectId || member.id, tenantId: member.tenantId ?? reference.conversation?.tenantId ?? '', name: member.name || member.id };
      } catch (error) {
        if (error instanceof ForumError && error.code === 'not_found') return undefined;
        throw error;
      }
    });
  }

  return { postProactive, deleteMessage, updateMessage, listMembers, findMember };
}
