/**
 * `ta-forum ingest` and `ta-forum ask` as a person runs them, on a folder of md, txt, html, pdf and
 * docx files and a corrupt PDF: JSON on standard output, exit codes. The command line runs in this
 * process (test/support/cli.ts); the real `ta-forum` process where the process is the point (its
 * exit code for a failed ingest or a bad option, and its output closed by the reader). The
 * built-in knowledge base is kept out (KNOWLEDGE_DIR is an empty folder).
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfBomb } from './ingest/bombs.ts';
import { makeFixtures } from './ingest/fixtures.ts';
import { runCommand } from '../support/cli.ts';
import { seedDataDir } from '../support/pglite-template.ts';

const BIN = path.resolve('adapters/host/bin.mjs');
const workDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-rag-cli-'));
const dataDir = path.join(workDir, 'data');
/** The folder as given on the command line (relative to the process's folder), and so the sources' prefix. */
const FOLDER = 'kb';

/** A clean environment: only what the test sets, plus PATH and HOME for Node itself. */
const env = () => ({ PATH: process.env.PATH ?? '', HOME: workDir, KNOWLEDGE_DIR: path.join(workDir, 'knowledge') });

/** The command line, in this process. */
function run(args: string[], input?: string) {
  return runCommand(args, { cwd: workDir, env: env(), ...(input === undefined ? {} : { input }) });
}

