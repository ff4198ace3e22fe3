import { verifySlackRequest } from '@slack/bolt';
import { LogLevel, WebClient, type WebClientOptions } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { FILE_UPLOAD, useFakeSlack } from '../../support/fake-slack.ts';
import {
  appMention,
  blockAction,
  BOT_USER_ID,
  channelMessage,
  eventEnvelope,
  loadSlackFixture,
  messageShortcut,
  nowSeconds,
  SIGNING_SECRET,
  signSlackBody,
  slackRequestBody,
  slashCommand,
  viewSubmission,
} from '../../support/slack-requests.ts';

const BOT_TOKEN = 'xoxb-0001-test-token';

describe('fake Slack Web API', () => {
  const fake = useFakeSlack();
  const client = (options: WebClientOptions = {}) => new WebClient(BOT_TOKEN, { slackApiUrl: fake().apiUrl, logLevel: LogLevel.ERROR, ...options });

  it('records chat.postMessage with its token and parsed blocks, and answers like Slack', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Hello*' } }];
    const reply = await client().chat.postMessage({ channel: 'C024BE91L', text: 'Hello', blocks, thread_ts: '1763700123.000200' });

    expect(reply.ok).toBe(true);
    expect(reply.channel).toBe('C024BE91L');
    expect(reply.message).toMatchObject({ type: 'message', text: 'Hello', user: BOT_USER_ID, ts: reply.ts, thread_ts: '1763700123.000200' });
    const [call] = fake().callsTo('chat.postMessage');
    expect(call).toMatchObject({ method: 'chat.postMessage', token: BOT_TOKEN, body: { channel: 'C024BE91L', text: 'Hello', blocks } });
    expect(call?.failed).toBeUndefined();
  });

  it('gives each message a new, increasing ts', async () => {
    const web = client();
    const first = await web.chat.postMessage({ channel: 'C1', text: 'one' });
    const second = await web.chat.postMessage({ channel: 'C1', text: 'two' });
    const ephemeral = await web.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'three' });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(Number(ephemeral.message_ts)).toBeGreaterThan(Number(second.ts));
  });

  it('answers auth.test, views and users.info (locale only when asked, as Slack does)', async () => {
    const web = client();
    expect(await web.auth.test()).toMatchObject({ ok: true, user_id: BOT_USER_ID, bot_id: 'B0BOT', team_id: 'T0001' });
    const view = { type: 'modal' as const, callback_id: 'ask', title: { type: 'plain_text' as const, text: 'Ask' }, blocks: [] };
    const opened = await web.views.open({ trigger_id: '1.2.3', view });
    expect(opened.view).toMatchObject({ callback_id: 'ask', type: 'modal' });
    expect(opened.view?.id).toMatch(/^V/);
    expect(fake().callsTo('views.open')[0]?.body.view).toEqual(view);

    fake().setUser('U061F7AUR', { locale: 'fr-FR', name: 'ada' });
    const withLocale = await web.users.info({ user: 'U061F7AUR', include_locale: true });
    expect(withLocale.user).toMatchObject({ id: 'U061F7AUR', name: 'ada', locale: 'fr-FR', is_bot: false });
    const withoutLocale = await web.users.info({ user: 'U061F7AUR' });
    expect(withoutLocale.user?.locale).toBeUndefined();
    expect((await web.users.info({ user: 'U0OTHER', include_locale: true })).user?.locale).toBe('en-US');
  });

  it('returns every member across pages when the limit is smaller than the list', async () => {
    const ids = ['U1', 'U2', 'U3', 'U4', 'U5'];
    fake().setMembers('C024BE91L', ids);
    const seen: string[] = [];
    for await (const page of client().paginate('conversations.members', { channel: 'C024BE91L', limit: 2 })) {
      seen.push(...((page as { members?: string[] }).members ?? []));
    }
    expect(seen).toEqual(ids);
    const pages = fake().callsTo('conversations.members');
    expect(pages).toHaveLength(3);
    expect(pages.map((call) => call.body.limit)).toEqual(['2', '2', '2']);
    expect(pages[0]?.body.cursor).toBeUndefined();
  });

  it('answers a queued error with ok:false, once', async () => {
    fake().fail('chat.update', { error: 'channel_not_found' });
    const web = client({ retryConfig: { retries: 0 } });
    await expect(web.chat.update({ channel: 'C9', ts: '1.000100', text: 'x' })).rejects.toMatchObject({ data: { ok: false, error: 'channel_not_found' } });
    await expect(web.chat.update({ channel: 'C9', ts: '1.000100', text: 'x' })).resolves.toMatchObject({ ok: true, ts: '1.000100' });
    expect(fake().callsTo('chat.update').map((call) => call.failed ?? false)).toEqual([true, false]);
  });

  it('rate-limits with Retry-After; the client waits, retries and succeeds', async () => {
    fake().fail('chat.postMessage', { status: 429, retryAfter: 1 });
    const web = client({ retryConfig: { retries: 1 }, rejectRateLimitedCalls: false });
    const started = Date.now();
    const reply = await web.chat.postMessage({ channel: 'C1', text: 'after the limit' });
    expect(reply.ok).toBe(true);
    const calls = fake().callsTo('chat.postMessage');
    expect(calls.map((call) => call.failed ?? false)).toEqual([true, false]);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('waits for a call that comes later, and says which calls it saw when none matches', async () => {
    const waiting = fake().waitFor((call) => call.method === 'chat.postMessage' && call.body.text === 'later');
    await client().chat.postMessage({ channel: 'C1', text: 'earlier' });
    await client().chat.postMessage({ channel: 'C1', text: 'later' });
    await expect(waiting).resolves.toMatchObject({ body: { text: 'later' } });
    await expect(fake().waitFor((call) => call.method === 'views.publish', 50)).rejects.toThrow(/calls seen:[\s\S]*chat\.postMessage[\s\S]*earlier/);
  });

  it('answers chat.getPermalink with the link Slack writes, and chat.delete with what was deleted', async () => {
    const web = client();
    const link = await web.chat.getPermalink({ channel: 'C024BE91L', message_ts: '1763700611.000900' });
    expect(link).toMatchObject({ ok: true, channel: 'C024BE91L', permalink: 'https://test-forum.slack.com/archives/C024BE91L/p1763700611000900' });
    expect(await web.chat.delete({ channel: 'C024BE91L', ts: '1763700611.000900' })).toMatchObject({ ok: true, channel: 'C024BE91L', ts: '1763700611.000900' });
  });

  it('records POSTs to a response_url', async () => {
    const url = fake().responseUrl('cmd-1');
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'done', response_type: 'ephemeral' }) });
    expect(response.status).toBe(200);
    expect(fake().callsTo('response_url')).toMatchObject([{ path: '/response_url/cmd-1', body: { text: 'done', response_type: 'ephemeral' } }]);
  });

  it('plays the file upload flow for the client’s filesUploadV2: upload URL, bytes, completion', async () => {
    const bytes = Buffer.from('\uFEFFoption,votes\nTrès utile,2', 'utf8');
    const done = await client().filesUploadV2({ channel_id: 'D0ALICE', file: bytes, filename: 'poll-7.csv', title: 'Answers to poll #7 (CSV)' });
    expect(done.ok).toBe(true);
    const [ask] = fake().callsTo('files.getUploadURLExternal');
    expect(ask?.body).toMatchObject({ filename: 'poll-7.csv', length: String(bytes.length) });
    const [upload] = fake().callsTo(FILE_UPLOAD);
    expect(upload?.path).toMatch(/^\/upload\/v1\/F0\d+$/);
    expect(upload?.bytes).toEqual(bytes);
    const [complete] = fake().callsTo('files.completeUploadExternal');
    expect(complete?.body).toMatchObject({ channel_id: 'D0ALICE', files: [{ id: upload?.body.file_id, title: 'Answers to poll #7 (CSV)' }] });
    expect(JSON.stringify(done)).toContain('"mimetype":"text/csv"');
  });

  it('takes raw bytes at an upload URL, and refuses what Slack refuses', async () => {
    const web = client({ retryConfig: { retries: 0 } });
    const asked = await web.files.getUploadURLExternal({ filename: 'a.csv', length: 3 });
    // Completing before the bytes arrived, or into a user id rather than a channel, fails.
    await expect(web.files.completeUploadExternal({ files: [{ id: asked.file_id ?? '' }], channel_id: 'D0ALICE' })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    const posted = await fetch(asked.upload_url ?? '', { method: 'POST', body: 'a,b' });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toBe('OK - 3');
    expect(fake().callsTo(FILE_UPLOAD)[0]?.bytes?.toString()).toBe('a,b');
    await expect(web.files.completeUploadExternal({ files: [{ id: asked.file_id ?? '' }], channel_id: 'U0ALICE' })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    await expect(web.files.completeUploadExternal({ files: [{ id: asked.file_id ?? '' }], channel_id: 'D0ALICE' })).resolves.toMatchObject({ ok: true });
    // An upload URL nobody asked for, and an empty file.
    expect((await fetch(`${fake().origin}/upload/v1/F0NOPE`, { method: 'POST', body: 'x' })).status).toBe(404);
    await expect(web.files.getUploadURLExternal({ filename: 'empty.csv', length: 0 })).rejects.toMatchObject({ data: { error: 'missing_argument' } });
  });

  it('opens a person’s direct messages with conversations.open', async () => {
    expect(await client().conversations.open({ users: 'U0ALICE' })).toMatchObject({ ok: true, channel: { id: 'D0ALICE' } });
    expect(fake().callsTo('conversations.open')[0]?.body.users).toBe('U0ALICE');
  });
});

