/**
 * Self-tests of the Teams test support: the fake Bot Connector driven by botbuilder's real
 * `ConnectorClient` (as `CloudAdapter` creates it in local development mode: empty credentials, no
 * token), and the activity builders posted through a real `CloudAdapter` whose replies land in the
 * fake.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, TeamsActivityHandler, TeamsInfo, TurnContext, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue } from 'botbuilder';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFakeBotConnector } from '../../support/fake-bot-connector.ts';
import {
  actionExecuteInvoke,
  actionSubmitMessage,
  APP_ID,
  BOT_ID,
  BOT_NAME,
  CHANNEL_ID,
  channelMessage,
  conversationUpdate,
  GROUP_CHAT_ID,
  groupChatMessage,
  installationUpdate,
  loadTeamsFixture,
  personalConversationIdFor,
  personalMessage,
  postActivity,
  TEAM_ID,
  TEAMS_SERVICE_URL,
  TENANT_ID,
  USER_ADA,
  USER_ALAN,
  USER_CAMILLE,
  USER_GRACE,
  type TeamsFixtureName,
} from '../../support/teams-activities.ts';

/** A thread in the Questions channel, as Teams writes its conversation id. */
const THREAD = `${CHANNEL_ID};messageid=1763700310123`;

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  details?: { error?: { code?: string; message?: string } };
}

