/**
 * Membership and installation events: `conversationUpdate` (members added to or removed from a
 * team, a group chat or a personal chat) and `installationUpdate` (the app added or removed).
 */
import { randomUUID } from 'node:crypto';
import { BOT_ID, CHANNEL_ID, CHANNEL_NAME, GROUP_CHAT_ID, TEAM_AAD_GROUP_ID, TEAM_ID, TEAM_NAME, personalConversationIdFor, type TeamsUser } from './accounts.ts';
import {
  BOT_ACCOUNT,
  asMember,
  isTeamsUser,
  loadTeamsFixture,
  resolve,
  type BaseOptions,
  type Json,
  type TeamsAccount,
  type TeamsActivity,
  type TeamsConversation,
} from './activity.ts';

// ---------------------------------------------------------------------------------------------
// Membership and installation
// ---------------------------------------------------------------------------------------------

export type InstallScope = 'team' | 'groupChat' | 'personal';

export interface ConversationUpdateOptions extends Omit<BaseOptions, 'locale' | 'timezone'> {
  scope: InstallScope;
  membersAdded?: (TeamsUser | TeamsAccount)[];
  membersRemoved?: (TeamsUser | TeamsAccount)[];
  /** The bot itself is among the members added (it was installed here). */
  botAdded?: boolean;
  /** The bot itself is among the members removed (it was uninstalled). */
  botRemoved?: boolean;
  teamId?: string;
  teamName?: string;
  /** For a team: the channel chosen when the bot was added (`CHANNEL_ID`), the conversation then. */
  channelId?: string;
  channelName?: string;
  chatId?: string;
  conversationId?: string;
}

/**
 * A `conversationUpdate`: members added to (or removed from) a team, a group chat or a personal
 * chat. In a team, `channelData.eventType` is `teamMemberAdded`/`teamMemberRemoved` and
 * `channelData.team` names the team; the conversation is the channel chosen at installation when
 * the bot was added, else the team (its General channel).
 */
export function conversationUpdate(options: ConversationUpdateOptions): TeamsActivity {
  const installed = options.botAdded === true;
  const fixture = loadTeamsFixture(installed ? 'conversation-update-bot-added' : 'conversation-update-members-added');
  const resolved = resolve(options);
  const tenant = { id: resolved.tenantId };
  const added = [...(installed ? [{ id: BOT_ID }] : []), ...(options.membersAdded ?? []).map(asMember)];
  const removed = [...(options.botRemoved ? [{ id: BOT_ID }] : []), ...(options.membersRemoved ?? []).map(asMember)];

  let conversation: TeamsConversation;
  let channelData: Json;
  switch (options.scope) {
    case 'team': {
      const teamId = options.teamId ?? TEAM_ID;
      const channelId = options.channelId ?? CHANNEL_ID;
      const channelName = options.channelName ?? (channelId === CHANNEL_ID ? CHANNEL_NAME : undefined);
      conversation = installed
        ? { isGroup: true, conversationType: 'channel', tenantId: resolved.tenantId, id: options.conversationId ?? channelId, ...(channelName ? { name: channelName } : {}) }
        : { isGroup: true, conversationType: 'channel', tenantId: resolved.tenantId, id: options.conversationId ?? teamId };
      channelData = {
        ...(installed ? { settings: { selectedChannel: { id: channelId } } } : {}),
        team: { aadGroupId: TEAM_AAD_GROUP_ID, name: options.teamName ?? TEAM_NAME, id: teamId },
        eventType: added.length === 0 && removed.length > 0 ? 'teamMemberRemoved' : 'teamMemberAdded',
        tenant,
      };
      break;
    }
    case 'groupChat':
      conversation = { isGroup: true, conversationType: 'groupChat', tenantId: resolved.tenantId, id: options.conversationId ?? options.chatId ?? GROUP_CHAT_ID };
      channelData = { tenant };
      break;
    case 'personal':
      conversation = {
        conversationType: 'personal',
        tenantId: resolved.tenantId,
        id: options.conversationId ?? (isTeamsUser(resolved.from) ? resolved.from.personalConversationId : personalConversationIdFor(resolved.from.id, resolved.tenantId)),
      };
      channelData = { tenant };
      break;
  }

  const rest: Json = { ...fixture };
  delete rest.membersAdded;
  return {
    ...(rest as TeamsActivity),
    ...(added.length > 0 ? { membersAdded: added } : {}),
    ...(removed.length > 0 ? { membersRemoved: removed } : {}),
    timestamp: resolved.timestamp.toISOString(),
    id: options.id ?? `f:${randomUUID()}`,
    serviceUrl: options.serviceUrl,
    from: asMember(resolved.from),
    recipient: { ...BOT_ACCOUNT },
    conversation,
    channelData,
  };
}

