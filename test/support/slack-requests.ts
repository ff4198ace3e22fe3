/**
 * Requests exactly as Slack sends them to an app's Request URL: signed with Slack's v0 scheme, an
 * Events API envelope as JSON, a slash command as form fields, an interaction as a form field
 * `payload` holding JSON. The builders start from the documented examples in `test/fixtures/slack/`
 * and only change ids and text, so the fixtures are what the tests really send.
 *
 * No vitest import here: scripts outside the test runner may use it too.
 */
import http from 'node:http';
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const TEAM_ID = 'T0001';
export const TEAM_DOMAIN = 'test-forum';
export const API_APP_ID = 'A0APP';
export const BOT_USER_ID = 'U0BOT';
export const BOT_ID = 'B0BOT';
/** The deprecated verification token Slack still puts in every payload. */
export const VERIFICATION_TOKEN = 'Jhj5dZrVaK7ZwHHjRyZWjbDl';
export const SIGNING_SECRET = 'test-signing-secret-8f14e45fceea167a';

export type SlackFixtureName =
  | 'app-mention'
  | 'message-im'
  | 'message-channels'
  | 'message-action'
  | 'member-joined-channel'
  | 'app-home-opened'
  | 'slash-command'
  | 'block-actions'
  | 'view-submission'
  | 'url-verification';

type Json = Record<string, unknown>;

/** A fresh copy of a fixture from `test/fixtures/slack/`. */
export function loadSlackFixture<T = Json>(name: SlackFixtureName): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/slack/${name}.json`, import.meta.url), 'utf8')) as T;
}

// ---------------------------------------------------------------------------------------------
// Ids, unique per call
// ---------------------------------------------------------------------------------------------

let sequence = 0;
function next(): number {
  sequence += 1;
  return sequence;
}

/** A message timestamp as Slack writes it (`seconds.micro`), unique and increasing within a run. */
export function slackTs(): string {
  return `${Math.floor(Date.now() / 1000)}.${String(next()).padStart(6, '0')}`;
}

function eventId(): string {
  return `Ev0${Date.now().toString(36).toUpperCase()}${String(next()).padStart(4, '0')}`;
}

function triggerId(): string {
  const n = next();
  return `${8_512_345_600_000 + n}.${1_234_567_890_123}.${randomUUID().replaceAll('-', '')}`;
}

function hookUrl(kind: 'commands' | 'actions' | 'app', teamId: string): string {
  return `https://hooks.slack.com/${kind}/${teamId}/${8_512_345_700_000 + next()}/${randomUUID().replaceAll('-', '').slice(0, 24)}`;
}

/** The rich_text blocks Slack adds to a message a person typed: mentions become `user` elements. */
export function richTextBlocks(text: string): Json[] {
  const elements: Json[] = [];
  for (const part of text.split(/(<@[UW][A-Z0-9]+>)/)) {
    if (!part) continue;
    const mention = /^<@([UW][A-Z0-9]+)>$/.exec(part);
    elements.push(mention ? { type: 'user', user_id: mention[1] } : { type: 'text', text: part });
  }
  return [{ type: 'rich_text', block_id: `b${next().toString(36)}`, elements: [{ type: 'rich_text_section', elements }] }];
}

// ---------------------------------------------------------------------------------------------
// Events API
// ---------------------------------------------------------------------------------------------

export interface SlackEvent extends Json {
  type: string;
}

export interface SlackEventEnvelope extends Json {
  token: string;
  team_id: string;
  api_app_id: string;
  event: SlackEvent;
  type: 'event_callback';
  event_id: string;
  event_time: number;
  authorizations: { enterprise_id: string | null; team_id: string; user_id: string; is_bot: boolean; is_enterprise_install: boolean }[];
  is_ext_shared_channel: boolean;
}

