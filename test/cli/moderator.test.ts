/**
 * `ta-forum moderator` as a newcomer uses it, on one fresh data folder: the command line run in
 * this process (test/support/cli.ts), the bot a real `ta-forum serve`. They use the web chat on
 * this machine (not a moderator: `stats` is refused), stop the bot, run
 * `moderator add local`, start it again, and `stats` answers. While the bot runs, the command says
 * to stop it first. Then remove, list, a Slack person (the workspace asked when it cannot be
 * known), and a moderator of MODERATORS (changed there, not here).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.ts';
import { WebPerson } from '../adapters/web/web-person.ts';
import { runCommand } from '../support/cli.ts';
import { SERVE_START_TIMEOUT_MS, startServeProcess, type ServeProcess } from '../support/serve-process.ts';
import { seedDataDir } from '../support/pglite-template.ts';

const workDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-moderator-'));
const baseEnv = {
  PATH: process.env.PATH ?? '',
  HOME: workDir,
  HOST: '127.0.0.1',
  PORT: '0',
  TA_FORUM_DATA_DIR: path.join(workDir, 'data'),
  KNOWLEDGE_DIR: path.join(workDir, 'knowledge'),
  LOG_LEVEL: 'warn',
};
seedDataDir(baseEnv.TA_FORUM_DATA_DIR);
let server: ServeProcess | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

function moderator(args: string[], env: Record<string, string> = {}) {
  return runCommand(['moderator', ...args], { cwd: workDir, env: { ...baseEnv, ...env } });
}

/** Runs a command that must fail (exit code 1, no stack trace); answers what it said. */
async function refusedWith(args: string[], env: Record<string, string> = {}): Promise<string> {
  const result = await moderator(args, env);
  expect(result.status, result.stdout).toBe(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return result.stderr;
}

const refusal = messages('en').access.moderatorOnly({ command: 'stats' });

/** What the bot answers `stats` in the web chat. */
async function stats(person: WebPerson): Promise<string> {
  const reply = await person.say('stats');
  return reply.messages.map((m) => m.text).join('\n');
}

describe('ta-forum moderator', () => {
  let person: WebPerson;

  it('lists no moderator on a fresh data folder, and says how to become one', async () => {
    const listed = await moderator(['list']);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain('No moderators yet');
    expect(listed.stdout).toContain('ta-forum moderator add local');
  });

  it('says to use the web chat first when nobody has', async () => {
    expect(await refusedWith(['add', 'local'])).toContain('Nobody has used the web chat on this machine yet');
  });

  it('refuses while the bot runs, saying to stop it first; the person is no moderator yet', async () => {
    server = await startServeProcess(workDir, baseEnv);
    person = new WebPerson(server.url);
    expect(await stats(person)).toContain(refusal);
    expect(person.userId).toMatch(/^[0-9a-f-]{36}$/);
    const held = await refusedWith(['add', 'local']);
    expect(held).toContain(`held by process ${server.pid}`);
    expect(held).toContain('Stop the bot');
    await server.stop();
  }, SERVE_START_TIMEOUT_MS + 30_000);

  it('makes the local web chat person a moderator: after a restart, `stats` answers them', async () => {
    const added = await moderator(['add', 'local']);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout).toContain(`web:${person.userId} is now a moderator`);
    expect((await moderator(['add', `web:${person.userId}`])).stdout).toContain('is already a moderator');
    expect((await moderator(['list'])).stdout).toContain(`web:${person.userId}  (since `);

    server = await startServeProcess(workDir, baseEnv);
    person = WebPerson.withId(server.url, person.userId);
    const answer = await stats(person);
    expect(answer).not.toContain(refusal);
    expect(answer).toContain('How the forum is used');
    await server.stop();
  }, SERVE_START_TIMEOUT_MS + 30_000);

  it('ends the role, and says so when there is none to end', async () => {
    const removed = await moderator(['remove', `web:${person.userId}`]);
    expect(removed.status).toBe(0);
    expect(removed.stdout).toContain(`web:${person.userId} is no longer a moderator.`);
    expect((await moderator(['list'])).stdout).toContain('No moderators yet');
    expect(await refusedWith(['remove', `web:${person.userId}`])).toContain('is not a moderator');
  });

  it('asks for the workspace of a Slack person it cannot know, and takes it from the one workspace served', async () => {
    expect(await refusedWith(['add', 'slack:U0MOD'])).toContain('Give --workspace');
    expect((await moderator(['add', 'slack:U0MOD', '--workspace', 'T0ONE'])).status).toBe(0);
    expect((await moderator(['add', 'slack:U0TWO'], { SLACK_ALLOWED_WORKSPACES: 'T0SERVED' })).stdout).toContain('slack:U0TWO is now a moderator');
    const listed = (await moderator(['list'])).stdout;
    expect(listed).toMatch(/slack:U0MOD {2}\(since \S+\) {2}workspace T0ONE/);
    expect(listed).toMatch(/slack:U0TWO {2}\(since \S+\) {2}workspace T0SERVED/);
  });

  it('lists the moderators of MODERATORS and leaves them to it', async () => {
    const env = { MODERATORS: 'web:boss' };
    expect((await moderator(['list'], env)).stdout).toContain('web:boss  (MODERATORS)');
    expect((await moderator(['add', 'web:boss'], env)).stdout).toContain('web:boss is already a moderator (MODERATORS).');
    expect(await refusedWith(['remove', 'web:boss'], env)).toContain('remove it there');
  });

  it('refuses a person that is not platform:id', async () => {
    expect(await refusedWith(['add', 'matrix:someone'])).toContain('"matrix:someone" is not a person');
  });
});
