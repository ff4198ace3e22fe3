/**
 * `ta-forum web-account` as a person runs it (the command line, run in this process:
 * test/support/cli.ts) on one data folder. An account is added (its sign-in link printed), listed,
 * given a password, disabled; then the bot is served on that folder by a real `ta-forum serve`,
 * and the printed link signs a browser in.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../support/cli.ts';
import { seedDataDir } from '../support/pglite-template.ts';

const BIN = path.resolve('adapters/host/bin.mjs');
const workDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-web-account-'));
const dataDir = path.join(workDir, 'data');
seedDataDir(dataDir);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? workDir, TA_FORUM_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };

function run(args: string[], options: { env?: Record<string, string>; input?: string } = {}) {
  return runCommand(['web-account', ...args], {
    cwd: workDir,
    env: { ...baseEnv, ...options.env },
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
}

const LINK = /^(https?:\/\/\S+)\/web\/signin\/([A-Za-z0-9_-]{43})$/m;

/** Opens a link as a browser's navigation does; answers the status, the redirect and the cookies set. */
function navigate(url: string): Promise<{ status: number; location: string | undefined; cookies: string[] }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location, cookies: res.headers['set-cookie'] ?? [] });
      })
      .on('error', reject);
  });
}

describe('ta-forum web-account', () => {
  let link = '';

  it('adds a member and prints a one-time sign-in link on WEB_PUBLIC_URL', async () => {
    const added = await run(['add', 'Amina.Diallo', '--name', 'Amina Diallo', '--moderator'], { env: { WEB_PUBLIC_URL: 'https://forum.example.org/' } });
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('Web account amina.diallo created for Amina Diallo (member, moderator).');
    expect(LINK.exec(added.stdout)?.[1]).toBe('https://forum.example.org');
  });

  it('adds a guest; without WEB_PUBLIC_URL the link is on this machine, and says so', async () => {
    const added = await run(['add', 'jo.guest', '--name', 'Jo Guest', '--guest-days', '10']);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('(guest for 10 days)');
    expect(LINK.exec(added.stdout)?.[1]).toBe('http://localhost:3978');
    expect(added.stderr).toContain('WEB_PUBLIC_URL is not set');
  });

  it('explains what is wrong in one line, without a stack', async () => {
    const cases: [string[], string][] = [
      [['add', 'amina.diallo', '--name', 'Someone Else'], 'The login "amina.diallo" is already taken.'],
      [['add', 'a b', '--name', 'X'], 'A login has 2 to 64 characters'],
      [['add', 'x.y', '--name', 'X', '--guest-days', '5', '--moderator'], 'A guest cannot be a moderator'],
      [['link', 'nobody'], 'There is no web account "nobody".'],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(`ta-forum: ${message}`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    const usage = await run(['add', 'x.y', '--name', 'X', '--guest-days', 'many']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--guest-days');
    expect((await run(['add', 'x.y'])).stderr).toContain("required option '--name <name>'");
  });

  it('sets a password read from standard input, at least 12 characters', async () => {
    const short = await run(['password', 'amina.diallo'], { input: 'too short\n' });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('at least 12 characters');
    const set = await run(['password', 'amina.diallo'], { input: 'a long enough passphrase\n' });
    expect(set.status).toBe(0);
    expect(set.stdout).toContain('Password set for amina.diallo');
  });

  it('prints a new link, lists the accounts, and disables one', async () => {
    const printed = await run(['link', 'AMINA.DIALLO']);
    expect(printed.status).toBe(0);
    link = LINK.exec(printed.stdout)?.[0] ?? '';
    expect(link).not.toBe('');

    expect((await run(['disable', 'jo.guest'])).stdout).toContain('Web account jo.guest disabled');
    const list = await run(['list']);
    expect(list.status).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^LOGIN\s+ROLE\s+PASSWORD\s+STATUS\s+NAME$/);
    expect(lines[1]).toMatch(/^amina\.diallo\s+moderator\s+yes\s+active\s+Amina Diallo$/);
    expect(lines[2]).toMatch(/^jo\.guest\s+guest until \d{4}-\d\d-\d\d\s+no\s+disabled \d{4}-\d\d-\d\d\s+Jo Guest$/);
    const json = (await run(['list', '--json'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(json.map((a) => [a.login, a.kind, a.role, a.password])).toEqual([
      ['amina.diallo', 'member', 'moderator', true],
      ['jo.guest', 'guest', 'guest', false],
    ]);
  });

  it('gives a link the bot, served on the same data folder, signs in with once', async () => {
    const server = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: workDir, env: { ...baseEnv, HOST: '127.0.0.1', WEB_LOCAL_ACCESS: 'false' } });
    try {
      let stderr = '';
      server.stderr.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        server.stderr.on('data', (chunk: string) => {
          stderr += chunk;
          const found = /Web chat: (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
          if (found) resolve(found);
        });
        server.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
      });
      const target = link.replace(/^https?:\/\/[^/]+/, url);
      const first = await navigate(target);
      expect(first.status).toBe(303);
      expect(first.location).toBe('/');
      const cookie = first.cookies.find((c) => c.startsWith('ta_forum_session='))?.split(';')[0] ?? '';
      const session = await fetch(`${url}/web/api/session`, { headers: { cookie } });
      expect(((await session.json()) as { account: unknown }).account).toEqual({ login: 'amina.diallo', name: 'Amina Diallo', kind: 'member' });
      expect((await navigate(target)).location).toBe('/?signin=invalid');
    } finally {
      if (server.exitCode === null) {
        const exited = once(server, 'exit');
        server.kill('SIGTERM');
        await exited;
      }
    }
  });
});
