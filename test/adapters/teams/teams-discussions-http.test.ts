/**
 * The Teams side of the weekly discussions, over HTTP as Teams drives it (the real host and
 * CloudAdapter, local development mode; the Bot Connector played by the recording fake): replies in
 * a topic's channel thread recorded, messages not for the bot left unanswered, "Report to moderators"
 * reaching the core and answered as Teams expects, and the bot's posts into threads and deletions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../adapters/host/server.ts';
import type { TeamsConnection } from '../../../adapters/teams/app.ts';
import { REPORT_MESSAGE_COMMAND_ID, submitActionToEvent } from '../../../adapters/teams/message-actions.ts';
import { TEAMS_CARD_MAX_BYTES } from '../../../adapters/teams/render.ts';
import { ACTIONS } from '../../../src/core/actions.ts';
import { textCard } from '../../../src/core/card.ts';
import type { Dispatcher } from '../../../src/core/dispatcher.ts';
import type { Conversation, InboundEvent } from '../../../src/core/events.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/log.ts';
import { findConversation } from '../../../src/store/conversations.ts';
import { type Store } from '../../../src/store/index.ts';
import { createTopic, markTopicPosted, recordTopicPost } from '../../../src/store/topics.ts';
import { adaptiveCardProblems } from '../../support/adaptive-cards.ts';
import { useFakeBotConnector } from '../../support/fake-bot-connector.ts';
import {
  CHANNEL_ID,
  TENANT_ID,
  USER_ADA,
  USER_GRACE,
  channelMessage,
  conversationUpdate,
  groupChatMessage,
  messageActionSubmit,
  postActivity,
  teamsMessageId,
} from '../../support/teams-activities.ts';
import { openTestStore } from '../../support/pglite-template.ts';

const connector = useFakeBotConnector();
const channel: Conversation = { platform: 'teams', workspaceId: TENANT_ID, channelId: CHANNEL_ID, kind: 'channel' };

describe('Teams discussions over HTTP (local development mode)', () => {
  let store: Store;
  let host: Host;
  let dataDir: string;
  let teams: TeamsConnection;
  /** The weekly topic's post in the channel: the root of its thread. */
  const root = teamsMessageId();
  let topicId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-teams-discussions-'));
    store = await openTestStore();
    const config = loadConfig({ HOST: '127.0.0.1', TA_FORUM_DATA_DIR: dataDir, TEAMS_ALLOWED_TENANTS: TENANT_ID }, { port: 0 });
    host = await startHost(config, silentLogger(), { store });
    const { connectTeams } = await import('../../../adapters/teams/app.ts');
    teams = connectTeams(host.app, host.app.services.config.teams, silentLogger());
    const now = new Date();
    const topic = await createTopic(
      store.db,
      { title: 'Measuring impact', description: 'How do you measure it?', lang: 'en', category: null, author: `teams:${USER_ADA.aadObjectId}` },
      'queued',
      now,
    );
    topicId = topic.id;
    expect(await markTopicPosted(store.db, topicId, 'scheduler', now)).toBeDefined();
    await recordTopicPost(store.db, { topicId, platform: 'teams', conversationId: CHANNEL_ID, messageId: root }, now);
  });

  afterAll(async () => {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const replies = () => store.db.selectFrom('topic_replies').selectAll().where('topic_id', '=', topicId).orderBy('message_id').execute();

  it('records a reply in the topic’s thread once, redelivered or not, and answers nothing', async () => {
    const reply = channelMessage({ text: 'We ask partners to <b>self-assess</b> first &amp; compare.', mentionBot: false, threadId: root, from: USER_GRACE, serviceUrl: connector().serviceUrl });
    expect((await postActivity(host.url, reply)).status).toBeLessThan(300);
    expect((await postActivity(host.url, reply)).status).toBeLessThan(300);
    const rows = await replies();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      platform: 'teams',
      conversation_id: CHANNEL_ID,
      message_id: reply.id,
      author: `teams:${USER_GRACE.aadObjectId}`,
      text: 'We ask partners to self-assess first & compare.',
    });
    expect(connector().calls).toEqual([]);
  });

  it('leaves unanswered and unrecorded what is not addressed to the bot', async () => {
    const before = (await replies()).length;
    const post = channelMessage({ text: 'How is technical assistance requested?', mentionBot: false, from: USER_GRACE, serviceUrl: connector().serviceUrl });
    const chat = groupChatMessage({ text: 'How is technical assistance requested?', mentionBot: false, from: USER_GRACE, serviceUrl: connector().serviceUrl });
    const otherThread = channelMessage({ text: 'Agreed.', mentionBot: false, threadId: teamsMessageId(), from: USER_GRACE, serviceUrl: connector().serviceUrl });
    for (const activity of [post, chat, otherThread]) expect((await postActivity(host.url, activity)).status).toBeLessThan(300);
    expect(connector().calls).toEqual([]);
    expect(await replies()).toHaveLength(before);
    expect(await store.db.selectFrom('questions').select(['id']).where('question', '=', 'How is technical assistance requested?').execute()).toEqual([]);
  });

  it('answers a mention inside the topic’s thread, and records it as a reply too', async () => {
    const mention = channelMessage({ text: 'help', mentionBot: true, threadId: root, from: USER_ADA, serviceUrl: connector().serviceUrl });
    await postActivity(host.url, mention);
    await connector().waitFor((c) => c.method === 'reply' || c.method === 'send' || c.method === 'createConversation');
    const rows = await replies();
    expect(rows.map((r) => r.message_id)).toContain(mention.id);
    expect(rows.find((r) => r.message_id === mention.id)?.text).toBe('help');
  });

  it('takes "Report to moderators" to the core as the report action, and answers the invoke as Teams expects', async () => {
    const reported = { id: teamsMessageId(), html: '<div>Call me on +1 555 0100</div>', author: USER_GRACE, replyToId: root };
    const invoke = messageActionSubmit({
      commandId: REPORT_MESSAGE_COMMAND_ID,
      message: reported,
      data: { reason: 'Personal data in a public channel' },
      scope: 'channel',
      threadId: root,
      from: USER_ADA,
      serviceUrl: connector().serviceUrl,
    });
    // The event the core is given.
    const event = submitActionToEvent(invoke as unknown as Partial<Activity>, new Date());
    expect(event).toMatchObject({ type: 'action', actionId: ACTIONS.messageReport, messageId: reported.id, formValues: { reason: 'Personal data in a public channel' } });
    expect(JSON.parse(event?.value ?? '{}')).toMatchObject({ messageId: reported.id, channelId: CHANNEL_ID, authorId: USER_GRACE.aadObjectId, text: 'Call me on +1 555 0100' });

    const response = await postActivity(host.url, invoke);
    expect(response.status).toBe(200);
    // It reached the dispatcher (claimed once).
    const claimed = await store.db.selectFrom('processed_events').select(['event_key']).where('event_key', '=', `teams:${invoke.id}`).execute();
    expect(claimed).toHaveLength(1);
    // A message response when the core confirmed privately; no body when it said nothing.
    if (response.body === '') expect(response.json).toBeUndefined();
    else {
      const body = response.json as { task: { type: string; value: string } };
      expect(body.task.type).toBe('message');
      expect(body.task.value.length).toBeGreaterThan(0);
    }
  });

  it('shows the core’s private confirmation to the reporter in the invoke response (a dialog message)', async () => {
    // The core's side played here: the report handler confirms privately, as the feature does.
    const seen: InboundEvent[] = [];
    const dispatcher: Dispatcher = {
      handle: async (event, adapter) => {
        seen.push(event);
        await adapter.replyPrivately?.(event, textCard('Sent to the moderators. Thank you.', 'en'));
        return 'handled';
      },
    };
    const { connectTeams } = await import('../../../adapters/teams/app.ts');
    const reporting = connectTeams({ ...host.app, dispatcher }, host.app.services.config.teams, silentLogger());
    const http = express().use(reporting.router);
    const server = http.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const invoke = messageActionSubmit({
        commandId: REPORT_MESSAGE_COMMAND_ID,
        message: { id: teamsMessageId(), html: '<p>Off-topic advert</p>', author: USER_GRACE },
        scope: 'channel',
        serviceUrl: connector().serviceUrl,
      });
      const response = await postActivity(url, invoke);
      expect(response.status).toBe(200);
      expect(response.json).toEqual({ task: { type: 'message', value: 'Sent to the moderators. Thank you.' } });
      expect(seen).toMatchObject([{ type: 'action', actionId: ACTIONS.messageReport, formValues: { reason: '' } }]);
      expect(connector().calls).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('answers another message-extension invoke with an empty 200', async () => {
    const invoke = { ...messageActionSubmit({ commandId: 'other', message: { id: teamsMessageId(), html: 'x' }, scope: 'channel', serviceUrl: connector().serviceUrl }), name: 'composeExtension/query' };
    const response = await postActivity(host.url, invoke);
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
  });

  describe('with the bot installed in the team', () => {
    beforeAll(async () => {
      await postActivity(host.url, conversationUpdate({ scope: 'team', botAdded: true, serviceUrl: connector().serviceUrl, from: USER_ADA }));
      expect((await findConversation(store.db, 'teams', CHANNEL_ID))?.active).toBe(true);
    });

    it('posts into a channel thread: the thread’s conversation id, a new message, a valid card', async () => {
      const ref = await teams.postProactive({ ...channel, threadId: root }, { blocks: [{ type: 'text', text: 'Reminder: the topic closes on Friday.' }] });
      const post = await connector().waitFor((c) => c.method === 'send');
      expect(post.conversationId).toBe(`${CHANNEL_ID};messageid=${root}`);
      expect(post.path).toContain(encodeURIComponent(`${CHANNEL_ID};messageid=${root}`));
      expect(post.body.conversation?.id).toBe(`${CHANNEL_ID};messageid=${root}`);
      expect(post.body.replyToId).toBeUndefined();
      expect(typeof post.body.summary).toBe('string');
      const card = post.body.attachments?.[0];
      expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(Buffer.byteLength(JSON.stringify(card?.content))).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
      expect(adaptiveCardProblems(card?.content)).toEqual([]);
      expect(ref).toMatchObject({ platform: 'teams', conversation: { channelId: CHANNEL_ID, threadId: root } });
      expect(ref.messageId).toMatch(/^\d+$/);
    });

    it('keeps posting to the channel when a thread is gone (404: not_found)', async () => {
      connector().fail('send', { status: 404, code: 'NotFound', message: 'Message not found.' });
      await expect(teams.postProactive({ ...channel, threadId: '1' }, { blocks: [{ type: 'text', text: 'x' }] })).rejects.toMatchObject({ code: 'not_found' });
      expect((await findConversation(store.db, 'teams', CHANNEL_ID))?.active).toBe(true);
    });

    it('deletes its post in the channel and its reply in a thread', async () => {
      await teams.deleteMessage(channel, root);
      await teams.deleteMessage({ ...channel, threadId: root }, '1763700999999');
      const calls = connector().callsTo('delete');
      expect(calls.map((c) => [c.httpMethod, c.conversationId, c.activityId])).toEqual([
        ['DELETE', CHANNEL_ID, root],
        ['DELETE', `${CHANNEL_ID};messageid=${root}`, '1763700999999'],
      ]);
      expect(calls.every((c) => c.authorization === undefined)).toBe(true);
    });

    it('says why a deletion failed: forbidden (403), not_found (404 or a conversation never installed)', async () => {
      connector().fail('delete', { status: 403, code: 'Forbidden', message: 'The bot is not allowed to delete this message.' });
      await expect(teams.deleteMessage(channel, '1763700000001')).rejects.toMatchObject({ code: 'forbidden' });
      // Not someone else's message nor the bot removed: the channel still takes posts.
      expect((await findConversation(store.db, 'teams', CHANNEL_ID))?.active).toBe(true);
      connector().fail('delete', { status: 404, code: 'NotFound', message: 'Message not found.' });
      await expect(teams.deleteMessage(channel, '1763700000002')).rejects.toMatchObject({ code: 'not_found' });
      const unknown = { ...channel, channelId: '19:0000000000000000000000000000dead@thread.tacv2' };
      await expect(teams.deleteMessage(unknown, '1763700000003')).rejects.toMatchObject({ code: 'not_found' });
      expect(connector().callsTo('delete').map((c) => c.activityId)).toEqual(['1763700000001', '1763700000002']);
    });
  });
});
