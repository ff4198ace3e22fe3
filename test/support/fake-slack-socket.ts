/**
 * Slack's side of Socket Mode, locally: a WebSocket server (package `ws`) that greets the app with
 * `hello`, sends envelopes and collects the app's acknowledgements, and, on the same port, a Web API
 * base URL that answers `apps.connections.open` with this server's WebSocket URL and forwards every
 * other call to the recording fake (`test/support/fake-slack.ts`), where the tests read them.
 *
 * How the real client gets there (`@slack/socket-mode` 3, as Bolt 5 builds it): Bolt hands its
 * `clientOptions` (so `slackApiUrl`) to the SocketModeClient, whose WebClient POSTs
 * `apps.connections.open` with `Authorization: Bearer <app token>` to that base URL, then opens the
 * returned `url` and waits for `{type:'hello'}` before `start()` resolves. An envelope is
 * `{envelope_id, type, payload, accepts_response_payload}`; the app answers `{envelope_id, payload}`.
 *
 * No vitest import here: scripts outside the test runner may use it too.
 */
import { randomUUID } from 'node:crypto';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { API_APP_ID } from './slack-requests.ts';

export type SocketEnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

/** What the app sends back for an envelope. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface SendEnvelopeOptions {
  /** Defaults to a fresh UUID. */
  envelopeId?: string;
  /** How long to wait for the acknowledgement; Slack's rule is 3 s. */
  timeoutMs?: number;
  /** Redelivery fields of an `events_api` envelope. */
  retryAttempt?: number;
  retryReason?: string;
}

export interface FakeSlackSocket {
  /** The base URL for `SLACK_API_URL`: `apps.connections.open` here, every other method forwarded. */
  apiUrl: string;
  /** The WebSocket URL `apps.connections.open` hands out, without its ticket. */
  url: string;
  /** The WebSocket connections open now. */
  readonly connections: number;
  /** `hello` messages sent, one per accepted connection. */
  readonly hellos: number;
  /** The token of each `apps.connections.open` call (from `Authorization: Bearer …`). */
  appTokens: (string | undefined)[];
  /** The close codes of the connections that ended, in order. */
  closeCodes: number[];
  /** Answers the next `apps.connections.open` with `{ok: false, error}` (`invalid_auth`, say). */
  failOpen(error: string): void;
  /** Asks the app to reconnect, as Slack does before recycling a connection (`refresh_requested`). */
  requestReconnect(reason?: string): void;
  /** Sends an envelope on the newest connection; resolves with the app's acknowledgement of it. */
  send(type: SocketEnvelopeType, payload: object, options?: SendEnvelopeOptions): Promise<SocketAck>;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

function sendJson(res: ServerResponse, status: number, json: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(json));
}

/** `forwardTo`: the recording fake's API base URL (`fake.apiUrl`, ending in `/api/`). */
export async function startFakeSlackSocket(options: { forwardTo: string }): Promise<FakeSlackSocket> {
  const forwardTo = new URL(options.forwardTo);
  const sockets = new Set<WebSocket>();
  const tickets = new Set<string>();
  const acks = new Map<string, (ack: SocketAck) => void>();
  const appTokens: (string | undefined)[] = [];
  const closeCodes: number[] = [];
  const openFailures: string[] = [];
  let newest: WebSocket | undefined;
  let hellos = 0;
  let origin = '';

  /** Forwards a Web API call as is (method, headers, body) and streams the answer back. */
  function forward(req: IncomingMessage, res: ServerResponse, method: string): void {
    const target = new URL(method, forwardTo);
    const headers = { ...req.headers, host: target.host };
    const upstream = request(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => sendJson(res, 502, { ok: false, error: String(error) }));
    req.pipe(upstream);
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    const method = path.startsWith('/api/') ? path.slice('/api/'.length) : undefined;
    if (req.method !== 'POST' || !method) {
      sendJson(res, 404, { ok: false, error: 'unknown_method' });
      return;
    }
    if (method !== 'apps.connections.open') {
      forward(req, res, method);
      return;
    }
    req.resume();
    appTokens.push(/^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]);
    const failure = openFailures.shift();
    if (failure) {
      sendJson(res, 200, { ok: false, error: failure });
      return;
    }
    const ticket = randomUUID();
    tickets.add(ticket);
    sendJson(res, 200, { ok: true, url: `${origin.replace(/^http/, 'ws')}/link/?ticket=${ticket}&app_id=${API_APP_ID}` });
  });

  const wss = new WebSocketServer({ noServer: true });
  // Only a URL handed out by apps.connections.open opens a connection, and each only once.
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/link/' || !tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    newest = ws;
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return;
      let message: unknown;
      try {
        message = JSON.parse(new TextDecoder().decode(Array.isArray(data) ? Buffer.concat(data) : data));
      } catch {
        return;
      }
      const ack = message as Partial<SocketAck> | null;
      if (typeof ack?.envelope_id === 'string') acks.get(ack.envelope_id)?.(ack as SocketAck);
    });
    ws.on('close', (code: number) => {
      sockets.delete(ws);
      closeCodes.push(code);
      if (newest === ws) newest = [...sockets].at(-1);
    });
    hellos += 1;
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: sockets.size,
        debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18_060 },
        connection_info: { app_id: API_APP_ID },
      }),
    );
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${origin}/api/`,
    url: `ws://127.0.0.1:${port}/link/`,
    get connections() {
      return sockets.size;
    },
    get hellos() {
      return hellos;
    },
    appTokens,
    closeCodes,
    failOpen(error) {
      openFailures.push(error);
    },
    requestReconnect(reason = 'refresh_requested') {
      newest?.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake' } }));
    },
    send(type, payload, sendOptions = {}) {
      const ws = newest;
      if (!ws) return Promise.reject(new Error('fake Slack socket: no app connected'));
      const envelopeId = sendOptions.envelopeId ?? randomUUID();
      const timeoutMs = sendOptions.timeoutMs ?? 3000;
      const envelope: Json = { envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' };
      if (type === 'events_api') {
        envelope.retry_attempt = sendOptions.retryAttempt ?? 0;
        envelope.retry_reason = sendOptions.retryReason ?? '';
      }
      return new Promise<SocketAck>((resolve, reject) => {
        const timer = setTimeout(() => {
          acks.delete(envelopeId);
          reject(new Error(`fake Slack socket: no acknowledgement of ${type} envelope ${envelopeId} within ${timeoutMs} ms`));
        }, timeoutMs);
        acks.set(envelopeId, (ack) => {
          clearTimeout(timer);
          acks.delete(envelopeId);
          resolve(ack);
        });
        ws.send(JSON.stringify(envelope), (error) => {
          if (!error) return;
          clearTimeout(timer);
          acks.delete(envelopeId);
          reject(error);
        });
      });
    },
    close: async () => {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
