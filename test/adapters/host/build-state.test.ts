/** The launcher's choice between the compiled build and the sources. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_STAMP, buildIsFresh } from '../../../adapters/host/build-state.mjs';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ta-forum-build-'));
  roots.push(root);
  mkdirSync(path.join(root, 'src', 'core'), { recursive: true });
  mkdirSync(path.join(root, 'adapters', 'web', 'page'), { recursive: true });
  mkdirSync(path.join(root, '.build'));
  return root;
}

function write(root: string, file: string, secondsAgo: number): void {
  const full = path.join(root, file);
  writeFileSync(full, '');
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(full, when, when);
}

describe('buildIsFresh', () => {
  it('runs the build when it is newer than every source, nested ones included', () => {
    const root = project();
    write(root, 'src/core/a.ts', 60);
    write(root, 'adapters/web/b.ts', 60);
    write(root, BUILD_STAMP, 10);
    expect(buildIsFresh(root)).toBe(true);
  });

  it('runs the sources when there is no build', () => {
    const root = project();
    write(root, 'src/core/a.ts', 60);
    expect(buildIsFresh(root)).toBe(false);
  });

  it('runs the sources when one was edited after the build, in either folder', () => {
    const root = project();
    write(root, 'src/core/a.ts', 60);
    write(root, BUILD_STAMP, 30);
    write(root, 'adapters/web/b.ts', 5);
    expect(buildIsFresh(root)).toBe(false);
    write(root, 'adapters/web/b.ts', 60);
    write(root, 'src/core/a.ts', 5);
    expect(buildIsFresh(root)).toBe(false);
  });

  it('ignores files that are not TypeScript sources', () => {
    const root = project();
    write(root, 'src/core/a.ts', 60);
    write(root, BUILD_STAMP, 30);
    write(root, 'adapters/web/page/chat.js', 1);
    expect(buildIsFresh(root)).toBe(true);
  });
});
