/** Slack conversation ids, read without asking Slack (a small module: the host's link parsing needs it without the rest of the adapter). */
import type { ConversationKind } from '../../src/core/events.ts';

/** A channel's kind from its id: D… direct message, G… private channel or group DM, C… channel. */
export function kindOfChannel(channelId: string, channelType?: string): ConversationKind {
  if (channelType === 'im' || channelId.startsWith('D')) return 'direct';
  if (channelType === 'mpim' || channelType === 'group' || channelId.startsWith('G')) return 'group';
  return 'channel';
}
