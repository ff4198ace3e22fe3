/**
 * Slack payloads to the core's events, for the payloads of discussions and reports: channel
 * messages (only replies in threads count), the message shortcut, and the report form's submission.
 * The payloads are the fixtures' (shaped as Slack documents them), changed only where the case needs.
 */
import { describe, expect, it } from 'vitest';
import {
  REPORTED_TEXT_MAX_CHARS,
  directMessageToEvent,
  readMessageShortcut,
  reportStartEvent,
  threadReplyToEvent,
  viewSubmissionToEvent,
} from '../../../adapters/slack/inbound.ts';
import { ACTIONS, type ReportedMessage } from '../../../src/core/actions.ts';
import {
  BOT_ID,
  BOT_USER_ID,
  TEAM_ID,
  channelMessage,
  directMessage,
  eventEnvelope,
  loadSlackFixture,
  messageShortcut,
  viewSubmission,
  type SlackEventEnvelope,
} from '../../support/slack-requests.ts';

const AT = new Date('2026-11-23T09:30:00Z');
const ROOT = '1763700600.000800';

function threadReply(event: Record<string, unknown>) {
  const envelope = eventEnvelope(event as SlackEventEnvelope['event']);
  return threadReplyToEvent(envelope, envelope.event, BOT_USER_ID, AT);
}

describe('channel messages', () => {
  it('turns the documented reply in a channel thread into a thread_reply', () => {
    const envelope = loadSlackFixture<SlackEventEnvelope>('message-channels');
    expect(threadReplyToEvent(envelope, envelope.event, BOT_USER_ID, AT)).toEqual({
      type: 'thread_reply',
      id: 'Ev09ABCDEF56',
      platform: 'slack',
      actor: { platform: 'slack', workspaceId: 'T0001', userId: 'U061F7AUR' },
      conversation: { platform: 'slack', workspaceId: 'T0001', channelId: 'C024BE91L', kind: 'channel', threadId: ROOT },
      receivedAt: AT,
      messageId: '1763700611.000900',
      text: 'In our ministry we run a review a year after the programme ends.',
    });
  });

  it('reads a reply in a private channel (message.groups) as a group conversation, its text made plain', () => {
    const event = threadReply(
      channelMessage({ user: 'U0GRACE', channel: 'G0PRIVATE', threadTs: ROOT, text: `<@${BOT_USER_ID}> we use &lt;b&gt; see <https://example.org/report|the report>` }),
    );
    expect(event?.conversation).toMatchObject({ channelId: 'G0PRIVATE', kind: 'group', threadId: ROOT });
    expect(event?.text).toBe('we use <b> see the report');
  });

  it('counts a reply also sent to the channel, and a reply with a file', () => {
    for (const subtype of ['thread_broadcast', 'file_share']) {
      expect(threadReply(channelMessage({ user: 'U0GRACE', channel: 'C0FORUM', threadTs: ROOT, text: 'Agreed', subtype }))?.type, subtype).toBe('thread_reply');
    }
  });

  it('ignores messages outside threads, thread roots, edits, bots and the bot itself', () => {
    const ts = '1763700700.000100';
    const ignored = [
      channelMessage({ user: 'U0GRACE', channel: 'C0FORUM', text: 'Hello all' }),
      channelMessage({ user: 'U0GRACE', channel: 'C0FORUM', text: 'A root that has replies', ts, threadTs: ts }),
      channelMessage({ user: 'U0GRACE', channel: 'C0FORUM', threadTs: ROOT, text: 'edited', subtype: 'message_changed' }),
      channelMessage({ user: 'U0GRACE', channel: 'C0FORUM', threadTs: ROOT, text: 'gone', subtype: 'message_deleted' }),
      channelMessage({ user: 'U0GRACE', channel: 'C0FORUM', threadTs: ROOT, text: 'joined', subtype: 'channel_join' }),
      channelMessage({ user: 'U0OTHERBOT', channel: 'C0FORUM', threadTs: ROOT, text: 'beep', botId: 'B0OTHER' }),
      channelMessage({ user: 'U0OTHERBOT', channel: 'C0FORUM', threadTs: ROOT, text: 'beep', subtype: 'bot_message', botId: 'B0OTHER' }),
      channelMessage({ user: BOT_USER_ID, channel: 'C0FORUM', threadTs: ROOT, text: 'my own answer', botId: BOT_ID }),
      channelMessage({ user: BOT_USER_ID, channel: 'C0FORUM', threadTs: ROOT, text: 'my own answer' }),
    ];
    for (const event of ignored) expect(threadReply(event), JSON.stringify(event)).toBeUndefined();
    // A bot's message without a user at all.
    const noUser: Record<string, unknown> = { ...channelMessage({ user: 'U0X', channel: 'C0FORUM', threadTs: ROOT, text: 'beep', botId: 'B0OTHER' }) };
    delete noUser.user;
    expect(threadReply(noUser)).toBeUndefined();
  });

  it('keeps direct messages questions, and never a thread reply', () => {
    const dm = directMessage({ user: 'U0BOB', channel: 'D0BOB', text: 'help', threadTs: '1763700000.000100' });
    const envelope = eventEnvelope(dm);
    expect(threadReplyToEvent(envelope, dm, BOT_USER_ID, AT)).toBeUndefined();
    expect(directMessageToEvent(envelope, dm, BOT_USER_ID, AT)?.type).toBe('message');
    // And a channel message is never a question.
    const inChannel = channelMessage({ user: 'U0BOB', channel: 'C0FORUM', text: 'help', threadTs: ROOT });
    expect(directMessageToEvent(eventEnvelope(inChannel), inChannel, BOT_USER_ID, AT)).toBeUndefined();
  });
});

