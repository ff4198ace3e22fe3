/**
 * Slack message links ("Copy link" on a message): `https://<workspace>.slack.com/archives/<channel>/p<ts>`,
 * where the ts loses its dot, and `?thread_ts=<root ts>&cid=<channel>` for a reply in a thread.
 * A moderator pastes one to name a message (to remove one of the bot's posts, say).
 */
import type { MessageRef } from '../../src/core/adapter.ts';
import { kindOfChannel } from './channels.ts';

export interface SlackMessageLink {
  channelId: string;
  /** The message's ts (`1763700000.000100`). */
  messageId: string;
  /** The ts of the thread's root, for a reply in a thread. */
  threadId?: string;
}

/** A message's ts: 10 digits of seconds, a dot, 6 digits. */
const SLACK_TS = /^\d{10}\.\d{6}$/;
/** A permalink's last part: `p` and the 16 digits of the ts without its dot. */
const PERMALINK_MESSAGE = /^p(\d{10})(\d{6})$/;
/** Conversation ids: C… channels, G… private channels and group messages, D… direct messages. */
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;
/** A workspace's (`team.slack.com`) or an organisation's (`org.enterprise.slack.com`) host. */
const SLACK_HOST = /^(?:[a-z0-9][a-z0-9-]*\.)+slack\.com$/;

/** The link as pasted: whitespace, Slack's `<…>` around links and a `|label` inside them are dropped. */
function unwrap(link: string): string {
  let text = link.trim();
  if (text.startsWith('<') && text.endsWith('>')) text = text.slice(1, -1).trim();
  const bar = text.indexOf('|');
  return bar === -1 ? text : text.slice(0, bar);
}

/** The message a Slack permalink points to, or undefined when the text is no Slack message link. */
export function parseSlackMessageLink(link: string): SlackMessageLink | undefined {
  let url: URL;
  try {
    url = new URL(unwrap(link));
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || !SLACK_HOST.test(url.hostname) || url.username || url.password || url.port) return undefined;
  const [empty, archives, channelId, message, ...rest] = url.pathname.split('/');
  if (empty !== '' || archives !== 'archives' || !channelId || !message || rest.length > 0) return undefined;
  const digits = PERMALINK_MESSAGE.exec(message);
  if (!CHANNEL_ID.test(channelId) || !digits) return undefined;
  const messageId = `${digits[1]}.${digits[2]}`;
  const threadTs = url.searchParams.get('thread_ts');
  if (threadTs === null) return { channelId, messageId };
  // A thread parameter that is no ts, or a cid naming another channel, is not a link Slack wrote.
  const cid = url.searchParams.get('cid');
  if (!SLACK_TS.test(threadTs) || (cid !== null && cid !== channelId)) return undefined;
  return { channelId, messageId, threadId: threadTs };
}

/**
 * The message a Slack permalink points to, as the core's reference (for `Messenger.locate`). The
 * link does not tell the workspace's id: `workspaceId` is ''.
 */
export function messageRefFromSlackLink(link: string): MessageRef | undefined {
  const parsed = parseSlackMessageLink(link);
  if (!parsed) return undefined;
  const { channelId, messageId, threadId } = parsed;
  return {
    platform: 'slack',
    conversation: { platform: 'slack', workspaceId: '', channelId, kind: kindOfChannel(channelId), ...(threadId ? { threadId } : {}) },
    messageId,
  };
}
