/**
 * The platform-neutral application: configuration, store, dispatcher. The host (adapters/host)
 * wraps it with the HTTP server and the adapters.
 */
import type { Config } from './config.ts';
import { createDispatcher, type Dispatcher } from './core/dispatcher.ts';
import type { Services } from './core/context.ts';
import type { Logger } from './log.ts';
import { openStore, type Store } from './store/index.ts';
import { pruneProcessedEvents } from './store/processed-events.ts';

export interface App {
  services: Services;
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Use this store instead of opening the configured one (tests). */
  store?: Store;
  now?: () => Date;
}

export async function openConfiguredStore(config: Config): Promise<Store> {
  return config.databaseUrl
    ? openStore({ engine: 'postgres', url: config.databaseUrl })
    : openStore({ engine: 'pglite', dataDir: config.dataDir });
}

export async function createApp(config: Config, log: Logger, options: AppOptions = {}): Promise<App> {
  const store = options.store ?? (await openConfiguredStore(config));
  const now = options.now ?? (() => new Date());
  const services: Services = { config, store, log, now };
  const pruned = await pruneProcessedEvents(store.db, now());
  log.info({ engine: store.engine, prunedEventIds: pruned }, 'store ready');
  return {
    services,
    dispatcher: createDispatcher(services),
    close: () => store.close(),
  };
}
