/**
 * The Slack adapter over HTTP, as Slack drives it: the real Bolt app on the host's port, requests
 * signed (or not) with the signing secret, and the Web API played by a local server that records
 * every call. Nothing inside the process is mocked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../adapters/host/server.ts';
import { SLACK_MAX_BLOCKS, SLACK_SECTION_MAX_CHARS } from '../../../adapters/slack/render.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/log.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { useFakeSlack, type SlackCall } from '../../support/fake-slack.ts';
import {
  BOT_USER_ID,
  SIGNING_SECRET,
  TEAM_ID,
  appHomeOpened,
  appMention,
  blockAction,
  directMessage,
  eventEnvelope,
  memberJoined,
  nowSeconds,
  sendSignedRaw,
  sendToSlack,
  slashCommand,
  urlVerification,
  viewSubmission,
} from '../../support/slack-requests.ts';
import { inboxAttemptFailed, inboxSettled } from '../../support/inbox-settled.ts';
import { openTestStore, pgliteTemplate } from '../../support/pglite-template.ts';

const fake = useFakeSlack();
const QUESTION = 'How does a member state request technical assistance?';

function slackEnv(apiUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    SLACK_ALLOWED_WORKSPACES: TEAM_ID,
    ...extra,
  };
}

async function startSlackHost(store: Store, dataDir: string, env: Record<string, string> = {}): Promise<Host> {
  const config = loadConfig({ TA_FORUM_DATA_DIR: dataDir, ...slackEnv(fake().apiUrl, env) }, { port: 0 });
  return startHost(config, silentLogger(), { store });
}

/** Every text of a Block Kit structure, for checks on what people see. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

function blocksOf(call: SlackCall): Record<string, unknown>[] {
  return (call.body.blocks as Record<string, unknown>[] | undefined) ?? [];
}

/** Slack's limits on one message, checked on what was actually sent. */
function expectWithinLimits(call: SlackCall): void {
  const blocks = blocksOf(call);
  expect(blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
  expect(typeof call.body.text).toBe('string');
  expect((call.body.text as string).length).toBeGreaterThan(0);
  for (const block of blocks) {
    const text = (block.text as { text?: string } | undefined)?.text;
    if (block.type === 'section' && text) expect(text.length).toBeLessThanOrEqual(SLACK_SECTION_MAX_CHARS);
  }
}

describe('Slack adapter over HTTP', () => {
  let store: Store;
  let host: Host;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-slack-'));
    store = await openStore({ engine: 'pglite', dataDir: path.join(dataDir, 'store'), template: pgliteTemplate() });
    host = await startSlackHost(store, dataDir);
  });

  afterAll(async () => {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers Slack’s URL verification', async () => {
    const response = await sendToSlack(host.url, SIGNING_SECRET, 'event', urlVerification('challenge-123'));
    expect(response.status).toBe(200);
    expect(response.body).toContain('challenge-123');
  });

  it('refuses forged, unsigned and stale requests with 401 and does nothing', async () => {
    const envelope = eventEnvelope(appMention({ user: 'U0ALICE', channel: 'C0FORUM', text: QUESTION }));
    for (const options of [{ signature: 'forged' as const }, { signature: 'none' as const }, { timestamp: nowSeconds() - 600 }]) {
      const response = await sendToSlack(host.url, SIGNING_SECRET, 'event', envelope, options);
      expect(response.status).toBe(401);
    }
    await inboxSettled(store.db);
    expect(fake().calls).toEqual([]);
  });

  it('refuses a request signed with a timestamp more than five minutes ahead (Slack’s rule is the absolute difference)', async () => {
    const envelope = eventEnvelope(appMention({ user: 'U0ALICE', channel: 'C0FORUM', text: QUESTION }));
    const ahead = await sendToSlack(host.url, SIGNING_SECRET, 'event', envelope, { timestamp: nowSeconds() + 24 * 3600 });
    expect(ahead.status).toBe(401);
    expect(ahead.body).toBe('');
    await inboxSettled(store.db);
    expect(fake().calls).toEqual([]);
  });

  it('answers 400, not 500, to signed bodies that are not what Slack sends', async () => {
    for (const [body, type] of [
      ['{not json', 'application/json'],
      ['', 'application/json'],
      ['payload=%7Bbroken', 'application/x-www-form-urlencoded'],
      ['payload=%5B1%2C2%5D', 'application/x-www-form-urlencoded'],
      ['\u0000\u0001binary', 'application/octet-stream'],
      ['{"type":"event_callback"}', 'application/json'],
    ] as const) {
      const response = await sendSignedRaw(host.url, SIGNING_SECRET, body, type);
      expect(response.status, `${type}: ${body}`).toBe(400);
      expect(response.body, `${type}: ${body}`).not.toMatch(/at \w+ \(|Error:/);
    }
    await inboxSettled(store.db);
    expect(fake().calls).toEqual([]);
  });

  it('answers a mention in its thread: a “looking it up” message, then updated with the cited answer', async () => {
    const mention = appMention({ user: 'U0ALICE', channel: 'C0FORUM', text: `<@${BOT_USER_ID}> ${QUESTION}` });
    const response = await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(mention));
    expect(response.status).toBe(200);
    const placeholder = await fake().waitFor((c) => c.method === 'chat.postMessage');
    expect(placeholder.token).toBe('xoxb-test-token');
    expect(placeholder.body.channel).toBe('C0FORUM');
    expect(placeholder.body.thread_ts).toBe(mention.ts);
    const update = await fake().waitFor((c) => c.method === 'chat.update');
    expect(update.body.channel).toBe('C0FORUM');
    const postedTs = fake().callsTo('chat.postMessage')[0]?.body;
    expect(postedTs).toBeDefined();
    expectWithinLimits(update);
    const shown = texts(update.body.blocks).join('\n');
    // Sources cited, and the two feedback buttons.
    expect(shown).toMatch(/\.md/);
    const actionIds = blocksOf(update)
      .filter((b) => b.type === 'actions')
      .flatMap((b) => (b.elements as { action_id: string }[]).map((e) => e.action_id));
    expect(actionIds.filter((id) => id.startsWith('qa:feedback#'))).toHaveLength(2);
    // The question was read without the bot's mention.
    const stored = await store.db.selectFrom('questions').select(['question']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(stored.question).toBe(QUESTION);
  });

  it('never answers a redelivered event twice', async () => {
    const envelope = eventEnvelope(appMention({ user: 'U0ALICE', channel: 'C0FORUM', text: QUESTION }));
    expect((await sendToSlack(host.url, SIGNING_SECRET, 'event', envelope)).status).toBe(200);
    await fake().waitFor((c) => c.method === 'chat.update');
    const retried = await sendToSlack(host.url, SIGNING_SECRET, 'event', envelope, { retryNum: 1, retryReason: 'http_timeout' });
    expect(retried.status).toBe(200);
    await inboxSettled(store.db);
    expect(fake().callsTo('chat.postMessage')).toHaveLength(1);
    expect(fake().callsTo('chat.update')).toHaveLength(1);
  });

  it('answers a direct message in the conversation, not in a thread', async () => {
    const message = directMessage({ user: 'U0BOB', channel: 'D0BOB', text: 'help' });
    expect((await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(message))).status).toBe(200);
    const reply = await fake().waitFor((c) => c.method === 'chat.postMessage');
    expect(reply.body.channel).toBe('D0BOB');
    expect(reply.body.thread_ts).toBeUndefined();
    expect(texts(reply.body.blocks).join('\n')).toContain('lang');
    expectWithinLimits(reply);
  });

  it('acknowledges the slash command at once and answers privately through its response_url', async () => {
    const responseUrl = fake().responseUrl('cmd-help');
    const response = await sendToSlack(host.url, SIGNING_SECRET, 'command', slashCommand({ user: 'U0ALICE', channel: 'C0FORUM', text: 'help', responseUrl }));
    expect(response.status).toBe(200);
    const answer = await fake().waitFor((c) => c.method === 'response_url');
    expect(answer.path).toContain('cmd-help');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(texts(answer.body.blocks).join('\n')).toContain('experts');
  });

  it('opens the topic form from the bare command’s menu and takes its submission', async () => {
    const menuUrl = fake().responseUrl('cmd-menu');
    await sendToSlack(host.url, SIGNING_SECRET, 'command', slashCommand({ user: 'U0ALICE', channel: 'C0FORUM', text: '', responseUrl: menuUrl }));
    const menu = await fake().waitFor((c) => c.method === 'response_url');
    const buttons = blocksOf(menu)
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements as { action_id: string; value?: string }[]);
    const topicButton = buttons.find((b) => b.action_id.startsWith('topic:form'));
    expect(topicButton).toBeDefined();
    expect(buttons.some((b) => b.action_id.startsWith('poll:form'))).toBe(true);

    const click = blockAction({ user: 'U0ALICE', channel: 'C0FORUM', messageTs: '1763700000.000100', actionId: topicButton?.action_id ?? '', value: '' });
    expect((await sendToSlack(host.url, SIGNING_SECRET, 'interaction', click)).status).toBe(200);
    const opened = await fake().waitFor((c) => c.method === 'views.open');
    expect(opened.body.trigger_id).toBe(click.trigger_id);
    const view = opened.body.view as { callback_id: string; blocks: { block_id: string }[] };
    expect(view.callback_id).toBe('topic:propose');
    expect(view.blocks.map((b) => b.block_id)).toEqual(['title', 'description']);

    const submission = viewSubmission({
      user: 'U0ALICE',
      callbackId: 'topic:propose',
      privateMetadata: '',
      values: { title: 'Measuring impact', description: 'How do you evaluate a programme a year later?' },
    });
    expect((await sendToSlack(host.url, SIGNING_SECRET, 'interaction', submission)).status).toBe(200);
    // The proposal is stored for the moderators; the person is told, in their messages with the bot.
    const told = await fake().waitFor((c) => c.method === 'chat.postMessage');
    expect(told.body.channel).toBe('U0ALICE');
    const stored = await store.db.selectFrom('topics').selectAll().where('title', '=', 'Measuring impact').executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'proposed', description: 'How do you evaluate a programme a year later?', author: 'slack:U0ALICE' });
    expect(texts(told.body.blocks).join('\n')).toContain(`#${stored.id}`);
  });

  it('stores a click on “helpful” under the answer', async () => {
    const mention = appMention({ user: 'U0CAROL', channel: 'C0FORUM', text: QUESTION });
    await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(mention));
    const update = await fake().waitFor((c) => c.method === 'chat.update');
    const helpful = blocksOf(update)
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements as { action_id: string; value: string }[])
      .find((b) => b.action_id.startsWith('qa:feedback') && b.value.endsWith(':1'));
    expect(helpful).toBeDefined();
    const click = blockAction({
      user: 'U0CAROL',
      channel: 'C0FORUM',
      messageTs: String(update.body.ts),
      threadTs: mention.ts,
      actionId: helpful?.action_id ?? '',
      value: helpful?.value ?? '',
    });
    expect((await sendToSlack(host.url, SIGNING_SECRET, 'interaction', click)).status).toBe(200);
    const questionId = (helpful?.value ?? '').split(':')[0] ?? '';
    // The person is thanked privately, under the answer.
    const thanks = await fake().waitFor((c) => c.method === 'chat.postEphemeral');
    expect(thanks.body.user).toBe('U0CAROL');
    expect(thanks.body.thread_ts).toBe(mention.ts);
    await expect
      .poll(async () => (await store.db.selectFrom('answer_feedback').selectAll().where('question_id', '=', questionId).execute()).length)
      .toBe(1);
  });

  it('welcomes a member who joins, privately and in the language Slack reports for them', async () => {
    fake().setUser('U0JEAN', { name: 'jean', locale: 'fr-FR' });
    await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(memberJoined({ user: 'U0JEAN', channel: 'C0FORUM' })));
    const welcome = await fake().waitFor((c) => c.method === 'chat.postEphemeral');
    expect(welcome.body.user).toBe('U0JEAN');
    expect(welcome.body.channel).toBe('C0FORUM');
    expect(String(fake().callsTo('users.info')[0]?.body.include_locale)).toBe('true');
    expect(texts(welcome.body.blocks).join('\n')).toMatch(/forum/i);
    expect(String(welcome.body.text)).toMatch(/Bienvenue|bienvenue/);
  });

  it('greets the channel it is added to', async () => {
    await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(memberJoined({ user: BOT_USER_ID, channel: 'C0NEW' })));
    const hello = await fake().waitFor((c) => c.method === 'chat.postMessage');
    expect(hello.body.channel).toBe('C0NEW');
    expect(fake().callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('publishes the App Home, and a language chosen there shows at once', async () => {
    await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(appHomeOpened({ user: 'U0DANA' })));
    const home = await fake().waitFor((c) => c.method === 'views.publish');
    expect(home.body.user_id).toBe('U0DANA');
    const view = home.body.view as { type: string; blocks: Record<string, unknown>[] };
    expect(view.type).toBe('home');
    const spanish = view.blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements as { action_id: string; value: string }[])
      .find((b) => b.action_id.startsWith('lang:set') && b.value === 'es');
    expect(spanish).toBeDefined();
    const click = {
      ...blockAction({ user: 'U0DANA', channel: 'D0DANA', messageTs: '0', actionId: spanish?.action_id ?? '', value: 'es' }),
      container: { type: 'view', view_id: 'V0HOME' },
      channel: undefined,
      message: undefined,
      view: { id: 'V0HOME', type: 'home' },
    };
    expect((await sendToSlack(host.url, SIGNING_SECRET, 'interaction', click)).status).toBe(200);
    const republished = await fake().waitFor((c) => c.method === 'views.publish' && c !== home);
    expect(texts(republished.body.view).join('\n')).toMatch(/Español/);
    const confirmation = await fake().waitFor((c) => c.method === 'chat.postMessage');
    expect(confirmation.body.channel).toBe('U0DANA');
  });

  it('changes the language picker in place when a language is clicked on it', async () => {
    await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(directMessage({ user: 'U0FRED', channel: 'D0FRED', text: 'lang' })));
    const picker = await fake().waitFor((c) => c.method === 'chat.postMessage');
    const button = blocksOf(picker)
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements as { action_id: string; value: string }[])
      .find((b) => b.value === 'fr');
    expect(button).toBeDefined();
    // Slack sends the clicked message's ts with the click: the bot updates that message.
    const click = blockAction({ user: 'U0FRED', channel: 'D0FRED', messageTs: '1763700000.000200', actionId: button?.action_id ?? '', value: 'fr' });
    await sendToSlack(host.url, SIGNING_SECRET, 'interaction', click);
    const update = await fake().waitFor((c) => c.method === 'chat.update');
    expect(update.body.channel).toBe('D0FRED');
    expect(update.body.ts).toBe(click.container.message_ts);
    expect(texts(update.body.blocks).join('\n')).toContain('Français');
    expect(fake().callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('refuses, privately, a person from a workspace the forum does not serve', async () => {
    const mention = appMention({ user: 'U0EVE', channel: 'C0OTHER', text: QUESTION, teamId: 'T0OUTSIDE' });
    await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(mention, { teamId: 'T0OUTSIDE' }));
    const refusal = await fake().waitFor((c) => c.method === 'chat.postEphemeral');
    expect(refusal.body.user).toBe('U0EVE');
    await inboxSettled(store.db);
    expect(fake().callsTo('chat.update')).toHaveLength(0);
  });

  it('waits out a rate limit (Retry-After) and still answers', async () => {
    fake().fail('chat.postMessage', { status: 429, retryAfter: 1 });
    await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(directMessage({ user: 'U0BOB', channel: 'D0BOB', text: 'help' })));
    const delivered = await fake().waitFor((c) => c.method === 'chat.postMessage' && !c.failed, 10_000);
    const attempts = fake().callsTo('chat.postMessage');
    expect(attempts[0]?.failed).toBe(true);
    expect(delivered.at - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it('keeps serving after a Web API error', async () => {
    fake().fail('chat.postMessage', { error: 'channel_not_found' }, { error: 'channel_not_found' });
    await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(directMessage({ user: 'U0BOB', channel: 'D0GONE', text: 'help' })));
    await fake().waitFor((c) => c.method === 'chat.postMessage' && c.failed === true);
    await inboxAttemptFailed(store.db);
    await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(directMessage({ user: 'U0BOB', channel: 'D0BOB', text: 'help' })));
    const ok = await fake().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0BOB' && !c.failed);
    expect(ok.body.channel).toBe('D0BOB');
  });
});