describe('Slack request signing agrees with Bolt', () => {
  const verify = (rawBody: string, signed: { timestamp: string; signature: string }) =>
    verifySlackRequest({
      signingSecret: SIGNING_SECRET,
      body: rawBody,
      headers: { 'x-slack-signature': signed.signature, 'x-slack-request-timestamp': Number(signed.timestamp) },
    });

  const bodies = {
    event: slackRequestBody('event', eventEnvelope(appMention({ user: 'U061F7AUR', channel: 'C024BE91L', text: 'hello' }))).rawBody,
    command: slackRequestBody('command', slashCommand({ user: 'U061F7AUR', channel: 'C024BE91L', text: 'ask où est le guide ?' })).rawBody,
    interaction: slackRequestBody('interaction', blockAction({ user: 'U1', channel: 'C1', messageTs: '1.000100', actionId: 'a', value: 'v' })).rawBody,
  };

  it.each(Object.entries(bodies))('accepts a valid signature on a %s', (_kind, rawBody) => {
    expect(() => verify(rawBody, signSlackBody(SIGNING_SECRET, rawBody))).not.toThrow();
  });

  it('rejects a forged signature and a stale timestamp', () => {
    const rawBody = bodies.event;
    expect(() => verify(rawBody, signSlackBody('another-secret', rawBody))).toThrow(/signature mismatch/);
    expect(() => verify(rawBody, signSlackBody(SIGNING_SECRET, rawBody, nowSeconds() - 600))).toThrow(/stale/);
    expect(() => verify(`${rawBody} `, signSlackBody(SIGNING_SECRET, rawBody))).toThrow(/signature mismatch/);
  });
});

