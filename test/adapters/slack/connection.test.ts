/**
 * What the host uses the Slack connection for, outside any request: posting unasked (into a thread
 * when the conversation names one) and deleting the bot's own posts, with Slack's refusals turned
 * into the core's error codes. The real connection and Web API client against the recording fake.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSlack, type SlackConnection } from '../../../adapters/slack/app.ts';
import type { Card } from '../../../src/core/card.ts';
import { ForumError } from '../../../src/core/errors.ts';
import type { Conversation } from '../../../src/core/events.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/log.ts';
import { createApp, type App } from '../../../src/main.ts';
import { openStore } from '../../../src/store/index.ts';
import { useFakeSlack } from '../../support/fake-slack.ts';
import { SIGNING_SECRET, TEAM_ID } from '../../support/slack-requests.ts';

const fake = useFakeSlack();
const CHANNEL: Conversation = { platform: 'slack', workspaceId: TEAM_ID, channelId: 'C0FORUM', kind: 'channel' };
const CARD: Card = { lang: 'en', blocks: [{ type: 'text', text: 'This week: evaluating a year later.' }] };

describe('Slack connection', () => {
  let app: App;
  let slack: SlackConnection;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-slack-connection-'));
    const config = loadConfig(
      { HOST: '127.0.0.1', TA_FORUM_DATA_DIR: dataDir, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake().apiUrl },
      { port: 0 },
    );
    if (!config.slack) throw new Error('Slack is not configured');
    app = await createApp(config, silentLogger(), { store: await openStore({ engine: 'pglite', dataDir: undefined }) });
    slack = await connectSlack(app, config.slack, silentLogger());
  });

  afterAll(async () => {
    await slack?.close();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('posts unasked into the thread the conversation names, and at the top of the channel otherwise', async () => {
    const root = '1763700600.000800';
    const ref = await slack.postProactive({ ...CHANNEL, threadId: root }, CARD);
    const inThread = await fake().waitFor((c) => c.method === 'chat.postMessage');
    expect(inThread.body).toMatchObject({ channel: 'C0FORUM', thread_ts: root });
    expect(ref).toMatchObject({ platform: 'slack', messageId: expect.stringMatching(/^\d+\.\d{6}$/) as unknown, conversation: { threadId: root } });

    fake().reset();
    await slack.postProactive(CHANNEL, CARD);
    const top = await fake().waitFor((c) => c.method === 'chat.postMessage');
    expect(top.body.channel).toBe('C0FORUM');
    expect(top.body.thread_ts).toBeUndefined();
  });

  it('deletes one of its posts with chat.delete', async () => {
    await slack.deleteMessage(CHANNEL, '1763700600.000800');
    expect(fake().callsTo('chat.delete').map((c) => c.body)).toEqual([{ channel: 'C0FORUM', ts: '1763700600.000800' }]);
  });

  it('says not_found for a message already gone, forbidden for someone else’s, platform_error for the rest', async () => {
    const codeOf = async (slackError: string): Promise<string | undefined> => {
      fake().fail('chat.delete', { error: slackError });
      try {
        await slack.deleteMessage(CHANNEL, '1763700600.000800');
        return undefined;
      } catch (error) {
        expect(error).toBeInstanceOf(ForumError);
        return (error as ForumError).code;
      }
    };
    expect(await codeOf('message_not_found')).toBe('not_found');
    expect(await codeOf('cant_delete_message')).toBe('forbidden');
    expect(await codeOf('channel_not_found')).toBe('platform_error');
    expect(await codeOf('compliance_exports_prevent_deletion')).toBe('platform_error');
    expect(fake().callsTo('chat.delete')).toHaveLength(4);
  });

  it('finds nothing to delete behind an id that is no Slack ts, without asking Slack', async () => {
    await expect(slack.deleteMessage(CHANNEL, 'response:1')).rejects.toMatchObject({ code: 'not_found' });
    expect(fake().callsTo('chat.delete')).toEqual([]);
  });
});
