/**
 * Stopping the server as people do: Ctrl+C (SIGINT) to the server, and SIGTERM or SIGKILL to the
 * `npm start` that runs it. The real processes; "stopped cleanly" is seen from outside: exit code 0
 * where it can be read, and the data folder's lock released (the store closed), so that a second
 * start on the same folder works.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../../src/store/data-dir-lock.ts';
import { seedDataDir } from '../../support/pglite-template.ts';

const ROOT = path.resolve('.');
const BIN = path.join(ROOT, 'adapters/host/bin.mjs');
const workDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-stop-'));
const knowledgeDir = path.join(workDir, 'knowledge');
mkdirSync(knowledgeDir);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function env(dataDir: string): NodeJS.ProcessEnv {
  return { ...process.env, HOST: '127.0.0.1', PORT: '0', TA_FORUM_DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: 'warn', LOG_FORMAT: 'json' };
}

/** Starts a process and waits for the server's "Web chat:" line on its standard error. */
async function start(command: string, args: string[], dataDir: string): Promise<ChildProcess> {
  seedDataDir(dataDir);
  const child = spawn(command, args, { cwd: ROOT, env: env(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stdout?.resume();
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('Web chat: http://127.0.0.1:')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code}: ${stderr}`)));
  });
  return child;
}

/** The server's pid, as written in the data folder's lock. */
function serverPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, LOCK_FILE_NAME), 'utf8').trim());
}

/** Whether a process runs (a zombie, ended but not yet reaped by its new parent, does not). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function waitUntil(test: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (test()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return test();
}

/** A second server starts on the same data folder, and stops on SIGINT with exit code 0. */
async function startsAgainAndStopsOnCtrlC(dataDir: string): Promise<void> {
  const again = await start(process.execPath, [BIN, 'serve'], dataDir);
  const exited = once(again, 'exit') as Promise<[number | null, string | null]>;
  again.kill('SIGINT');
  expect(await exited).toEqual([0, null]);
  expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);
}

describe('stopping the server', () => {
  it('stops on Ctrl+C (SIGINT) and SIGTERM with exit code 0, the store closed', async () => {
    const dataDir = path.join(workDir, 'direct');
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const server = await start(process.execPath, [BIN, 'serve'], dataDir);
      expect(serverPid(dataDir)).toBe(server.pid);
      const exited = once(server, 'exit') as Promise<[number | null, string | null]>;
      server.kill(signal);
      expect(await exited, signal).toEqual([0, null]);
      expect(existsSync(path.join(dataDir, LOCK_FILE_NAME)), signal).toBe(false);
    }
  });

  it.each(['SIGTERM', 'SIGKILL'] as const)('stops when `npm start` gets %s, the store closed, and starts again', async (signal) => {
    const dataDir = path.join(workDir, `npm-${signal}`);
    const npm = await start('npm', ['start', '--silent'], dataDir);
    const pid = serverPid(dataDir);
    expect(pid).not.toBe(npm.pid);
    npm.kill(signal);
    // The server notices within a second or two, finishes and closes the store.
    expect(await waitUntil(() => !isRunning(pid), 20_000)).toBe(true);
    expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);
    await startsAgainAndStopsOnCtrlC(dataDir);
  });
});
