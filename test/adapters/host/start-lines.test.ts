/**
 * What a person sees when the server starts: on a terminal (a real pseudo-terminal, through
 * util-linux `script`), short lines and, last, where the web chat is and what to type; JSON lines
 * when standard error is not a terminal, or when LOG_FORMAT=json asks for them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prettyLine } from '../../../src/log.ts';
import { seedDataDir } from '../../support/pglite-template.ts';

const BIN = path.resolve('adapters/host/bin.mjs');
const workDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-start-'));
const knowledgeDir = path.join(workDir, 'knowledge');
mkdirSync(path.join(knowledgeDir, 'docs'), { recursive: true });
writeFileSync(path.join(knowledgeDir, 'docs', 'requests.md'), '# Requests\n\nA member state requests technical assistance by letter.\n');
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

const hasScript = spawnSync('script', ['--version']).status === 0;
const LAST_LINE = /^TA Forum Bot is running\. Web chat: (http:\/\/127\.0\.0\.1:\d+) — open it and type "help", or ask a question\. \(Ctrl\+C to stop\)$/;

/** Starts the server (on a terminal or not) and gives its lines up to the one naming the web chat, and any that follow within a second. */
async function startLines(terminal: boolean, env: Record<string, string>, name: string): Promise<string[]> {
  const fullEnv = { ...process.env, HOST: '127.0.0.1', PORT: '0', TA_FORUM_DATA_DIR: path.join(workDir, name), KNOWLEDGE_DIR: knowledgeDir, LOG_FORMAT: '', ...env };
  seedDataDir(fullEnv.TA_FORUM_DATA_DIR);
  const child = terminal
    ? spawn('script', ['-q', '-e', '-c', `'${process.execPath}' '${BIN}' serve`, '/dev/null'], { env: fullEnv, stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn(process.execPath, [BIN, 'serve'], { env: fullEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  started.push(child);
  // On a terminal, standard output and error are both the terminal: `script` copies it to its standard output.
  const output = terminal ? child.stdout : child.stderr;
  let text = '';
  output?.setEncoding('utf8');
  try {
    // What was written by a second after the line naming the web chat (not the lines of stopping).
    text = await new Promise<string>((resolve, reject) => {
      let seen = '';
      output?.on('data', (chunk: string) => {
        seen += chunk;
        if (chunk.includes('Web chat: ')) setTimeout(() => resolve(seen), 1000);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${seen}`)));
    });
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
  return text.split(/\r?\n/).filter((line) => line.trim().length > 0);
}

function isJson(line: string): boolean {
  try {
    return typeof JSON.parse(line) === 'object';
  } catch {
    return false;
  }
}

describe('the lines at start', () => {
  it.runIf(hasScript)('on a terminal: short lines, the last one where the web chat is and what to type', async () => {
    const lines = await startLines(true, {}, 'terminal');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.filter(isJson)).toEqual([]);
    // The first line says what the wait is; the last, where to go and what to type.
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d starting: opening the store and indexing the knowledge folder/);
    expect(lines.at(-1)).toMatch(LAST_LINE);
    // The knowledge folder's indexing, as a person reads it.
    expect(lines.find((line) => line.includes('knowledge folder indexed'))).toMatch(/^\d\d:\d\d:\d\d knowledge folder indexed \(added=1, /);
  });

  it.runIf(hasScript)('on a terminal with LOG_FORMAT=json: JSON lines', async () => {
    const lines = await startLines(true, { LOG_FORMAT: 'json' }, 'terminal-json');
    expect(lines.at(-1)).toMatch(LAST_LINE);
    const logs = lines.slice(0, -1);
    expect(logs.length).toBeGreaterThan(2);
    expect(logs.filter((line) => !isJson(line))).toEqual([]);
  });

  it('not on a terminal: JSON lines, and the same last line', async () => {
    const lines = await startLines(false, {}, 'pipe');
    expect(lines.at(-1)).toMatch(LAST_LINE);
    const logs = lines.slice(0, -1);
    expect(logs.length).toBeGreaterThan(2);
    expect(logs.filter((line) => !isJson(line))).toEqual([]);
    expect(logs.map((line) => (JSON.parse(line) as { msg: string }).msg)).toContain('knowledge folder indexed');
  });
});

describe('prettyLine', () => {
  const time = new Date(2026, 11, 7, 9, 5, 3).getTime();

  it('gives the time, the level when not information, the message and the fields, short', () => {
    expect(prettyLine(JSON.stringify({ level: 30, time, app: 'ta-forum', msg: 'store ready', engine: 'pglite', chunks: 0 }))).toBe('09:05:03 store ready (engine=pglite, chunks=0)');
    expect(prettyLine(JSON.stringify({ level: 40, time, app: 'ta-forum', msg: 'careful', failures: [] }))).toBe('09:05:03 warning: careful');
    expect(prettyLine(JSON.stringify({ level: 50, time, msg: 'request failed', err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at x' } }))).toBe('09:05:03 error: request failed (err=boom)');
    const long = prettyLine(JSON.stringify({ level: 30, time, msg: 'm', failures: [{ source: 'x'.repeat(300), reason: 'not found' }] }));
    expect(long.length).toBeLessThan(150);
    expect(long.endsWith('…)')).toBe(true);
  });

  it('passes a line that is not JSON through', () => {
    expect(prettyLine('plain words\n')).toBe('plain words');
  });
});
