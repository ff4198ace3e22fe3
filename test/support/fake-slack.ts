/**
 * A local server that plays the Slack Web API for the real `@slack/web-api` client (the one Bolt
 * uses, pointed here through `clientOptions.slackApiUrl`): it records every call (method, parsed
 * arguments, token) and answers like Slack, with failures queued per method by the tests. It also
 * takes the POSTs an app makes to a slash command's, an action's or a shortcut's `response_url`,
 * and plays Slack's file upload flow: `files.getUploadURLExternal` answers with an upload URL on
 * this server, whose POST is recorded as a `file_upload` call with the bytes received, and
 * `files.completeUploadExternal` shares only files whose bytes arrived.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WAIT_FOR_CALL_MS, closeServer, useLocalFake, waitForCall } from './local-fake.ts';
import { API_APP_ID, BOT_ID, BOT_USER_ID, TEAM_DOMAIN, TEAM_ID } from './slack-requests.ts';

export interface SlackCall {
  /**
   * The Web API method (`chat.postMessage`), `response_url` for a POST to a response URL, or
   * `file_upload` for the bytes POSTed to an upload URL (`body`: `file_id`, `filename`, `size`).
   */
  method: string;
  /**
   * The arguments as sent, form fields or JSON; `blocks`, `attachments`, `view` and `metadata`
   * are parsed from their JSON strings. The `token` argument is moved to `token`.
   */
  body: Record<string, unknown>;
  /** From `Authorization: Bearer …`, else from the `token` argument. */
  token: string | undefined;
  /** The request path, e.g. `/api/chat.postMessage`, `/response_url/cmd-1` or `/upload/v1/F0…`. */
  path: string;
  /** `Date.now()` when the call arrived. */
  at: number;
  /** Set when the call was answered with a queued failure. */
  failed?: true;
  /** For `file_upload`: the file's bytes as received (the file part of a multipart body, or the raw body). */
  bytes?: Buffer;
}

/** The `method` of a POST to an upload URL that `files.getUploadURLExternal` gave. */
export const FILE_UPLOAD = 'file_upload';

/**
 * A failure for the next call of a method: `{ status: 429, retryAfter: 1 }` (rate limited, with a
 * `Retry-After` header), `{ error: 'channel_not_found' }` (HTTP 200 `{ok:false}`), `{ status: 500 }`.
 */
export interface SlackFailure {
  status?: number;
  retryAfter?: number;
  error?: string;
}

export interface FakeSlackUser {
  /** Their home workspace (another organisation's for a Slack Connect guest); the test workspace when not given. */
  teamId?: string;
  name?: string;
  realName?: string;
  locale?: string;
  tz?: string;
  isBot?: boolean;
}

export interface FakeSlackChannel {
  name?: string;
  is_im?: boolean;
  is_channel?: boolean;
  is_group?: boolean;
  is_private?: boolean;
  is_member?: boolean;
  /** For a DM: the person on the other side. */
  user?: string;
}

export interface FakeSlack {
  /** The base URL for `slackApiUrl`, ending in `/api/` (the client appends the method name). */
  apiUrl: string;
  /** The server's origin, `http://127.0.0.1:<port>`. */
  origin: string;
  calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /** Resolves with the first recorded call (already or later) that matches; rejects after `timeoutMs`. */
  waitFor(predicate: (call: SlackCall) => boolean, timeoutMs?: number): Promise<SlackCall>;
  /** Queues failures for the next calls of a method, used once each, in order. */
  fail(method: string, ...replies: SlackFailure[]): void;
  /** A URL on this server to use as a `response_url`; POSTs to it are recorded as `response_url` calls. */
  responseUrl(id: string): string;
  setUser(id: string, user: FakeSlackUser): void;
  setMembers(channel: string, ids: string[]): void;
  setChannel(id: string, channel: FakeSlackChannel): void;
  /** Forgets calls, queued failures, users, members, channels and pending uploads (`ts` values and file ids keep increasing). */
  reset(): void;
  close(): Promise<void>;
}

/** The fields the Web API client sends as JSON strings inside a form body. */
const JSON_FIELDS = ['blocks', 'attachments', 'view', 'metadata', 'files'];
/** Where upload URLs point on this server. */
const UPLOAD_PATH = '/upload/v1/';
/** What `files.completeUploadExternal` takes as a channel: a public, private, DM or group DM id — never a user id. */
const SHAREABLE_CHANNEL = /^[CGDZ][A-Z0-9]+$/;

