/**
 * Teams activities read into the core's events, as Teams posts them (the builders start from the
 * fixtures): which messages are for the bot now that the manifest's resource-specific consent has
 * Teams send every channel and group-chat message, and what a "Report to moderators" submission is.
 */
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { THREAD_REPLY_ID_PREFIX, messageToEvents } from '../../../adapters/teams/inbound.ts';
import {
  REPORTED_TEXT_MAX_CHARS,
  REPORT_MESSAGE_COMMAND_ID,
  submitActionToEvent,
} from '../../../adapters/teams/message-actions.ts';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveCardJson } from '../../../adapters/teams/render.ts';
import { invokeResponseOf } from '../../../adapters/teams/send.ts';
import { ACTIONS, type ReportedMessage } from '../../../src/core/actions.ts';
import type { InboundEvent } from '../../../src/core/events.ts';
import {
  BOT_ID,
  CHANNEL_ID,
  GROUP_CHAT_ID,
  TENANT_ID,
  USER_ADA,
  USER_ALAN,
  USER_GRACE,
  actionSubmitMessage,
  channelMessage,
  groupChatMessage,
  messageActionSubmit,
  personalMessage,
} from '../../support/teams-activities.ts';

const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
const NOW = new Date('2025-11-21T05:00:00Z');
const ROOT = '1763700000000';

/** A builder's activity, as the adapter reads it. */
const asActivity = (activity: object): Partial<Activity> => activity;
const events = (activity: object): InboundEvent[] => messageToEvents(asActivity(activity), NOW);

describe('messageToEvents', () => {
  it('reads a personal message as a message, mentioned or not', () => {
    const [event, ...rest] = events(personalMessage({ text: 'help', serviceUrl: SERVICE_URL }));
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: 'message', text: 'help', conversation: { kind: 'direct' } });
  });

  it('reads a reply in a channel thread, not mentioning the bot, as a thread reply', () => {
    const activity = channelMessage({ text: 'We tried <b>peer review</b> &amp; it worked.', mentionBot: false, threadId: ROOT, serviceUrl: SERVICE_URL, from: USER_GRACE });
    expect(events(activity)).toEqual([
      {
        type: 'thread_reply',
        id: activity.id,
        messageId: activity.id,
        platform: 'teams',
        text: 'We tried peer review & it worked.',
        actor: { platform: 'teams', workspaceId: TENANT_ID, userId: USER_GRACE.aadObjectId, displayName: USER_GRACE.name, locale: USER_GRACE.locale },
        conversation: { platform: 'teams', workspaceId: TENANT_ID, channelId: CHANNEL_ID, threadId: ROOT, kind: 'channel' },
        receivedAt: NOW,
      },
    ]);
  });

  it('reads a mention in a channel thread as the mention and, beside it, the thread reply', () => {
    const activity = channelMessage({ text: 'is this in the guide?', mentionBot: true, threadId: ROOT, serviceUrl: SERVICE_URL });
    const [mention, reply, ...rest] = events(activity);
    expect(rest).toEqual([]);
    expect(mention).toMatchObject({ type: 'mention', id: activity.id, text: 'is this in the guide?', conversation: { threadId: ROOT } });
    expect(reply).toMatchObject({ type: 'thread_reply', id: `${THREAD_REPLY_ID_PREFIX}${activity.id}`, messageId: activity.id, text: 'is this in the guide?' });
  });

  it('reads a new channel post that mentions the bot as a mention only', () => {
    const activity = channelMessage({ text: 'How is assistance requested?', mentionBot: true, serviceUrl: SERVICE_URL });
    expect(events(activity).map((e) => e.type)).toEqual(['mention']);
  });

  it('ignores what is not addressed to the bot: a new channel post, a group-chat message', () => {
    expect(events(channelMessage({ text: 'How is assistance requested?', mentionBot: false, serviceUrl: SERVICE_URL }))).toEqual([]);
    expect(events(groupChatMessage({ text: 'lunch at noon?', mentionBot: false, serviceUrl: SERVICE_URL }))).toEqual([]);
    // Someone else mentioned: still not the bot.
    const other = channelMessage({ text: '<at>Alan Turing</at> thoughts?', mentionBot: false, mentions: [USER_ALAN], serviceUrl: SERVICE_URL });
    expect(events(other)).toEqual([]);
  });

  it('writes the people a command names as <@id>, and leaves other mentions as @Name', () => {
    const invite = channelMessage({ text: 'invite <at>Alan Turing</at> --days 5', mentionBot: true, mentions: [USER_ALAN], serviceUrl: SERVICE_URL });
    expect(events(invite)).toMatchObject([{ type: 'mention', text: `invite <@${USER_ALAN.id}> --days 5` }]);
    const revoke = personalMessage({ text: 'revoke <at>Alan Turing</at>', mentions: [USER_ALAN], serviceUrl: SERVICE_URL });
    expect(events(revoke)).toMatchObject([{ type: 'message', text: `revoke <@${USER_ALAN.id}>` }]);
    const question = channelMessage({ text: 'what did <at>Alan Turing</at> write on evaluation?', mentionBot: true, mentions: [USER_ALAN], serviceUrl: SERVICE_URL });
    expect(events(question)).toMatchObject([{ type: 'mention', text: 'what did @Alan Turing write on evaluation?' }]);
  });

  it('reads a group-chat message that mentions the bot as a mention', () => {
    const activity = groupChatMessage({ text: 'where is the onboarding guide?', mentionBot: true, serviceUrl: SERVICE_URL });
    expect(events(activity)).toMatchObject([{ type: 'mention', text: 'where is the onboarding guide?', conversation: { channelId: GROUP_CHAT_ID, kind: 'group' } }]);
  });

  it('ignores bots, the bot itself included', () => {
    const fromBot = channelMessage({ text: 'Build passed', mentionBot: false, threadId: ROOT, from: { id: '28:0f8fad5b-d9cb-469f-a165-70867728950e', name: 'CI' }, serviceUrl: SERVICE_URL });
    expect(events(fromBot)).toEqual([]);
    expect(events({ ...channelMessage({ text: 'x', mentionBot: false, threadId: ROOT, serviceUrl: SERVICE_URL }), from: { id: BOT_ID, role: 'bot' } })).toEqual([]);
  });

  it('still reads an Action.Submit as a click', () => {
    const activity = actionSubmitMessage({ value: { actionId: ACTIONS.helpShow, value: '' }, replyToId: ROOT, serviceUrl: SERVICE_URL, scope: 'channel' });
    expect(events(activity)).toMatchObject([{ type: 'action', actionId: ACTIONS.helpShow, messageId: ROOT }]);
  });
});

