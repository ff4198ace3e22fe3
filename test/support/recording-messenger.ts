/**
 * The messenger as the core sees it, where no platform runs in a core test: it records every post,
 * private note and removal, and knows the people put in its `directory`; links of the form `https://chat.test/<platform>/<channel>/<message>`
 * point to messages, and removals can be told to fail with a platform's refusal.
 */
import type { MessageRef } from '../../src/core/adapter.ts';
import { cardToText, type Card } from '../../src/core/card.ts';
import { ForumError, type ErrorCode } from '../../src/core/errors.ts';
import { PLATFORMS, type Conversation, type Platform } from '../../src/core/events.ts';
import type { KnownPerson, Messenger, PersonRef } from '../../src/core/messenger.ts';

export const TEST_LINK_PREFIX = 'https://chat.test/';

export class RecordingMessenger implements Messenger {
  readonly posts: { conversation: Conversation; card: Card; messageId: string }[] = [];
  readonly notes: { person: PersonRef; card: Card }[] = [];
  readonly removed: MessageRef[] = [];
  /** The next removal fails with this code. */
  failRemoval: ErrorCode | undefined;
  /** People who cannot be reached privately (`platform:userId`). */
  readonly unreachable = new Set<string>();
  /** The platforms the bot is connected to. */
  connected: Platform[] = ['slack', 'teams'];

  platforms(): Platform[] {
    return this.connected;
  }

  post(conversation: Conversation, card: Card): Promise<MessageRef> {
    const messageId = `post-${this.posts.length + 1}`;
    this.posts.push({ conversation, card, messageId });
    return Promise.resolve({ platform: conversation.platform, conversation, messageId });
  }

  tell(person: PersonRef, card: Card): Promise<boolean> {
    if (this.unreachable.has(`${person.platform}:${person.userId}`)) return Promise.resolve(false);
    this.notes.push({ person, card });
    return Promise.resolve(true);
  }

  readonly updates: { ref: MessageRef; card: Card; at: number }[] = [];
  /** Members of channels, by channel id (response rates); unknown channels cannot be listed. */
  readonly channelMembers = new Map<string, string[]>();

  update(ref: MessageRef, card: Card): Promise<void> {
    this.updates.push({ ref, card, at: Date.now() });
    return Promise.resolve();
  }

  members(conversation: Conversation): Promise<string[] | undefined> {
    return Promise.resolve(this.channelMembers.get(conversation.channelId));
  }

  locate(link: string): MessageRef | undefined {
    if (!link.startsWith(TEST_LINK_PREFIX)) return undefined;
    const [platform, channelId, messageId] = link.slice(TEST_LINK_PREFIX.length).split('/');
    const known = PLATFORMS.find((p) => p === platform);
    if (!known || !channelId || !messageId) return undefined;
    return { platform: known, conversation: { platform: known, workspaceId: '', channelId, kind: 'channel' }, messageId };
  }

  remove(ref: MessageRef): Promise<void> {
    const code = this.failRemoval;
    this.failRemoval = undefined;
    if (code) return Promise.reject(new ForumError(code, `removal refused: ${code}`));
    this.removed.push(ref);
    return Promise.resolve();
  }

  /** The people `whois` knows, by `platform:userId` as mentioned. */
  readonly directory = new Map<string, KnownPerson>();

  whois(conversation: Conversation, userId: string): Promise<KnownPerson | undefined> {
    return Promise.resolve(this.directory.get(`${conversation.platform}:${userId}`));
  }

  /** The texts of the notes a person received. */
  notesTo(platform: string, userId: string): string[] {
    return this.notes.filter((n) => n.person.platform === platform && n.person.userId === userId).map((n) => cardToText(n.card));
  }
}
