/**
 * Discussions and reports in Slack over HTTP, as Slack drives them: the real host and Bolt app,
 * signed requests, the Web API played by the recording fake. Replies in a weekly topic's thread are
 * recorded and never answered; the "Report to moderators" shortcut asks for a reason in a modal and
 * tells the moderators, and only the reporter hears back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../adapters/host/server.ts';
import { ACTIONS, type ReportedMessage } from '../../../src/core/actions.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/log.ts';
import { type Store } from '../../../src/store/index.ts';
import { topicReplies } from '../../../src/store/topic-replies.ts';
import { createTopic, markTopicPosted, recordTopicPost, type Topic } from '../../../src/store/topics.ts';
import { inboxSettled } from '../../support/inbox-settled.ts';
import { useFakeSlack, type SlackCall } from '../../support/fake-slack.ts';
import { messages } from '../../../src/i18n/index.ts';
import {
  BOT_ID,
  BOT_USER_ID,
  SIGNING_SECRET,
  TEAM_DOMAIN,
  TEAM_ID,
  appMention,
  channelMessage,
  directMessage,
  eventEnvelope,
  messageShortcut,
  sendToSlack,
  slackTs,
  viewSubmission,
} from '../../support/slack-requests.ts';
import { openTestStore } from '../../support/pglite-template.ts';

const fake = useFakeSlack();
/** Every text of a Block Kit structure, for checks on what people see. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

/** Calls that would show something to someone. */
const SPEAKING = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'views.open', 'response_url']);
const spoken = (): SlackCall[] => fake().calls.filter((c) => SPEAKING.has(c.method));

