/**
 * The store engines every store-backed test runs on: embedded PGlite always, and a real PostgreSQL
 * server when TEST_DATABASE_URL is set (each open gets its own fresh database, dropped on close).
 * Without TEST_DATABASE_URL the PostgreSQL entry is still listed, marked `skip`, so that it shows up
 * as skipped in the test report instead of passing silently. Stores start from the run's migrated
 * copies (`global-setup.ts`) unless opened `fromScratch`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, inject } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { withAdmin } from './global-setup.ts';
import { pgliteTemplate } from './pglite-template.ts';

/** A place that survives closing the store: opened again, it holds the same data. */
export interface PersistentTarget {
  open(): Promise<Store>;
  /** The data directory, for PGlite. */
  dataDir?: string;
  /** The database's URL, for PostgreSQL (for a server process of its own, as `DATABASE_URL`). */
  url?: string;
  /** Removes the place (data directory or database); call after closing every store opened on it. */
  dispose(): Promise<void>;
}

export interface TestEngine {
  name: string;
  /** True when this engine cannot run here: wrap its tests in `describe.skip` (see `describeEngine`). */
  skip: boolean;
  /**
   * A fresh, empty, migrated store; its `close()` also removes whatever was created for it.
   * `fromScratch`: created empty and migrated here, not copied from the run's migrated store.
   */
  open(options?: { fromScratch?: boolean }): Promise<Store>;
  /** A fresh place to open several stores on, one after the other. */
  persistent(): Promise<PersistentTarget>;
}

export const POSTGRES_SKIP_REASON = 'set TEST_DATABASE_URL to run against PostgreSQL';

let warned = false;

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'ta-forum-test-'));
}

const pglite: TestEngine = {
  name: 'pglite',
  skip: false,
  open: (options) => openStore({ engine: 'pglite', dataDir: undefined, template: options?.fromScratch ? undefined : pgliteTemplate() }),
  persistent: () => {
    const dataDir = tempDir();
    return Promise.resolve({
      dataDir,
      open: () => openStore({ engine: 'pglite', dataDir, template: pgliteTemplate() }),
      dispose: () => {
        rmSync(dataDir, { recursive: true, force: true });
        return Promise.resolve();
      },
    });
  },
};

/** The run's migrated database (`global-setup.ts`), outside vitest none. */
function postgresTemplate(): string | undefined {
  try {
    return inject('postgresTemplate') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates a uniquely named database on the server, a copy of `template` when given; returns its URL
 * and the function that drops it.
 */
async function createDatabase(serverUrl: string, template?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ta_forum_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdmin(serverUrl, async (client) => {
        // A closed pg pool resolves before its connections are gone; forcing the drop while they
        // are still leaving would send them a FATAL error. Give them a moment, then force.
        for (let i = 0; i < 50; i++) {
          const { rows } = await client.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    },
  };
}

function postgres(serverUrl: string): TestEngine {
  return {
    name: 'postgres',
    skip: false,
    open: async (options) => {
      const database = await createDatabase(serverUrl, options?.fromScratch ? undefined : postgresTemplate());
      let store: Store;
      try {
        store = await openStore({ engine: 'postgres', url: database.url });
      } catch (error) {
        await database.drop();
        throw error;
      }
      return {
        engine: store.engine,
        db: store.db,
        intake: store.intake,
        gate: store.gate,
        close: async () => {
          try {
            await store.close();
          } finally {
            await database.drop();
          }
        },
      };
    },
    persistent: async () => {
      const database = await createDatabase(serverUrl, postgresTemplate());
      return { url: database.url, open: () => openStore({ engine: 'postgres', url: database.url }), dispose: database.drop };
    },
  };
}

function skippedPostgres(): TestEngine {
  const refuse = (): Promise<never> => Promise.reject(new Error(`PostgreSQL tests are skipped: ${POSTGRES_SKIP_REASON}`));
  return { name: `postgres (skipped: ${POSTGRES_SKIP_REASON})`, skip: true, open: refuse, persistent: refuse };
}

/** The engines to run store-backed tests on, PGlite first. */
export function storeEngines(): TestEngine[] {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return [pglite, postgres(serverUrl)];
  if (!warned) {
    warned = true;
    console.warn(`PostgreSQL store tests skipped: ${POSTGRES_SKIP_REASON}`);
  }
  return [pglite, skippedPostgres()];
}

/** `describe`, or `describe.skip` for an engine that cannot run here. */
export function describeEngine(engine: TestEngine): typeof describe | typeof describe.skip {
  return engine.skip ? describe.skip : describe;
}

/** A temporary directory, removed by the returned function. */
export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = tempDir();
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
