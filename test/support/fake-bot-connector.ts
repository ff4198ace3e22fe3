/**
 * A local server that plays the Bot Connector v3 REST API of Microsoft Teams for botbuilder's real
 * `ConnectorClient` (the one `CloudAdapter` uses): tests set an activity's `serviceUrl` to
 * `fake.serviceUrl`, and the bot's replies, proactive posts, updates, deletions, new conversations
 * and roster look-ups land here. It records every call (parsed activity, `Authorization` header) and
 * answers like the Bot Connector, with failures queued per kind of call by the tests.
 *
 * The paths are those of `botframework-connector`'s `conversations` operations:
 * - `POST   /v3/conversations`                                   create a conversation
 * - `POST   /v3/conversations/{conversationId}/activities`        send to a conversation
 * - `POST   /v3/conversations/{conversationId}/activities/{id}`   reply to an activity
 * - `PUT    /v3/conversations/{conversationId}/activities/{id}`   update an activity
 * - `DELETE /v3/conversations/{conversationId}/activities/{id}`   delete an activity
 * - `GET    /v3/conversations/{conversationId}/members`           the roster
 * - `GET    /v3/conversations/{conversationId}/pagedmembers`      the roster, a page at a time
 *   (`pageSize` as Teams reads it: under 50 counts as 50, over 500 as 500, 200 when absent; a test
 *   may make pages smaller with `setMembersPageSize` to see the `continuationToken` followed)
 * - `GET    /v3/conversations/{conversationId}/members/{userId}`  one member
 * Anything else is answered 404 and recorded as `unknown`. Path parts are URL-decoded: conversation
 * ids hold `:` `;` `@` `=`.
 *
 * Beware that botbuilder's client (@azure/core-rest-pipeline) retries by itself, up to 3 times: a
 * response with `Retry-After` (a 429) after that many seconds, a 5xx other than 501/505 (and a
 * 408) with an exponential, jittered back-off from half a second to a second, then doubling. Queue
 * 4 failures to make a 429 or a 500 reach the bot (give a 429 `retryAfter: 0` to keep the test
 * fast); a 403 or a 404 reaches it at once.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WAIT_FOR_CALL_MS, closeServer, useLocalFake, waitForCall } from './local-fake.ts';
import { personalConversationIdFor, TENANT_ID } from './teams-activities.ts';

export type ConnectorMethod = 'reply' | 'send' | 'update' | 'delete' | 'createConversation' | 'members' | 'member' | 'unknown';

/** An activity (or conversation parameters) as the client sent it, parsed from JSON. */
export interface RecordedBody extends Record<string, unknown> {
  type?: string;
  text?: string;
  textFormat?: string;
  attachments?: { contentType: string; content?: unknown; contentUrl?: string; name?: string }[];
  entities?: Record<string, unknown>[];
  replyToId?: string;
  conversation?: { id: string; [key: string]: unknown };
  from?: { id: string; name?: string; [key: string]: unknown };
  recipient?: { id: string; name?: string; [key: string]: unknown };
  channelData?: Record<string, unknown>;
  /** In a `createConversation` call: the first activity of the new conversation. */
  activity?: RecordedBody;
}

export interface ConnectorCall {
  method: ConnectorMethod;
  /** `GET`, `POST`, `PUT`, `DELETE`. */
  httpMethod: string;
  /** The request path as sent (still URL-encoded), without the query. */
  path: string;
  /** The query parameters (`pageSize`, `continuationToken`). */
  query: Record<string, string>;
  /** The decoded conversation id ('' for `createConversation`). */
  conversationId: string;
  /** The decoded activity id for `reply`, `update`, `delete`. */
  activityId?: string;
  /** The decoded member id for `member`. */
  memberId?: string;
  /** The JSON body, parsed (`{}` when there is none). */
  body: RecordedBody;
  /** The `Authorization` header, undefined when none was sent (local development mode). */
  authorization: string | undefined;
  /** `Date.now()` when the call arrived. */
  at: number;
  /** Set when the call was answered with a queued failure. */
  failed?: true;
}

/**
 * A failure for the next call of a kind, answered with `{ error: { code, message } }` as the Bot
 * Connector does: `{ status: 429, retryAfter: 1 }` (with a `Retry-After` header in seconds; `null`
 * for none), `{ status: 403 }` (the bot is not in the conversation), `{ status: 500 }`.
 */