/** The `event_callback` envelope around an event, as Slack POSTs it. */
export function eventEnvelope(event: SlackEvent, options: { teamId?: string; eventId?: string; apiAppId?: string } = {}): SlackEventEnvelope {
  const teamId = options.teamId ?? TEAM_ID;
  const envelope = loadSlackFixture<SlackEventEnvelope>('app-mention');
  const eventTs = typeof event.event_ts === 'string' ? Number.parseFloat(event.event_ts) : Date.now() / 1000;
  return {
    ...envelope,
    team_id: teamId,
    context_team_id: teamId,
    api_app_id: options.apiAppId ?? API_APP_ID,
    event,
    event_id: options.eventId ?? eventId(),
    event_time: Math.floor(eventTs),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export interface SlackMessageEvent extends SlackEvent {
  user: string;
  channel: string;
  text: string;
  ts: string;
  event_ts: string;
  thread_ts?: string;
}

/** An `app_mention` event; the text gets a leading `<@U0BOT>` if it does not mention the bot. */
export function appMention(options: { user: string; channel: string; text: string; ts?: string; threadTs?: string; teamId?: string }): SlackMessageEvent {
  const event = loadSlackFixture<SlackEventEnvelope>('app-mention').event as SlackMessageEvent;
  const text = options.text.includes(`<@${BOT_USER_ID}>`) ? options.text : `<@${BOT_USER_ID}> ${options.text}`;
  const ts = options.ts ?? slackTs();
  return {
    ...event,
    user: options.user,
    ts,
    client_msg_id: randomUUID(),
    text,
    team: options.teamId ?? TEAM_ID,
    blocks: richTextBlocks(text),
    channel: options.channel,
    event_ts: ts,
    ...(options.threadTs ? { thread_ts: options.threadTs, parent_user_id: options.user } : {}),
  };
}

/** A `message` event in the direct-message conversation between a person and the bot. */
export function directMessage(options: { user: string; channel?: string; text: string; ts?: string; threadTs?: string; teamId?: string }): SlackMessageEvent {
  const event = loadSlackFixture<SlackEventEnvelope>('message-im').event as SlackMessageEvent;
  const ts = options.ts ?? slackTs();
  return {
    ...event,
    user: options.user,
    ts,
    client_msg_id: randomUUID(),
    text: options.text,
    team: options.teamId ?? TEAM_ID,
    blocks: richTextBlocks(options.text),
    channel: options.channel ?? `D${options.user.slice(1)}`,
    event_ts: ts,
    channel_type: 'im',
    ...(options.threadTs ? { thread_ts: options.threadTs, parent_user_id: options.user } : {}),
  };
}

/**
 * A `message` event in a public (`message.channels`) or private (`message.groups`, a G… id)
 * channel: a reply in a thread with `threadTs`; a bot's message with `botId`.
 */
export function channelMessage(options: {
  user: string;
  channel: string;
  text: string;
  ts?: string;
  threadTs?: string;
  teamId?: string;
  subtype?: string;
  botId?: string;
}): SlackMessageEvent {
  const event = loadSlackFixture<SlackEventEnvelope>('message-channels').event as SlackMessageEvent;
  const rest: SlackMessageEvent = { ...event };
  delete rest.thread_ts;
  delete rest.parent_user_id;
  const ts = options.ts ?? slackTs();
  return {
    ...rest,
    user: options.user,
    ts,
    client_msg_id: randomUUID(),
    text: options.text,
    team: options.teamId ?? TEAM_ID,
    blocks: richTextBlocks(options.text),
    channel: options.channel,
    event_ts: ts,
    channel_type: options.channel.startsWith('G') ? 'group' : 'channel',
    ...(options.threadTs ? { thread_ts: options.threadTs, parent_user_id: BOT_USER_ID } : {}),
    ...(options.subtype ? { subtype: options.subtype } : {}),
    ...(options.botId ? { bot_id: options.botId } : {}),
  };
}

/** A `member_joined_channel` event. */
export function memberJoined(options: { user: string; channel: string; inviter?: string; teamId?: string }): SlackEvent {
  const event = loadSlackFixture<SlackEventEnvelope>('member-joined-channel').event;
  const rest: SlackEvent = { ...event };
  delete rest.inviter;
  return {
    ...rest,
    user: options.user,
    channel: options.channel,
    channel_type: options.channel.startsWith('G') ? 'G' : 'C',
    team: options.teamId ?? TEAM_ID,
    ...(options.inviter ? { inviter: options.inviter } : {}),
    event_ts: slackTs(),
  };
}

/**
 * An `app_home_opened` event. Slack sends the `view` only once the app has published a Home tab:
 * pass `published: true` to keep the fixture's view.
 */
export function appHomeOpened(options: { user: string; channel?: string; tab?: 'home' | 'messages'; published?: boolean }): SlackEvent {
  const event = loadSlackFixture<SlackEventEnvelope>('app-home-opened').event;
  const { view, ...rest } = event;
  return {
    ...rest,
    user: options.user,
    channel: options.channel ?? `D${options.user.slice(1)}`,
    tab: options.tab ?? 'home',
    ...(options.published ? { view } : {}),
    event_ts: slackTs(),
  };
}

export interface UrlVerification extends Json {
  token: string;
  challenge: string;
  type: 'url_verification';
}

export function urlVerification(challenge?: string): UrlVerification {
  const fixture = loadSlackFixture<UrlVerification>('url-verification');
  return { ...fixture, challenge: challenge ?? fixture.challenge };
}

// ---------------------------------------------------------------------------------------------
// Slash commands and interactions
// ---------------------------------------------------------------------------------------------

/** The form fields of a slash command (all strings, as Slack sends them). */
export type SlashCommandFields = Record<
  | 'token'
  | 'team_id'
  | 'team_domain'
  | 'channel_id'
  | 'channel_name'
  | 'user_id'
  | 'user_name'
  | 'command'
  | 'text'
  | 'api_app_id'
  | 'is_enterprise_install'
  | 'response_url'
  | 'trigger_id',
  string
>;

export function slashCommand(options: {
  user: string;
  channel: string;
  text: string;
  responseUrl?: string;
  teamId?: string;
  triggerId?: string;
  userName?: string;
  channelName?: string;
  command?: string;
}): SlashCommandFields {
  const fixture = loadSlackFixture<SlashCommandFields>('slash-command');
  const teamId = options.teamId ?? TEAM_ID;
  return {
    ...fixture,
    team_id: teamId,
    team_domain: TEAM_DOMAIN,
    channel_id: options.channel,
    channel_name: options.channelName ?? (options.channel.startsWith('D') ? 'directmessage' : options.channel.startsWith('G') ? 'privategroup' : 'general'),
    user_id: options.user,
    user_name: options.userName ?? options.user.toLowerCase(),
    command: options.command ?? '/forum',
    text: options.text,
    api_app_id: API_APP_ID,
    is_enterprise_install: 'false',
    response_url: options.responseUrl ?? hookUrl('commands', teamId),
    trigger_id: options.triggerId ?? triggerId(),
  };
}

export interface BlockActionsPayload extends Json {
  type: 'block_actions';
  user: { id: string; username: string; name: string; team_id: string };
  team: { id: string; domain: string };
  container: { type: 'message'; message_ts: string; channel_id: string; is_ephemeral: boolean };
  channel: { id: string; name: string };
  message: Json & { ts: string; thread_ts?: string };
  trigger_id: string;
  response_url: string;
  actions: { type: 'button'; action_id: string; block_id: string; value: string; action_ts: string; text: Json }[];
}

/** A click on a button of one of the bot's messages. */
export function blockAction(options: {
  user: string;
  channel: string;
  messageTs: string;
  actionId: string;
  value: string;
  blockId?: string;
  teamId?: string;
  responseUrl?: string;
  threadTs?: string;
  userName?: string;
}): BlockActionsPayload {
  const fixture = loadSlackFixture<BlockActionsPayload>('block-actions');
  const teamId = options.teamId ?? TEAM_ID;
  const userName = options.userName ?? options.user.toLowerCase();
  const action = fixture.actions[0];
  return {
    ...fixture,
    user: { id: options.user, username: userName, name: userName, team_id: teamId },
    api_app_id: API_APP_ID,
    container: { type: 'message', message_ts: options.messageTs, channel_id: options.channel, is_ephemeral: false },
    trigger_id: triggerId(),
    team: { id: teamId, domain: TEAM_DOMAIN },
    channel: { id: options.channel, name: options.channel.startsWith('D') ? 'directmessage' : 'general' },
    message: { ...fixture.message, team: teamId, ts: options.messageTs, ...(options.threadTs ? { thread_ts: options.threadTs } : {}) },
    response_url: options.responseUrl ?? hookUrl('actions', teamId),
    actions: [
      {
        ...(action as BlockActionsPayload['actions'][number]),
        type: 'button',
        action_id: options.actionId,
        block_id: options.blockId ?? action?.block_id ?? 'actions',
        value: options.value,
        action_ts: `${(Date.now() / 1000).toFixed(6)}`,
      },
    ],
  };
}

export interface MessageShortcutPayload extends Json {
  type: 'message_action';
  callback_id: string;
  trigger_id: string;
  response_url: string;
  message_ts: string;
  team: { id: string; domain: string };
  user: { id: string; username: string; name: string; team_id: string };
  channel: { id: string; name: string };
  message: Json & { ts: string; text: string; user?: string; thread_ts?: string };
}

/** A message shortcut (“Report to moderators”) used on a message; `author` undefined for a bot's message. */
export function messageShortcut(options: {
  user: string;
  channel: string;
  messageTs: string;
  text: string;
  author?: string;
  threadTs?: string;
  callbackId?: string;
  responseUrl?: string;
  teamId?: string;
}): MessageShortcutPayload {
  const fixture = loadSlackFixture<MessageShortcutPayload>('message-action');
  const teamId = options.teamId ?? TEAM_ID;
  const userName = options.user.toLowerCase();
  const message: MessageShortcutPayload['message'] = { ...fixture.message, ts: options.messageTs, text: options.text, team: teamId, blocks: richTextBlocks(options.text) };
  delete message.thread_ts;
  delete message.parent_user_id;
  delete message.user;
  const name = options.channel.startsWith('D') ? 'directmessage' : options.channel.startsWith('G') ? 'privategroup' : 'general';
  return {
    ...fixture,
    action_ts: `${(Date.now() / 1000).toFixed(6)}`,
    team: { id: teamId, domain: TEAM_DOMAIN },
    user: { id: options.user, username: userName, name: userName, team_id: teamId },
    channel: { id: options.channel, name },
    callback_id: options.callbackId ?? fixture.callback_id,
    trigger_id: triggerId(),
    response_url: options.responseUrl ?? hookUrl('app', teamId),
    message_ts: options.messageTs,
    message: {
      ...message,
      ...(options.author ? { user: options.author } : { bot_id: BOT_ID, subtype: 'bot_message' }),
      ...(options.threadTs ? { thread_ts: options.threadTs, parent_user_id: BOT_USER_ID } : {}),
    },
  };
}

export interface ViewSubmissionPayload extends Json {
  type: 'view_submission';
  team: { id: string; domain: string };
  user: { id: string; username: string; name: string; team_id: string };
  trigger_id: string;
  view: Json & {
    id: string;
    callback_id: string;
    private_metadata: string;
    state: { values: Record<string, Record<string, { type: 'plain_text_input'; value: string | null }>> };
  };
}

/**
 * The submission of a modal whose input blocks are one `plain_text_input` per field: the block id and
 * the action id are both the field id.
 */
export function viewSubmission(options: {
  user: string;
  callbackId: string;
  privateMetadata: string;
  values: Record<string, string | null>;
  teamId?: string;
  viewId?: string;
  userName?: string;
}): ViewSubmissionPayload {
  const fixture = loadSlackFixture<ViewSubmissionPayload>('view-submission');
  const teamId = options.teamId ?? TEAM_ID;
  const userName = options.userName ?? options.user.toLowerCase();
  const [inputBlock] = fixture.view.blocks as Json[];
  const viewId = options.viewId ?? `V0${next().toString(36).toUpperCase().padStart(9, '0')}`;
  const fields = Object.entries(options.values);
  return {
    ...fixture,
    team: { id: teamId, domain: TEAM_DOMAIN },
    user: { id: options.user, username: userName, name: userName, team_id: teamId },
    api_app_id: API_APP_ID,
    trigger_id: triggerId(),
    view: {
      ...fixture.view,
      id: viewId,
      team_id: teamId,
      blocks: fields.map(([id]) => ({
        ...inputBlock,
        block_id: id,
        label: { type: 'plain_text', text: id, emoji: true },
        element: { ...(inputBlock?.element as Json), action_id: id },
      })),
      private_metadata: options.privateMetadata,
      callback_id: options.callbackId,
      state: { values: Object.fromEntries(fields.map(([id, value]) => [id, { [id]: { type: 'plain_text_input', value } }])) },
      hash: `${Math.floor(Date.now() / 1000)}.${next().toString(16).padStart(8, '0')}`,
      root_view_id: viewId,
      app_installed_team_id: teamId,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Signing and sending
// ---------------------------------------------------------------------------------------------

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Slack's v0 signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function signSlackBody(secret: string, rawBody: string, timestampSeconds: number = nowSeconds()): { timestamp: string; signature: string } {
  const hash = createHmac('sha256', secret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex');
  return { timestamp: String(timestampSeconds), signature: `v0=${hash}` };
}

export type SlackRequestKind = 'event' | 'command' | 'interaction';

export interface SendOptions {
  /** `forged`: signed with another secret; `none`: no signature headers at all. */
  signature?: 'valid' | 'forged' | 'none';
  /** The request timestamp in seconds (a stale one is `nowSeconds() - 600`). */
  timestamp?: number;
  /** Redelivery headers, as Slack adds them when it retries an event. */
  retryNum?: number;
  retryReason?: 'http_timeout' | 'http_error' | 'too_many_requests' | 'connection_failed' | (string & {});
  /** Defaults to `/slack/events`. */
  path?: string;
}

export interface SlackResponse {
  status: number;
  body: string;
  /** How long the app took to answer. */
  ms: number;
}

/** The raw body and content type Slack would send for a kind of request. */
export function slackRequestBody(kind: SlackRequestKind, payload: object): { rawBody: string; contentType: string } {
  switch (kind) {
    case 'event':
      return { rawBody: JSON.stringify(payload), contentType: 'application/json' };
    case 'command': {
      const fields = Object.entries(payload as Record<string, unknown>).map(([key, value]) => [key, String(value)]);
      return { rawBody: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' };
    }
    case 'interaction':
      return { rawBody: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' };
  }
}

/** POSTs a request to the app as Slack would: `baseUrl` is the app's origin (no trailing slash). */
export function sendToSlack(baseUrl: string, secret: string, kind: SlackRequestKind, payload: object, options: SendOptions = {}): Promise<SlackResponse> {
  return prepareSlackRequest(baseUrl, secret, kind, payload, options)();
}

/**
 * A request built and signed now, sent when the returned function is called: a benchmark prepares
 * a burst first, so that its timings do not include building the rest of the burst.
 */
export function prepareSlackRequest(
  baseUrl: string,
  secret: string,
  kind: SlackRequestKind,
  payload: object,
  options: SendOptions = {},
): () => Promise<SlackResponse> {
  const { rawBody, contentType } = slackRequestBody(kind, payload);
  const headers: Record<string, string> = {
    'content-type': contentType,
    accept: 'application/json,*/*',
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
  };
  const signature = options.signature ?? 'valid';
  if (signature !== 'none') {
    const signed = signSlackBody(signature === 'forged' ? `${secret}-forged` : secret, rawBody, options.timestamp ?? nowSeconds());
    headers['x-slack-request-timestamp'] = signed.timestamp;
    headers['x-slack-signature'] = signed.signature;
  }
  if (options.retryNum !== undefined) headers['x-slack-retry-num'] = String(options.retryNum);
  if (options.retryReason !== undefined) headers['x-slack-retry-reason'] = options.retryReason;
  const url = `${baseUrl.replace(/\/$/, '')}${options.path ?? '/slack/events'}`;
  return () => post(url, headers, rawBody);
}

/** Connections kept open between requests, as Slack's senders do; lighter than `fetch` under bursts. */
const agent = new http.Agent({ keepAlive: true });

function post(url: string, headers: Record<string, string>, rawBody: string): Promise<SlackResponse> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(rawBody)) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(rawBody);
  });
}
