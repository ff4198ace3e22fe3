/**
 * Messages as Teams posts them in a personal chat, a team's channel and a group chat, with the
 * text's mentions: the `mention` entities and the `text/html` attachment Teams adds.
 */
import { BOT_NAME } from './accounts.ts';
import {
  BOT_ACCOUNT,
  asAccount,
  clientInfo,
  loadTeamsFixture,
  personFields,
  place,
  resolve,
  teamsMessageId,
  type BaseOptions,
  type Json,
  type PlaceOptions,
  type Resolved,
  type TeamsAccount,
  type TeamsActivity,
  type TeamsFixtureName,
} from './activity.ts';

// ---------------------------------------------------------------------------------------------
// Mentions
// ---------------------------------------------------------------------------------------------

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
