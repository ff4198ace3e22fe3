/**
 * A small, reproducible fuzzer for the HTTP endpoints: a seeded generator (mulberry32: the same
 * seed gives the same requests on every machine), hostile strings and JSON values, mutations of a
 * valid payload (fields deleted, retyped, replaced, made huge), and a runner that sends requests
 * over loopback a few at a time and reports every answer that is a server error, shows a stack
 * trace or names an internal path.
 *
 * No vitest import here: the runner returns what it found, the test asserts.
 */
import http from 'node:http';
import { PROJECT_ROOT } from '../../src/paths.ts';

export class Random {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

/** Strings that have broken servers: control and NUL characters, lone surrogates, traversal, markup, formulas, numbers as text. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\ufeff',
  '\u202eevil',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/dev/zero',
  'C:\\Users\\ana\\file.md',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '=1+1',
  "'; drop table documents; --",
  '${jndi:ldap://x}',
  '{{constructor.constructor("return 1")()}}',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  '9007199254740993',
  '0x10',
  'true',
  'null',
  '[]',
  '{}',
  'help',
  'poll "a" "b"',
  'topic propose x | y',
  'lang xx',
  '🧨💥',
  'مرحبا',
  '中文',
  '\t\r\n',
];

/** A hostile or random string; `long`: sometimes tens of kilobytes. */
export function randomString(r: Random, long = true): string {
  const roll = r.next();
  if (roll < 0.45) return r.pick(NASTY_STRINGS);
  if (roll < 0.8) {
    const length = r.int(40);
    let text = '';
    for (let i = 0; i < length; i++) text += String.fromCharCode(r.chance(0.7) ? 0x20 + r.int(0x5f) : r.int(0x10000));
    return text;
  }
  if (roll < 0.95 || !long) return r.pick(NASTY_STRINGS) + randomString(r, false) + r.pick(NASTY_STRINGS);
  return r.pick(['x', 'é', '\u0000', '🧨', 'a ']).repeat(1 + r.int(40_000));
}

/** A random JSON value (a lone surrogate survives JSON.stringify as an escape). */
export function randomValue(r: Random, depth = 0): unknown {
  const roll = r.int(depth > 2 ? 6 : 9);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, 42]);
    case 3:
    case 4:
    case 5:
      return randomString(r);
    case 6:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: r.int(4) }, () => [r.chance(0.3) ? r.pick(['__proto__', 'type', 'text', 'id', 'value']) : randomString(r, false), randomValue(r, depth + 1)]));
  }
}

/** The paths to every leaf and branch of a JSON value. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value as Record<string, unknown>);
  return [prefix, ...entries.flatMap(([key, v]) => pathsOf(v, [...prefix, key]))];
}

/** A copy of a valid payload with one to three fields deleted, retyped or replaced by random values. */
export function mutate(r: Random, template: unknown): unknown {
  const copy = structuredClone(template) as Record<string | number, unknown>;
  const edits = 1 + r.int(3);
  for (let n = 0; n < edits; n++) {
    const paths = pathsOf(copy).filter((p) => p.length > 0);
    if (paths.length === 0) return randomValue(r);
    const path = r.pick(paths);
    let parent: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const key = path.at(-1) as string | number;
    if (r.chance(0.25) && !Array.isArray(parent)) delete parent[key];
    else parent[key] = randomValue(r);
  }
  return copy;
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** What the request was, for the report. */
  label: string;
}

export interface FuzzResponse {
  status: number;
  body: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** Sends one request as it is (any bytes, any header value Node lets through); status 0 when the connection failed. */
export function send(base: string, request: FuzzRequest): Promise<FuzzResponse> {
  return new Promise((resolve) => {
    const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
    let req: http.ClientRequest;
    try {
      req = http.request(`${base}${request.path}`, { method: request.method, agent, headers: { ...request.headers, ...(body ? { 'content-length': String(body.length) } : {}) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', () => resolve({ status: 0, body: '' }));
      });
    } catch {
      // A path or header Node itself refuses to send: not a request the server can see.
      resolve({ status: -1, body: '' });
      return;
    }
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(body);
  });
}

/** What is wrong with an answer: a server error, a dropped connection, a stack trace, an internal path. */
export function problemOf(response: FuzzResponse): string | undefined {
  if (response.status === 0) return 'connection failed';
  if (response.status >= 500) return `status ${response.status}`;
  if (/\n\s+at \S/.test(response.body)) return 'a stack trace in the body';
  if (response.body.includes(PROJECT_ROOT) || /node_modules|\.ts:\d+/.test(response.body)) return 'an internal path in the body';
  return undefined;
}

export interface FuzzReport {
  sent: number;
  /** Requests Node refused to send (a header value it will not write). */
  unsent: number;
  statuses: Record<number, number>;
  problems: { label: string; problem: string; status: number; body: string; request: string }[];
}

/** Sends `count` generated requests, `concurrency` at a time; what came back. */
export async function fuzz(base: string, count: number, make: (r: Random, i: number) => FuzzRequest, options: { seed: number; concurrency?: number }): Promise<FuzzReport> {
  const r = new Random(options.seed);
  const report: FuzzReport = { sent: 0, unsent: 0, statuses: {}, problems: [] };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const request = make(r, next++);
      const response = await send(base, request);
      if (response.status === -1) {
        report.unsent++;
        continue;
      }
      report.sent++;
      report.statuses[response.status] = (report.statuses[response.status] ?? 0) + 1;
      const problem = problemOf(response);
      if (problem) report.problems.push({ label: request.label, problem, status: response.status, body: response.body.slice(0, 300), request: String(request.body ?? '').slice(0, 2000) });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return report;
}
