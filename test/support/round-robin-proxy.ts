/**
 * A small HTTP load balancer for tests with several replicas: each request goes to the next
 * upstream in turn. A request it could not deliver — the upstream refused the connection, or
 * dropped it before answering (a replica killed with `kill -9`) — is sent again to the next
 * upstream, as Slack sends again a request it got no answer for (the body is kept for that), with
 * a short pause once every upstream has failed it. An answer, whatever its status, is passed back as it came.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './local-fake.ts';

/** Attempts for one request before the proxy answers 502. */
const PROXY_MAX_ATTEMPTS = 20;
/** The pause before a request is sent again once every upstream failed it. */
const PROXY_RETRY_PAUSE_MS = 25;

export interface RoundRobinProxy {
  url: string;
  /** Requests answered by each upstream, in the order given. */
  answered: number[];
  /** Deliveries that failed and were sent again to the next upstream. */
  retried: number;
  close(): Promise<void>;
}

/** Headers of one connection, not passed on. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  const agent = new http.Agent({ keepAlive: true });
  const answered = upstreams.map(() => 0);
  const state = { next: 0, retried: 0 };

  function forward(upstream: string, req: http.IncomingMessage, body: Buffer): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const target = new URL(req.url ?? '/', upstream);
      const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
      const request = http.request(target, { method: req.method, headers, agent }, (response) => {
        readAll(response).then((answer) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: answer }), reject);
      });
      request.on('error', reject);
      request.end(body);
    });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readAll(req);
    let index = state.next++ % upstreams.length;
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await forward(upstreams[index] as string, req, body);
        answered[index] = (answered[index] ?? 0) + 1;
        // The connection's own headers stay with the connection; the body goes whole.
        const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
        res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
        res.end(answer.body);
        return;
      } catch (error) {
        if (attempt >= PROXY_MAX_ATTEMPTS) throw error;
        state.retried++;
        index = (index + 1) % upstreams.length;
        // The next upstream at once; a pause once every one has failed.
        if (attempt % upstreams.length === 0) await new Promise((resolve) => setTimeout(resolve, PROXY_RETRY_PAUSE_MS));
      }
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`not delivered: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answered,
    get retried() {
      return state.retried;
    },
    close: async () => {
      await closeServer(server);
      agent.destroy();
    },
  };
}
