/**
 * The running bot keeps its knowledge folder's `docs/` indexed: a file added, changed or removed
 * there (in a subfolder too) is taken in a moment later, without a restart — while the bot runs it
 * holds the store, so `ta-forum ingest` cannot open it. Changes are debounced (a copy of many files,
 * or of one large file, is many events) and the folder is indexed again as at start: unchanged
 * files are skipped by their hash, changed ones replaced, and the passages of removed files removed.
 * Runs never overlap: changes during a run start one more run after it.
 */
import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../log.ts';
import type { IngestSummary } from './ingest/ingest.ts';

/** How long the folder must be quiet before it is indexed again. */
export const KNOWLEDGE_WATCH_DEBOUNCE_MS = 1500;

export interface KnowledgeWatcher {
  /** Resolves once no run is due or under way (tests, and closing). */
  idle(): Promise<void>;
  /** Stops watching; waits for a run under way. */
  close(): Promise<void>;
}

export interface KnowledgeWatchOptions {
  /** The folder to watch (created when missing, so that documents can be copied into it). */
  folder: string;
  /** Indexes the folder again (the same as at start, with `prune`). */
  reindex: () => Promise<IngestSummary>;
  log: Logger;
  debounceMs?: number;
}

/** Starts watching; undefined (with a warning) when the folder cannot be watched. */
export function watchKnowledgeFolder(options: KnowledgeWatchOptions): KnowledgeWatcher | undefined {
  const { folder, reindex, log, debounceMs = KNOWLEDGE_WATCH_DEBOUNCE_MS } = options;
  let watcher: FSWatcher;
  try {
    mkdirSync(folder, { recursive: true });
    watcher = watch(folder, { recursive: true, persistent: false });
  } catch (error) {
    log.warn({ err: error, folder }, 'knowledge folder not watched: documents added to it are indexed at the next start');
    return undefined;
  }
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  const waiters: (() => void)[] = [];

  function settleWaiters(): void {
    if (timer || running) return;
    for (const resolve of waiters.splice(0)) resolve();
  }

  async function runOnce(): Promise<void> {
    try {
      const summary = await reindex();
      const changed = summary.added + summary.updated + summary.removed + summary.failed > 0;
      const fields = { added: summary.added, updated: summary.updated, removed: summary.removed, failed: summary.failed, chunks: summary.chunks };
      if (changed) log.info({ ...fields, failures: summary.failures.slice(0, 10) }, 'knowledge folder changed; indexed');
      else log.debug(fields, 'knowledge folder changed; nothing new to index');
    } catch (error) {
      log.error({ err: error, folder }, 'knowledge folder could not be indexed again');
    }
  }

  function run(): void {
    timer = undefined;
    if (closed) return settleWaiters();
    if (running) {
      again = true;
      return;
    }
    running = runOnce().finally(() => {
      running = undefined;
      if (again && !closed) {
        again = false;
        run();
      } else settleWaiters();
    });
  }

  function schedule(): void {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  }

  watcher.on('change', schedule);
  watcher.on('error', (error) => {
    log.warn({ err: error, folder }, 'knowledge folder no longer watched: documents added to it are indexed at the next start');
    watcher.close();
  });
  log.info({ folder }, 'watching the knowledge folder: documents added, changed or removed there are indexed');

  return {
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        settleWaiters();
      }),
    close: async () => {
      closed = true;
      watcher.close();
      clearTimeout(timer);
      timer = undefined;
      await running;
      settleWaiters();
    },
  };
}
