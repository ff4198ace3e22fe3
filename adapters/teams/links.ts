/**
 * Teams message links ("Copy link" on a message) read back into the conversation and the message:
 * `https://teams.microsoft.com/l/message/<conversation id>/<message id>?tenantId=…&groupId=…&parentMessageId=<root>&…`
 * (Microsoft's deep-link format for a channel conversation; a chat's link has no `parentMessageId`).
 * The conversation id comes URL-encoded (`19%3A…%40thread.tacv2`) or not (`19:…@thread.tacv2`).
 */

/**
 * Hosts of Teams links: `teams.microsoft.com` (the documented deep links) and `teams.cloud.microsoft`,
 * the host the new Teams client writes in the links it copies.
 */
export const TEAMS_LINK_HOSTS: ReadonlySet<string> = new Set(['teams.microsoft.com', 'teams.cloud.microsoft']);
/** The path of a link to a message: `/l/message/<conversation id>/<message id>`. */
const MESSAGE_PATH = /^\/l\/message\/([^/]+)\/([^/]+)\/?$/;
/** Teams message ids are epoch milliseconds. */
const MESSAGE_ID = /^\d+$/;
/** A conversation id names its kind before a colon: `19:` for channels and chats, `a:` for personal chats… */
const CONVERSATION_ID = /^[0-9a-z]+:\S+$/i;

export interface TeamsMessageLink {
  /** The channel or chat (without a `;messageid=` part). */
  channelId: string;
  messageId: string;
  /** The thread's root, when the message is a reply in a channel thread. */
  threadId?: string;
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/**
 * The conversation and message a Teams message link points to; undefined for anything else. Tolerant
 * of the angle brackets and spaces that chat clients put around links.
 */
export function parseTeamsMessageLink(link: string): TeamsMessageLink | undefined {
  const raw = link.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || !TEAMS_LINK_HOSTS.has(url.hostname.toLowerCase()) || url.username || url.password) return undefined;
  const path = MESSAGE_PATH.exec(url.pathname);
  const conversation = path?.[1] === undefined ? undefined : decode(path[1]);
  const messageId = path?.[2] === undefined ? undefined : decode(path[2]);
  if (!conversation || !messageId || !MESSAGE_ID.test(messageId)) return undefined;
  // A conversation id copied from an activity may still carry its thread: `<channel>;messageid=<root>`.
  const [channelId = '', ...params] = conversation.split(';');
  if (!CONVERSATION_ID.test(channelId)) return undefined;
  const inId = params.find((p) => p.startsWith('messageid='))?.slice('messageid='.length);
  const parent = url.searchParams.get('parentMessageId') ?? inId;
  const threadId = parent && MESSAGE_ID.test(parent) && parent !== messageId ? parent : undefined;
  return { channelId, messageId, ...(threadId ? { threadId } : {}) };
}