describe('the message shortcut', () => {
  it('reads the documented payload: the person, the channel, the message', () => {
    const payload = loadSlackFixture('message-action');
    const shortcut = readMessageShortcut(payload, BOT_USER_ID);
    expect(shortcut).toEqual({
      callbackId: 'report_message',
      triggerId: '8512345678905.1234567890123.0f1e2d3c4b5a69788796a5b4c3d2e1f0',
      responseUrl: 'https://hooks.slack.com/app/T0001/8512345678906/Zq8xY7wV6uT5sR4qP3oN2mL1',
      actor: { platform: 'slack', workspaceId: 'T0001', userId: 'U061F7AUR' },
      conversation: { platform: 'slack', workspaceId: 'T0001', channelId: 'C024BE91L', kind: 'channel' },
      message: { ts: '1763700611.000900', authorId: 'U0GRACE', text: 'In our ministry we run a review a year after the programme ends.' },
    });
  });

  it('becomes the core’s report action, the message as JSON in its value', () => {
    const shortcut = readMessageShortcut(loadSlackFixture('message-action'), BOT_USER_ID);
    expect(shortcut).toBeDefined();
    if (!shortcut) return;
    const link = 'https://test-forum.slack.com/archives/C024BE91L/p1763700611000900';
    const event = reportStartEvent(shortcut, link, AT);
    expect(event).toMatchObject({
      type: 'action',
      id: `shortcut:${shortcut.triggerId}`,
      platform: 'slack',
      actionId: ACTIONS.messageReportStart,
      actor: { userId: 'U061F7AUR' },
      conversation: { channelId: 'C024BE91L', kind: 'channel' },
      receivedAt: AT,
    });
    const reported = JSON.parse(event.value) as ReportedMessage;
    expect(reported).toEqual({
      messageId: '1763700611.000900',
      channelId: 'C024BE91L',
      authorId: 'U0GRACE',
      text: 'In our ministry we run a review a year after the programme ends.',
      link,
    });
  });

  it('cuts a long text, never through a character, and knows no author for a bot’s message', () => {
    const text = `${'a'.repeat(REPORTED_TEXT_MAX_CHARS - 1)}😀 and more`;
    const shortcut = readMessageShortcut(messageShortcut({ user: 'U0ADA', channel: 'C0FORUM', messageTs: '1763700611.000900', text }), BOT_USER_ID);
    expect(shortcut?.message.authorId).toBe('');
    expect(shortcut?.message.text).toBe('a'.repeat(REPORTED_TEXT_MAX_CHARS - 1));
    const plain = readMessageShortcut(
      messageShortcut({ user: 'U0ADA', channel: 'C0FORUM', messageTs: '1763700611.000900', author: 'U0GRACE', text: 'x'.repeat(REPORTED_TEXT_MAX_CHARS + 50) }),
      BOT_USER_ID,
    );
    expect(plain?.message.text).toHaveLength(REPORTED_TEXT_MAX_CHARS);
  });

  it('tells direct messages and private channels by the channel Slack names', () => {
    const base = { user: 'U0ADA', messageTs: '1763700611.000900', text: 'hi', author: 'U0GRACE' };
    expect(readMessageShortcut(messageShortcut({ ...base, channel: 'D0ADAGRACE' }), BOT_USER_ID)?.conversation.kind).toBe('direct');
    expect(readMessageShortcut(messageShortcut({ ...base, channel: 'G0PRIVATE' }), BOT_USER_ID)?.conversation.kind).toBe('group');
  });

  it('ignores a payload that is not a message shortcut', () => {
    expect(readMessageShortcut({ type: 'shortcut', callback_id: 'report_message', trigger_id: '1.2.3', user: { id: 'U1' } }, BOT_USER_ID)).toBeUndefined();
    expect(readMessageShortcut({}, BOT_USER_ID)).toBeUndefined();
  });
});

describe('the report form', () => {
  it('comes back as the core’s report action, with the message and the reason', () => {
    const reported: ReportedMessage = { messageId: '1763700611.000900', channelId: 'C024BE91L', authorId: 'U0GRACE', text: 'Hello', link: '' };
    const submission = viewSubmission({ user: 'U0ADA', callbackId: ACTIONS.messageReport, privateMetadata: JSON.stringify(reported), values: { reason: 'Off topic' } });
    const event = viewSubmissionToEvent(submission, AT);
    expect(event).toMatchObject({
      type: 'action',
      actionId: ACTIONS.messageReport,
      actor: { userId: 'U0ADA', workspaceId: TEAM_ID },
      formValues: { reason: 'Off topic' },
    });
    expect(JSON.parse(event?.value ?? '')).toEqual(reported);
    // An empty optional field is an empty reason.
    const blank = viewSubmission({ user: 'U0ADA', callbackId: ACTIONS.messageReport, privateMetadata: JSON.stringify(reported), values: { reason: null } });
    expect(viewSubmissionToEvent(blank, AT)?.formValues).toEqual({ reason: '' });
  });
});