describe('Slack discussions and reports over HTTP', () => {
  let store: Store;
  let host: Host;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-slack-discussions-'));
    store = await openTestStore();
    const env = {
      HOST: '127.0.0.1',
      TA_FORUM_DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake().apiUrl,
      SLACK_ALLOWED_WORKSPACES: TEAM_ID,
      MODERATORS: 'slack:U0MOD',
    };
    host = await startHost(loadConfig(env, { port: 0 }), silentLogger(), { store, ingestKnowledge: false });
    await host.scheduler.stop();
  });

  afterAll(async () => {
    await host.close();
    await store.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A weekly topic posted to a channel, its post the root of the thread `rootTs`. */
  async function postedTopic(title: string, channel: string, rootTs: string): Promise<Topic> {
    const now = new Date();
    const topic = await createTopic(store.db, { title, description: 'What works?', lang: 'en', category: null, author: 'slack:U0MOD' }, 'queued', now);
    await markTopicPosted(store.db, topic.id, 'scheduler:test', now);
    await recordTopicPost(store.db, { topicId: topic.id, platform: 'slack', conversationId: channel, messageId: rootTs }, now);
    return topic;
  }

  describe('replies in threads', () => {
    it('records a reply under the weekly topic’s post, once however often it arrives, and says nothing', async () => {
      const root = slackTs();
      const topic = await postedTopic('Evaluating a year later', 'C0FORUM', root);
      const reply = channelMessage({ user: 'U0GRACE', channel: 'C0FORUM', threadTs: root, text: 'We run a review a year after the end &amp; share it.' });
      const envelope = eventEnvelope(reply);
      expect((await sendToSlack(host.url, SIGNING_SECRET, 'event', envelope)).status).toBe(200);
      await expect.poll(async () => (await topicReplies(store.db, topic.id)).length).toBe(1);
      const [stored] = await topicReplies(store.db, topic.id);
      expect(stored).toMatchObject({
        platform: 'slack',
        conversation_id: 'C0FORUM',
        message_id: reply.ts,
        topic_id: topic.id,
        author: 'slack:U0GRACE',
        text: 'We run a review a year after the end & share it.',
      });

      // Slack's retry of the same delivery, and the same message under another delivery id.
      await sendToSlack(host.url, SIGNING_SECRET, 'event', envelope, { retryNum: 1, retryReason: 'http_timeout' });
      await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(reply));
      await inboxSettled(store.db);
      expect(await topicReplies(store.db, topic.id)).toHaveLength(1);
      expect(spoken()).toEqual([]);
      // Nothing is answered, so the person's language is not asked for either.
      expect(fake().callsTo('users.info')).toEqual([]);
    });

    it('records replies in a private channel’s thread (message.groups) and replies sent to the channel too', async () => {
      const root = slackTs();
      const topic = await postedTopic('Sharing reports', 'G0PRIVATE', root);
      await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(channelMessage({ user: 'U0GRACE', channel: 'G0PRIVATE', threadTs: root, text: 'First' })));
      await sendToSlack(
        host.url,
        SIGNING_SECRET,
        'event',
        eventEnvelope(channelMessage({ user: 'U0HANS', channel: 'G0PRIVATE', threadTs: root, text: 'Second', subtype: 'thread_broadcast' })),
      );
      await expect.poll(async () => (await topicReplies(store.db, topic.id)).map((r) => r.text).sort()).toEqual(['First', 'Second']);
      expect(spoken()).toEqual([]);
    });

    it('ignores channel messages outside threads, bots’ messages, edits and other threads: nothing recorded, nothing said', async () => {
      const root = slackTs();
      const topic = await postedTopic('Procurement rules', 'C0FORUM', root);
      const ignored = [
        channelMessage({ user: 'U0GRACE', channel: 'C0FORUM', text: 'help' }),
        channelMessage({ user: 'U0GRACE', channel: 'C0FORUM', text: `How does a member state request technical assistance?` }),
        channelMessage({ user: 'U0OTHERBOT', channel: 'C0FORUM', threadTs: root, text: 'Automated notice', botId: 'B0OTHER', subtype: 'bot_message' }),
        channelMessage({ user: BOT_USER_ID, channel: 'C0FORUM', threadTs: root, text: 'The bot’s own post', botId: BOT_ID }),
        channelMessage({ user: 'U0GRACE', channel: 'C0FORUM', threadTs: root, text: 'edited', subtype: 'message_changed' }),
      ];
      for (const event of ignored) expect((await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(event))).status).toBe(200);
      // A reply in a thread that is no topic's is not recorded either.
      await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(channelMessage({ user: 'U0GRACE', channel: 'C0FORUM', threadTs: slackTs(), text: 'Elsewhere' })));
      await inboxSettled(store.db);
      expect(await topicReplies(store.db, topic.id)).toEqual([]);
      expect(spoken()).toEqual([]);
    });

    it('answers a mention in the topic’s thread once, and records it as a reply too', async () => {
      const root = slackTs();
      const topic = await postedTopic('Requesting assistance', 'C0FORUM', root);
      const question = 'How does a member state request technical assistance?';
      const mention = appMention({ user: 'U0GRACE', channel: 'C0FORUM', threadTs: root, text: `<@${BOT_USER_ID}> ${question}` });
      // Slack sends the same message twice: as app_mention and as message.channels, with different delivery ids.
      const copy = { ...channelMessage({ user: 'U0GRACE', channel: 'C0FORUM', threadTs: root, ts: mention.ts, text: mention.text }) };
      await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(mention));
      await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(copy));
      await fake().waitFor((c) => c.method === 'chat.update');
      await expect.poll(async () => (await topicReplies(store.db, topic.id)).map((r) => r.text)).toEqual([question]);
      await inboxSettled(store.db);
      const posted = fake().callsTo('chat.postMessage');
      expect(posted).toHaveLength(1);
      expect(posted[0]?.body).toMatchObject({ channel: 'C0FORUM', thread_ts: root });
      expect(fake().callsTo('chat.update')).toHaveLength(1);
    });

    it('still answers a direct message once', async () => {
      await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(directMessage({ user: 'U0BOB', channel: 'D0BOB', text: 'help' })));
      const reply = await fake().waitFor((c) => c.method === 'chat.postMessage');
      expect(reply.body.channel).toBe('D0BOB');
      await inboxSettled(store.db);
      expect(spoken()).toHaveLength(1);
    });
  });

  describe('reporting a message', () => {
    it('asks for a reason in a modal, then tells the moderators; only the reporter hears back', async () => {
      const messageTs = slackTs();
      const shortcut = messageShortcut({ user: 'U0ADA', channel: 'C0FORUM', messageTs, author: 'U0GRACE', text: 'Call me on +41 22 000 00 00, &lt;urgent&gt;' });
      const response = await sendToSlack(host.url, SIGNING_SECRET, 'interaction', shortcut);
      expect(response.status).toBe(200);

      const permalink = await fake().waitFor((c) => c.method === 'chat.getPermalink');
      expect(permalink.body).toMatchObject({ channel: 'C0FORUM', message_ts: messageTs });
      const opened = await fake().waitFor((c) => c.method === 'views.open');
      expect(opened.body.trigger_id).toBe(shortcut.trigger_id);
      const view = opened.body.view as { type: string; callback_id: string; private_metadata: string; blocks: { block_id: string; optional: boolean; element: { type: string } }[] };
      expect(view.type).toBe('modal');
      expect(view.callback_id).toBe(ACTIONS.messageReport);
      expect(view.blocks.map((b) => [b.block_id, b.optional, b.element.type])).toEqual([['reason', true, 'plain_text_input']]);
      const reported = JSON.parse(view.private_metadata) as ReportedMessage;
      const link = `https://${TEAM_DOMAIN}.slack.com/archives/C0FORUM/p${messageTs.replace('.', '')}`;
      expect(reported).toEqual({ messageId: messageTs, channelId: 'C0FORUM', authorId: 'U0GRACE', text: 'Call me on +41 22 000 00 00, <urgent>', link });

      const submission = viewSubmission({ user: 'U0ADA', callbackId: view.callback_id, privateMetadata: view.private_metadata, values: { reason: 'A phone number posted in the open' } });
      expect((await sendToSlack(host.url, SIGNING_SECRET, 'interaction', submission)).status).toBe(200);
      const toModerator = await fake().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'U0MOD');
      const shown = texts(toModerator.body.blocks).join('\n');
      expect(shown).toContain('A phone number posted in the open');
      expect(shown).toContain(link);
      const thanks = await fake().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'U0ADA');
      expect(texts(thanks.body.blocks).join(' ')).toContain(messages('en').moderation.reportSent);
      await expect
        .poll(async () => (await store.db.selectFrom('audit_log').select(['actor', 'subject']).where('action', '=', 'message.report').execute()).length)
        .toBe(1);
      // Nothing was said in the channel.
      expect(fake().calls.filter((c) => c.body.channel === 'C0FORUM' && SPEAKING.has(c.method))).toEqual([]);
    });

    it('goes on without a link when Slack gives none', async () => {
      fake().fail('chat.getPermalink', { error: 'channel_not_found' });
      const shortcut = messageShortcut({ user: 'U0ADA', channel: 'C0ELSEWHERE', messageTs: slackTs(), author: 'U0GRACE', text: 'Hello' });
      await sendToSlack(host.url, SIGNING_SECRET, 'interaction', shortcut);
      const opened = await fake().waitFor((c) => c.method === 'views.open');
      expect(opened.body.trigger_id).toBe(shortcut.trigger_id);
      expect((JSON.parse((opened.body.view as { private_metadata: string }).private_metadata) as ReportedMessage).link).toBe('');
    });

    it('answers an outsider privately, through the shortcut’s response_url, and opens nothing', async () => {
      const responseUrl = fake().responseUrl('shortcut-outsider');
      const shortcut = messageShortcut({ user: 'U0EVE', channel: 'C0OTHER', messageTs: slackTs(), author: 'U0GRACE', text: 'Hello', teamId: 'T0OUTSIDE', responseUrl });
      await sendToSlack(host.url, SIGNING_SECRET, 'interaction', shortcut);
      const refusal = await fake().waitFor((c) => c.method === 'response_url');
      expect(refusal.path).toContain('shortcut-outsider');
      expect(refusal.body.response_type).toBe('ephemeral');
      await inboxSettled(store.db);
      expect(fake().callsTo('views.open')).toEqual([]);
      expect(fake().callsTo('chat.postMessage')).toEqual([]);
    });
  });
});