describe('fake Bot Connector, driven by botbuilder’s ConnectorClient', () => {
  const fake = useFakeBotConnector();
  const client = () => new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: fake().serviceUrl });

  it('has a service URL with a trailing slash, as Teams sends it', () => {
    expect(fake().serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('records a reply with its decoded ids, parsed activity and no Authorization header', async () => {
    const activity = {
      type: 'message',
      text: 'Here is how to reset it.',
      textFormat: 'markdown',
      replyToId: '1763700310123',
      from: { id: BOT_ID, name: BOT_NAME },
      conversation: { id: THREAD, isGroup: true, conversationType: 'channel', name: 'Questions' },
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [] } }],
    };
    const response = await client().conversations.replyToActivity(THREAD, '1763700310123', activity);

    expect(response.id).toMatch(/^\d{13}$/);
    const [call] = fake().callsTo('reply');
    expect(call).toMatchObject({ method: 'reply', httpMethod: 'POST', conversationId: THREAD, activityId: '1763700310123' });
    expect(call?.path).toContain('/v3/conversations/19%3A');
    expect(call?.body).toMatchObject({ type: 'message', text: 'Here is how to reset it.', replyToId: '1763700310123', conversation: { id: THREAD } });
    expect(call?.body.attachments?.[0]).toEqual(activity.attachments[0]);
    expect(call?.authorization).toBeUndefined();
    expect(call?.failed).toBeUndefined();
    expect(fake().posted()).toEqual([call]);
  });

  it('records sends, updates and deletes, with unique increasing ids', async () => {
    const conversations = client().conversations;
    const conversationId = USER_ADA.personalConversationId;
    const first = await conversations.sendToConversation(conversationId, { type: 'message', text: 'one' });
    const second = await conversations.sendToConversation(conversationId, { type: 'message', text: 'two' });
    const third = await conversations.replyToActivity(conversationId, '1763700123469', { type: 'message', text: 'three' });
    expect(Number(second.id)).toBeGreaterThan(Number(first.id));
    expect(Number(third.id)).toBeGreaterThan(Number(second.id));

    const updated = await conversations.updateActivity(conversationId, String(first.id), { type: 'message', id: first.id, text: 'one, edited' });
    expect(updated.id).toBe(first.id);
    await conversations.deleteActivity(conversationId, String(second.id));

    expect(fake().calls.map((call) => call.method)).toEqual(['send', 'send', 'reply', 'update', 'delete']);
    expect(fake().callsTo('send').map((call) => call.body.text)).toEqual(['one', 'two']);
    expect(fake().callsTo('update')[0]).toMatchObject({ httpMethod: 'PUT', conversationId, activityId: first.id, body: { text: 'one, edited' } });
    expect(fake().callsTo('delete')[0]).toMatchObject({ httpMethod: 'DELETE', conversationId, activityId: second.id, body: {} });
  });

  it('creates a channel thread, a personal chat and a group chat', async () => {
    const conversations = client().conversations;
    const thread = await conversations.createConversation({
      isGroup: true,
      bot: { id: BOT_ID, name: BOT_NAME },
      channelData: { channel: { id: CHANNEL_ID }, tenant: { id: TENANT_ID } },
      activity: { type: 'message', text: 'This week’s topic' },
    } as Parameters<typeof conversations.createConversation>[0]);
    expect(thread.activityId).toMatch(/^\d{13}$/);
    expect(thread.id).toBe(`${CHANNEL_ID};messageid=${thread.activityId}`);
    expect(fake().callsTo('createConversation')[0]?.body.activity).toMatchObject({ type: 'message', text: 'This week’s topic' });

    const personal = await conversations.createConversation({
      isGroup: false,
      bot: { id: BOT_ID, name: BOT_NAME },
      members: [{ id: USER_ADA.id, name: USER_ADA.name }],
      tenantId: TENANT_ID,
    } as Parameters<typeof conversations.createConversation>[0]);
    expect(personal.id).toBe(USER_ADA.personalConversationId);
    expect(personal.activityId).toBeUndefined();

    const chat = await conversations.createConversation({
      isGroup: true,
      bot: { id: BOT_ID, name: BOT_NAME },
      members: [{ id: USER_ADA.id, name: USER_ADA.name }, { id: USER_GRACE.id, name: USER_GRACE.name }],
      tenantId: TENANT_ID,
    } as Parameters<typeof conversations.createConversation>[0]);
    expect(chat.id).toMatch(/^19:[0-9a-f]{32}@thread\.v2$/);
  });

  it('reads pagedmembers’ pageSize as Teams does: under 50 counts as 50', async () => {
    const members = Array.from({ length: 60 }, (_, i) => ({ id: `29:1Member${i}`, name: `Member ${i}` }));
    fake().setMembers(TEAM_ID, members);
    const conversations = client().conversations;
    const first = await conversations.getConversationPagedMembers(TEAM_ID, { pageSize: 2 } as { pageSize: number; continuationToken: string });
    expect(first.members).toHaveLength(50);
    expect(first.continuationToken).toMatch(/\S/);
    const rest = await conversations.getConversationPagedMembers(TEAM_ID, { pageSize: 2, continuationToken: first.continuationToken });
    expect(rest.members?.map((member) => member.id)).toEqual(members.slice(50).map((member) => member.id));
    expect(rest.continuationToken).toBeUndefined();
  });

  it('lists members, a page at a time with a continuation token when the page is small', async () => {
    const members = [USER_ADA, USER_GRACE, USER_ALAN, USER_CAMILLE, { id: '29:1Extra', name: 'Extra Person', aadObjectId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' }];
    fake().setMembers(TEAM_ID, members);
    fake().setMembersPageSize(2);
    const conversations = client().conversations;

    const seen: string[] = [];
    let continuationToken: string | undefined;
    let pages = 0;
    do {
      const page = await conversations.getConversationPagedMembers(
        TEAM_ID,
        // The generated type wants a token even on the first page; the client leaves out an absent one.
        (continuationToken ? { pageSize: 2, continuationToken } : { pageSize: 2 }) as { pageSize: number; continuationToken: string },
      );
      seen.push(...(page.members ?? []).map((member) => member.id));
      continuationToken = page.continuationToken;
      pages += 1;
    } while (continuationToken && pages < 10);
    expect(seen).toEqual(members.map((member) => member.id));
    expect(pages).toBe(3);
    const calls = fake().callsTo('members');
    expect(calls.map((call) => call.query.pageSize)).toEqual(['2', '2', '2']);
    expect(calls[0]?.query.continuationToken).toBeUndefined();
    // The second request carries the token the first page ended with.
    expect(calls[1]?.query.continuationToken).toMatch(/\S/);
    expect(calls[2]?.query.continuationToken).not.toBe(calls[1]?.query.continuationToken);

    const all = await conversations.getConversationMembers(TEAM_ID);
    expect(all).toHaveLength(5);
    expect(all[0]).toMatchObject({ id: USER_ADA.id, name: USER_ADA.name, aadObjectId: USER_ADA.aadObjectId });

    // A thread in a channel falls back to the roster set for the channel (here: the team).
    fake().setMembers(CHANNEL_ID, [USER_GRACE]);
    const threadMembers = await conversations.getConversationMembers(THREAD);
    expect(threadMembers.map((member) => member.id)).toEqual([USER_GRACE.id]);

    const one = await conversations.getConversationMember(TEAM_ID, USER_CAMILLE.id);
    expect(one).toMatchObject({ id: USER_CAMILLE.id, name: 'Camille Martin' });
    const missing = await conversations.getConversationMember(TEAM_ID, '29:1Nobody').catch((error: unknown) => error as RestErrorLike);
    expect((missing as RestErrorLike).statusCode).toBe(404);
  });

  it('answers a queued 429 with Retry-After once; the client waits and its retry succeeds', async () => {
    fake().fail('reply', { status: 429, retryAfter: 1 });
    const started = Date.now();
    const response = await client().conversations.replyToActivity(THREAD, '1763700310123', { type: 'message', text: 'after the wait' });
    expect(response.id).toMatch(/^\d{13}$/);
    const calls = fake().callsTo('reply');
    expect(calls.map((call) => call.failed ?? false)).toEqual([true, false]);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake().posted()).toEqual([calls[1]]);
  });

  it('lets a 429 reach the caller once the client has used its 3 retries', async () => {
    const throttled = { status: 429, retryAfter: 0 };
    fake().fail('reply', throttled, throttled, throttled, throttled);
    const error = (await client()
      .conversations.replyToActivity(THREAD, '1763700310123', { type: 'message', text: 'too many' })
      .catch((e: unknown) => e)) as RestErrorLike;
    expect(error.statusCode).toBe(429);
    expect(fake().callsTo('reply').map((call) => call.failed ?? false)).toEqual([true, true, true, true]);
  });

  it('sends the 429 as the Bot Connector does: Retry-After header and an error body', async () => {
    fake().fail('send', { status: 429, retryAfter: 3 }, { status: 429, retryAfter: null });
    const url = `${fake().serviceUrl}v3/conversations/${encodeURIComponent(THREAD)}/activities`;
    const post = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'hi' }) });

    const first = await post();
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(await first.json()).toEqual({ error: { code: 'Throttled', message: expect.any(String) as string } });
    const second = await post();
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBeNull();
    const third = await post();
    expect(third.status).toBe(200);
    expect(await third.json()).toEqual({ id: expect.stringMatching(/^\d{13}$/) as string });
    expect(fake().callsTo('send').map((call) => [call.conversationId, call.failed ?? false])).toEqual([
      [THREAD, true],
      [THREAD, true],
      [THREAD, false],
    ]);
  });

  it('rejects with a queued 403 (not retried by the client), then succeeds', async () => {
    fake().fail('send', { status: 403 });
    const conversations = client().conversations;
    const error = (await conversations.sendToConversation(USER_ADA.personalConversationId, { type: 'message', text: 'blocked' }).catch((e: unknown) => e)) as RestErrorLike;
    expect(error.statusCode).toBe(403);
    expect(error.details?.error?.code ?? error.code).toBe('BotNotInConversationRoster');
    await expect(conversations.sendToConversation(USER_ADA.personalConversationId, { type: 'message', text: 'again' })).resolves.toMatchObject({ id: expect.any(String) as string });
    expect(fake().callsTo('send').map((call) => call.failed ?? false)).toEqual([true, false]);
  });

  it('lets the client retry a queued 500 by itself (exponential back-off)', { timeout: 30_000 }, async () => {
    fake().fail('update', { status: 500 });
    const conversations = client().conversations;
    await expect(conversations.updateActivity(THREAD, '1763700310123', { type: 'message', text: 'edit' })).resolves.toMatchObject({ id: '1763700310123' });
    expect(fake().callsTo('update').map((call) => call.failed ?? false)).toEqual([true, false]);
  });

  it('answers any other path with a recorded 404', async () => {
    const response = await fetch(`${fake().serviceUrl}v3/teams/${encodeURIComponent(TEAM_ID)}`, { headers: { authorization: 'Bearer x' } });
    expect(response.status).toBe(404);
    expect(fake().callsTo('unknown')).toMatchObject([{ httpMethod: 'GET', path: `/v3/teams/${encodeURIComponent(TEAM_ID)}`, authorization: 'Bearer x' }]);
  });

  it('waitFor resolves on a later call and explains a timeout', async () => {
    const waiting = fake().waitFor((call) => call.method === 'send' && call.body.text === 'later', 2000);
    await client().conversations.sendToConversation(GROUP_CHAT_ID, { type: 'message', text: 'later' });
    await expect(waiting).resolves.toMatchObject({ conversationId: GROUP_CHAT_ID });
    await expect(fake().waitFor((call) => call.method === 'delete', 50)).rejects.toThrow(/no matching call within 50 ms[\s\S]*send/);
  });

  it('forgets calls, failures and rosters on reset, and keeps ids increasing', async () => {
    const before = await client().conversations.sendToConversation(GROUP_CHAT_ID, { type: 'message', text: 'x' });
    fake().fail('send', { status: 403 });
    fake().setMembers(GROUP_CHAT_ID, [USER_ADA]);
    fake().reset();
    expect(fake().calls).toEqual([]);
    const after = await client().conversations.sendToConversation(GROUP_CHAT_ID, { type: 'message', text: 'y' });
    expect(Number(after.id)).toBeGreaterThan(Number(before.id));
    expect(await client().conversations.getConversationMembers(GROUP_CHAT_ID)).toEqual([]);
  });
});

