/**
 * The Slack adapter over Socket Mode, as Slack drives it: the real host and Bolt app with an
 * app-level token and no signing secret, `apps.connections.open` and the WebSocket played by
 * `fake-slack-socket.ts`, the rest of the Web API by the recording fake. Nothing inside the process
 * is mocked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../adapters/host/server.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/log.ts';
import { useFakeSlack } from '../../support/fake-slack.ts';
import { globalShortcut } from '../../support/slack/interactions.ts';
import { startFakeSlackSocket, type FakeSlackSocket } from '../../support/fake-slack-socket.ts';
import { BOT_USER_ID, SIGNING_SECRET, TEAM_ID, appMention, blockAction, directMessage, eventEnvelope, sendToSlack, slashCommand } from '../../support/slack-requests.ts';
import { inboxSettled } from '../../support/inbox-settled.ts';
import { openTestStore } from '../../support/pglite-template.ts';

const fake = useFakeSlack();
const QUESTION = 'How does a member state request technical assistance?';
const BOT_TOKEN = 'xoxb-test-token';
const APP_TOKEN = 'xapp-test';

function socketEnv(apiUrl: string, dataDir: string): Record<string, string> {
  return {
    HOST: '127.0.0.1',
    TA_FORUM_DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: apiUrl,
    SLACK_ALLOWED_WORKSPACES: TEAM_ID,
  };
}

/** Every text of a Block Kit structure. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

describe('Slack configuration for Socket Mode', () => {
  it('needs no signing secret when an app-level token is set', () => {
    const config = loadConfig(socketEnv('http://127.0.0.1:9/api/', tmpdir()), { port: 0 });
    expect(config.slack?.appToken).toBe(APP_TOKEN);
    expect(config.slack?.signingSecret).toBeUndefined();
    const withoutAppToken = socketEnv('http://127.0.0.1:9/api/', tmpdir());
    delete withoutAppToken.SLACK_APP_TOKEN;
    expect(() => loadConfig(withoutAppToken, { port: 0 })).toThrow(/SLACK_SIGNING_SECRET/);
  });
});

describe('Slack adapter over Socket Mode', () => {
  let socket: FakeSlackSocket;
  let host: Host;
  let dataDir: string;

  async function startSocketHost(): Promise<Host> {
    const store = await openTestStore();
    return startHost(loadConfig(socketEnv(socket.apiUrl, dataDir), { port: 0 }), silentLogger(), { store });
  }

  beforeAll(async () => {
    socket = await startFakeSlackSocket({ forwardTo: fake().apiUrl });
    dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-slack-socket-'));
    host = await startSocketHost();
  });

  afterAll(async () => {
    await host?.close();
    await socket?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('connects at start: apps.connections.open with the app token, then one WebSocket greeted with hello', () => {
    expect(socket.appTokens).toEqual([APP_TOKEN]);
    expect(socket.connections).toBe(1);
    expect(socket.hellos).toBe(1);
  });

  it('acknowledges a mention’s envelope at once, then answers in its thread', async () => {
    const mention = appMention({ user: 'U0ALICE', channel: 'C0FORUM', text: `<@${BOT_USER_ID}> ${QUESTION}` });
    const started = Date.now();
    const ack = await socket.send('events_api', eventEnvelope(mention), { envelopeId: 'env-mention-1' });
    expect(ack.envelope_id).toBe('env-mention-1');
    expect(Date.now() - started).toBeLessThan(3000);

    const placeholder = await fake().waitFor((c) => c.method === 'chat.postMessage');
    expect(placeholder.token).toBe(BOT_TOKEN);
    expect(placeholder.body.channel).toBe('C0FORUM');
    expect(placeholder.body.thread_ts).toBe(mention.ts);
    const update = await fake().waitFor((c) => c.method === 'chat.update', 15_000);
    expect(update.token).toBe(BOT_TOKEN);
    expect(update.body.channel).toBe('C0FORUM');
    expect(typeof update.body.ts).toBe('string');
    // Sources cited.
    expect(texts(update.body.blocks).join('\n')).toMatch(/\.md/);
  });

  it('acknowledges a slash command’s envelope and answers privately through its response_url', async () => {
    const responseUrl = fake().responseUrl('socket-cmd-help');
    const command = slashCommand({ user: 'U0ALICE', channel: 'C0FORUM', text: 'help', responseUrl });
    const ack = await socket.send('slash_commands', command, { envelopeId: 'env-command-1' });
    expect(ack.envelope_id).toBe('env-command-1');
    const answer = await fake().waitFor((c) => c.method === 'response_url');
    expect(answer.path).toBe('/response_url/socket-cmd-help');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(texts(answer.body.blocks).join('\n')).toContain('experts');
  });

  it('acknowledges an interaction’s envelope and opens the form it asks for', async () => {
    const menuUrl = fake().responseUrl('socket-cmd-menu');
    await socket.send('slash_commands', slashCommand({ user: 'U0ALICE', channel: 'C0FORUM', text: '', responseUrl: menuUrl }));
    const menu = await fake().waitFor((c) => c.method === 'response_url');
    const topicButton = ((menu.body.blocks as { type: string; elements?: { action_id: string }[] }[] | undefined) ?? [])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? [])
      .find((b) => b.action_id.startsWith('topic:form'));
    expect(topicButton).toBeDefined();
    const click = blockAction({ user: 'U0ALICE', channel: 'C0FORUM', messageTs: '1763700000.000100', actionId: topicButton?.action_id ?? '', value: '' });
    const ack = await socket.send('interactive', click, { envelopeId: 'env-click-1' });
    expect(ack.envelope_id).toBe('env-click-1');
    const opened = await fake().waitFor((c) => c.method === 'views.open');
    expect(opened.body.trigger_id).toBe(click.trigger_id);
    expect((opened.body.view as { callback_id?: string }).callback_id).toBe('topic:propose');
  });

  it('acknowledges an interaction no listener takes (an undeclared shortcut) instead of leaving it to time out', async () => {
    const before = fake().calls.length;
    const ack = await socket.send('interactive', globalShortcut({ user: 'U0ALICE', callbackId: 'undeclared_shortcut' }), { envelopeId: 'env-unhandled-1' });
    expect(ack.envelope_id).toBe('env-unhandled-1');
    await inboxSettled(host.app.services.store.db);
    expect(fake().calls).toHaveLength(before);
  });

  it('never answers a redelivered envelope twice', async () => {
    const envelope = eventEnvelope(directMessage({ user: 'U0BOB', channel: 'D0BOB', text: 'help' }));
    await socket.send('events_api', envelope);
    const reply = await fake().waitFor((c) => c.method === 'chat.postMessage');
    expect(reply.body.channel).toBe('D0BOB');
    expect(reply.body.thread_ts).toBeUndefined();
    const retried = await socket.send('events_api', envelope, { envelopeId: 'env-retry-1', retryAttempt: 1, retryReason: 'timeout' });
    expect(retried.envelope_id).toBe('env-retry-1');
    await inboxSettled(host.app.services.store.db);
    expect(fake().callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('does not serve /slack/events over HTTP', async () => {
    const response = await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(appMention({ user: 'U0ALICE', channel: 'C0FORUM', text: QUESTION })));
    expect(response.status).toBe(404);
    await inboxSettled(host.app.services.store.db);
    expect(fake().calls).toEqual([]);
  });

  it('reconnects when Slack asks it to, and keeps answering on the new connection', async () => {
    socket.requestReconnect();
    // The client waits its ping timeout (5 s) before it reconnects.
    await expect.poll(() => socket.hellos, { timeout: 10_000, interval: 100 }).toBe(2);
    expect(socket.connections).toBe(1);
    expect(socket.closeCodes).toEqual([1000]);
    expect(socket.appTokens).toEqual([APP_TOKEN, APP_TOKEN]);
    // Acknowledged on the new connection (send resolves with the acknowledgement of its envelope), then answered.
    await socket.send('slash_commands', slashCommand({ user: 'U0ALICE', channel: 'C0FORUM', text: 'help', responseUrl: fake().responseUrl('after-reconnect') }));
    const answer = await fake().waitFor((c) => c.method === 'response_url');
    expect(answer.path).toBe('/response_url/after-reconnect');
  });

  it('stops the start with a clear message when Slack refuses the app token', async () => {
    socket.failOpen('invalid_auth');
    await expect(startSocketHost()).rejects.toThrow(/SLACK_APP_TOKEN/);
    // The first host is still connected, and the refused one opened no connection.
    expect(socket.connections).toBe(1);
  });

  it('closes its WebSocket when the host stops', async () => {
    expect(socket.connections).toBe(1);
    await host.close();
    await expect.poll(() => socket.connections, { timeout: 5000 }).toBe(0);
    expect(socket.closeCodes).toEqual([1000, 1000]);
  });
});
