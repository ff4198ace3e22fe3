/**
 * What each Slack request asks of the inbox (`intake.ts`), and which requests the HTTP endpoint
 * acknowledges itself (`directIntake`) rather than handing them to Bolt: those whose answer is an
 * empty 200 whatever the work. The bot's own events are dropped as Bolt's `ignoreSelf` drops them.
 */
import { HTTPModuleFunctions } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { readSlackBody } from '../../../adapters/slack/guard.ts';
import { actionIntake, commandIntake, directIntake, eventIntake, shortcutIntake, type Intake, type SlackSelf } from '../../../adapters/slack/intake.ts';
import { SLACK_COMMAND } from '../../../adapters/slack/subscriptions.ts';
import {
  BOT_ID,
  BOT_USER_ID,
  appHomeOpened,
  appMention,
  blockAction,
  channelMessage,
  directMessage,
  eventEnvelope,
  memberJoined,
  type SlackRequestKind,
  messageShortcut,
  slackRequestBody,
  slashCommand,
  urlVerification,
  viewSubmission,
} from '../../support/slack-requests.ts';

const self: SlackSelf = { botUserId: () => BOT_USER_ID, botId: BOT_ID };
const at = new Date('2026-03-02T10:00:00Z');
const direct = (body: object): Intake | undefined => directIntake(body as Record<string, unknown>, self, at);
/** A command's body as the guard reads it: its form fields, as strings. */
const command = (options: Parameters<typeof slashCommand>[0]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(slashCommand(options)).map(([key, value]) => [key, String(value)]));

function work(intake: Intake | undefined): { deliveryId: string; kind: string; payloadType?: string } {
  if (intake?.kind !== 'work') throw new Error(`no work: ${JSON.stringify(intake)}`);
  const { work: w } = intake;
  return { deliveryId: intake.deliveryId, kind: w.kind, ...(w.kind === 'dispatch' ? { payloadType: w.payloadType } : {}) };
}

