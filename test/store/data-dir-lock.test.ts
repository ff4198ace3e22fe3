/**
 * The data directory's lock: two real processes race for it a hundred times, from a stale lock, an
 * empty lock file and no lock; never do both hold it at once. And the lock's own rules: a live
 * owner is named in the refusal, a release never removes another process's lock.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { LOCK_FILE_NAME, lockDataDir } from '../../src/store/data-dir-lock.ts';
import { makeTempDir } from '../support/stores.ts';

const TRIALS = 100;
const RACER = path.join(import.meta.dirname, 'fixtures', 'lock-racer.ts');
const tmp = makeTempDir();
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill();
  tmp.remove();
});

/** The pid of a process that has exited. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', '']);
  return done.pid ?? 999999;
}

async function waitFor(file: string, timeoutMs = 20_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > end) throw new Error(`no ${path.basename(file)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  // The racer writes its result in one call; read it once it has content.
  let text = readFileSync(file, 'utf8');
  while (!text) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    text = readFileSync(file, 'utf8');
  }
  return text;
}

it(`two processes racing ${TRIALS} times never both hold the lock (stale lock, empty lock file, none)`, async () => {
  const dir = tmp.dir;
  const data = path.join(dir, 'data');
  mkdirSync(data);
  for (const id of ['a', 'b']) {
    const child = spawn(process.execPath, ['--import', 'tsx', RACER, dir, String(TRIALS), id], { stdio: 'ignore' });
    children.push(child);
  }
  const outcomes = { got: 0, busy: 0 };
  for (let i = 0; i < TRIALS; i++) {
    const lock = path.join(data, LOCK_FILE_NAME);
    if (i % 3 === 0) writeFileSync(lock, String(deadPid()));
    else if (i % 3 === 1) writeFileSync(lock, '');
    writeFileSync(path.join(dir, `go-${i}`), '');
    const results = [await waitFor(path.join(dir, `res-${i}-a`)), await waitFor(path.join(dir, `res-${i}-b`))];
    expect(results.filter((r) => r !== 'got' && r !== 'busy'), `trial ${i}: ${results.join(', ')}`).toEqual([]);
    expect(results, `trial ${i}`).toContain('got');
    for (const r of results) outcomes[r as 'got' | 'busy']++;
    expect(existsSync(lock), `trial ${i}: the lock is released`).toBe(false);
  }
  // Both outcomes happened: the processes did contend.
  expect(outcomes.busy).toBeGreaterThan(0);
}, 120_000);

it('names a live owner, and a release never removes another process’s lock', () => {
  const dir = makeTempDir();
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(sleeper);
  try {
    const lock = path.join(dir.dir, LOCK_FILE_NAME);
    writeFileSync(lock, String(sleeper.pid));
    expect(() => lockDataDir(dir.dir)).toThrow(`in use by process ${sleeper.pid}`);
    expect(readFileSync(lock, 'utf8')).toBe(String(sleeper.pid));
    // Taken, then taken over by another process after a crash of ours: our release leaves theirs.
    writeFileSync(lock, String(deadPid()));
    const release = lockDataDir(dir.dir);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    writeFileSync(lock, String(sleeper.pid));
    release();
    expect(readFileSync(lock, 'utf8')).toBe(String(sleeper.pid));
  } finally {
    sleeper.kill();
    dir.remove();
  }
});