/** A file between `files.getUploadURLExternal` and `files.completeUploadExternal`. */
interface PendingFile {
  filename: string;
  bytes?: Buffer;
}

type Json = Record<string, unknown>;

async function readRaw(req: IncomingMessage): Promise<Buffer<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** An upload's bytes: the file part of a multipart body (as the Web API client sends it), else the raw body. */
async function readUpload(req: IncomingMessage): Promise<{ bytes: Buffer; filename?: string }> {
  const raw = await readRaw(req);
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.includes('multipart/form-data')) return { bytes: raw };
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  let file: File | undefined;
  form.forEach((value) => {
    if (typeof value !== 'string') file ??= value;
  });
  return file ? { bytes: Buffer.from(await file.arrayBuffer()), filename: file.name } : { bytes: Buffer.alloc(0) };
}

async function readBody(req: IncomingMessage): Promise<Json> {
  const raw = await readRaw(req);
  const contentType = req.headers['content-type'] ?? '';
  let body: Json = {};
  if (raw.length === 0) return body;
  if (contentType.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      body = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Json) : { value: parsed };
    } catch {
      body = { raw: raw.toString('utf8') };
    }
  } else if (contentType.includes('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    form.forEach((value, key) => {
      body[key] = typeof value === 'string' ? value : { filename: value.name, size: value.size };
    });
  } else {
    body = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  }
  for (const field of JSON_FIELDS) {
    const value = body[field];
    if (typeof value === 'string') {
      try {
        body[field] = JSON.parse(value) as unknown;
      } catch {
        // Kept as sent: the app sent something that is not JSON, which the test may want to see.
      }
    }
  }
  return body;
}

/** A string argument, or '' when it is missing or not a string. */
function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

