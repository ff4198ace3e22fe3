/**
 * What the host uses the Slack connection for, outside any request: posting unasked (into a thread
 * when the conversation names one), updating and deleting the bot's own posts, with Slack's refusals
 * turned into the core's error codes, and listing a channel's members. The real connection and Web
 * API client against the recording fake.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSlack, type SlackConnection } from '../../../adapters/slack/app.ts';
import { SLACK_MAX_BLOCKS } from '../../../adapters/slack/limits.ts';
import { cardToSlackMessages } from '../../../adapters/slack/render.ts';
import { ACTIONS } from '../../../src/core/actions.ts';
import type { Card } from '../../../src/core/card.ts';
import { ForumError } from '../../../src/core/errors.ts';
import type { Conversation } from '../../../src/core/events.ts';
import { loadConfig, type Config } from '../../../src/config.ts';
import { silentLogger } from '../../../src/log.ts';
import { createApp, type App } from '../../../src/main.ts';
import { useFakeSlack } from '../../support/fake-slack.ts';
import { BOT_USER_ID, SIGNING_SECRET, TEAM_ID } from '../../support/slack-requests.ts';
import { openTestStore } from '../../support/pglite-template.ts';

const fake = useFakeSlack();
const CHANNEL: Conversation = { platform: 'slack', workspaceId: TEAM_ID, channelId: 'C0FORUM', kind: 'channel' };
const CARD: Card = { lang: 'en', blocks: [{ type: 'text', text: 'This week: evaluating a year later.' }] };

describe('Slack connection', () => {
  let app: App;
  let slack: SlackConnection;
  let slackConfig: NonNullable<Config['slack']>;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-slack-connection-'));
    const config = loadConfig(
      { HOST: '127.0.0.1', TA_FORUM_DATA_DIR: dataDir, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake().apiUrl },
      { port: 0 },
    );
    if (!config.slack) throw new Error('Slack is not configured');
    slackConfig = config.slack;
    app = await createApp(config, silentLogger(), { store: await openTestStore() });
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

  describe('updating a post in place', () => {
    const TS = '1763700600.000900';
    /** A poll-like card: a question, counts and buttons. */
    const POLL: Card = {
      lang: 'en',
      blocks: [
        { type: 'header', text: 'Was the webinar useful?' },
        { type: 'fields', fields: [{ label: 'Yes', value: '3 votes' }, { label: 'No', value: '1 vote' }] },
        { type: 'actions', buttons: [{ label: 'Yes', actionId: ACTIONS.pollVote, value: 'yes' }] },
      ],
    };

    it('replaces the message with chat.update: its blocks and fallback text, in the same channel and ts', async () => {
      await slack.updateMessage(CHANNEL, TS, POLL);
      const [expected] = cardToSlackMessages(POLL);
      const calls = fake().callsTo('chat.update');
      expect(calls).toHaveLength(1);
      expect(calls[0]?.body).toEqual({ channel: 'C0FORUM', ts: TS, text: expected?.text, blocks: expected?.blocks });
      expect(calls[0]?.body.text).toContain('Was the webinar useful?');
      expect(calls[0]?.token).toBe('xoxb-test-token');
      // An update in place posts nothing.
      expect(fake().callsTo('chat.postMessage')).toEqual([]);
    });

    it('updates a message in a thread by its channel and ts only', async () => {
      await slack.updateMessage({ ...CHANNEL, threadId: '1763700600.000800' }, TS, POLL);
      const [call] = fake().callsTo('chat.update');
      expect(call?.body).toMatchObject({ channel: 'C0FORUM', ts: TS });
      expect(call?.body.thread_ts).toBeUndefined();
    });

    it('shows what fits of a card longer than one message, ended by "…", and posts none of the rest', async () => {
      const long: Card = { lang: 'en', blocks: Array.from({ length: SLACK_MAX_BLOCKS + 12 }, (_, i) => ({ type: 'text' as const, text: `Line ${i + 1}` })) };
      const messages = cardToSlackMessages(long);
      expect(messages.length).toBeGreaterThan(1);
      await slack.updateMessage(CHANNEL, TS, long);
      const calls = fake().callsTo('chat.update');
      expect(calls).toHaveLength(1);
      const blocks = calls[0]?.body.blocks as { type: string; elements?: { type: string; text: string }[] }[];
      expect(blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
      expect(blocks.slice(0, -1)).toEqual(messages[0]?.blocks.slice(0, blocks.length - 1));
      expect(blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'plain_text', text: '…' }] });
      expect(calls[0]?.body.text).toBe(messages[0]?.text);
      expect(fake().callsTo('chat.postMessage')).toEqual([]);
    });

    it('says not_found for a message gone, forbidden for one that is not the bot’s, platform_error for the rest', async () => {
      const codeOf = async (slackError: string): Promise<string | undefined> => {
        fake().fail('chat.update', { error: slackError });
        const error = await slack.updateMessage(CHANNEL, TS, POLL).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ForumError);
        return (error as ForumError).code;
      };
      expect(await codeOf('message_not_found')).toBe('not_found');
      expect(await codeOf('cant_update_message')).toBe('forbidden');
      expect(await codeOf('channel_not_found')).toBe('platform_error');
      expect(await codeOf('edit_window_closed')).toBe('platform_error');
      expect(fake().callsTo('chat.update')).toHaveLength(4);
    });

    it('waits out a rate limit and updates once Slack allows it', async () => {
      fake().fail('chat.update', { status: 429, retryAfter: 1 });
      await slack.updateMessage(CHANNEL, TS, POLL);
      const calls = fake().callsTo('chat.update');
      expect(calls.map((c) => c.failed ?? false)).toEqual([true, false]);
      expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    });

    it('finds nothing to update behind an id that is no Slack ts, without asking Slack', async () => {
      await expect(slack.updateMessage(CHANNEL, 'response:1', POLL)).rejects.toMatchObject({ code: 'not_found' });
      expect(fake().callsTo('chat.update')).toEqual([]);
    });
  });

  describe('listing a channel’s members', () => {
    it('follows every cursor of conversations.members and leaves the bot out', async () => {
      const people = Array.from({ length: 450 }, (_, i) => `U${String(i).padStart(6, '0')}`);
      fake().setMembers('C0FORUM', [...people.slice(0, 210), BOT_USER_ID, ...people.slice(210)]);
      expect(await slack.listMembers(CHANNEL)).toEqual(people);
      const calls = fake().callsTo('conversations.members');
      // 451 members, 200 a page: three pages, each asking from where the last one ended.
      expect(calls.map((c) => c.body.limit)).toEqual(['200', '200', '200']);
      expect(calls.map((c) => c.body.channel)).toEqual(['C0FORUM', 'C0FORUM', 'C0FORUM']);
      expect(calls[0]?.body.cursor).toBeUndefined();
      expect(calls[1]?.body.cursor).toMatch(/\S/);
      expect(calls[2]?.body.cursor).not.toBe(calls[1]?.body.cursor);
    });

    it('lists the members of a thread’s channel, and an empty channel as none', async () => {
      fake().setMembers('C0FORUM', ['U0ADA', BOT_USER_ID]);
      expect(await slack.listMembers({ ...CHANNEL, threadId: '1763700600.000800' })).toEqual(['U0ADA']);
      expect(await slack.listMembers({ ...CHANNEL, channelId: 'C0EMPTY' })).toEqual([]);
    });

    it('fails with platform_error when Slack refuses', async () => {
      fake().fail('conversations.members', { error: 'channel_not_found' });
      await expect(slack.listMembers(CHANNEL)).rejects.toMatchObject({ code: 'platform_error' });
    });

    it('asks Slack who the bot is when neither the start nor an event told it', async () => {
      // Slack failing auth.test at start: the connection starts without the bot's user id.
      fake().fail('auth.test', { error: 'fatal_error' });
      const unsure = await connectSlack(app, slackConfig, silentLogger());
      try {
        expect(unsure.botUserId).toBeUndefined();
        fake().setMembers('C0FORUM', ['U0ADA', BOT_USER_ID, 'U0GRACE']);
        expect(await unsure.listMembers(CHANNEL)).toEqual(['U0ADA', 'U0GRACE']);
        expect(unsure.botUserId).toBe(BOT_USER_ID);
        expect(fake().callsTo('auth.test').map((c) => c.failed ?? false)).toEqual([true, false]);
        // Known from then on: not asked again.
        await unsure.listMembers(CHANNEL);
        expect(fake().callsTo('auth.test')).toHaveLength(2);
      } finally {
        await unsure.close();
      }
    });
  });
});