export interface ConnectorFailure {
  status: number;
  /** Seconds, sent as `Retry-After`; a 429 gets 1 unless given, `null` sends no header. */
  retryAfter?: number | null;
  code?: string;
  message?: string;
}

export interface FakeTeamsMember {
  id: string;
  name?: string;
  aadObjectId?: string;
  givenName?: string;
  surname?: string;
  email?: string;
  userPrincipalName?: string;
  userRole?: 'user' | 'guest' | 'anonymous';
  /** Their tenant (another organisation's for an outside guest); the test tenant when not given. */
  tenantId?: string;
  /** The Bot Framework `role` of the account (`bot` for a bot); not sent when absent. */
  role?: 'user' | 'bot';
}

export interface FakeBotConnector {
  /** `http://127.0.0.1:<port>/`, with the trailing slash Teams puts on its service URLs. */
  serviceUrl: string;
  /** The server's origin, `http://127.0.0.1:<port>`. */
  origin: string;
  calls: ConnectorCall[];
  /** The calls of these kinds, in order. */
  callsTo(...methods: ConnectorMethod[]): ConnectorCall[];
  /** The activities the bot posted and the fake accepted (`reply` and `send`), in order. */
  posted(): ConnectorCall[];
  /** Resolves with the first recorded call (already or later) that matches; rejects after `timeoutMs`. */
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  /** Queues failures for the next calls of a kind, used once each, in order. */
  fail(method: ConnectorMethod, ...failures: ConnectorFailure[]): void;
  /**
   * The roster of a conversation, for `members`, `pagedmembers` and `members/{id}`. A channel
   * thread (`…;messageid=…`) falls back to its channel's roster. Unknown conversations have none.
   */
  setMembers(conversationId: string, members: FakeTeamsMember[]): void;
  /**
   * The most members a `pagedmembers` page holds, below what the request's `pageSize` allows
   * (Teams may answer fewer than asked); `undefined` for Teams' own bounds only. Reset with the rest.
   */
  setMembersPageSize(size: number | undefined): void;
  /** The id the next new activity will get (without using it). */
  peekNextActivityId(): string;
  /** Forgets calls, queued failures, rosters and the members page size (activity ids keep increasing). */
  reset(): void;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

/** How Teams reads `pagedmembers`' `pageSize`: under the minimum counts as it, over the maximum as it. */
const PAGED_MEMBERS_MIN = 50;
const PAGED_MEMBERS_MAX = 500;
const PAGED_MEMBERS_DEFAULT = 200;

/** Default error codes, as the Bot Connector names them. */
const ERROR_CODES: Record<number, { code: string; message: string }> = {
  400: { code: 'BadSyntax', message: 'Incorrect conversation creation parameters' },
  401: { code: 'Unauthorized', message: 'Authorization has been denied for this request.' },
  403: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' },
  404: { code: 'ConversationNotFound', message: 'Conversation not found.' },
  412: { code: 'PreconditionFailed', message: 'Precondition failed, please try again.' },
  429: { code: 'Throttled', message: 'Too many requests, please retry after the time given in Retry-After.' },
  500: { code: 'ServiceError', message: 'Unknown error.' },
  502: { code: 'ServiceError', message: 'Bad gateway.' },
  503: { code: 'ServiceUnavailable', message: 'The service is unavailable, please retry.' },
};

async function readBody(req: IncomingMessage): Promise<RecordedBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as RecordedBody) : { value: parsed };
  } catch {
    return { raw };
  }
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

interface Route {
  method: ConnectorMethod;
  conversationId: string;
  activityId?: string;
  memberId?: string;
}

/** What a request is, from its method and the path after `/v3/` (any prefix before it is allowed). */
function route(httpMethod: string, path: string): Route {
  const parts = path.split('/').filter(Boolean);
  const v3 = parts.indexOf('v3');
  const [collection, rawConversation, sub, rawChild, ...more] = v3 >= 0 ? parts.slice(v3 + 1) : [];
  if (collection !== 'conversations' || more.length > 0) return { method: 'unknown', conversationId: '' };
  if (rawConversation === undefined) return { method: httpMethod === 'POST' ? 'createConversation' : 'unknown', conversationId: '' };
  const conversationId = decode(rawConversation);
  if (sub === 'activities' && rawChild === undefined) return { method: httpMethod === 'POST' ? 'send' : 'unknown', conversationId };
  if (sub === 'activities' && rawChild !== undefined && rawChild !== 'history') {
    const activityId = decode(rawChild);
    const method = httpMethod === 'POST' ? 'reply' : httpMethod === 'PUT' ? 'update' : httpMethod === 'DELETE' ? 'delete' : 'unknown';
    return { method, conversationId, activityId };
  }
  if (httpMethod === 'GET' && (sub === 'members' || sub === 'pagedmembers') && rawChild === undefined) return { method: 'members', conversationId };
  if (httpMethod === 'GET' && sub === 'members' && rawChild !== undefined) return { method: 'member', conversationId, memberId: decode(rawChild) };
  return { method: 'unknown', conversationId };
}

