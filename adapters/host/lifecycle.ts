/**
 * When the server stops: on Ctrl+C (SIGINT), SIGTERM or SIGHUP, and when the process that started it
 * goes away. `npm start` runs the server under `sh -c`: npm passes SIGTERM on to the shell, which
 * ends without passing it on, and a killed npm passes nothing; the server, orphaned, would go on
 * holding its port and data folder. So it also watches its parent (and, under an npm script, npm
 * itself) and stops as on a signal when one is gone. Stopping finishes the requests already taken,
 * closes the store (releasing the data folder's lock) and exits 0.
 */
import { readFileSync } from 'node:fs';
import type { Logger } from '../../src/log.ts';
import { isAlive } from '../../src/store/data-dir-lock.ts';

/** How often the parent is looked at. */
export const PARENT_WATCH_INTERVAL_MS = 1000;

/** The parent of another process, where the system says (Linux's /proc); undefined elsewhere. */
function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (command) state ppid …"; the command may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) && ppid > 1 ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls `onGone` once when the parent process is gone (this process was handed to another parent)
 * or, when started by an npm script (`npm_lifecycle_event`), when npm is: npm runs the script in a
 * shell, which stays when npm is killed. Nothing is watched when started by init (parent 1 or 0).
 */
export function watchParent(onGone: (reason: string) => void, intervalMs = PARENT_WATCH_INTERVAL_MS): () => void {
  const parent = process.ppid;
  if (parent <= 1) return () => undefined;
  const npm = process.env.npm_lifecycle_event ? parentOf(parent) : undefined;
  const timer = setInterval(() => {
    let reason: string | undefined;
    if (process.ppid !== parent || !isAlive(parent)) reason = `the process that started the server (${parent}) is gone`;
    else if (npm !== undefined && !isAlive(npm)) reason = `npm (${npm}), which started the server, is gone`;
    if (reason === undefined) return;
    clearInterval(timer);
    onGone(reason);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Stops the server once, on the first of SIGINT, SIGTERM, SIGHUP or its parent gone. Taken from
 * the start, so that a signal while the server starts (indexing the knowledge folder) stops it too,
 * once started: `serving(close)` hands over the close, which finishes what was taken and closes the
 * store; then the process exits 0 (1 if closing failed).
 */
export function stopOnSignalOrOrphaned(log: Logger): { serving(close: () => Promise<void>): void } {
  let handOver: (close: () => Promise<void>) => void = () => undefined;
  const closer = new Promise<() => Promise<void>>((resolve) => (handOver = resolve));
  let stopping = false;
  const stop = (why: string): void => {
    if (stopping) return;
    stopping = true;
    unwatch();
    log.info({ why }, 'stopping');
    closer
      .then((close) => close())
      .then(
        () => {
          log.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          log.error({ err: error }, 'error while stopping');
          process.exit(1);
        },
      );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  const unwatch = watchParent(stop);
  return { serving: handOver };
}
