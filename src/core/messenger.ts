/**
 * Posting unasked, whatever the platform: the weekly topic to the discussion channels, and private
 * notes to moderators and proposers. The host supplies the real one once the adapters are
 * connected; until then (and in tools without adapters) nothing can be posted, and callers are told.
 */
import type { MessageRef } from './adapter.ts';
import type { Card } from './card.ts';
import { ForumError } from './errors.ts';
import type { Conversation, Platform } from './events.ts';

export interface PersonRef {
  platform: Platform;
  userId: string;
}

/** A person as their platform knows them: where they belong and the name it shows. */
export interface KnownPerson {
  platform: Platform;
  /** Their Slack workspace or Teams tenant (another organisation's for an outside guest). */
  workspaceId: string;
  /** The id the bot knows them by (Teams: their Entra object id where there is one). */
  userId: string;
  displayName: string;
}

export interface Messenger {
  /** The platforms this bot is connected to, which it can post to and remove from. */
  platforms(): Platform[];
  /** Posts to a conversation the bot is in (a discussion channel). */
  post(conversation: Conversation, card: Card): Promise<MessageRef>;
  /** A private message to a person; false when their platform cannot reach them unasked. */
  tell(person: PersonRef, card: Card): Promise<boolean>;
  /** The message a link points to (a Slack permalink, a Teams "copy link"), or undefined when it is none. */
  locate(link: string): MessageRef | undefined;
  /** Redraws one of the bot's posts with a new card (live poll results). */
  update(ref: MessageRef, card: Card): Promise<void>;
  /** The user ids of a channel's members, where the platform can list them (response rates); undefined where not. */
  members(conversation: Conversation): Promise<string[] | undefined>;
  /** Deletes one of the bot's own posts; ForumError `forbidden` when it is not the bot's, `not_found` when gone. */
  remove(ref: MessageRef): Promise<void>;
  /**
   * Who a user id (as mentioned) names, seen from the conversation it was typed in (Teams asks that
   * conversation's roster); undefined when the platform does not know them there.
   */
  whois(conversation: Conversation, userId: string): Promise<KnownPerson | undefined>;
}

export const NO_MESSENGER: Messenger = {
  platforms: () => [],
  post: (conversation) => Promise.reject(new ForumError('platform_error', `no adapter can post to ${conversation.platform} here`)),
  tell: () => Promise.resolve(false),
  locate: () => undefined,
  update: (ref) => Promise.reject(new ForumError('platform_error', `no adapter can update posts on ${ref.platform} here`)),
  members: () => Promise.resolve(undefined),
  remove: (ref) => Promise.reject(new ForumError('platform_error', `no adapter can remove posts on ${ref.platform} here`)),
  whois: () => Promise.resolve(undefined),
};

/** `platform:userId` as stored (topic authors, audit actors) to a person reference. */
export function personFromRef(ref: string): PersonRef | undefined {
  const at = ref.indexOf(':');
  const platform = ref.slice(0, at);
  if (at < 1 || (platform !== 'slack' && platform !== 'teams' && platform !== 'web')) return undefined;
  return { platform, userId: ref.slice(at + 1) };
}