function describeCall(call: ConnectorCall): string {
  const summary = JSON.stringify(call.body);
  const target = [call.conversationId, call.activityId ?? call.memberId].filter(Boolean).join(' / ');
  return `${call.method}${call.failed ? ' (failed)' : ''} ${call.httpMethod} ${target} ${summary.length > 200 ? `${summary.slice(0, 200)}…` : summary}`;
}

/** A member as the Bot Connector lists it for Teams (a `TeamsChannelAccount`). */
function teamsChannelAccount(member: FakeTeamsMember): Json {
  const name = member.name ?? member.id;
  const [givenName = name, surname = ''] = name.split(' ');
  const email = member.email ?? `${`${givenName}.${surname}`.toLowerCase().replace(/\.$/, '')}@contoso.example`;
  return {
    id: member.id,
    name,
    ...(member.aadObjectId !== undefined ? { aadObjectId: member.aadObjectId } : {}),
    givenName: member.givenName ?? givenName,
    surname: member.surname ?? surname,
    email,
    userPrincipalName: member.userPrincipalName ?? email,
    tenantId: member.tenantId ?? TENANT_ID,
    userRole: member.userRole ?? 'user',
    ...(member.role !== undefined ? { role: member.role } : {}),
  };
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  const failures = new Map<ConnectorMethod, ConnectorFailure[]>();
  const rosters = new Map<string, FakeTeamsMember[]>();
  const recorded = new EventEmitter();
  recorded.setMaxListeners(0);
  let counter = 0;
  let chatCounter = 0;
  let membersPageSize: number | undefined;

  /** Message ids as Teams writes them (epoch milliseconds): unique, increasing, same length. */
  const nextActivityId = (): string => String(1_763_700_000_000 + (counter += 7));

  function roster(conversationId: string): FakeTeamsMember[] {
    return rosters.get(conversationId) ?? rosters.get(conversationId.split(';')[0] ?? conversationId) ?? [];
  }

  function send(res: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
    if (json === undefined) {
      res.writeHead(status, headers);
      res.end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(json));
  }

  /** The answer to a call that succeeds: status and JSON body (undefined for none). */
  function answer(call: ConnectorCall): { status: number; json: unknown } {
    switch (call.method) {
      case 'reply':
      case 'send':
        return { status: 200, json: { id: nextActivityId() } };
      case 'update':
        return { status: 200, json: { id: call.activityId } };
      case 'delete':
        return { status: 200, json: undefined };
      case 'createConversation': {
        const body = call.body;
        const channelData = (body.channelData ?? {}) as { channel?: { id?: string }; teamsChannelId?: string; tenant?: { id?: string } };
        const channelId = channelData.channel?.id ?? channelData.teamsChannelId;
        const members = Array.isArray(body.members) ? (body.members as { id?: string }[]) : [];
        const tenantId = (typeof body.tenantId === 'string' ? body.tenantId : undefined) ?? channelData.tenant?.id ?? TENANT_ID;
        const activityId = body.activity !== undefined ? nextActivityId() : undefined;
        let id: string;
        if (channelId) {
          // A new thread in a channel: the conversation is the channel and the thread's root.
          const rootId = activityId ?? nextActivityId();
          id = `${channelId};messageid=${rootId}`;
        } else if (members.length === 1 && body.isGroup !== true && members[0]?.id) {
          id = personalConversationIdFor(members[0].id, tenantId);
        } else {
          chatCounter += 1;
          id = `19:${chatCounter.toString(16).padStart(32, 'f')}@thread.v2`;
        }
        return { status: 201, json: { id, ...(activityId !== undefined ? { activityId } : {}) } };
      }
      case 'members': {
        const all = roster(call.conversationId).map(teamsChannelAccount);
        // The older `members` list names the Entra id `objectId` (TeamsInfo.getMembers copies it
        // to `aadObjectId`); `pagedmembers` and `members/{id}` name it `aadObjectId`.
        if (!call.path.endsWith('/pagedmembers')) return { status: 200, json: all.map((member) => ({ ...member, objectId: member.aadObjectId })) };
        const asked = Number(call.query.pageSize ?? PAGED_MEMBERS_DEFAULT) || PAGED_MEMBERS_DEFAULT;
        const pageSize = Math.min(Math.max(asked, PAGED_MEMBERS_MIN), PAGED_MEMBERS_MAX, membersPageSize ?? PAGED_MEMBERS_MAX);
        const token = call.query.continuationToken;
        const start = token ? Number(/^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'))?.[1] ?? Number.NaN) : 0;
        if (Number.isNaN(start)) return { status: 400, json: { error: { code: 'BadArgument', message: 'Invalid continuation token.' } } };
        const end = start + pageSize;
        return {
          status: 200,
          json: { members: all.slice(start, end), ...(end < all.length ? { continuationToken: Buffer.from(`offset:${end}`).toString('base64url') } : {}) },
        };
      }
      case 'member': {
        const member = roster(call.conversationId).find((m) => m.id === call.memberId || m.aadObjectId === call.memberId);
        return member
          ? { status: 200, json: teamsChannelAccount(member) }
          : { status: 404, json: { error: { code: 'MemberNotFoundInConversation', message: 'The member was not found in the conversation.' } } };
      }
      case 'unknown':
        return { status: 404, json: { error: { code: 'NotFound', message: `No such Bot Connector operation: ${call.httpMethod} ${call.path}` } } };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const httpMethod = (req.method ?? 'GET').toUpperCase();
    const where = route(httpMethod, url.pathname);
    const body = await readBody(req);
    const call: ConnectorCall = {
      method: where.method,
      httpMethod,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      conversationId: where.conversationId,
      ...(where.activityId !== undefined ? { activityId: where.activityId } : {}),
      ...(where.memberId !== undefined ? { memberId: where.memberId } : {}),
      body,
      authorization: req.headers.authorization,
      at: Date.now(),
    };

    const failure = failures.get(where.method)?.shift();
    calls.push(call);
    if (failure) {
      call.failed = true;
      recorded.emit('call', call);
      const known = ERROR_CODES[failure.status] ?? { code: 'ServiceError', message: `HTTP ${failure.status}` };
      const retryAfter = failure.retryAfter === undefined ? (failure.status === 429 ? 1 : null) : failure.retryAfter;
      send(
        res,
        failure.status,
        { error: { code: failure.code ?? known.code, message: failure.message ?? known.message } },
        retryAfter === null ? {} : { 'retry-after': String(retryAfter) },
      );
      return;
    }
    recorded.emit('call', call);
    const { status, json } = answer(call);
    send(res, status, json);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: { code: 'ServiceError', message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    serviceUrl: `${origin}/`,
    origin,
    calls,
    callsTo: (...methods) => calls.filter((call) => methods.includes(call.method)),
    posted: () => calls.filter((call) => (call.method === 'reply' || call.method === 'send') && !call.failed),
    waitFor: (predicate, timeoutMs = WAIT_FOR_CALL_MS) => waitForCall({ calls, recorded, describe: describeCall, name: 'fake Bot Connector' }, predicate, timeoutMs),
    fail(method, ...replies) {
      failures.set(method, [...(failures.get(method) ?? []), ...replies]);
    },
    setMembers(conversationId, members) {
      rosters.set(conversationId, members.map((member) => ({ ...member })));
    },
    setMembersPageSize(size) {
      membersPageSize = size === undefined ? undefined : Math.max(1, Math.floor(size));
    },
    peekNextActivityId: () => String(1_763_700_000_000 + counter + 7),
    reset() {
      calls.length = 0;
      failures.clear();
      rosters.clear();
      membersPageSize = undefined;
    },
    close: () => closeServer(server),
  };
}

/** The fake for the enclosing `describe`: started before its tests, reset before each, stopped after. */
export function useFakeBotConnector(set?: (fake: FakeBotConnector) => void): () => FakeBotConnector {
  return useLocalFake('fake Bot Connector', startFakeBotConnector, set);
}
