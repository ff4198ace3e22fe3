/**
 * Activities exactly as Microsoft Teams POSTs them to a bot's messaging endpoint (`/api/messages`):
 * messages in a personal chat, a channel (with the bot @mentioned or not: the manifest's
 * resource-specific consent has Teams send every message) and a group chat, the `conversationUpdate`
 * and `installationUpdate` events, an `Action.Execute` invoke, the message an `Action.Submit` sends
 * and the `composeExtension/submitAction` invoke of a message action. The builders start from the documented examples in `test/fixtures/teams/`
 * and only change ids, text, scope and the `serviceUrl` (which tests point at the fake Bot Connector),
 * so the fixtures are what the tests really send.
 *
 * Shapes as Teams sends them: user ids `29:1…`, the bot `28:<app id>`, channel conversations
 * `19:…@thread.tacv2;messageid=<root message id>` (a new post carries its own id, a reply in the
 * thread the root's, and neither has a `replyToId`), group chats `19:…@thread.v2`, personal chats
 * `a:1…`; `channelData.tenant.id` everywhere, `channelData.team` / `channelData.channel` in teams;
 * `locale`, `localTimezone` and a `clientInfo` entity on what a person did.
 *
 * No vitest import here: scripts outside the test runner may use it too.
 */
import http from 'node:http';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

// ---------------------------------------------------------------------------------------------
// The tenant, the bot, the team and the people
// ---------------------------------------------------------------------------------------------

export const TENANT_ID = '9b2f5c1e-3d7a-4e8b-a6c4-1f0e2d3c4b5a';
/** The bot's Microsoft App ID. */
export const APP_ID = 'c4e1a7b2-5f3d-4a9e-8b6c-2d1f0e9a8b7c';
/** The bot's id in Teams conversations: `28:` + its app id. */
export const BOT_ID = `28:${APP_ID}`;
export const BOT_NAME = 'TA Forum';
/** What the fixtures carry as `serviceUrl`; builders always take the fake's instead. */
export const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/amer/';

/** A team's id is its General channel's id. */
export const TEAM_ID = '19:3f7c1a9e5b2d4c8f9e0a1b2c3d4e5f60@thread.tacv2';
export const TEAM_AAD_GROUP_ID = 'd1a2b3c4-e5f6-4789-9abc-def012345678';
export const TEAM_NAME = 'TA Community';
/** The channel the bot was added to (`Questions`). */
export const CHANNEL_ID = '19:6e2a9d4c8b1f4e7a9c3d5b0f2a4c6e8d@thread.tacv2';
export const CHANNEL_NAME = 'Questions';
export const GROUP_CHAT_ID = '19:a4c8e2f6b0d14a3c9e7f5b1d3a5c7e9f@thread.v2';

/**
 * The bot's one-to-one conversation with a person (`a:1…`), the same for the same person, as
 * Teams does; the fake Bot Connector answers a "create conversation" with one member with it.
 */
export function personalConversationIdFor(userId: string, tenantId: string = TENANT_ID): string {
  return `a:1${createHash('sha512').update(`${tenantId}|${userId}`).digest('base64url')}`;
}

export interface TeamsUser {
  /** The bot-specific user id, `29:1…`. */
  id: string;
  name: string;
  /** The person's Microsoft Entra object id. */
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
  userPrincipalName: string;
  /** The bot's one-to-one conversation with this person. */
  personalConversationId: string;
  /** The Teams client's locale and time zone, sent with what the person does. */
  locale: string;
  timezone: string;
}

function user(id: string, name: string, aadObjectId: string, locale: string, timezone: string): TeamsUser {
  const [givenName = name, surname = ''] = name.split(' ');
  const email = `${givenName}.${surname}`.toLowerCase().replace(/\.$/, '') + '@contoso.example';
  return { id, name, aadObjectId, givenName, surname, email, userPrincipalName: email, personalConversationId: personalConversationIdFor(id), locale, timezone };
}

