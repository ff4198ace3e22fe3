/**
 * What every Teams activity is made of: its types, the loader of the fixtures in
 * `test/fixtures/teams/`, message ids and local times, and the pieces the builders share (the
 * options every builder takes, accounts as Teams writes them, the `clientInfo` entity, where a
 * message or a card lives). `Json`, `frameId`, `isTeamsUser`, `asAccount`, `asMember`,
 * `BOT_ACCOUNT`, `Resolved`, `resolve`, `clientInfo`, `personFields` and `place` are for the other
 * builders only: `teams-activities.ts` does not re-export them.
 */
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BOT_ID, BOT_NAME, CHANNEL_ID, GROUP_CHAT_ID, TEAM_ID, TENANT_ID, USER_ADA, personalConversationIdFor, type TeamsUser } from './accounts.ts';

// ---------------------------------------------------------------------------------------------
// Types and fixtures
// ---------------------------------------------------------------------------------------------

export type Json = Record<string, unknown>;

/** An account as it appears in `from`, `recipient`, `membersAdded` or a mention. */
export interface TeamsAccount {
  id: string;
  name?: string;
  aadObjectId?: string;
}

export type TeamsConversationType = 'personal' | 'channel' | 'groupChat';

export interface TeamsConversation {
  id: string;
  conversationType: TeamsConversationType;
  isGroup?: boolean;
  tenantId: string;
  name?: string;
}

export interface TeamsActivity extends Json {
  type: string;
  id: string;
  timestamp: string;
  channelId: 'msteams';
  serviceUrl: string;
  from: TeamsAccount;
  recipient: TeamsAccount;
  conversation: TeamsConversation;
  channelData: Json;
}

export type TeamsFixtureName =
  | 'message-personal'
  | 'message-channel-mention'
  | 'message-groupchat'
  | 'conversation-update-members-added'
  | 'conversation-update-bot-added'
  | 'installation-update-add'
  | 'installation-update-remove'
  | 'invoke-action-execute'
  | 'message-action-submit'
  | 'invoke-compose-extension-submit-action';

/** A fresh copy of a fixture from `test/fixtures/teams/`. */
export function loadTeamsFixture<T = TeamsActivity>(name: TeamsFixtureName): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/teams/${name}.json`, import.meta.url), 'utf8')) as T;
}

// ---------------------------------------------------------------------------------------------
// Ids and times
// ---------------------------------------------------------------------------------------------

let lastMessageId = 0;

/** A message id as Teams writes it (epoch milliseconds), unique and increasing within a run. */
export function teamsMessageId(): string {
  lastMessageId = Math.max(Date.now(), lastMessageId + 1);
  return String(lastMessageId);
}

/** The id Teams gives an invoke or a card's submit: `f:` and 19 digits. */
export function frameId(): string {
  return `f:${randomInt(1, 10)}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e9)).padStart(9, '0')}`;
}

/** `2025-11-20T23:42:03.469-05:00`: the time on the person's clock, with its offset. */
export function localTimestamp(date: Date, timeZone: string): string {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'longOffset',
  });
  const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
  const zone = parts.timeZoneName ?? 'GMT';
  const offset = zone === 'GMT' ? '+00:00' : zone.slice('GMT'.length);
  const ms = String(date.getUTCMilliseconds()).padStart(3, '0');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${ms}${offset}`;
}

// ---------------------------------------------------------------------------------------------
// Pieces shared by the builders
// ---------------------------------------------------------------------------------------------

/** What every builder takes. */
export interface BaseOptions {
  /** The fake Bot Connector's `serviceUrl`: where the bot's replies go. */
  serviceUrl: string;
  /** The person who acted; `USER_ADA` unless given. */
  from?: TeamsUser | TeamsAccount;
  /** The activity id; a fresh one unless given. */
  id?: string;
  tenantId?: string;
  /** Defaults to the person's (`en-US` for a bare account). */
  locale?: string;
  /** An IANA time zone; defaults to the person's (`America/New_York` for a bare account). */
  timezone?: string;
  timestamp?: Date;
}