describe('Slack payload builders', () => {
  it('keep the fixture fields and change ids', () => {
    const envelope = loadSlackFixture('app-mention');
    const built = eventEnvelope(appMention({ user: 'U2', channel: 'C2', text: 'hi' }));
    expect(Object.keys(built).sort()).toEqual(Object.keys(envelope).sort());
    expect(built.event).toMatchObject({ type: 'app_mention', user: 'U2', channel: 'C2', text: `<@${BOT_USER_ID}> hi` });
    expect(built.event_id).not.toBe(eventEnvelope(appMention({ user: 'U2', channel: 'C2', text: 'hi' })).event_id);
  });

  it('build channel messages as message.channels and message.groups send them', () => {
    const envelope = loadSlackFixture<{ event: Record<string, unknown> }>('message-channels');
    const reply = channelMessage({ user: 'U2', channel: 'C2', text: 'yes', threadTs: '1763700600.000800' });
    expect(Object.keys(reply).sort()).toEqual(Object.keys(envelope.event).sort());
    expect(reply).toMatchObject({ type: 'message', channel_type: 'channel', thread_ts: '1763700600.000800' });
    const top = channelMessage({ user: 'U2', channel: 'G2', text: 'hi' });
    expect(top).toMatchObject({ channel_type: 'group' });
    expect(top.thread_ts).toBeUndefined();
  });

  it('build a message shortcut with its own trigger and the message it was used on', () => {
    const fixture = loadSlackFixture<Record<string, unknown>>('message-action');
    const payload = messageShortcut({ user: 'U1', channel: 'C1', messageTs: '1763700611.000900', text: 'hi', author: 'U2' });
    expect(Object.keys(payload).sort()).toEqual(Object.keys(fixture).sort());
    expect(payload).toMatchObject({ type: 'message_action', callback_id: 'report_message', message_ts: '1763700611.000900', message: { ts: '1763700611.000900', user: 'U2', text: 'hi' } });
    expect(payload.trigger_id).not.toBe(fixture.trigger_id);
    expect(payload.response_url).toMatch(/^https:\/\/hooks\.slack\.com\/app\//);
  });

  it('shape view_submission values by field id', () => {
    const payload = viewSubmission({ user: 'U1', callbackId: 'topic', privateMetadata: '{"week":3}', values: { title: 'A', body: 'B' } });
    expect(payload.view.state.values).toEqual({
      title: { title: { type: 'plain_text_input', value: 'A' } },
      body: { body: { type: 'plain_text_input', value: 'B' } },
    });
    expect(payload.view).toMatchObject({ callback_id: 'topic', private_metadata: '{"week":3}' });
  });
});