export const USER_ADA = user(
  '29:1Qm3vXk8Rz0bTf5pLw2Hn7Jc9Ys4Ad6Ge1Ku3Mo8Pi5Nq2Bt7Wr0Lx4Vz9Cy6Hs1Ej3Fg8Dk5Al2Tb7Mp0Rn4Wq9Xu',
  'Ada Lovelace',
  '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  'en-US',
  'America/New_York',
);
export const USER_GRACE = user(
  '29:1Vd8Kp3Xs6Ma1Rt9Lz4Hb7Nw2Qc5Jf0Ye8Gu3Ok6Pi1Bn9Tl4Xw7Qe2Rz5Vk0Mh8Cj3Sp6Df1Ag4Lu9Ny7Kt2Wb5Ho0Ix',
  'Grace Hopper',
  'a2c4e6f8-1b3d-4f5a-9c7e-0d2f4b6a8c1e',
  'en-US',
  'America/Chicago',
);
export const USER_ALAN = user(
  '29:1Pw5Nc8Tx3Lb6Kr1Zm9Hd4Qs7Vf2Ja0Ye5Gu8Oi3Bn6Tl1Xw4Qe9Rz2Vk7Mh0Cj5Sp8Df3Ag6Lu1Ny4Kt9Wb2Ho7Ix',
  'Alan Turing',
  '3e5a7c9b-2d4f-4a6c-8e0b-1f3d5b7a9c2e',
  'en-GB',
  'Europe/London',
);
/** A French-speaking member, for localisation tests. */
export const USER_CAMILLE = user(
  '29:1Jt6Wb9Nq2Hx5Lc8Rv3Kd0Ps7Mf4Ga1Ye6Gu9Oi2Bn5Tl8Xw3Qe0Rz7Vk4Mh1Cj6Sp9Df2Ag5Lu8Ny3Kt0Wb7Ho4Ix',
  'Camille Martin',
  '8c0e2a4f-6b1d-4e3a-9f5c-7d9b1e3a5c0f',
  'fr-FR',
  'Europe/Paris',
);
export const USERS: readonly TeamsUser[] = [USER_ADA, USER_GRACE, USER_ALAN, USER_CAMILLE];

