/**
 * What the bot does not handle, over HTTP through the real host and Bolt app: an event type it does
 * not subscribe to, a shortcut it does not declare, another command. Each is acknowledged at once
 * (an empty 200, well within Slack's 3 seconds, not Bolt's 404 after them) and logged at debug
 * level, never as an error; nothing is written to the inbox or sent to Slack. A form submission
 * still reaches Bolt's listener.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFakeSlack } from '../../support/fake-slack.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { SIGNING_SECRET, TEAM_ID, eventEnvelope, messageShortcut, sendToSlack, slashCommand, viewSubmission, type SlackRequestKind } from '../../support/slack-requests.ts';
import { globalShortcut } from '../../support/slack/interactions.ts';

const fake = useFakeSlack();
/** Far below Slack's 3 seconds (and Bolt's 3001 ms): an answer at once, not after a time-out. */
const AT_ONCE_MS = 1500;
const UNHANDLED = 'Slack request the bot does not handle; acknowledged';

interface LogLine {
  level: number;
  msg: string;
  type?: string;
  event?: string;
  callbackId?: string;
  command?: string;
}

describe('Slack requests the bot does not handle, over HTTP', () => {
  let host: TestHost;
  const lines: LogLine[] = [];
  const db = () => host.app.services.store.db;

  beforeAll(async () => {
    const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
    const env = { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake().apiUrl, SLACK_ALLOWED_WORKSPACES: TEAM_ID };
    host = await startTestHost(env, { logger, ingestKnowledge: false });
  });

  afterAll(() => host?.close());

  const requests: [string, SlackRequestKind, object, Partial<LogLine>][] = [
    [
      'an event type the bot does not subscribe to',
      'event',
      eventEnvelope({ type: 'reaction_added', user: 'U0ALICE', reaction: 'thumbsup', item: { type: 'message', channel: 'C0FORUM', ts: '1763700000.000100' }, event_ts: '1763700001.000200' }),
      { type: 'event_callback', event: 'reaction_added' },
    ],
    ['a global shortcut the bot does not declare', 'interaction', globalShortcut({ user: 'U0ALICE', callbackId: 'undeclared_shortcut' }), { type: 'shortcut', callbackId: 'undeclared_shortcut' }],
    [
      'a message shortcut the bot does not declare',
      'interaction',
      messageShortcut({ user: 'U0ALICE', channel: 'C0FORUM', messageTs: '1763700000.000300', text: 'hello', author: 'U0BOB', callbackId: 'other_shortcut' }),
      { type: 'message_action', callbackId: 'other_shortcut' },
    ],
    ['another slash command', 'command', slashCommand({ user: 'U0ALICE', channel: 'C0FORUM', text: 'x', command: '/other' }), { type: 'command', command: '/other' }],
  ];

  it.each(requests)('acknowledges %s at once, logs it at debug level, and does nothing else', async (_what, kind, payload, logged) => {
    const inboxBefore = await db().selectFrom('inbox').select('id').execute();
    lines.length = 0;
    const started = performance.now();
    const response = await sendToSlack(host.url, SIGNING_SECRET, kind, payload);
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    expect(performance.now() - started).toBeLessThan(AT_ONCE_MS);
    const line = lines.find((l) => l.msg === UNHANDLED);
    expect(line).toMatchObject({ level: pino.levels.values.debug, ...logged });
    expect(lines.filter((l) => l.level >= (pino.levels.values.warn ?? 40))).toEqual([]);
    expect(await db().selectFrom('inbox').select('id').execute()).toHaveLength(inboxBefore.length);
    expect(fake().calls).toEqual([]);
  });

  it('still hands a form submission to Bolt’s listener (written to the inbox)', async () => {
    const before = await db().selectFrom('inbox').select('id').execute();
    const form = viewSubmission({ user: 'U0ALICE', callbackId: 'topic:propose', privateMetadata: '', values: { title: 'Budget rules', description: 'Which costs can a workshop budget cover?' } });
    lines.length = 0;
    const response = await sendToSlack(host.url, SIGNING_SECRET, 'interaction', form);
    expect(response.status).toBe(200);
    expect(lines.some((l) => l.msg === UNHANDLED)).toBe(false);
    await expect.poll(async () => (await db().selectFrom('inbox').select('id').execute()).length).toBeGreaterThan(before.length);
  });
});
