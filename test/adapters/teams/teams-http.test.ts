/**
 * The Teams adapter over HTTP, as Teams drives it: botbuilder's real CloudAdapter behind the host's
 * `/api/messages` (local development mode: no tokens), activities posted as Teams posts them, and
 * the Bot Connector played by a local server that records every reply, update and post.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../adapters/host/server.ts';
import { TEAMS_CARD_MAX_BYTES } from '../../../adapters/teams/render.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/log.ts';
import { findConversation } from '../../../src/store/conversations.ts';
import { type Store } from '../../../src/store/index.ts';
import { adaptiveCardProblems } from '../../support/adaptive-cards.ts';
import { useFakeBotConnector, type ConnectorCall } from '../../support/fake-bot-connector.ts';
import {
  CHANNEL_ID,
  TENANT_ID,
  USER_ADA,
  USER_CAMILLE,
  USER_GRACE,
  actionExecuteInvoke,
  channelMessage,
  conversationUpdate,
  groupChatMessage,
  installationUpdate,
  personalConversationIdFor,
  personalMessage,
  postActivity,
} from '../../support/teams-activities.ts';
import { openTestStore } from '../../support/pglite-template.ts';

const connector = useFakeBotConnector();
const QUESTION = 'How does a member state request technical assistance?';

interface CardAttachment {
  contentType: string;
  content: { type: string; version: string; body: unknown[]; actions?: unknown[] };
}

function cardOf(call: ConnectorCall): CardAttachment['content'] {
  const attachments = (call.body as { attachments?: CardAttachment[] }).attachments ?? [];
  expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachments[0]?.content as CardAttachment['content'];
}

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

/** Checks a card with the adaptivecards library (what Teams renders with), and its size. */
function expectValidCard(card: unknown): void {
  expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
  expect(adaptiveCardProblems(card)).toEqual([]);
}