/** The real `ta-forum` process. */
function runProcess(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: workDir, env: env(), encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

interface AskJson {
  question: string;
  language: string;
  answered: boolean;
  answer: string;
  citations: Record<string, unknown>[];
  retrieval: Record<string, unknown>[];
}

const REQUEST_QUESTION = 'How can a member request technical assistance?';

beforeAll(async () => {
  const fixtures = await makeFixtures();
  // An empty file would be a second failure; the .xls is not a knowledge-base file and is not counted.
  rmSync(fixtures.empty);
  renameSync(fixtures.dir, path.join(workDir, FOLDER));
  mkdirSync(path.join(workDir, 'knowledge'));
  // The first test's data folder is made by \`ingest\` itself; the others start from a migrated copy.
  for (const name of ['text-data', 'missing-data', 'all-bad-data', 'bomb-data']) seedDataDir(path.join(workDir, name));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('ta-forum ingest and ask', () => {
  it('ingests a folder and reports the corrupt PDF with its reason', async () => {
    const { status, stdout } = await run(['ingest', FOLDER, '--json', '--data-dir', dataDir]);
    expect(status).toBe(0);
    const [summary, ...rest] = jsonLines(stdout);
    expect(rest).toEqual([]);
    expect(summary).toMatchObject({
      added: 5,
      updated: 0,
      skipped: 0,
      failed: 1,
      removed: 0,
      failures: [{ source: `${FOLDER}/broken.pdf`, reason: 'not a valid PDF' }],
      // Met while walking the folder, not taken: said which, and why.
      ignored: [{ source: `${FOLDER}/budget.xls`, reason: expect.stringContaining('".xls" files are not read') as string }],
    });
    expect(summary?.chunks).toBeGreaterThanOrEqual(5);
  });

  it('says which files of a folder it skipped and why, in text too', async () => {
    const { status, stdout } = await run(['ingest', FOLDER, '--data-dir', path.join(workDir, 'text-data')]);
    expect(status).toBe(0);
    expect(stdout).toContain(`  skipped: ${FOLDER}/budget.xls: not a type the knowledge base takes (".xls" files are not read; it takes .md,`);
  });

  it('exits 1 for a path that does not exist, naming it', () => {
    const { status, stdout, stderr } = runProcess(['ingest', 'no-such-folder', '--data-dir', path.join(workDir, 'missing-data')]);
    expect(status).toBe(1);
    expect(stdout).toContain('  failed: no-such-folder: not found');
    expect(stderr).toBe('ta-forum: ingest: not found: no-such-folder\n');
  });

  it('exits 1 when every file fails', async () => {
    mkdirSync(path.join(workDir, 'all-bad'));
    writeFileSync(path.join(workDir, 'all-bad', 'empty.md'), '');
    writeFileSync(path.join(workDir, 'all-bad', 'broken.pdf'), '%PDF-1.4 not really');
    const { status, stdout, stderr } = await run(['ingest', 'all-bad', '--json', '--data-dir', path.join(workDir, 'all-bad-data')]);
    expect(status).toBe(1);
    expect(jsonLines(stdout)).toEqual([expect.objectContaining({ added: 0, updated: 0, skipped: 0, failed: 2 })]);
    expect(stderr).toBe('ta-forum: ingest: no file could be added to the knowledge base\n');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses PDF bombs with their reasons, and ingests the rest', async () => {
    mkdirSync(path.join(workDir, 'bombs'));
    writeFileSync(path.join(workDir, 'bombs', 'bomb.pdf'), pdfBomb(1024));
    writeFileSync(path.join(workDir, 'bombs', 'hidden.pdf'), pdfBomb(1024, true));
    writeFileSync(path.join(workDir, 'bombs', 'notes.md'), '# Notes\n\nThe workshop opens in May.\n');
    const { status, stdout, stderr } = await run(['ingest', 'bombs', '--data-dir', path.join(workDir, 'bomb-data')]);
    expect(status).toBe(0);
    expect(stdout.split('\n')).toEqual([
      expect.stringMatching(/^1 added, 0 updated, 0 unchanged, 0 removed, 2 failed; 1 chunks in [\d.]+ s$/),
      "  failed: bombs/bomb.pdf: the PDF's streams expand to more than 128 MB (a decompression bomb?)",
      '  failed: bombs/hidden.pdf: the document needs more memory to read than allowed',
      '',
    ]);
    expect(stderr).toBe('');
  });

  it('skips the unchanged files on a second run', async () => {
    const { status, stdout } = await run(['ingest', FOLDER, '--json', '--data-dir', dataDir]);
    expect(status).toBe(0);
    expect(jsonLines(stdout)).toEqual([expect.objectContaining({ added: 0, updated: 0, skipped: 5, failed: 1, chunks: 0 })]);
  });

  it('answers one question as one JSON object with the documented keys', async () => {
    const { status, stdout } = await run(['ask', '--json', REQUEST_QUESTION, '--data-dir', dataDir]);
    expect(status).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines).toHaveLength(1);
    const answer = lines[0] as unknown as AskJson;
    expect(Object.keys(answer).sort()).toEqual(['answer', 'answered', 'citations', 'language', 'question', 'retrieval']);
    expect(answer).toMatchObject({ question: REQUEST_QUESTION, language: 'en', answered: true });
    expect(answer.answer).toContain('Any member may request technical assistance from the network');
    expect(answer.answer).toMatch(/\[1\]$/);
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const citation of answer.citations) {
      expect(Object.keys(citation).sort()).toEqual(['excerpt', 'score', 'source', 'title']);
      expect(typeof citation.score).toBe('number');
    }
    // The source is the file's path as it was given to ingest.
    expect(answer.citations[0]).toMatchObject({ source: `${FOLDER}/guide.pdf`, title: 'Technical Assistance Guide' });
    expect(answer.citations[0]?.excerpt).toContain('request technical assistance');
    expect(answer.retrieval.length).toBeGreaterThan(0);
    for (const passage of answer.retrieval) {
      expect(Object.keys(passage).sort()).toEqual(['chunkId', 'score', 'source']);
      expect(passage.chunkId).toMatch(/^\d+:\d+$/);
    }
    expect(answer.retrieval[0]?.source).toBe(`${FOLDER}/guide.pdf`);
    const scores = answer.retrieval.map((p) => p.score as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('answers questions read from standard input, one JSON line each, in order', async () => {
    const questions = [REQUEST_QUESTION, 'What is the best recipe for chocolate cake?', 'When does the training programme run?'];
    const { status, stdout } = await run(['ask', '--json', '-', '--data-dir', dataDir], `${questions.join('\n')}\n\n`);
    expect(status).toBe(0);
    const answers = jsonLines(stdout) as unknown as AskJson[];
    expect(answers.map((a) => a.question)).toEqual(questions);
    expect(answers.map((a) => a.answered)).toEqual([true, false, true]);
    expect(answers[1]).toMatchObject({ answer: '', citations: [] });
    expect(answers[2]?.answer).toContain('runs from March to June');
    expect(answers[2]?.citations[0]?.source).toBe(`${FOLDER}/calendar.txt`);
  });

  it('answers in the language --lang names: an English question read as English, the words in Spanish; an abstention in French', async () => {
    const es = await run(['ask', '--lang', 'es', REQUEST_QUESTION, '--data-dir', dataDir]);
    expect(es.status).toBe(0);
    expect(es.stdout).toContain('Any member may request technical assistance from the network');
    expect(es.stdout).toContain('Fuentes');
    const fr = await run(['ask', '--lang', 'fr', 'What is the best recipe for chocolate cake?', '--data-dir', dataDir]);
    expect(fr.status).toBe(0);
    expect(fr.stdout).toContain('La base de connaissances ne contient rien qui réponde à cette question');
  });

  it('ends quietly when its output is closed (ask … | head), with no EPIPE stack', async () => {
    const child = spawn(process.execPath, [BIN, 'ask', '-', '--data-dir', dataDir], {
      cwd: workDir,
      env: env(),
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    child.stdin.write(`${REQUEST_QUESTION}\n`);
    // The reader takes the first answer, then stops reading, as `head` does.
    await once(child.stdout, 'data');
    child.stdout.destroy();
    for (let i = 0; i < 20; i++) child.stdin.write(`${REQUEST_QUESTION}\n`);
    child.stdin.end();
    const [code] = await exited;
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });

  it('exits 2 naming --lang for a language it does not speak', () => {
    const { status, stdout, stderr } = runProcess(['ask', '--lang', 'xx', REQUEST_QUESTION, '--data-dir', dataDir]);
    expect(status).toBe(2);
    expect(stderr).toContain('--lang');
    expect(stderr).toContain('"xx"');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });
});
