/**
 * What the commands that work on the store share: the configured store (the embedded database's
 * data folder, or DATABASE_URL), opened for one command and closed after it; who runs the command,
 * for the audit log; and the one way they write results to standard output.
 */
import { userInfo } from 'node:os';
import { loadConfig, type Config } from '../config.ts';
import { openConfiguredStore } from '../store/configured.ts';
import type { Store } from '../store/index.ts';
import { commandEnv, type CliIo } from './io.ts';

export { writeLine as write } from './io.ts';

export interface StoreOptions {
  dataDir?: string;
}

/** Who runs the command, for the audit log. */
export function operator(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** The configuration the command runs with: the environment's, and --data-dir. */
export function commandConfig(io: CliIo, options: StoreOptions): Config {
  return loadConfig(commandEnv(io), options.dataDir ? { dataDir: options.dataDir } : {}, io.cwd);
}

export async function withStore<T>(io: CliIo, options: StoreOptions, run: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = commandConfig(io, options);
  const store = await openConfiguredStore(config);
  try {
    return await run(store, config);
  } finally {
    await store.close();
  }
}