describe('Teams activity builders', () => {
  const serviceUrl = 'http://127.0.0.1:1/';
  const fixtures: TeamsFixtureName[] = [
    'message-personal',
    'message-channel-mention',
    'message-groupchat',
    'conversation-update-members-added',
    'conversation-update-bot-added',
    'installation-update-add',
    'installation-update-remove',
    'invoke-action-execute',
    'message-action-submit',
  ];

  it('start from fixtures that hold the shared ids', () => {
    for (const name of fixtures) {
      const fixture = loadTeamsFixture(name);
      expect(fixture.channelId, name).toBe('msteams');
      expect(fixture.serviceUrl, name).toBe(TEAMS_SERVICE_URL);
      expect(fixture.recipient, name).toEqual({ id: BOT_ID, name: BOT_NAME });
      expect(fixture.conversation.tenantId, name).toBe(TENANT_ID);
      expect(fixture.channelData.tenant, name).toEqual({ id: TENANT_ID });
    }
    expect(BOT_ID).toBe(`28:${APP_ID}`);
    expect(loadTeamsFixture('message-personal').conversation.id).toBe(USER_ADA.personalConversationId);
  });

  it('build a personal message', () => {
    const activity = personalMessage({ text: 'Bonjour', from: USER_CAMILLE, serviceUrl });
    expect(activity).toMatchObject({
      type: 'message',
      text: 'Bonjour',
      serviceUrl,
      from: { id: USER_CAMILLE.id, name: 'Camille Martin', aadObjectId: USER_CAMILLE.aadObjectId },
      conversation: { conversationType: 'personal', id: personalConversationIdFor(USER_CAMILLE.id), tenantId: TENANT_ID },
      locale: 'fr-FR',
      localTimezone: 'Europe/Paris',
      channelData: { tenant: { id: TENANT_ID } },
    });
    expect(activity.id).toMatch(/^\d{13}$/);
    expect(activity.entities).toEqual([{ locale: 'fr-FR', country: 'FR', platform: 'Web', timezone: 'Europe/Paris', type: 'clientInfo' }]);
    expect(activity.localTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0[12]:00$/);
    expect(activity.attachments).toBeUndefined();
  });

  it('build a channel message mentioning the bot, a new post or a reply in a thread', () => {
    const post = channelMessage({ text: 'How do I reset my password?', serviceUrl });
    expect(post.text).toBe('<at>TA Forum</at> How do I reset my password?');
    expect(post.conversation).toEqual({ isGroup: true, conversationType: 'channel', tenantId: TENANT_ID, id: `${CHANNEL_ID};messageid=${post.id}` });
    expect(post.entities).toContainEqual({ mentioned: { id: BOT_ID, name: BOT_NAME }, text: '<at>TA Forum</at>', type: 'mention' });
    expect(post.channelData).toMatchObject({ teamsChannelId: CHANNEL_ID, teamsTeamId: TEAM_ID, channel: { id: CHANNEL_ID }, team: { id: TEAM_ID } });
    expect(post.attachments).toEqual([
      {
        contentType: 'text/html',
        content: '<p><span itemtype="http://schema.skype.com/Mention" itemscope="" itemid="0">TA Forum</span>&nbsp;How do I reset my password?</p>',
      },
    ]);
    expect(post.replyToId).toBeUndefined();

    const reply = channelMessage({ text: '<at>TA Forum</at> and also <at>Grace Hopper</at>?', threadId: post.id, mentions: [USER_GRACE], serviceUrl });
    expect(reply.conversation.id).toBe(`${CHANNEL_ID};messageid=${post.id}`);
    expect(Number(reply.id)).toBeGreaterThan(Number(post.id));
    expect((reply.entities as { type: string }[]).map((entity) => entity.type)).toEqual(['mention', 'mention', 'clientInfo']);

    const quiet = channelMessage({ text: 'no mention', mentionBot: false, serviceUrl });
    expect(quiet.text).toBe('no mention');
    expect(quiet.entities).toHaveLength(1);
  });

  it('build membership, installation and card-action activities', () => {
    const added = conversationUpdate({ scope: 'team', membersAdded: [USER_ALAN], serviceUrl });
    expect(added).toMatchObject({ type: 'conversationUpdate', membersAdded: [{ id: USER_ALAN.id, aadObjectId: USER_ALAN.aadObjectId }], conversation: { id: TEAM_ID } });
    expect(added.channelData).toMatchObject({ eventType: 'teamMemberAdded', team: { id: TEAM_ID, name: 'TA Community' } });

    const botAdded = conversationUpdate({ scope: 'team', botAdded: true, from: USER_GRACE, serviceUrl });
    expect(botAdded.membersAdded).toEqual([{ id: BOT_ID }]);
    expect(botAdded.conversation.id).toBe(CHANNEL_ID);
    expect(botAdded.channelData).toMatchObject({ settings: { selectedChannel: { id: CHANNEL_ID } }, eventType: 'teamMemberAdded' });

    const chat = conversationUpdate({ scope: 'groupChat', botAdded: true, serviceUrl });
    expect(chat.conversation).toMatchObject({ conversationType: 'groupChat', id: GROUP_CHAT_ID });
    expect(chat.channelData).toEqual({ tenant: { id: TENANT_ID } });

    const removed = installationUpdate({ action: 'remove', scope: 'team', serviceUrl });
    expect(removed).toMatchObject({ type: 'installationUpdate', action: 'remove', conversation: { id: TEAM_ID } });
    const personalInstall = installationUpdate({ action: 'add', scope: 'personal', from: USER_ADA, serviceUrl });
    expect(personalInstall.conversation).toMatchObject({ conversationType: 'personal', id: USER_ADA.personalConversationId });

    const invoke = actionExecuteInvoke({ verb: 'feedback', data: { helpful: true }, replyToId: '1763700124580', serviceUrl });
    expect(invoke).toMatchObject({
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: '1763700124580',
      value: { action: { type: 'Action.Execute', verb: 'feedback', data: { helpful: true } }, trigger: 'manual' },
    });
    expect(invoke.id).toMatch(/^f:\d{19}$/);

    const submit = actionSubmitMessage({ value: { action: 'vote', choice: '2' }, replyToId: '1763700124581', scope: 'channel', threadId: '1763700310123', serviceUrl });
    expect(submit).toMatchObject({ type: 'message', value: { action: 'vote', choice: '2' }, replyToId: '1763700124581', conversation: { id: THREAD } });
    expect(submit.text).toBeUndefined();
  });
});