export function isTeamsUser(account: TeamsUser | TeamsAccount): account is TeamsUser {
  return 'personalConversationId' in account;
}

/** An account as Teams puts it in `from`: id, name (when known), Entra object id. */
export function asAccount(account: TeamsUser | TeamsAccount): TeamsAccount {
  return {
    id: account.id,
    ...(account.name !== undefined ? { name: account.name } : {}),
    ...(account.aadObjectId !== undefined ? { aadObjectId: account.aadObjectId } : {}),
  };
}

/** A member as Teams lists it in `membersAdded`/`membersRemoved`: no name. */
export function asMember(account: TeamsUser | TeamsAccount): TeamsAccount {
  return { id: account.id, ...(account.aadObjectId !== undefined ? { aadObjectId: account.aadObjectId } : {}) };
}

export const BOT_ACCOUNT: TeamsAccount = { id: BOT_ID, name: BOT_NAME };

export interface Resolved {
  from: TeamsUser | TeamsAccount;
  tenantId: string;
  locale: string;
  timezone: string;
  timestamp: Date;
}

export function resolve(options: BaseOptions): Resolved {
  const from = options.from ?? USER_ADA;
  return {
    from,
    tenantId: options.tenantId ?? TENANT_ID,
    locale: options.locale ?? (isTeamsUser(from) ? from.locale : 'en-US'),
    timezone: options.timezone ?? (isTeamsUser(from) ? from.timezone : 'America/New_York'),
    timestamp: options.timestamp ?? new Date(),
  };
}

export function clientInfo(locale: string, timezone: string, platform = 'Web'): Json {
  const country = /-([A-Z]{2})$/i.exec(locale)?.[1]?.toUpperCase() ?? 'US';
  return { locale, country, platform, timezone, type: 'clientInfo' };
}

/** The fields of what a person did in a client: times, `locale`, `localTimezone`. */
export function personFields(resolved: Resolved): Json {
  return {
    timestamp: resolved.timestamp.toISOString(),
    localTimestamp: localTimestamp(resolved.timestamp, resolved.timezone),
    locale: resolved.locale,
    localTimezone: resolved.timezone,
  };
}

/** Where a message or a card lives. */
export interface PlaceOptions {
  /** `personal` unless given. */
  scope?: TeamsConversationType;
  /** Overrides the conversation id the scope would give. */
  conversationId?: string;
  /** For `channel`: the channel (`CHANNEL_ID`) and team (`TEAM_ID`). */
  channelId?: string;
  teamId?: string;
  /** For `channel`: the root message of the thread. */
  threadId?: string;
  /** For `groupChat`: the chat (`GROUP_CHAT_ID`). */
  chatId?: string;
}

export function place(options: PlaceOptions, resolved: Resolved, rootId: string): { conversation: TeamsConversation; channelData: Json } {
  const tenant = { id: resolved.tenantId };
  const scope = options.scope ?? 'personal';
  switch (scope) {
    case 'channel': {
      const channelId = options.channelId ?? CHANNEL_ID;
      const teamId = options.teamId ?? TEAM_ID;
      return {
        conversation: {
          isGroup: true,
          conversationType: 'channel',
          tenantId: resolved.tenantId,
          id: options.conversationId ?? `${channelId};messageid=${options.threadId ?? rootId}`,
        },
        channelData: { teamsChannelId: channelId, teamsTeamId: teamId, channel: { id: channelId }, team: { id: teamId }, tenant },
      };
    }
    case 'groupChat':
      return {
        conversation: { isGroup: true, conversationType: 'groupChat', tenantId: resolved.tenantId, id: options.conversationId ?? options.chatId ?? GROUP_CHAT_ID },
        channelData: { tenant },
      };
    case 'personal':
      return {
        conversation: {
          conversationType: 'personal',
          tenantId: resolved.tenantId,
          id: options.conversationId ?? (isTeamsUser(resolved.from) ? resolved.from.personalConversationId : personalConversationIdFor(resolved.from.id, resolved.tenantId)),
        },
        channelData: { tenant },
      };
  }
}