describe('Slack adapter across a restart', () => {
  it('does not answer an event redelivered after the bot restarted', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-slack-restart-'));
    try {
      const storeDir = path.join(dataDir, 'store');
      const envelope = eventEnvelope(directMessage({ user: 'U0BOB', channel: 'D0BOB', text: 'help' }));
      let host = await startSlackHost(await openStore({ engine: 'pglite', dataDir: storeDir, template: pgliteTemplate() }), dataDir);
      await sendToSlack(host.url, SIGNING_SECRET, 'event', envelope);
      await fake().waitFor((c) => c.method === 'chat.postMessage');
      await host.close();
      host = await startSlackHost(await openStore({ engine: 'pglite', dataDir: storeDir, template: pgliteTemplate() }), dataDir);
      try {
        const retried = await sendToSlack(host.url, SIGNING_SECRET, 'event', envelope, { retryNum: 2, retryReason: 'http_timeout' });
        expect(retried.status).toBe(200);
        await inboxSettled(host.app.services.store.db);
        expect(fake().callsTo('chat.postMessage')).toHaveLength(1);
      } finally {
        await host.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('Slack configuration', () => {
  it('stops the start with a clear message when Slack refuses the bot token', async () => {
    fake().fail('auth.test', { error: 'invalid_auth' });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-slack-auth-'));
    const store = await openTestStore();
    try {
      await expect(startSlackHost(store, dataDir)).rejects.toThrow(/SLACK_BOT_TOKEN/);
    } finally {
      await store.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