/** A bot on a real CloudAdapter in local development mode, answering what the builders send. */
class EchoBot extends TeamsActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      if (context.activity.value !== undefined) {
        await context.sendActivity(`submitted ${JSON.stringify(context.activity.value)}`);
      } else {
        const text = TurnContext.removeRecipientMention(context.activity).trim();
        await context.sendActivity(`echo: ${text}`);
      }
      await next();
    });
    this.onTeamsMembersAddedEvent(async (membersAdded, _teamInfo, context, next) => {
      const page = await TeamsInfo.getPagedMembers(context, 2);
      await context.sendActivity(`welcome ${membersAdded.map((member) => member.id).join(',')}; roster page ${page.members.length}`);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await context.sendActivity('installed');
      await next();
    });
  }

  protected override onAdaptiveCardInvoke(_context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `verb ${invokeValue.action.verb}` }] };
    return Promise.resolve({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card });
  }
}

describe('builders posted to a real CloudAdapter, replies caught by the fake', () => {
  const fake = useFakeBotConnector();
  let server: Server;
  let baseUrl = '';

  beforeAll(async () => {
    // Local development mode: no app id or password, so no request is authenticated and no token sent.
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const bot = new EchoBot();
    const app = express();
    app.post('/api/messages', express.json(), (req, res) => {
      void adapter.process(req, res, (context) => bot.run(context));
    });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  it('replies to a personal message in the personal conversation, without a token', async () => {
    const activity = personalMessage({ text: 'How do I reset my password?', serviceUrl: fake().serviceUrl });
    const response = await postActivity(baseUrl, activity);
    expect(response.status).toBe(200);
    const call = await fake().waitFor((c) => c.method === 'reply');
    expect(call).toMatchObject({ conversationId: USER_ADA.personalConversationId, activityId: activity.id, authorization: undefined });
    expect(call.body).toMatchObject({ type: 'message', text: 'echo: How do I reset my password?', replyToId: activity.id, from: { id: BOT_ID } });
  });

  it('replies to a channel mention in its thread, and to a group chat', async () => {
    const activity = channelMessage({ text: 'Where is the guide?', threadId: '1763700310123', serviceUrl: fake().serviceUrl });
    expect((await postActivity(baseUrl, activity)).status).toBe(200);
    const call = await fake().waitFor((c) => c.method === 'reply');
    expect(call.conversationId).toBe(THREAD);
    expect(call.body.text).toBe('echo: Where is the guide?');

    const chat = groupChatMessage({ text: 'And here?', from: USER_GRACE, serviceUrl: fake().serviceUrl });
    expect((await postActivity(baseUrl, chat)).status).toBe(200);
    const chatCall = await fake().waitFor((c) => c.method === 'reply' && c.conversationId === GROUP_CHAT_ID);
    expect(chatCall.body.text).toBe('echo: And here?');
  });

  it('answers an Action.Execute invoke in the HTTP response, and an Action.Submit with a reply', async () => {
    const invoke = actionExecuteInvoke({ verb: 'feedback', data: { helpful: true }, replyToId: '1763700124580', serviceUrl: fake().serviceUrl });
    const response = await postActivity(baseUrl, invoke);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'verb feedback' }] },
    });

    const submit = actionSubmitMessage({ value: { helpful: 'true' }, replyToId: '1763700124580', serviceUrl: fake().serviceUrl });
    expect((await postActivity(baseUrl, submit)).status).toBe(200);
    const call = await fake().waitFor((c) => c.method === 'reply');
    expect(call.body.text).toBe('submitted {"helpful":"true"}');
  });

  it('welcomes members added to a team, reading the roster from the fake', async () => {
    fake().setMembers(TEAM_ID, [USER_ADA, USER_GRACE, USER_ALAN]);
    fake().setMembersPageSize(2);
    const activity = conversationUpdate({ scope: 'team', membersAdded: [USER_ALAN], from: USER_GRACE, serviceUrl: fake().serviceUrl });
    expect((await postActivity(baseUrl, activity)).status).toBe(200);
    const call = await fake().waitFor((c) => c.method === 'send' || c.method === 'reply');
    expect(call.body.text).toBe(`welcome ${USER_ALAN.id}; roster page 2`);
    expect(fake().callsTo('members')[0]).toMatchObject({ conversationId: TEAM_ID, query: { pageSize: '2' } });

    const install = installationUpdate({ action: 'add', scope: 'team', serviceUrl: fake().serviceUrl });
    expect((await postActivity(baseUrl, install)).status).toBe(200);
    const installed = await fake().waitFor((c) => c.body.text === 'installed');
    expect(installed.conversationId).toBe(CHANNEL_ID);
  });
});
