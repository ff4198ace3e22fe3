/**
 * A local server that plays an OpenAI-compatible API for the real `openai` client: it records every
 * request (method, path, headers, JSON body) and answers each endpoint from replies queued per test.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createModelClient } from '../../src/rag/llm/client.ts';

export const CHAT_PATH = '/v1/chat/completions';
export const EMBEDDINGS_PATH = '/v1/embeddings';
export const FAKE_API_KEY = 'sk-test-SECRET-0123456789';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
}

/** A reply, or a function of the request that makes one. */
export type Responder = Reply | ((request: RecordedRequest) => Reply);

export interface FakeOpenAI {
  /** The base URL the client is given, ending in `/v1`. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Queues replies for a path: each request takes the next; the last one is repeated. */
  on(path: string, ...responders: Responder[]): void;
  close(): Promise<void>;
}

export function chatReply(content: string | null, extra: { refusal?: string } = {}): Reply {
  return {
    json: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'test-chat',
      choices: [
        { index: 0, message: { role: 'assistant', content, refusal: extra.refusal ?? null }, finish_reason: 'stop', logprobs: null },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    },
  };
}

export function embeddingsReply(vectors: number[][]): Reply {
  return {
    json: {
      object: 'list',
      data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
      model: 'test-embed',
      usage: { prompt_tokens: vectors.length, total_tokens: vectors.length },
    },
  };
}

/** An error in OpenAI's shape; `retry-after: 0` so that the client's retries do not wait. */
export function errorReply(status: number, message = `failed with ${status}`, code: string | null = null): Reply {
  return {
    status,
    headers: { 'retry-after': '0' },
    json: { error: { message, type: status === 429 ? 'requests' : 'server_error', param: null, code } },
  };
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const queues = new Map<string, Responder[]>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // Kept as text.
      }
      const path = (req.url ?? '/').split('?')[0] as string;
      const request: RecordedRequest = { method: req.method ?? '', path, headers: req.headers, body };
      requests.push(request);
      const queue = queues.get(path);
      const responder = queue && queue.length > 1 ? queue.shift() : queue?.[0];
      const reply = responder === undefined ? errorReply(404, `no reply for ${path}`) : typeof responder === 'function' ? responder(request) : responder;
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.json ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    on(path, ...responders) {
      queues.set(path, responders);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The real client pointed at the fake server. */
export function fakeClient(fake: FakeOpenAI, timeoutMs = 10_000): OpenAI {
  return createModelClient({ apiKey: FAKE_API_KEY, baseUrl: fake.baseUrl, chatModel: 'test-chat', embeddingModel: 'test-embed', timeoutMs });
}

/** The messages of a recorded chat request. */
export function chatMessages(request: RecordedRequest | undefined): { role: string; content: string }[] {
  return ((request?.body ?? {}) as { messages?: { role: string; content: string }[] }).messages ?? [];
}

/**
 * Starts a fake server for the enclosing `describe` (hands it over through `set`), forgets its
 * recorded requests before each test, and stops it afterwards.
 */
export function useFakeOpenAI(set: (fake: FakeOpenAI) => void): void {
  let current: FakeOpenAI | undefined;
  beforeAll(async () => {
    current = await startFakeOpenAI();
    set(current);
  });
  afterAll(() => current?.close());
  beforeEach(() => {
    if (current) current.requests.length = 0;
  });
}
