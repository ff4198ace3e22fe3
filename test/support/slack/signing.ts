/**
 * Signing and sending: Slack's v0 request signature, the raw body of each kind of request, and the
 * POST to the app's Request URL (with forged, missing or stale signatures and retry headers on demand).
 */
import http from 'node:http';
import { createHmac } from 'node:crypto';

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

/** POSTs a raw body, signed (as Slack would sign it) but of any shape: malformed requests. */
export function sendSignedRaw(baseUrl: string, secret: string, rawBody: string, contentType: string, timestamp: number = nowSeconds()): Promise<SlackResponse> {
  const signed = signSlackBody(secret, rawBody, timestamp);
  const headers = { 'content-type': contentType, 'x-slack-request-timestamp': signed.timestamp, 'x-slack-signature': signed.signature };
  return post(`${baseUrl.replace(/\/$/, '')}/slack/events`, headers, rawBody);
}

/**
 * Connections kept open between requests, as Slack's senders do; lighter than `fetch` under bursts.
 * With a socket timeout set, Node's agent also follows the server's `Keep-Alive: timeout=5` and
 * drops an idle connection a second before the server closes it (without one it keeps it, and a
 * request sent on it just as the server closes it fails with "socket hang up": it reached no server).
 */
const agent = new http.Agent({ keepAlive: true, timeout: 60_000 });

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