// ---------------------------------------------------------------------------------------------
// Types and fixtures
// ---------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

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
  return JSON.parse(readFileSync(new URL(`../fixtures/teams/${name}.json`, import.meta.url), 'utf8')) as T;
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
function frameId(): string {
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

function isTeamsUser(account: TeamsUser | TeamsAccount): account is TeamsUser {
  return 'personalConversationId' in account;
}

/** An account as Teams puts it in `from`: id, name (when known), Entra object id. */
function asAccount(account: TeamsUser | TeamsAccount): TeamsAccount {
  return {
    id: account.id,
    ...(account.name !== undefined ? { name: account.name } : {}),
    ...(account.aadObjectId !== undefined ? { aadObjectId: account.aadObjectId } : {}),
  };
}

/** A member as Teams lists it in `membersAdded`/`membersRemoved`: no name. */
function asMember(account: TeamsUser | TeamsAccount): TeamsAccount {
  return { id: account.id, ...(account.aadObjectId !== undefined ? { aadObjectId: account.aadObjectId } : {}) };
}

const BOT_ACCOUNT: TeamsAccount = { id: BOT_ID, name: BOT_NAME };

interface Resolved {
  from: TeamsUser | TeamsAccount;
  tenantId: string;
  locale: string;
  timezone: string;
  timestamp: Date;
}

function resolve(options: BaseOptions): Resolved {
  const from = options.from ?? USER_ADA;
  return {
    from,
    tenantId: options.tenantId ?? TENANT_ID,
    locale: options.locale ?? (isTeamsUser(from) ? from.locale : 'en-US'),
    timezone: options.timezone ?? (isTeamsUser(from) ? from.timezone : 'America/New_York'),
    timestamp: options.timestamp ?? new Date(),
  };
}

function clientInfo(locale: string, timezone: string, platform = 'Web'): Json {
  const country = /-([A-Z]{2})$/i.exec(locale)?.[1]?.toUpperCase() ?? 'US';
  return { locale, country, platform, timezone, type: 'clientInfo' };
}

/** The fields of what a person did in a client: times, `locale`, `localTimezone`. */
function personFields(resolved: Resolved): Json {
  return {
    timestamp: resolved.timestamp.toISOString(),
    localTimestamp: localTimestamp(resolved.timestamp, resolved.timezone),
    locale: resolved.locale,
    localTimezone: resolved.timezone,
  };
}

/** A Teams `mention` entity: `<at>Name</at>` in the text points at this account. */
export function mentionEntity(account: TeamsAccount): Json {
  const name = account.name ?? account.id;
  return { mentioned: { id: account.id, name }, text: `<at>${name}</at>`, type: 'mention' };
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** The `text/html` attachment Teams adds to a message with mentions, each `<at>` a Mention span. */
export function teamsHtml(text: string): string {
  let index = 0;
  const html = text
    .split(/(<at>.*?<\/at>)/)
    .map((part) => {
      const mention = /^<at>(.*)<\/at>$/.exec(part);
      if (!mention) return escapeHtml(part);
      return `<span itemtype="http://schema.skype.com/Mention" itemscope="" itemid="${index++}">${escapeHtml(mention[1] ?? '')}</span>`;
    })
    .join('')
    .replace(/<\/span> /g, '</span>&nbsp;');
  return `<p>${html}</p>`;
}

interface MessageText {
  text: string;
  entities: Json[];
  attachments?: Json[];
}

/** The text with the bot's mention (added in front when asked for and missing), its entities. */
function messageText(text: string, mentionBot: boolean, mentions: TeamsAccount[], resolved: Resolved, platform: string): MessageText {
  const botTag = `<at>${BOT_NAME}</at>`;
  const full = mentionBot && !text.includes(botTag) ? `${botTag} ${text}` : text;
  const mentioned = [...(mentionBot ? [BOT_ACCOUNT] : []), ...mentions].filter((account) => full.includes(`<at>${account.name ?? account.id}</at>`));
  const entities = [...mentioned.map(mentionEntity), clientInfo(resolved.locale, resolved.timezone, platform)];
  return mentioned.length > 0 ? { text: full, entities, attachments: [{ contentType: 'text/html', content: teamsHtml(full) }] } : { text: full, entities };
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

function place(options: PlaceOptions, resolved: Resolved, rootId: string): { conversation: TeamsConversation; channelData: Json } {
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

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

export interface MessageOptions extends BaseOptions {
  text: string;
  /** Other people mentioned: their `<at>Name</at>` in the text gets a mention entity. */
  mentions?: TeamsAccount[];
}

/**
 * A message as Teams posts it: the fixture's shape (its `attachments` dropped: the text carries the
 * message), the text with its mentions, the person, and where it was written.
 */
function message(fixtureName: TeamsFixtureName, options: MessageOptions, mentionBot: boolean, client: string, where: PlaceOptions): TeamsActivity {
  const rest: Json = { ...loadTeamsFixture(fixtureName) };
  delete rest.attachments;
  const resolved = resolve(options);
  const id = options.id ?? teamsMessageId();
  return {
    ...(rest as TeamsActivity),
    ...messageText(options.text, mentionBot, options.mentions ?? [], resolved, client),
    ...personFields(resolved),
    id,
    serviceUrl: options.serviceUrl,
    from: asAccount(resolved.from),
    recipient: { ...BOT_ACCOUNT },
    ...place(where, resolved, id),
  };
}

/** A message in the person's one-to-one chat with the bot. */
export function personalMessage(options: MessageOptions & { conversationId?: string }): TeamsActivity {
  return message('message-personal', options, false, 'Web', { scope: 'personal', ...(options.conversationId ? { conversationId: options.conversationId } : {}) });
}

export interface ChannelMessageOptions extends MessageOptions {
  /** `true` unless given; without it, Teams delivers the message under the resource-specific consent. */
  mentionBot?: boolean;
  channelId?: string;
  teamId?: string;
  /** The root message when this is a reply in a thread; a new post starts its own thread. */
  threadId?: string;
}

/**
 * A message in a team's channel, `<at>TA Forum</at> …` with a mention entity for the bot. The
 * conversation id is `<channel>;messageid=<root>`: the message's own id for a new post, the
 * thread's root for a reply (Teams sends no `replyToId` for either).
 */
export function channelMessage(options: ChannelMessageOptions): TeamsActivity {
  return message('message-channel-mention', options, options.mentionBot ?? true, 'Web', {
    scope: 'channel',
    ...(options.channelId ? { channelId: options.channelId } : {}),
    ...(options.teamId ? { teamId: options.teamId } : {}),
    ...(options.threadId ? { threadId: options.threadId } : {}),
  });
}

export interface GroupChatMessageOptions extends MessageOptions {
  /** `true` unless given; without it, Teams delivers the message under the resource-specific consent. */
  mentionBot?: boolean;
  chatId?: string;
}

/** A message in a group chat the bot was added to. */
export function groupChatMessage(options: GroupChatMessageOptions): TeamsActivity {
  return message('message-groupchat', options, options.mentionBot ?? true, 'Windows', { scope: 'groupChat', ...(options.chatId ? { chatId: options.chatId } : {}) });
}

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

// ---------------------------------------------------------------------------------------------
// Adaptive Card actions
// ---------------------------------------------------------------------------------------------

export interface CardActionOptions extends BaseOptions, PlaceOptions {
  /** The id of the bot's message that holds the card. */
  replyToId: string;
}

/** `channelData.legacy.replyToId`, which Teams adds beside `replyToId` on a card's action. */
function legacyReplyToId(replyToId: string): string {
  return `1:1${createHash('sha256').update(replyToId).digest('base64url').slice(0, 50)}`;
}

function cardActionBase(kind: 'invoke-action-execute' | 'message-action-submit', options: CardActionOptions): TeamsActivity {
  const fixture = loadTeamsFixture(kind);
  const resolved = resolve(options);
  const where = place(options, resolved, options.threadId ?? options.replyToId);
  return {
    ...fixture,
    ...personFields(resolved),
    id: options.id ?? frameId(),
    serviceUrl: options.serviceUrl,
    from: asAccount(resolved.from),
    recipient: { ...BOT_ACCOUNT },
    conversation: where.conversation,
    entities: [clientInfo(resolved.locale, resolved.timezone)],
    channelData: { ...where.channelData, source: { name: 'message' }, legacy: { replyToId: legacyReplyToId(options.replyToId) } },
    replyToId: options.replyToId,
  };
}

export interface ActionExecuteOptions extends CardActionOptions {
  verb: string;
  data?: Json;
  /** The action's `id` in the card. */
  actionId?: string;
  title?: string;
}

/**
 * The `invoke` Teams sends when someone presses an `Action.Execute` button: `name:
 * 'adaptiveCard/action'`, `value: { action: { type: 'Action.Execute', verb, data, id }, trigger:
 * 'manual' }`. The bot must answer the HTTP request itself (an invoke response).
 */
export function actionExecuteInvoke(options: ActionExecuteOptions): TeamsActivity {
  const base = cardActionBase('invoke-action-execute', options);
  return {
    ...base,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: {
      action: {
        type: 'Action.Execute',
        ...(options.title !== undefined ? { title: options.title } : {}),
        verb: options.verb,
        data: options.data ?? {},
        id: options.actionId ?? `${options.verb}-${randomUUID().slice(0, 8)}`,
      },
      trigger: 'manual',
    },
  };
}

export interface ActionSubmitOptions extends CardActionOptions {
  /** The card's `data` merged with its inputs' values (which Teams sends as strings). */
  value: Json;
}

/** The `message` an `Action.Submit` button sends: the `value`, a `replyToId`, and no text. */
export function actionSubmitMessage(options: ActionSubmitOptions): TeamsActivity {
  const base = cardActionBase('message-action-submit', options);
  return { ...base, type: 'message', value: options.value };
}

// ---------------------------------------------------------------------------------------------
// Message actions
// ---------------------------------------------------------------------------------------------

export interface MessageActionOptions extends BaseOptions, PlaceOptions {
  /** The command's id in the manifest. */
  commandId: string;
  /** The message the action was chosen on. */
  message: { id: string; html: string; author?: TeamsUser | TeamsAccount; replyToId?: string | null; linkToMessage?: string | null };
  /** The form's values, by parameter name (strings, as Teams sends them). */
  data?: Json;
}

/**
 * The `invoke` Teams sends when someone submits a message action's form (static parameters,
 * `fetchTask: false`): `name: 'composeExtension/submitAction'`, `value: { commandId, commandContext:
 * 'message', messagePayload, data }`, where `messagePayload` is the message (Graph's chatMessage shape:
 * html body, author by Entra object id, a link to it). The bot must answer the HTTP request itself.
 */
export function messageActionSubmit(options: MessageActionOptions): TeamsActivity {
  const fixture = loadTeamsFixture('invoke-compose-extension-submit-action');
  const resolved = resolve(options);
  const where = place(options, resolved, options.threadId ?? options.message.replyToId ?? options.message.id);
  const fixtureValue = fixture.value as { messagePayload: Json; context: Json };
  const author = options.message.author ?? USER_GRACE;
  const channelId = options.scope === 'channel' ? (options.channelId ?? CHANNEL_ID) : where.conversation.id;
  return {
    ...fixture,
    ...personFields(resolved),
    id: options.id ?? `f:${randomUUID()}`,
    serviceUrl: options.serviceUrl,
    from: asAccount(resolved.from),
    recipient: { ...BOT_ACCOUNT },
    conversation: where.conversation,
    entities: [clientInfo(resolved.locale, resolved.timezone)],
    channelData: { ...where.channelData, source: { name: 'compose' } },
    value: {
      commandId: options.commandId,
      commandContext: 'message',
      requestId: randomUUID().replaceAll('-', ''),
      messagePayload: {
        ...fixtureValue.messagePayload,
        linkToMessage: options.message.linkToMessage === undefined ? `https://teams.microsoft.com/l/message/${channelId}/${options.message.id}` : options.message.linkToMessage,
        id: options.message.id,
        replyToId: options.message.replyToId ?? null,
        body: { contentType: 'html', content: options.message.html },
        from: { device: null, conversation: null, user: { userIdentityType: 'aadUser', id: author.aadObjectId ?? author.id, displayName: author.name ?? null }, application: null },
        mentions: [],
      },
      data: options.data ?? {},
      context: fixtureValue.context,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------

export interface PostActivityResult {
  status: number;
  /** The response body as text ('' when empty). */
  body: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
  /** How long the bot took to answer. */
  ms: number;
}

/** Connections kept open between requests, as the Bot Connector's senders do. */
const agent = new http.Agent({ keepAlive: true });

/**
 * POSTs an activity to the bot's messaging endpoint, `${baseUrl}/api/messages`, as the Bot
 * Connector does (JSON; an `Authorization` header only when given: in local development mode the
 * bot does not check it).
 */
export function postActivity(baseUrl: string, activity: object, options: { authorization?: string } = {}): Promise<PostActivityResult> {
  const rawBody = JSON.stringify(activity);
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(rawBody)),
    'user-agent': 'Microsoft-SkypeBotApi (Microsoft-BotFramework/3.0)',
  };
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  const url = `${baseUrl.replace(/\/+$/, '')}/api/messages`;
  return new Promise((resolvePost, reject) => {
    const started = performance.now();
    const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = body ? (JSON.parse(body) as unknown) : undefined;
        } catch {
          json = undefined;
        }
        resolvePost({ status: response.statusCode ?? 0, body, json, ms: performance.now() - started });
      });
    });
    request.on('error', reject);
    request.end(rawBody);
  });
}
