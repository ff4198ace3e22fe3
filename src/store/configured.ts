/**
 * The store the configuration names: PostgreSQL at DATABASE_URL, else the embedded database in the
 * data folder. Apart from the app (main.ts) so that the commands that only need the store (`moderator`,
 * `inbox`, `web-account`) start without loading the knowledge base and its libraries.
 */
import type { Config } from '../config.ts';
import { openStore, type Store } from './index.ts';

export function openConfiguredStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Store> {
  return config.databaseUrl
    ? openStore({ engine: 'postgres', url: config.databaseUrl })
    : openStore({ engine: 'pglite', dataDir: config.dataDir });
}
