/**
 * The migrated embedded store made once per run by `global-setup.ts`, for the tests to start their
 * stores from: `openTestStore()` in place of `openStore({ engine: 'pglite', dataDir: undefined })`,
 * and `seedDataDir()` for a data folder a `ta-forum` process of the test will open. Outside vitest
 * (benchmarks), or when the run has no template, stores are made from nothing as before.
 */
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { openStore, PGLITE_SUBDIR, type Store } from '../../src/store/index.ts';
import { PGLITE_TEMPLATE_FILE } from './global-setup.ts';

function templateDir(): string | undefined {
  try {
    return inject('pgliteTemplateDir') || undefined;
  } catch {
    return undefined;
  }
}

let dump: Blob | undefined;

/** PGlite's dump of the migrated data folder, read once per test file; undefined without one. */
export function pgliteTemplate(): Blob | undefined {
  const dir = templateDir();
  if (!dir) return undefined;
  dump ??= new Blob([readFileSync(path.join(dir, PGLITE_TEMPLATE_FILE))]);
  return dump;
}

/** A fresh, empty, migrated in-memory store (from the run's template when there is one). */
export function openTestStore(): Promise<Store> {
  return openStore({ engine: 'pglite', dataDir: undefined, template: pgliteTemplate() });
}

/**
 * Puts a copy of the migrated data folder in `dataDir` (a `ta-forum` data folder) unless it holds
 * one already, so that a process started on it skips creating the cluster; does nothing without a
 * template.
 */
export function seedDataDir(dataDir: string): void {
  const dir = templateDir();
  const target = path.join(dataDir, PGLITE_SUBDIR);
  if (!dir || existsSync(target)) return;
  mkdirSync(dataDir, { recursive: true });
  cpSync(path.join(dir, PGLITE_SUBDIR), target, { recursive: true });
}
