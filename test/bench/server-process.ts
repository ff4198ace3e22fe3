/** A server in its own process for the benchmarks: the real `ta-forum serve`, or one that does nothing. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { storeEngines, type PersistentTarget } from '../support/stores.ts';
import { SIGNING_SECRET, TEAM_ID } from '../support/slack-requests.ts';

/** An HTTP server that answers every request at once, in its own process: the client's own share of the figures. */
export const EMPTY_SERVER = `const s = require('node:http').createServer((q, r) => { q.resume(); q.on('end', () => r.end('ok')); });
s.listen(0, '127.0.0.1', () => console.error(JSON.stringify({ msg: 'TA Forum Bot is running', url: 'http://127.0.0.1:' + s.address().port })));`;

/** Starts a server process and returns its URL once its log says it is up (the log is read to the end). */
export interface ServerProcess {
  url: string;
  /** The process id (the inbox names a process's worker after it). */
  pid: number;
  /** SIGTERM, and the process's end: a graceful stop. */
  stop(): Promise<void>;
  /** SIGKILL (`kill -9`), and the process's end: nothing in it runs any more. */
  kill(): Promise<void>;
}

export async function startServer(args: string[], env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  // A full pipe would stall the server's synchronous log writes: every line is read.
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stderr });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'TA Forum Bot is running' && entry.url) resolve(entry.url);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it started`)));
  });
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };
  return { url, pid: child.pid ?? 0, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

/** `ta-forum serve` on a free loopback port, on its own data directory, with Slack pointed at a local fake. */
export function startSlackServe(dataDir: string, apiUrl: string, extra: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  return startServer(['adapters/host/bin.mjs', 'serve'], {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    TA_FORUM_DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    SLACK_ALLOWED_WORKSPACES: TEAM_ID,
    ...extra,
  });
}

/** Where a benchmark's `ta-forum serve` keeps its data: a fresh embedded data directory, or a fresh PostgreSQL database. */
export interface BenchEngine {
  /** `ta-forum serve` on this engine (`startSlackServe`); its data goes when the server stops. */
  serve(apiUrl: string, extra?: NodeJS.ProcessEnv): Promise<ServerProcess>;
}

/** `startSlackServe` in a fresh data directory, removed when the server ends. */
async function serveInFreshDir(apiUrl: string, extra: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-bench-'));
  const server = await startSlackServe(dataDir, apiUrl, extra).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const remove = (): void => rmSync(dataDir, { recursive: true, force: true });
  return { url: server.url, pid: server.pid, stop: () => server.stop().then(remove), kill: () => server.kill().then(remove) };
}

export function embeddedEngine(): BenchEngine {
  return { serve: (apiUrl, extra = {}) => serveInFreshDir(apiUrl, extra) };
}

/**
 * Runs `bench` on PostgreSQL when `TEST_DATABASE_URL` names a server (each server it starts on a
 * fresh database, dropped afterwards); undefined without one.
 */
export async function withPostgres<T>(bench: (engine: BenchEngine) => Promise<T>): Promise<T | undefined> {
  const postgres = process.env.TEST_DATABASE_URL ? storeEngines().find((e) => e.name === 'postgres' && !e.skip) : undefined;
  if (!postgres) return undefined;
  const databases: PersistentTarget[] = [];
  try {
    return await bench({
      serve: async (apiUrl, extra = {}) => {
        const database = await postgres.persistent();
        databases.push(database);
        return serveInFreshDir(apiUrl, { DATABASE_URL: database.url, ...extra });
      },
    });
  } finally {
    for (const database of databases) await database.dispose();
  }
}

/** How a p99 compares with the do-nothing server's in the same run, against the goal of twice it: "1.72 × the do-nothing server's (goal <= 2 ×: met)". */
export function ratio(p99: number, baselineP99: number): string {
  const times = p99 / baselineP99;
  return `${times.toFixed(2)} × the do-nothing server's (goal <= 2 ×: ${times <= 2 ? 'met' : 'NOT MET'})`;
}

/**
 * Requests that got no answer at all (the connection reset or refused before any status line), by
 * error: counted and printed beside the figures, never fatal to the benchmark. A request the server
 * acknowledged always has its status; these never reached it or never came back.
 */
export class Unanswered {
  private readonly counts = new Map<string, number>();

  get total(): number {
    return [...this.counts.values()].reduce((sum, n) => sum + n, 0);
  }

  /** Sends the request; undefined (and counted) when it fails without an answer. */
  async send<T>(request: () => Promise<T>): Promise<T | undefined> {
    try {
      return await request();
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      const key = `${code ?? 'error'}: ${message}`;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      return undefined;
    }
  }

  /** "; 2 requests got no answer (ECONNRESET: socket hang up × 2)", or nothing when every request was answered. */
  toString(): string {
    if (this.total === 0) return '';
    return `; ${this.total} requests got no answer (${[...this.counts].map(([key, n]) => `${key} × ${n}`).join(', ')})`;
  }
}