describe('Teams adapter over HTTP (local development mode)', () => {
  let store: Store;
  let host: Host;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-teams-'));
    store = await openTestStore();
    const config = loadConfig({ HOST: '127.0.0.1', TA_FORUM_DATA_DIR: dataDir, TEAMS_ALLOWED_TENANTS: TENANT_ID }, { port: 0 });
    host = await startHost(config, silentLogger(), { store });
  });

  afterAll(async () => {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a personal message with an Adaptive Card, in the conversation', async () => {
    const activity = personalMessage({ text: 'help', serviceUrl: connector().serviceUrl, from: USER_ADA });
    const response = await postActivity(host.url, activity);
    expect(response.status).toBeLessThan(300);
    const reply = await connector().waitFor((c) => c.method === 'reply' || c.method === 'send');
    expect(reply.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(reply.authorization).toBeUndefined();
    const card = cardOf(reply);
    expect(card.version).toBe('1.5');
    expectValidCard(card);
    expect(texts(card).join('\n')).toContain('experts');
    expect(typeof (reply.body as { summary?: string }).summary).toBe('string');
  });

  it('answers a channel mention in its thread: “looking it up”, then the cited answer in place', async () => {
    const activity = channelMessage({ text: QUESTION, serviceUrl: connector().serviceUrl, from: USER_ADA, mentionBot: true });
    await postActivity(host.url, activity);
    const thinking = await connector().waitFor((c) => c.method === 'reply' || c.method === 'send');
    const threadConversation = (activity.conversation as { id: string }).id;
    expect(threadConversation).toContain(';messageid=');
    expect(thinking.conversationId).toBe(threadConversation);
    const update = await connector().waitFor((c) => c.method === 'update');
    expect(update.conversationId).toBe(threadConversation);
    const card = cardOf(update);
    expectValidCard(card);
    expect(texts(card).join('\n')).toMatch(/\.md/);
    const verbs = JSON.stringify(card).match(/"verb":"qa:feedback"/g) ?? [];
    expect(verbs.length).toBeGreaterThanOrEqual(2);
    const stored = await store.db.selectFrom('questions').select(['question']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(stored.question).toBe(QUESTION);
  });

  it('takes an Action.Execute click: stored, and answered in the invoke response', async () => {
    const question = await store.db.selectFrom('questions').select(['id']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const invoke = actionExecuteInvoke({
      verb: 'qa:feedback',
      data: { actionId: 'qa:feedback', value: `${question.id}:1` },
      replyToId: '1763700000000',
      serviceUrl: connector().serviceUrl,
      from: USER_ADA,
      scope: 'channel',
    });
    const response = await postActivity(host.url, invoke);
    expect(response.status).toBe(200);
    const body = response.json as { statusCode: number; type: string; value: string };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(body.value.length).toBeGreaterThan(0);
    const feedback = await store.db.selectFrom('answer_feedback').selectAll().where('question_id', '=', question.id).execute();
    expect(feedback.map((f) => f.helpful)).toEqual([true]);
    // Nothing else was posted: the thanks travelled in the invoke response.
    expect(connector().posted()).toHaveLength(0);
  });

  it('refreshes the clicked card in place: a language chosen on the picker', async () => {
    const pickerId = connector().peekNextActivityId();
    await postActivity(host.url, personalMessage({ text: 'lang', serviceUrl: connector().serviceUrl, from: USER_GRACE }));
    await connector().waitFor((c) => c.method === 'reply' || c.method === 'send');
    const posted = connector().posted().length;
    const invoke = actionExecuteInvoke({
      verb: 'lang:set',
      data: { actionId: 'lang:set', value: 'fr' },
      replyToId: pickerId,
      serviceUrl: connector().serviceUrl,
      from: USER_GRACE,
      scope: 'personal',
    });
    const response = await postActivity(host.url, invoke);
    expect(response.status).toBe(200);
    const body = response.json as { statusCode: number; type: string; value: { type: string; lang?: string } };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expectValidCard(body.value);
    expect(body.value.lang).toBe('fr');
    expect(texts(body.value).join('\n')).toContain('Français');
    expect(connector().posted()).toHaveLength(posted);
    expect(connector().callsTo('update')).toHaveLength(0);
  });

  /** The `lang:set` values of a card's buttons. */
  function langButtons(card: CardAttachment['content']): string[] {
    return (JSON.stringify(card).match(/"actionId":"lang:set","value":"[a-z]+"/g) ?? []).map((m) => m.slice(m.lastIndexOf(':') + 2, -1));
  }

  it.each([
    ['personal', (id: string) => id === personalConversationIdFor(USER_GRACE.id)],
    ['channel', (id: string) => id.startsWith('a:')],
  ] as const)('sends the language picker opened by a card button (%s) as a card with its buttons, in the 1:1 chat', async (scope, inPersonalChat) => {
    if (scope === 'channel') connector().reset();
    const invoke = actionExecuteInvoke({
      verb: 'lang:set',
      data: { actionId: 'lang:set', value: '' },
      replyToId: '1763700000001',
      serviceUrl: connector().serviceUrl,
      from: USER_GRACE,
      scope,
    });
    const response = await postActivity(host.url, invoke);
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.json)).not.toContain('[English]');
    const sent = await connector().waitFor((c) => (c.method === 'send' || c.method === 'reply') && (c.body.attachments?.length ?? 0) > 0);
    expect(inPersonalChat(sent.conversationId)).toBe(true);
    const card = cardOf(sent);
    expectValidCard(card);
    expect(langButtons(card).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
  });

  it('answers a question in a group chat when mentioned, and help privately in the 1:1 chat', async () => {
    const question = groupChatMessage({ text: QUESTION, serviceUrl: connector().serviceUrl, from: USER_ADA, mentionBot: true });
    await postActivity(host.url, question);
    const reply = await connector().waitFor((c) => c.method === 'reply' || c.method === 'send');
    expect(reply.conversationId).toBe((question.conversation as { id: string }).id);
    expectValidCard(cardOf(await connector().waitFor((c) => c.method === 'update')));
    connector().reset();
    await postActivity(host.url, groupChatMessage({ text: 'help', serviceUrl: connector().serviceUrl, from: USER_ADA, mentionBot: true }));
    await connector().waitFor((c) => c.method === 'createConversation');
    const help = await connector().waitFor((c) => c.method === 'send' || c.method === 'reply');
    expect(help.conversationId.startsWith('a:')).toBe(true);
  });

  it('stores the conversation when installed, welcomes it, and posts to it proactively later', async () => {
    const added = conversationUpdate({ scope: 'team', botAdded: true, serviceUrl: connector().serviceUrl, from: USER_ADA });
    await postActivity(host.url, added);
    const welcome = await connector().waitFor((c) => c.method === 'reply' || c.method === 'send');
    expectValidCard(cardOf(welcome));
    const teamConversation = ((added.conversation as { id: string }).id.split(';')[0]) as string;
    const stored = await findConversation(store.db, 'teams', teamConversation);
    expect(stored?.active).toBe(true);
    expect(JSON.parse(stored?.reference ?? '{}')).toMatchObject({ serviceUrl: connector().serviceUrl });

    const { connectTeams } = await import('../../../adapters/teams/app.ts');
    const appLike = host.app;
    const teams = connectTeams(appLike, appLike.services.config.teams, silentLogger());
    const conversation = { platform: 'teams' as const, workspaceId: TENANT_ID, channelId: teamConversation, kind: 'channel' as const };
    const ref = await teams.postProactive(conversation, { blocks: [{ type: 'header', text: 'This week’s topic' }, { type: 'text', text: 'Measuring impact' }] });
    const post = await connector().waitFor((c) => texts(c.body).join(' ').includes('Measuring impact'));
    expect(post.method).toBe('send');
    expect(post.conversationId).toBe(teamConversation);
    expect(ref.messageId).toBe(post.body.id ?? ref.messageId);

    // Removed from the team (Teams answers 403): the conversation is marked inactive, posts stop.
    connector().fail('send', { status: 403, code: 'BotNotInConversationRoster' });
    await expect(teams.postProactive(conversation, { blocks: [{ type: 'text', text: 'again' }] })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await findConversation(store.db, 'teams', teamConversation))?.active).toBe(false);
    await expect(teams.postProactive(conversation, { blocks: [{ type: 'text', text: 'once more' }] })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('marks the conversation inactive when the app is uninstalled', async () => {
    const add = installationUpdate({ action: 'add', scope: 'team', serviceUrl: connector().serviceUrl, from: USER_ADA });
    await postActivity(host.url, add);
    const id = ((add.conversation as { id: string }).id.split(';')[0]) as string;
    expect((await findConversation(store.db, 'teams', id))?.active).toBe(true);
    await postActivity(host.url, installationUpdate({ action: 'remove', scope: 'team', serviceUrl: connector().serviceUrl, from: USER_ADA }));
    expect((await findConversation(store.db, 'teams', id))?.active).toBe(false);
  });

  it('welcomes a member who joins, privately in a 1:1 chat, in their language', async () => {
    const joined = conversationUpdate({ scope: 'team', membersAdded: [USER_CAMILLE], serviceUrl: connector().serviceUrl, from: USER_ADA });
    await postActivity(host.url, joined);
    const created = await connector().waitFor((c) => c.method === 'createConversation');
    expect(JSON.stringify(created.body)).toContain(USER_CAMILLE.id);
    const welcome = await connector().waitFor((c) => c.method === 'send' || c.method === 'reply');
    expect(welcome.conversationId).not.toContain(CHANNEL_ID);
    expectValidCard(cardOf(welcome));
  });

  it('answers bad requests with a clear 400, never a stack trace', async () => {
    const empty = await postActivity(host.url, {});
    expect(empty.status).toBe(400);
    expect(empty.json).toMatchObject({ error: 'bad_request' });
    const garbage = await fetch(`${host.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(garbage.status).toBe(400);
    const text = await garbage.text();
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
    expect(JSON.parse(text)).toMatchObject({ error: 'bad_request' });
    expect(connector().posted()).toHaveLength(0);
  });

  it('never answers a redelivered activity twice', async () => {
    const activity = personalMessage({ text: 'help', serviceUrl: connector().serviceUrl, from: USER_ADA });
    await postActivity(host.url, activity);
    await connector().waitFor((c) => c.method === 'reply' || c.method === 'send');
    await postActivity(host.url, activity);
    expect(connector().posted()).toHaveLength(1);
  });

  it('refuses, in a private answer, a person from a tenant the forum does not serve', async () => {
    const activity = personalMessage({ text: QUESTION, serviceUrl: connector().serviceUrl, from: USER_ADA, tenantId: '00000000-0000-0000-0000-00000000beef' });
    await postActivity(host.url, activity);
    const refusal = await connector().waitFor((c) => c.method === 'reply' || c.method === 'send');
    expect(texts(refusal.body).join(' ').length).toBeGreaterThan(0);
    expect(connector().callsTo('update')).toHaveLength(0);
    expect(await store.db.selectFrom('questions').select(['id']).where('question', '=', QUESTION).where('workspace_id', '=', '00000000-0000-0000-0000-00000000beef').execute()).toEqual([]);
  });

});

/** An address of this machine other than loopback, to call it as another machine would. */
const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
if (!outsideAddress) console.warn('Teams loopback guard test skipped: this machine has no non-loopback IPv4 address');

describe.skipIf(!outsideAddress)('Teams local development mode', () => {
  it('accepts requests from this machine only', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-teams-dev-'));
    const store = await openTestStore();
    const host = await startHost(loadConfig({ HOST: '0.0.0.0', TA_FORUM_DATA_DIR: dataDir, TEAMS_ALLOWED_TENANTS: TENANT_ID }, { port: 0 }), silentLogger(), { store });
    try {
      const port = new URL(host.url).port;
      const activity = personalMessage({ text: 'help', serviceUrl: connector().serviceUrl, from: USER_ADA });
      const outside = await postActivity(`http://${outsideAddress}:${port}`, activity);
      expect(outside.status).toBe(403);
      expect(outside.body).toMatch(/this machine/);
      expect(connector().posted()).toHaveLength(0);
      expect((await postActivity(`http://127.0.0.1:${port}`, activity)).status).toBeLessThan(300);
    } finally {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('Teams adapter with an app id', () => {
  it('refuses a request without a valid token (the SDK’s authentication)', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-teams-auth-'));
    const store = await openTestStore();
    const config = loadConfig(
      {
        HOST: '127.0.0.1',
        TA_FORUM_DATA_DIR: dataDir,
        TEAMS_ALLOWED_TENANTS: TENANT_ID,
        MICROSOFT_APP_ID: '0f8fad5b-d9cb-469f-a165-70867728950e',
        MICROSOFT_APP_PASSWORD: 'secret',
      },
      { port: 0 },
    );
    const host = await startHost(config, silentLogger(), { store });
    const fake = connector();
    try {
      const activity = personalMessage({ text: 'help', serviceUrl: fake.serviceUrl, from: USER_ADA });
      expect((await postActivity(host.url, activity)).status).toBe(401);
      expect((await postActivity(host.url, activity, { authorization: 'Bearer not-a-token' })).status).toBe(401);
      // A well-formed token, signed by nobody: the SDK fetches the issuer's keys (unreachable here)
      // and fails; the answer is still 401, with nothing of that failure in it.
      const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const forged = [
        b64({ alg: 'RS256', typ: 'JWT', kid: 'forged-key' }),
        b64({ iss: 'https://api.botframework.com', aud: '0f8fad5b-d9cb-469f-a165-70867728950e', serviceurl: fake.serviceUrl, nbf: now - 60, exp: now + 3600 }),
        Buffer.from('not a signature').toString('base64url'),
      ].join('.');
      const refused = await postActivity(host.url, activity, { authorization: `Bearer ${forged}` });
      expect(refused.status).toBe(401);
      expect(refused.body).toBe('');
      expect(fake.posted()).toHaveLength(0);
    } finally {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
