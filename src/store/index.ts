/**
 * The store: one schema on two engines. PGlite (PostgreSQL in WebAssembly) in the data directory by
 * default; PostgreSQL when a URL is given. Both are reached through node-postgres and Kysely, so
 * every query runs unchanged on either; migrations are applied at open.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ForumError } from '../core/errors.ts';
import { CleanTextPlugin } from './clean-text-plugin.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { migrationProvider } from './migrations/index.ts';
import { GatedPostgresDialect, PriorityGate } from './priority-gate.ts';
import type { Database } from './schema.ts';

export type { Database, Role } from './schema.ts';

export type StoreEngine = 'pglite' | 'postgres';

export type StoreOptions =
  /**
   * Embedded PGlite in `dataDir`, or in memory when `dataDir` is undefined (tests). `template`, a
   * data folder as PGlite's `dumpDataDir` writes it, is where a new store starts instead of an
   * empty cluster (the tests start each store from one migrated copy made once per run).
   */
  | { engine: 'pglite'; dataDir: string | undefined; template?: Blob }
  | { engine: 'postgres'; url: string; poolSize?: number };

export interface Store {
  readonly engine: StoreEngine;
  readonly db: Kysely<Database>;
  /**
   * For the writes an acknowledgement waits for (the inbox writer, `core/inbox-writer.ts`, one
   * statement at a time): on PostgreSQL a connection of its own, so that these writes never wait
   * for one behind the workers' transactions when the pool is busy; on the embedded store, which
   * runs one statement at a time whatever the pool, `db`'s one connection. Never held by `gate`.
   */
  readonly intake: Kysely<Database>;
  /**
   * Held while acknowledgements are under way (`priority-gate.ts`): on the embedded store the
   * statements through `db` wait for it; those through `intake` never do, nor any on PostgreSQL.
   */
  readonly gate: PriorityGate;
  close(): Promise<void>;
}

export const PGLITE_SUBDIR = 'pgdata';
/**
 * PostgreSQL's default 128 MB of shared buffers is memory the WebAssembly heap keeps for good; one
 * bot process needs far less (measured: about 120 MB less resident memory).
 */
const PGLITE_SETTINGS = ['shared_buffers=16MB'];
const POSTGRES_POOL_SIZE = 10;
/** Connections kept for the writes acknowledgements wait for, besides the pool's (PostgreSQL). */
const INTAKE_POOL_SIZE = 1;

async function openPglite(dataDir: string | undefined, template: Blob | undefined): Promise<{ pool: pg.Pool; close: () => Promise<void> }> {
  let release = (): void => undefined;
  let dbPath: string | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
    dbPath = path.join(dataDir, PGLITE_SUBDIR);
  }
  try {
    // Loaded on demand: the WebAssembly build is only needed when the embedded engine is used.
    // V8's baseline compiler only: optimising PostgreSQL's whole WebAssembly module as well costs
    // ~60 MB of resident memory for no measurable gain in the bot's queries (`npm run bench`).
    v8.setFlagsFromString('--liftoff-only');
    const { PGlite } = await import('@electric-sql/pglite');
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    // A template is only loaded into an empty folder: PGlite refuses it over an existing cluster.
    const fromTemplate = template && !(dbPath && existsSync(path.join(dbPath, 'PG_VERSION'))) ? { loadDataDir: template } : {};
    const lite = new PGlite({ ...(dbPath ? { dataDir: dbPath } : {}), ...fromTemplate, postgresqlconf: PGLITE_SETTINGS });
    try {
      await lite.waitReady;
    } catch (error) {
      await lite.close().catch(() => undefined);
      throw error;
    }
    // PGlite runs each query synchronously on this thread. Each one first waits its turn in the
    // event loop, so a long run of queries (an answer being written) never holds back the requests
    // that arrive meanwhile (Slack's and Teams' acknowledgements are due within seconds).
    const yielding = {
      waitReady: lite.waitReady,
      execProtocolStream: async (...args: Parameters<typeof lite.execProtocolStream>) => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        return lite.execProtocolStream(...args);
      },
    } as unknown as typeof lite;
    const pool = new pg.Pool(createPgConfig(yielding));
    return {
      pool,
      close: async () => {
        try {
          await lite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw new ForumError('store_unavailable', `Could not open the embedded database in ${dbPath ?? 'memory'}.`, {
      cause: error,
    });
  }
}

async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new ForumError('migration_failed', `Migration ${failed} failed.`, { cause: error });
  }
}

function kysely(pool: pg.Pool, gate?: PriorityGate): Kysely<Database> {
  const dialect = gate ? new GatedPostgresDialect({ pool }, gate) : new PostgresDialect({ pool });
  return new Kysely<Database>({ dialect, plugins: [new CleanTextPlugin()] });
}

/** Opens the store and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  let pool: pg.Pool;
  let intakePool: pg.Pool | undefined;
  let closeEngine = (): Promise<void> => Promise.resolve();
  if (options.engine === 'pglite') {
    const opened = await openPglite(options.dataDir, options.template);
    pool = opened.pool;
    closeEngine = opened.close;
  } else {
    pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? POSTGRES_POOL_SIZE });
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end();
      throw new ForumError('store_unavailable', 'Could not connect to PostgreSQL at DATABASE_URL.', { cause: error });
    }
    intakePool = new pg.Pool({ connectionString: options.url, max: INTAKE_POOL_SIZE });
  }
  const gate = new PriorityGate();
  // Only the embedded store's statements wait: there the acknowledgements' writes share one
  // connection with everything else. PostgreSQL gives them a connection of their own, and a wait
  // there spread the redraws of replicas sharing a poll unevenly (`priority-gate.ts`).
  const db = kysely(pool, options.engine === 'pglite' ? gate : undefined);
  // On the embedded store the same one connection, taken without waiting at the gate.
  const intake = kysely(intakePool ?? pool);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    // The pool is ended once, by `db`.
    if (intakePool) await intake.destroy();
    await db.destroy();
    await closeEngine();
  };
  try {
    await migrate(db);
  } catch (error) {
    await close();
    throw error;
  }
  return { engine: options.engine, db, intake, gate, close };
}
