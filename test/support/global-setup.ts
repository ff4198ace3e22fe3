/**
 * Once per `npm test`, before any test file: one migrated embedded store, kept as a data folder
 * and as PGlite's dump of it, and (with TEST_DATABASE_URL) one migrated PostgreSQL database. The
 * stores the tests open start from these copies (`stores.ts`, `pglite-template.ts`) instead of
 * creating a cluster and running every migration again: a new PGlite cluster alone takes seconds.
 * A store opened from a copy is the same as one migrated from nothing; `test/store/store.test.ts`
 * still opens its stores from nothing, and the copies are made by the same migrations.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openStore, PGLITE_SUBDIR } from '../../src/store/index.ts';

/** The dump of the migrated data folder, beside it (`pgdata/`) in the template's folder. */
export const PGLITE_TEMPLATE_FILE = 'pgdata.tar';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder holding the migrated PGlite data folder (`pgdata/`) and its dump. */
    pgliteTemplateDir: string;
    /** The name of the migrated PostgreSQL database to copy, when TEST_DATABASE_URL is set. */
    postgresTemplate: string;
  }
}

/** Runs `run` on a connection to the server's default database (to create and drop databases). */
export async function withAdmin<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function makePgliteTemplate(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ta-forum-template-'));
  const store = await openStore({ engine: 'pglite', dataDir: dir });
  await store.close();
  const { PGlite } = await import('@electric-sql/pglite');
  const lite = await PGlite.create({ dataDir: path.join(dir, PGLITE_SUBDIR) });
  try {
    const dump = await lite.dumpDataDir('none');
    writeFileSync(path.join(dir, PGLITE_TEMPLATE_FILE), new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await lite.close();
  }
  return dir;
}

async function makePostgresTemplate(serverUrl: string): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `ta_forum_template_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const drop = (): Promise<void> => withAdmin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const store = await openStore({ engine: 'postgres', url: url.toString() });
    await store.close();
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, drop };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const [pgliteDir, postgres] = await Promise.all([
    makePgliteTemplate(),
    serverUrl ? makePostgresTemplate(serverUrl) : undefined,
  ]);
  project.provide('pgliteTemplateDir', pgliteDir);
  project.provide('postgresTemplate', postgres?.name ?? '');
  return async () => {
    rmSync(pgliteDir, { recursive: true, force: true });
    await postgres?.drop();
  };
}
