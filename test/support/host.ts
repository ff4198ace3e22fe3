/**
 * The real host (HTTP server, web adapter, dispatcher) on a free port with an in-memory PGlite
 * store, for tests that talk HTTP to it. Nothing is written to the repository: the configured data
 * directory is a fresh temporary one, removed on close.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHost, type Host } from '../../adapters/host/server.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger, type Logger } from '../../src/log.ts';
import type { App, AppOptions } from '../../src/main.ts';
import { openTestStore } from './pglite-template.ts';

export interface TestHost {
  /** The base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The app behind the server: its services (store, messenger, clock) for tests that look inside. */
  app: App;
  /** The weekly scheduler's timer, which tests that drive the clock themselves stop. */
  scheduler: Host['scheduler'];
  /** Stops the server and closes the store; safe to call twice. */
  close(): Promise<void>;
}

/** Starts the host on 127.0.0.1 (or `env.HOST`) and a port the system picks; silent unless given a `logger`. */
export async function startTestHost(env: Record<string, string> = {}, hostOptions: Omit<AppOptions, 'store'> & { logger?: Logger } = {}): Promise<TestHost> {
  const { logger = silentLogger(), ...options } = hostOptions;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-host-'));
  const removeDataDir = (): void => rmSync(dataDir, { recursive: true, force: true });
  const store = await openTestStore();
  try {
    const config = loadConfig({ HOST: '127.0.0.1', TA_FORUM_DATA_DIR: dataDir, ...env }, { port: 0 });
    const host = await startHost(config, logger, { ...options, store });
    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        try {
          await host.close();
        } finally {
          await store.close();
          removeDataDir();
        }
      })();
      return closing;
    };
    return { url: host.url, app: host.app, scheduler: host.scheduler, close };
  } catch (error) {
    await store.close();
    removeDataDir();
    throw error;
  }
}
