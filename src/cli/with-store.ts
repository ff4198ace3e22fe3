/**
 * What the commands that work on the store share: the configured store (the embedded database's
 * data folder, or DATABASE_URL), opened for one command and closed after it; who runs the command,
 * for the audit log; and the one way they write results to standard output.
 */
import { userInfo } from 'node:os';
import { loadConfig, processEnv, type Config } from '../config.ts';
import { openConfiguredStore } from '../main.ts';
import type { Store } from '../store/index.ts';

export interface StoreOptions {
  dataDir?: string;
}

/** One line of a command's result, on standard output (logs and problems go to standard error). */
export function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Who runs the command, for the audit log. */
export function operator(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

export async function withStore<T>(options: StoreOptions, run: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig(processEnv(), options.dataDir ? { dataDir: options.dataDir } : {});
  const store = await openConfiguredStore(config);
  try {
    return await run(store, config);
  } finally {
    await store.close();
  }
}