function describeCall(call: SlackCall): string {
  const summary = JSON.stringify(call.body);
  return `${call.method}${call.failed ? ' (failed)' : ''} ${summary.length > 200 ? `${summary.slice(0, 200)}…` : summary}`;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const failures = new Map<string, SlackFailure[]>();
  const users = new Map<string, FakeSlackUser>();
  const members = new Map<string, string[]>();
  const channels = new Map<string, FakeSlackChannel>();
  const pendingFiles = new Map<string, PendingFile>();
  let fileCounter = 0;
  const recorded = new EventEmitter();
  recorded.setMaxListeners(0);
  let tsCounter = 0;
  let viewCounter = 0;
  let origin = '';

  /** `1763700000.000100`, `1763700000.000200`…: unique, increasing as strings and as numbers. */
  function nextTs(): string {
    tsCounter += 100;
    return `${1_763_700_000 + Math.floor(tsCounter / 1_000_000)}.${String(tsCounter % 1_000_000).padStart(6, '0')}`;
  }

  function channelInfo(id: string): Json {
    const set = channels.get(id) ?? {};
    const isIm = set.is_im ?? id.startsWith('D');
    const isGroup = set.is_group ?? id.startsWith('G');
    const isChannel = set.is_channel ?? (!isIm && !isGroup);
    return {
      id,
      name: set.name ?? (isIm ? undefined : 'general'),
      is_channel: isChannel,
      is_group: isGroup,
      is_im: isIm,
      is_mpim: false,
      is_private: set.is_private ?? (isIm || isGroup),
      created: 1_700_000_000,
      is_archived: false,
      is_general: !isIm && !isGroup && (set.name ?? 'general') === 'general',
      is_shared: false,
      is_ext_shared: false,
      is_org_shared: false,
      is_member: set.is_member ?? true,
      context_team_id: TEAM_ID,
      ...(isIm ? { user: set.user ?? `U${id.slice(1)}`, is_user_deleted: false } : {}),
    };
  }

  function answer(method: string, body: Json): Json {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: `https://${TEAM_DOMAIN}.slack.com/`, team: 'Test', user: 'forumbot', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID, is_enterprise_install: false };
      case 'chat.postMessage': {
        const ts = nextTs();
        const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : undefined;
        const message: Json = { type: 'message', text: body.text ?? '', user: BOT_USER_ID, bot_id: BOT_ID, app_id: API_APP_ID, team: TEAM_ID, ts };
        if (body.blocks !== undefined) message.blocks = body.blocks;
        if (threadTs) message.thread_ts = threadTs;
        return { ok: true, channel: body.channel, ts, message };
      }
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text ?? '', message: { type: 'message', text: body.text ?? '', user: BOT_USER_ID, bot_id: BOT_ID, ...(body.blocks ? { blocks: body.blocks } : {}) } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'chat.delete':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'chat.getPermalink': {
        // As Slack writes them: the workspace's host, the channel, `p` and the ts without its dot.
        const channel = str(body.channel);
        return { ok: true, channel, permalink: `https://${TEAM_DOMAIN}.slack.com/archives/${channel}/p${str(body.message_ts).replace('.', '')}` };
      }
      case 'views.open':
      case 'views.publish':
      case 'views.update':
      case 'views.push': {
        const sent = (body.view && typeof body.view === 'object' ? body.view : {}) as Json;
        viewCounter += 1;
        const id = typeof body.view_id === 'string' ? body.view_id : `V0${String(viewCounter).padStart(9, '0')}`;
        return {
          ok: true,
          view: {
            id,
            team_id: TEAM_ID,
            private_metadata: '',
            callback_id: '',
            external_id: '',
            ...sent,
            state: { values: {} },
            hash: `${1_763_700_000 + viewCounter}.${viewCounter.toString(16).padStart(8, '0')}`,
            clear_on_close: false,
            notify_on_close: false,
            previous_view_id: null,
            root_view_id: id,
            app_id: API_APP_ID,
            app_installed_team_id: TEAM_ID,
            bot_id: BOT_ID,
          },
        };
      }
      case 'users.info': {
        const id = str(body.user);
        const user = users.get(id) ?? {};
        const name = user.name ?? id.toLowerCase();
        const realName = user.realName ?? name;
        return {
          ok: true,
          user: {
            id,
            team_id: user.teamId ?? TEAM_ID,
            name,
            deleted: false,
            real_name: realName,
            tz: user.tz ?? 'Europe/Paris',
            tz_label: 'Central European Time',
            tz_offset: 3600,
            profile: { real_name: realName, display_name: name, team: TEAM_ID },
            is_admin: false,
            is_owner: false,
            is_bot: user.isBot ?? false,
            is_app_user: false,
            updated: 1_700_000_000,
            // As Slack does: the locale only when asked for.
            ...(isTrue(body.include_locale) ? { locale: user.locale ?? 'en-US' } : {}),
          },
        };
      }
      case 'conversations.members': {
        const all = members.get(str(body.channel)) ?? [];
        const limit = Math.max(1, Number(body.limit ?? 100) || 100);
        const cursor = typeof body.cursor === 'string' && body.cursor ? body.cursor : undefined;
        const start = cursor ? Number(/^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'))?.[1] ?? Number.NaN) : 0;
        if (Number.isNaN(start)) return { ok: false, error: 'invalid_cursor' };
        const end = start + limit;
        return {
          ok: true,
          members: all.slice(start, end),
          response_metadata: { next_cursor: end < all.length ? Buffer.from(`offset:${end}`).toString('base64') : '' },
        };
      }
      case 'conversations.info':
        return { ok: true, channel: channelInfo(str(body.channel)) };
      case 'conversations.open': {
        const user = str(body.users).split(',')[0] ?? '';
        if (!user) return { ok: false, error: 'users_list_not_supplied' };
        return { ok: true, channel: { id: `D${user.slice(1)}` } };
      }
      case 'files.getUploadURLExternal': {
        const filename = str(body.filename);
        const length = Number(body.length);
        if (!filename || !Number.isInteger(length) || length <= 0) return { ok: false, error: 'missing_argument' };
        fileCounter += 1;
        const fileId = `F0${String(fileCounter).padStart(9, '0')}`;
        pendingFiles.set(fileId, { filename });
        return { ok: true, upload_url: `${origin}${UPLOAD_PATH}${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return completeUpload(body);
      default:
        return { ok: true };
    }
  }

  /** Shares uploaded files: each must have been asked for and its bytes received; a user id is no channel. */
  function completeUpload(body: Json): Json {
    const files = Array.isArray(body.files) ? (body.files as unknown[]) : [];
    const channel = body.channel_id === undefined ? undefined : str(body.channel_id);
    if (files.length === 0 || (channel !== undefined && !SHAREABLE_CHANNEL.test(channel))) return { ok: false, error: 'invalid_arguments' };
    const shared: Json[] = [];
    for (const entry of files) {
      const { id, title } = (entry && typeof entry === 'object' ? entry : {}) as Json;
      const pending = pendingFiles.get(str(id));
      if (!pending?.bytes) return { ok: false, error: 'file_not_found' };
      pendingFiles.delete(str(id));
      shared.push({
        id: str(id),
        created: 1_763_700_000,
        timestamp: 1_763_700_000,
        name: pending.filename,
        title: typeof title === 'string' ? title : pending.filename,
        mimetype: pending.filename.endsWith('.csv') ? 'text/csv' : 'application/octet-stream',
        user: BOT_USER_ID,
        size: pending.bytes.length,
        is_public: false,
        channels: [],
        groups: [],
        ims: channel ? [channel] : [],
      });
    }
    return { ok: true, files: shared };
  }

  /** The bytes POSTed to an upload URL: recorded; Slack answers `OK - <size>` in plain text. */
  async function handleUpload(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const fileId = decodeURIComponent(path.slice(UPLOAD_PATH.length));
    const { bytes, filename } = await readUpload(req);
    const call: SlackCall = { method: FILE_UPLOAD, body: { file_id: fileId, filename, size: bytes.length }, token: undefined, path, at: Date.now(), bytes };
    calls.push(call);
    const failure = failures.get(FILE_UPLOAD)?.shift();
    const pending = pendingFiles.get(fileId);
    if (failure || !pending) {
      call.failed = true;
      recorded.emit('call', call);
      res.writeHead(failure?.status ?? 404, { 'content-type': 'text/plain' });
      res.end(failure ? 'failed' : 'no such upload');
      return;
    }
    pending.bytes = bytes;
    recorded.emit('call', call);
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`OK - ${bytes.length}`);
  }

  function send(res: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(json));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] as string;
    if (req.method === 'POST' && path.startsWith(UPLOAD_PATH)) {
      await handleUpload(req, res, path);
      return;
    }
    const method = path.startsWith('/api/') ? path.slice('/api/'.length) : path.startsWith('/response_url/') ? 'response_url' : undefined;
    if (req.method !== 'POST' || method === undefined) {
      send(res, 404, { ok: false, error: 'unknown_method' });
      return;
    }
    const body = await readBody(req);
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof body.token === 'string' ? body.token : undefined);
    delete body.token;
    const call: SlackCall = { method, body, token, path, at: Date.now() };

    const failure = failures.get(method)?.shift();
    if (failure) {
      call.failed = true;
      calls.push(call);
      recorded.emit('call', call);
      if (failure.status === 429) {
        send(res, 429, { ok: false, error: failure.error ?? 'ratelimited' }, { 'retry-after': String(failure.retryAfter ?? 1) });
      } else if (failure.status !== undefined && failure.status !== 200) {
        send(res, failure.status, { ok: false, error: failure.error ?? 'fatal_error' });
      } else {
        send(res, 200, { ok: false, error: failure.error ?? 'fatal_error' });
      }
      return;
    }
    calls.push(call);
    recorded.emit('call', call);
    send(res, 200, method === 'response_url' ? { ok: true } : answer(method, body));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { ok: false, error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${origin}/api/`,
    origin,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    waitFor: (predicate, timeoutMs = WAIT_FOR_CALL_MS) => waitForCall({ calls, recorded, describe: describeCall, name: 'fake Slack' }, predicate, timeoutMs),
    fail(method, ...replies) {
      failures.set(method, [...(failures.get(method) ?? []), ...replies]);
    },
    responseUrl: (id) => `${origin}/response_url/${encodeURIComponent(id)}`,
    setUser(id, user) {
      users.set(id, user);
    },
    setMembers(channel, ids) {
      members.set(channel, [...ids]);
    },
    setChannel(id, channel) {
      channels.set(id, channel);
    },
    reset() {
      calls.length = 0;
      failures.clear();
      users.clear();
      members.clear();
      channels.clear();
      pendingFiles.clear();
    },
    close: () => closeServer(server),
  };
}

/** The fake for the enclosing `describe`: started before its tests, reset before each, stopped after. */
export function useFakeSlack(set?: (fake: FakeSlack) => void): () => FakeSlack {
  return useLocalFake('fake Slack', startFakeSlack, set);
}