describe('submitActionToEvent', () => {
  const reported = { id: '1763700310456', html: '<div><div>Call me on +1 555 0100, <at id="0">Grace Hopper</at> has &amp; more</div>\n</div>', author: USER_GRACE, replyToId: ROOT };

  it('reads "Report to moderators" as the report action: the message as its value, the reason as the form', () => {
    const activity = messageActionSubmit({
      commandId: REPORT_MESSAGE_COMMAND_ID,
      message: reported,
      data: { reason: '  Personal data  ' },
      scope: 'channel',
      threadId: ROOT,
      serviceUrl: SERVICE_URL,
      from: USER_ADA,
    });
    const event = submitActionToEvent(asActivity(activity), NOW);
    expect(event).toMatchObject({
      type: 'action',
      id: activity.id,
      actionId: ACTIONS.messageReport,
      messageId: reported.id,
      formValues: { reason: 'Personal data' },
      actor: { userId: USER_ADA.aadObjectId },
      conversation: { channelId: CHANNEL_ID, threadId: ROOT, kind: 'channel' },
    });
    expect(JSON.parse(event?.value ?? '{}')).toEqual({
      messageId: reported.id,
      channelId: CHANNEL_ID,
      authorId: USER_GRACE.aadObjectId,
      text: 'Call me on +1 555 0100, @Grace Hopper has & more',
      link: `https://teams.microsoft.com/l/message/${CHANNEL_ID}/${reported.id}`,
    } satisfies ReportedMessage);
  });

  it('cuts the text, and gives empty strings for what Teams left out', () => {
    const activity = messageActionSubmit({
      commandId: REPORT_MESSAGE_COMMAND_ID,
      message: { id: '1763700310999', html: `<p>${'long words '.repeat(100)}</p>`, author: { id: '28:a-bot' }, linkToMessage: null },
      scope: 'groupChat',
      serviceUrl: SERVICE_URL,
    });
    const value = activity.value as { messagePayload: { from: unknown } };
    value.messagePayload.from = { user: null, application: { id: 'a-bot' } };
    const event = submitActionToEvent(asActivity(activity), NOW);
    const message = JSON.parse(event?.value ?? '{}') as ReportedMessage;
    expect(message.text.length).toBe(REPORTED_TEXT_MAX_CHARS);
    expect(message).toMatchObject({ channelId: GROUP_CHAT_ID, authorId: '', link: '' });
    expect(event?.formValues).toEqual({ reason: '' });
  });

  it('reads nothing from another command, a missing message or another invoke', () => {
    const base = { message: reported, scope: 'channel' as const, serviceUrl: SERVICE_URL };
    expect(submitActionToEvent(asActivity(messageActionSubmit({ ...base, commandId: 'somethingElse' })), NOW)).toBeUndefined();
    const noMessage = messageActionSubmit({ ...base, commandId: REPORT_MESSAGE_COMMAND_ID });
    delete (noMessage.value as { messagePayload?: unknown }).messagePayload;
    expect(submitActionToEvent(asActivity(noMessage), NOW)).toBeUndefined();
    expect(submitActionToEvent(asActivity({ ...noMessage, name: 'composeExtension/fetchTask' }), NOW)).toBeUndefined();
    expect(submitActionToEvent(asActivity({ ...noMessage, value: 'garbage' }), NOW)).toBeUndefined();
  });
});

describe('invokeResponseOf', () => {
  it('answers a message action with the message Teams shows, or with nothing', () => {
    expect(invokeResponseOf({ kind: 'messageAction', privateText: 'Sent to the moderators.' })).toEqual({
      status: 200,
      body: { task: { type: 'message', value: 'Sent to the moderators.' } },
    });
    expect(invokeResponseOf({ kind: 'messageAction' })).toEqual({ status: 200 });
  });

  it('answers an Action.Execute click with the refreshed card, else the message', () => {
    const card: AdaptiveCardJson = { type: 'AdaptiveCard', version: '1.5', $schema: ADAPTIVE_CARD_SCHEMA, body: [], msteams: { width: 'Full' } };
    expect(invokeResponseOf({ kind: 'cardAction', replyToId: ROOT, refreshedCard: card })).toEqual({
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
    });
    expect(invokeResponseOf({ kind: 'cardAction', replyToId: ROOT })).toEqual({
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '' },
    });
  });
});