describe('the Slack intake', () => {
  it('writes the events the adapter takes, under their event ids', () => {
    const mention = eventEnvelope(appMention({ user: 'U0ALICE', channel: 'C0FORUM', text: `<@${BOT_USER_ID}> help` }), { eventId: 'Ev0MENTION' });
    expect(work(direct(mention))).toEqual({ deliveryId: 'Ev0MENTION', kind: 'dispatch', payloadType: 'app_mention' });
    const question = eventEnvelope(directMessage({ user: 'U0ALICE', text: 'help' }), { eventId: 'Ev0DM' });
    expect(work(direct(question))).toEqual({ deliveryId: 'Ev0DM', kind: 'dispatch', payloadType: 'message.im' });
    const reply = eventEnvelope(channelMessage({ user: 'U0ALICE', channel: 'C0FORUM', threadTs: '1700000000.000100', text: 'agreed' }), { eventId: 'Ev0REPLY' });
    expect(work(direct(reply))).toEqual({ deliveryId: 'Ev0REPLY', kind: 'dispatch', payloadType: 'message.channels' });
    expect(work(direct(eventEnvelope(memberJoined({ user: 'U0ALICE', channel: 'C0FORUM' }), { eventId: 'Ev0JOIN' })))).toMatchObject({ deliveryId: 'Ev0JOIN' });
    expect(work(direct(eventEnvelope(appHomeOpened({ user: 'U0ALICE' }), { eventId: 'Ev0HOME' })))).toEqual({ deliveryId: 'Ev0HOME', kind: 'home' });
  });

  it('writes nothing for messages not for the bot, and says which payloads lacked fields', () => {
    // A channel message outside a thread, and the Messages tab of the App Home.
    expect(direct(eventEnvelope(channelMessage({ user: 'U0ALICE', channel: 'C0FORUM', text: 'hello all' })))).toEqual({ kind: 'none' });
    expect(direct(eventEnvelope(appHomeOpened({ user: 'U0ALICE', tab: 'messages' })))).toEqual({ kind: 'none' });
    const mention = eventEnvelope(appMention({ user: 'U0ALICE', channel: 'C0FORUM', text: 'hi' }));
    expect(direct({ ...mention, event: { ...mention.event, channel: undefined } })).toEqual({ kind: 'none', missing: 'app_mention' });
  });

  it('drops the bot’s own events as Bolt does, but for its joining a channel', () => {
    expect(direct(eventEnvelope(appMention({ user: BOT_USER_ID, channel: 'C0FORUM', text: 'me' })))).toEqual({ kind: 'none' });
    const own = eventEnvelope(channelMessage({ user: 'U0OTHER', channel: 'C0FORUM', threadTs: '1700000000.000100', text: 'posted', botId: BOT_ID, subtype: 'bot_message' }));
    expect(direct(own)).toEqual({ kind: 'none' });
    expect(eventIntake('member_joined_channel', eventEnvelope(memberJoined({ user: BOT_USER_ID, channel: 'C0FORUM' })), self, at)).toMatchObject({ kind: 'work' });
  });

  it('writes the slash command, clicks and the report shortcut under their trigger ids', () => {
    expect(work(direct(command({ user: 'U0ALICE', channel: 'C0FORUM', text: 'help', triggerId: 'T1' })))).toEqual({ deliveryId: 'command:T1', kind: 'dispatch', payloadType: 'command' });
    const click = { ...blockAction({ user: 'U0ALICE', channel: 'C0FORUM', messageTs: '1700000000.000100', actionId: 'poll:vote#0', value: '1:0' }), trigger_id: 'T2' };
    expect(work(direct(click))).toEqual({ deliveryId: 'action:T2', kind: 'dispatch', payloadType: 'block_actions' });
    const report = { ...messageShortcut({ user: 'U0ALICE', channel: 'C0FORUM', messageTs: '1700000000.000100', text: 'spam' }), trigger_id: 'T3' };
    expect(work(direct(report))).toEqual({ deliveryId: 'shortcut:T3', kind: 'report' });
  });

  it('leaves to Bolt what it does not answer with an empty 200 or has no listener for', () => {
    expect(direct(urlVerification('c-1'))).toBeUndefined();
    expect(direct({ token: 'x', ssl_check: '1' })).toBeUndefined();
    expect(direct(viewSubmission({ user: 'U0ALICE', callbackId: 'topic:propose', privateMetadata: '{}', values: { title: 'x' } }))).toBeUndefined();
    expect(direct({ ...command({ user: 'U0ALICE', channel: 'C0FORUM', text: 'x' }), command: `${SLACK_COMMAND}-other` })).toBeUndefined();
    expect(direct(eventEnvelope({ type: 'app_uninstalled' }))).toBeUndefined();
    const click = blockAction({ user: 'U0ALICE', channel: 'C0FORUM', messageTs: '1700000000.000100', actionId: 'poll:vote#0', value: '1:0' });
    expect(direct({ ...click, actions: [] })).toBeUndefined();
    expect(direct({ ...messageShortcut({ user: 'U0ALICE', channel: 'C0FORUM', messageTs: '1', text: 'x' }), callback_id: 'other' })).toBeUndefined();
  });

  it('writes the same row for a request as Bolt’s listener does, from the body as Bolt parses it', () => {
    /** The request's raw body parsed by the guard, and by Bolt's own parser (as its receiver does). */
    const both = (kind: SlackRequestKind, payload: object): { guard: Record<string, unknown>; bolt: unknown } => {
      const { rawBody, contentType } = slackRequestBody(kind, payload);
      const guard = readSlackBody(rawBody, contentType);
      if (!guard) throw new Error(`not one of Slack's shapes: ${rawBody}`);
      const bolt: unknown = HTTPModuleFunctions.parseHTTPRequestBody({ rawBody: Buffer.from(rawBody), headers: { 'content-type': contentType } } as never);
      return { guard, bolt };
    };
    const events = [
      ['app_mention', appMention({ user: 'U0ALICE', channel: 'C0FORUM', text: `<@${BOT_USER_ID}> how?` })],
      ['message', directMessage({ user: 'U0ALICE', text: 'help' })],
      ['message', channelMessage({ user: 'U0ALICE', channel: 'C0FORUM', threadTs: '1700000000.000100', text: 'agreed' })],
      ['member_joined_channel', memberJoined({ user: 'U0ALICE', channel: 'C0FORUM' })],
      ['app_home_opened', appHomeOpened({ user: 'U0ALICE' })],
    ] as const;
    for (const [type, event] of events) {
      const { guard, bolt } = both('event', eventEnvelope(event));
      expect(directIntake(guard, self, at)).toEqual(eventIntake(type, bolt, self, at));
      expect(directIntake(guard, self, at)).toMatchObject({ kind: 'work' });
    }
    const command = both('command', slashCommand({ user: 'U0ALICE', channel: 'C0FORUM', text: 'poll "Which format?" "A" "B"' }));
    expect(directIntake(command.guard, self, at)).toEqual(commandIntake(command.bolt, self, at));
    const click = both('interaction', blockAction({ user: 'U0ALICE', channel: 'C0FORUM', messageTs: '1700000000.000100', actionId: 'poll:vote#0', value: '1:0' }));
    expect(directIntake(click.guard, self, at)).toEqual(actionIntake(click.bolt, at));
    const report = both('interaction', messageShortcut({ user: 'U0ALICE', channel: 'C0FORUM', messageTs: '1700000000.000100', text: 'spam', author: 'U0SPAM' }));
    expect(directIntake(report.guard, self, at)).toEqual(shortcutIntake(report.bolt, self, at));
    for (const request of [command, click, report]) expect(directIntake(request.guard, self, at)).toMatchObject({ kind: 'work' });
  });
});
