/**
 * The messenger the core posts unasked through: Slack with its Web API client, Teams with the
 * conversation references stored on install (a person's private note needs their 1:1 chat with the
 * bot, known once they have installed it personally), the web page's discussion channels in the
 * store, which the page reads. Message links (for reports and removals) are read by each adapter's parser.
 */
import type { MessageRef } from '../../src/core/adapter.ts';
import type { Card } from '../../src/core/card.ts';
import { ForumError } from '../../src/core/errors.ts';
import type { Conversation, Platform } from '../../src/core/events.ts';
import type { KnownPerson, Messenger, PersonRef } from '../../src/core/messenger.ts';
import type { Kysely } from 'kysely';
import { activeConversations } from '../../src/store/conversations.ts';
import type { Database } from '../../src/store/schema.ts';
import type { SlackConnection } from '../slack/app.ts';
import { messageRefFromSlackLink } from '../slack/links.ts';
import type { TeamsConnection } from '../teams/app.ts';
import { parseTeamsMessageLink } from '../teams/links.ts';
import { postToWeb, removeWebPost, updateWebPost } from '../web/posts.ts';

export interface MessengerParts {
  db: Kysely<Database>;
  slack: SlackConnection | undefined;
  teams: () => Promise<TeamsConnection>;
  /** The app's clock, for the web posts' times (the system clock when not given). */
  now?: () => Date;
}

/** The stored 1:1 conversation of a Teams person (by their Entra object id or Teams id). */
async function teamsPersonalChat(db: Kysely<Database>, userId: string): Promise<string | undefined> {
  for (const row of await activeConversations(db, 'teams')) {
    if (row.kind !== 'direct') continue;
    const user = (JSON.parse(row.reference) as { user?: { id?: string; aadObjectId?: string } }).user;
    if (user?.aadObjectId === userId || user?.id === userId) return row.conversation_id;
  }
  return undefined;
}

export function createMessenger({ db, slack, teams, now = () => new Date() }: MessengerParts): Messenger {
  async function post(conversation: Conversation, card: Card): Promise<MessageRef> {
    switch (conversation.platform) {
      case 'slack':
        if (!slack) throw new ForumError('platform_error', 'Slack is not configured (SLACK_BOT_TOKEN)');
        return slack.postProactive(conversation, card);
      case 'teams':
        return (await teams()).postProactive(conversation, card);
      case 'web':
        return postToWeb(db, conversation, card, now());
      default: {
        const unreachable: never = conversation.platform;
        throw new ForumError('internal', `unknown platform ${String(unreachable)}`);
      }
    }
  }

  async function tell(person: PersonRef, card: Card): Promise<boolean> {
    switch (person.platform) {
      case 'slack':
        if (!slack) return false;
        await slack.postProactive({ platform: 'slack', workspaceId: '', channelId: person.userId, kind: 'direct' }, card);
        return true;
      case 'teams': {
        const chat = await teamsPersonalChat(db, person.userId);
        if (!chat) return false;
        await (await teams()).postProactive({ platform: 'teams', workspaceId: '', channelId: chat, kind: 'direct' }, card);
        return true;
      }
      case 'web':
        return false;
      default: {
        const unreachable: never = person.platform;
        throw new ForumError('internal', `unknown platform ${String(unreachable)}`);
      }
    }
  }

  /** A Slack permalink or a Teams message link, whichever it is. */
  function locate(link: string): MessageRef | undefined {
    const slackRef = messageRefFromSlackLink(link);
    if (slackRef) return slackRef;
    const teamsLink = parseTeamsMessageLink(link);
    if (!teamsLink) return undefined;
    const { channelId, messageId, threadId } = teamsLink;
    return { platform: 'teams', conversation: { platform: 'teams', workspaceId: '', channelId, kind: 'channel', ...(threadId ? { threadId } : {}) }, messageId };
  }

  async function remove(ref: MessageRef): Promise<void> {
    switch (ref.platform) {
      case 'slack':
        if (!slack) throw new ForumError('platform_error', 'Slack is not configured (SLACK_BOT_TOKEN)');
        return slack.deleteMessage(ref.conversation, ref.messageId);
      case 'teams':
        return (await teams()).deleteMessage(ref.conversation, ref.messageId);
      case 'web':
        return removeWebPost(db, ref);
      default: {
        const unreachable: never = ref.platform;
        throw new ForumError('internal', `unknown platform ${String(unreachable)}`);
      }
    }
  }

  async function update(ref: MessageRef, card: Card): Promise<void> {
    switch (ref.platform) {
      case 'slack':
        if (!slack) throw new ForumError('platform_error', 'Slack is not configured (SLACK_BOT_TOKEN)');
        return slack.updateMessage(ref.conversation, ref.messageId, card);
      case 'teams':
        return (await teams()).updateMessage(ref.conversation, ref.messageId, card);
      case 'web':
        return updateWebPost(db, ref, card);
      default: {
        const unreachable: never = ref.platform;
        throw new ForumError('internal', `unknown platform ${String(unreachable)}`);
      }
    }
  }

  /** A channel's members where the platform lists them; the web page has no membership to list. */
  async function members(conversation: Conversation): Promise<string[] | undefined> {
    switch (conversation.platform) {
      case 'slack':
        return slack ? slack.listMembers(conversation) : undefined;
      case 'teams':
        return (await teams()).listMembers(conversation);
      case 'web':
        return undefined;
      default: {
        const unreachable: never = conversation.platform;
        throw new ForumError('internal', `unknown platform ${String(unreachable)}`);
      }
    }
  }

  /** Slack asks `users.info`; Teams the roster of the conversation the mention was typed in; the web page has no directory. */
  async function whois(conversation: Conversation, userId: string): Promise<KnownPerson | undefined> {
    switch (conversation.platform) {
      case 'slack': {
        const found = slack ? await slack.lookupUser(userId) : undefined;
        return found && { platform: 'slack', workspaceId: found.teamId, userId: found.userId, displayName: found.name };
      }
      case 'teams': {
        const found = await (await teams()).findMember(conversation, userId);
        return found && { platform: 'teams', workspaceId: found.tenantId, userId: found.userId, displayName: found.name };
      }
      case 'web':
        return undefined;
      default: {
        const unreachable: never = conversation.platform;
        throw new ForumError('internal', `unknown platform ${String(unreachable)}`);
      }
    }
  }

  // Teams' endpoint is always served (in development mode without an app id), and so is the web page.
  const platforms = (): Platform[] => (slack ? ['slack', 'teams', 'web'] : ['teams', 'web']);

  return { platforms, post, tell, locate, update, members, remove, whois };
}
