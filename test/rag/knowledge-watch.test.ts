/**
 * Documents added to a running bot: the real server (`ta-forum serve`, its own process) on a fresh
 * data folder and knowledge folder. A file copied into the knowledge folder's `docs/` is indexed
 * while it runs, and a question only that file answers is answered in the web chat; the file
 * removed, its passages go. `ta-forum ingest` meanwhile cannot open the store the server holds:
 * it says so and names the folder that takes the files.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebPerson } from '../adapters/web/web-person.ts';
import { BIN, SERVE_START_TIMEOUT_MS, startServeProcess, type ServeProcess } from '../support/serve-process.ts';
import { seedDataDir } from '../support/pglite-template.ts';

const workDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-watch-'));
const dataDir = path.join(workDir, 'data');
seedDataDir(dataDir);
const knowledgeDir = path.join(workDir, 'knowledge');
const docsDir = path.join(knowledgeDir, 'docs');
const INDEX_TIMEOUT_MS = 30_000;

const QUESTION = 'What is the daily allowance for the Tbilisi evaluation workshop?';
const DOCUMENT = `# Tbilisi evaluation workshop

The Tbilisi evaluation workshop takes place in March. The daily allowance for the Tbilisi
evaluation workshop is 137 euros per participant, paid on arrival by the host secretariat.
`;

const env = {
  PATH: process.env.PATH ?? '',
  HOME: workDir,
  HOST: '127.0.0.1',
  PORT: '0',
  KNOWLEDGE_DIR: knowledgeDir,
  TA_FORUM_DATA_DIR: dataDir,
};

let server: ServeProcess | undefined;
let url = '';

/** The bot's answer to the question in the web chat, as text. */
async function answerText(person: WebPerson): Promise<string> {
  const reply = await person.say(QUESTION);
  return reply.messages.map((m) => m.text).join('\n');
}

beforeAll(async () => {
  mkdirSync(docsDir, { recursive: true });
  server = await startServeProcess(workDir, env);
  url = server.url;
}, SERVE_START_TIMEOUT_MS + 5000);

afterAll(async () => {
  await server?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

describe('documents added while the bot runs', () => {
  const person = () => WebPerson.withId(url, '0b6f7a52-3c1d-4e55-9a0e-1d2c3b4a5f60');

  it('does not know the answer before the file is there', async () => {
    expect(await answerText(person())).not.toContain('137');
  });

  it('refuses `ingest` while the server holds the store, and names the folder that takes the files', () => {
    const file = path.join(workDir, 'tbilisi.md');
    writeFileSync(file, DOCUMENT);
    const result = spawnSync(process.execPath, [BIN, 'ingest', file], { cwd: workDir, env, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`held by process ${server?.pid}`);
    expect(result.stderr).toContain(docsDir);
    expect(result.stderr).toMatch(/indexes files added or changed there/);
    expect(result.stderr).not.toMatch(/start with another --data-dir/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 70_000);

  it('indexes a file copied into the knowledge folder and answers from it, without a restart', async () => {
    writeFileSync(path.join(docsDir, 'tbilisi-workshop.md'), DOCUMENT);
    await expect.poll(() => answerText(person()), { timeout: INDEX_TIMEOUT_MS, interval: 500 }).toContain('137');
    expect(await answerText(person())).toMatch(/tbilisi-workshop\.md/);
  }, INDEX_TIMEOUT_MS + 5000);

  it('forgets the passages of a file removed from the folder', async () => {
    expect(await answerText(person())).toContain('137');
    rmSync(path.join(docsDir, 'tbilisi-workshop.md'));
    await expect.poll(() => answerText(person()), { timeout: INDEX_TIMEOUT_MS, interval: 500 }).not.toContain('137');
  }, INDEX_TIMEOUT_MS + 5000);
});
