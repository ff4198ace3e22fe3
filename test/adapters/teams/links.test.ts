/** Teams message links ("Copy link") read back into the conversation, the message and its thread. */
import { describe, expect, it } from 'vitest';
import { parseTeamsMessageLink } from '../../../adapters/teams/links.ts';

const CHANNEL = '19:3997a8734ee5432bb9cdedb7c432ae7d@thread.tacv2';
const ENCODED = encodeURIComponent(CHANNEL);
const QUERY = 'tenantId=0d9b645f-597b-41f0-a2a3-ef103fbd91bb&groupId=3606f714-ec2e-41b3-9ad1-6afb331bd35d';

describe('parseTeamsMessageLink', () => {
  it('reads a channel post (its own thread root): no thread', () => {
    const link = `https://teams.microsoft.com/l/message/${ENCODED}/1648741500652?${QUERY}&parentMessageId=1648741500652&teamName=TA%20Community&channelName=General&createdTime=1648741500652`;
    expect(parseTeamsMessageLink(link)).toEqual({ channelId: CHANNEL, messageId: '1648741500652' });
  });

  it('reads a reply in a channel thread: its thread is the parent message', () => {
    const link = `https://teams.microsoft.com/l/message/${ENCODED}/1648741599999?${QUERY}&parentMessageId=1648741500652&teamName=TA&channelName=General&createdTime=1648741599999`;
    expect(parseTeamsMessageLink(link)).toEqual({ channelId: CHANNEL, messageId: '1648741599999', threadId: '1648741500652' });
  });

  it('reads the conversation id unencoded too, as message actions give it', () => {
    expect(parseTeamsMessageLink(`https://teams.microsoft.com/l/message/${CHANNEL}/1611060744833`)).toEqual({ channelId: CHANNEL, messageId: '1611060744833' });
  });

  it('reads a chat message link (no parent) and the new client host', () => {
    const chat = '19:a4c8e2f6b0d14a3c9e7f5b1d3a5c7e9f@thread.v2';
    const link = `https://teams.cloud.microsoft/l/message/${encodeURIComponent(chat)}/1783444859454?context=%7B%22contextType%22%3A%22chat%22%7D`;
    expect(parseTeamsMessageLink(link)).toEqual({ channelId: chat, messageId: '1783444859454' });
  });

  it('is tolerant of angle brackets and spaces around the link', () => {
    const link = `https://teams.microsoft.com/l/message/${ENCODED}/1648741599999?parentMessageId=1648741500652`;
    expect(parseTeamsMessageLink(`  <${link}>\n`)).toEqual({ channelId: CHANNEL, messageId: '1648741599999', threadId: '1648741500652' });
  });

  it('takes the thread from a conversation id that still carries it', () => {
    const link = `https://teams.microsoft.com/l/message/${encodeURIComponent(`${CHANNEL};messageid=1648741500652`)}/1648741599999`;
    expect(parseTeamsMessageLink(link)).toEqual({ channelId: CHANNEL, messageId: '1648741599999', threadId: '1648741500652' });
  });

  it.each([
    '',
    'not a link',
    'https://slack.com/archives/C123/p1700000000000100',
    `http://teams.microsoft.com/l/message/${ENCODED}/1648741500652`,
    `https://teams.microsoft.com.evil.example/l/message/${ENCODED}/1648741500652`,
    `https://teams.microsoft.com@evil.example/l/message/${ENCODED}/1648741500652`,
    `https://user@teams.microsoft.com/l/message/${ENCODED}/1648741500652`,
    `https://teams.microsoft.com/l/channel/${ENCODED}/General?groupId=x`,
    `https://teams.microsoft.com/l/message/${ENCODED}/not-a-number`,
    `https://teams.microsoft.com/l/message/${ENCODED}`,
    'https://teams.microsoft.com/l/message/%E0%A4%A/1648741500652',
    'https://teams.microsoft.com/l/message/no-kind/1648741500652',
  ])('refuses %j', (link) => {
    expect(parseTeamsMessageLink(link)).toBeUndefined();
  });
});
