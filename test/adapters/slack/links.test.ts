/** Slack message links ("Copy link") to the message they point to. */
import { describe, expect, it } from 'vitest';
import { messageRefFromSlackLink, parseSlackMessageLink } from '../../../adapters/slack/links.ts';

describe('parseSlackMessageLink', () => {
  it('reads a message link: the channel and the ts with its dot put back before the last six digits', () => {
    expect(parseSlackMessageLink('https://test-forum.slack.com/archives/C024BE91L/p1763700611000900')).toEqual({
      channelId: 'C024BE91L',
      messageId: '1763700611.000900',
    });
  });

  it('reads the thread of a reply from thread_ts, with or without cid', () => {
    const link = 'https://test-forum.slack.com/archives/C024BE91L/p1763700611000900?thread_ts=1763700600.000800&cid=C024BE91L';
    expect(parseSlackMessageLink(link)).toEqual({ channelId: 'C024BE91L', messageId: '1763700611.000900', threadId: '1763700600.000800' });
    expect(parseSlackMessageLink('https://test-forum.slack.com/archives/G0PRIVATE/p1763700611000900?thread_ts=1763700600.000800')).toEqual({
      channelId: 'G0PRIVATE',
      messageId: '1763700611.000900',
      threadId: '1763700600.000800',
    });
  });

  it('takes the link as pasted: whitespace, Slack’s angle brackets, a label', () => {
    const expected = { channelId: 'C024BE91L', messageId: '1763700611.000900' };
    expect(parseSlackMessageLink('  https://test-forum.slack.com/archives/C024BE91L/p1763700611000900\n')).toEqual(expected);
    expect(parseSlackMessageLink('<https://test-forum.slack.com/archives/C024BE91L/p1763700611000900>')).toEqual(expected);
    expect(parseSlackMessageLink(' <https://test-forum.slack.com/archives/C024BE91L/p1763700611000900|this message> ')).toEqual(expected);
  });

  it('reads links of an organisation’s workspaces and of direct messages', () => {
    expect(parseSlackMessageLink('https://acme.enterprise.slack.com/archives/C024BE91L/p1763700611000900')?.messageId).toBe('1763700611.000900');
    expect(parseSlackMessageLink('https://test-forum.slack.com/archives/D024BE91L/p1763700611000900')?.channelId).toBe('D024BE91L');
  });

  it('refuses whatever is not a Slack message link', () => {
    for (const link of [
      '',
      'hello',
      '1763700611.000900',
      'https://test-forum.slack.com/archives/C024BE91L',
      'https://test-forum.slack.com/archives/C024BE91L/p176370061100090',
      'https://test-forum.slack.com/archives/C024BE91L/p17637006110009001',
      'https://test-forum.slack.com/archives/C024BE91L/1763700611000900',
      'https://test-forum.slack.com/archives/c024be91l/p1763700611000900',
      'https://test-forum.slack.com/archives/C024BE91L/p1763700611000900/extra',
      'https://test-forum.slack.com/messages/C024BE91L/p1763700611000900',
      'https://app.slack.com/client/T0001/C024BE91L',
      'http://test-forum.slack.com/archives/C024BE91L/p1763700611000900',
      'https://slack.com.example.org/archives/C024BE91L/p1763700611000900',
      'https://test-forum.slack.com.example.org/archives/C024BE91L/p1763700611000900',
      'https://user:pass@test-forum.slack.com/archives/C024BE91L/p1763700611000900',
      'https://test-forum.slack.com/archives/C024BE91L/p1763700611000900?thread_ts=yesterday',
      'https://test-forum.slack.com/archives/C024BE91L/p1763700611000900?thread_ts=1763700600.000800&cid=C0OTHER',
      'https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1763700611000',
    ]) {
      expect(parseSlackMessageLink(link), link).toBeUndefined();
    }
  });
});

describe('messageRefFromSlackLink', () => {
  it('is the core’s reference to the message, its kind told by the channel id', () => {
    expect(messageRefFromSlackLink('https://test-forum.slack.com/archives/C024BE91L/p1763700611000900?thread_ts=1763700600.000800&cid=C024BE91L')).toEqual({
      platform: 'slack',
      conversation: { platform: 'slack', workspaceId: '', channelId: 'C024BE91L', kind: 'channel', threadId: '1763700600.000800' },
      messageId: '1763700611.000900',
    });
    expect(messageRefFromSlackLink('https://test-forum.slack.com/archives/G0PRIVATE/p1763700611000900')?.conversation).toEqual({
      platform: 'slack',
      workspaceId: '',
      channelId: 'G0PRIVATE',
      kind: 'group',
    });
    expect(messageRefFromSlackLink('not a link')).toBeUndefined();
  });
});