export interface InstallationUpdateOptions extends BaseOptions {
  action: 'add' | 'remove' | 'add-upgrade' | 'remove-upgrade';
  scope: InstallScope;
  teamId?: string;
  teamName?: string;
  /** For a team: the channel chosen at installation (`CHANNEL_ID`). */
  channelId?: string;
  chatId?: string;
  conversationId?: string;
}

/**
 * An `installationUpdate`: the app added to or removed from a team, a group chat or a person.
 * Adding to a team names the channel chosen (`channelData.settings.selectedChannel`), which is
 * then the conversation; removing from a team speaks of the team itself.
 */
export function installationUpdate(options: InstallationUpdateOptions): TeamsActivity {
  const adding = options.action === 'add' || options.action === 'add-upgrade';
  const fixture = loadTeamsFixture(adding ? 'installation-update-add' : 'installation-update-remove');
  const resolved = resolve(options);
  const tenant = { id: resolved.tenantId };
  const source = { name: 'message' };

  let conversation: TeamsConversation;
  let channelData: Json;
  switch (options.scope) {
    case 'team': {
      const teamId = options.teamId ?? TEAM_ID;
      const channelId = options.channelId ?? CHANNEL_ID;
      const team = { aadGroupId: TEAM_AAD_GROUP_ID, name: options.teamName ?? TEAM_NAME, id: teamId };
      if (adding) {
        conversation = {
          isGroup: true,
          conversationType: 'channel',
          tenantId: resolved.tenantId,
          id: options.conversationId ?? channelId,
          ...(channelId === CHANNEL_ID ? { name: CHANNEL_NAME } : {}),
        };
        channelData = { settings: { selectedChannel: { id: channelId } }, channel: { id: channelId }, team, tenant, source };
      } else {
        conversation = { isGroup: true, conversationType: 'channel', tenantId: resolved.tenantId, id: options.conversationId ?? teamId };
        channelData = { team, tenant, source };
      }
      break;
    }
    case 'groupChat':
      conversation = { isGroup: true, conversationType: 'groupChat', tenantId: resolved.tenantId, id: options.conversationId ?? options.chatId ?? GROUP_CHAT_ID };
      channelData = { tenant, source };
      break;
    case 'personal':
      conversation = {
        conversationType: 'personal',
        tenantId: resolved.tenantId,
        id: options.conversationId ?? (isTeamsUser(resolved.from) ? resolved.from.personalConversationId : personalConversationIdFor(resolved.from.id, resolved.tenantId)),
      };
      channelData = { tenant, source };
      break;
  }

  return {
    ...fixture,
    id: options.id ?? `f:${randomUUID()}`,
    timestamp: resolved.timestamp.toISOString(),
    serviceUrl: options.serviceUrl,
    from: asMember(resolved.from),
    recipient: { ...BOT_ACCOUNT },
    locale: resolved.locale,
    entities: [{ type: 'clientInfo', locale: resolved.locale }],
    conversation,
    channelData,
    action: options.action,
  };
}
