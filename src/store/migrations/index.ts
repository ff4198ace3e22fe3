/** Every migration, in order. A new migration is a new file here; an applied one is never edited. */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.ts';

const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
