/**
 * The inbox worker: in each process, per platform, it takes rows from the durable inbox
 * (`src/store/inbox.ts`) and runs them, a few at a time. It is nudged at once when this process
 * writes a row (so work due within a platform's seconds, a form to open, still is), and looks every
 * few hundred milliseconds for rows written by other processes, rows waiting for a retry, and rows
 * whose process died. While a row runs its lease is renewed (on the store's clock: the application's
 * clock `now` may jump), and the worker never takes a row it is running; when it ends the row is done, or
 * failed: run again later (a failure that may pass), or parked with the reason (the last attempt,
 * or a failure that will not pass) and logged for the moderators. The platform's part — turning the
 * row's payload back into an event and a delivery — is the `run` function the adapter gives.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';
import {
  INBOX_MAX_ATTEMPTS,
  extendInboxClaims,
  failInboxRow,
  inboxCounts,
  inboxPosts,
  markInboxDone,
  recordInboxPost,
  releaseInboxClaims,
  takeInbox,
  type InboxRow,
} from '../store/inbox.ts';
import type { Adapter, MessageRef } from './adapter.ts';
import type { DispatchOutcome, HandleOptions } from './dispatcher.ts';
import { isForumError, type ErrorCode } from './errors.ts';
import { recordedDelivery } from './recorded-delivery.ts';

/** Rows run at the same time by one process; more wait in the store. */
export const INBOX_CONCURRENCY = 8;
/** How often the store is asked for rows this process was not told about. */
export const INBOX_POLL_MS = 250;
/** How long a taken row is this process's by default (`INBOX_LEASE_MS`); renewed every third of it while it runs. */
export const INBOX_LEASE_MS = 15_000;
/** How long a stop waits for the rows under way. */
const INBOX_DRAIN_MS = 10_000;
/** Failures that running the row again cannot mend. */
const LASTING_FAILURES: ReadonlySet<ErrorCode> = new Set(['bad_request', 'not_found', 'forbidden', 'conflict', 'config_invalid']);

/** What a row's run gets besides the row: the dispatcher's options, and the adapter wrapper that records posts. */
export interface InboxRun {
  /** For `dispatcher.handle`: the event was claimed with the row; a failure worth retrying is thrown back. */
  handleOptions: HandleOptions;
  /** The delivery with its posts numbered and recorded: posts made on an earlier attempt are skipped. */
  recorded(adapter: Adapter): Adapter;
}

export interface InboxWorkerOptions {
  store: Store;
  log: Logger;
  now: () => Date;
  platform: string;
  /** Runs one row; 'failed' means the person was told of a failure (the row is parked). */
  run(row: InboxRow, run: InboxRun): Promise<DispatchOutcome | undefined>;
  /**
   * True while acknowledgements wait for their rows to be written: no row is taken then (the
   * writes come first; the worker is nudged again once they are written, and a burst's writes
   * last milliseconds).
   */
  holdOff?: () => boolean;
  concurrency?: number;
  pollMs?: number;
  leaseMs?: number;
}

/** Whether running the row again may help: a failure of the platform, the store or the network. */
export function mayPass(error: unknown): boolean {
  return !(isForumError(error) && LASTING_FAILURES.has(error.code));
}

function describe(error: unknown): string {
  if (isForumError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export class InboxWorker {
  /** Who takes rows: unique to this process (also across restarts). */
  readonly name = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly running = new Map<string, Promise<void>>();
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly log: Logger;
  private timer: NodeJS.Timeout | undefined;
  private renewer: NodeJS.Timeout | undefined;
  private taking: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(private readonly options: InboxWorkerOptions) {
    this.concurrency = options.concurrency ?? INBOX_CONCURRENCY;
    this.leaseMs = options.leaseMs ?? INBOX_LEASE_MS;
    this.log = options.log.child({ component: 'inbox', platform: options.platform });
  }

  /** Starts taking rows: those left by an earlier run first. */
  async start(): Promise<void> {
    const { store, platform } = this.options;
    // The embedded store is one process's: no claim in it can belong to a live process.
    const released = store.engine === 'pglite' ? await releaseInboxClaims(store.db, platform) : 0;
    const counts = await inboxCounts(store.db);
    this.log.info({ worker: this.name, pending: counts.pending ?? 0, released }, 'inbox worker started');
    if ((counts.parked ?? 0) > 0) this.log.warn({ parked: counts.parked }, 'inbox rows parked: list them with `ta-forum inbox`, retry with `ta-forum inbox retry`');
    this.stopped = false;
    const pollMs = this.options.pollMs ?? INBOX_POLL_MS;
    this.timer = setInterval(() => this.nudge(), pollMs);
    this.renewer = setInterval(() => void this.renew(), Math.floor(this.leaseMs / 3));
    this.nudge();
  }

  /** Looks for rows now (this process just wrote one). */
  nudge(): void {
    if (this.stopped) return;
    if (this.taking) {
      this.again = true;
      return;
    }
    this.taking = this.take().finally(() => {
      this.taking = undefined;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  /** Stops taking rows and waits for those under way (10 s at most; a row not finished is taken again later). */
  async close(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.taking;
    const drained = Promise.allSettled([...this.running.values()]);
    await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, INBOX_DRAIN_MS).unref())]);
    clearInterval(this.renewer);
  }

  private async take(): Promise<void> {
    const free = this.concurrency - this.running.size;
    if (free <= 0 || this.options.holdOff?.() === true) return;
    const { store, platform, now } = this.options;
    let rows: InboxRow[];
    try {
      // Never a row this process runs still, even one whose lease could not be renewed in time.
      rows = await takeInbox(store.db, { platform, worker: this.name, limit: free, leaseMs: this.leaseMs, running: [...this.running.keys()] }, now());
    } catch (error) {
      this.log.error({ err: error }, 'inbox: could not take rows');
      return;
    }
    for (const row of rows) {
      const done = this.runRow(row).finally(() => {
        this.running.delete(row.id);
        // A slot is free: more may be waiting.
        this.nudge();
      });
      this.running.set(row.id, done);
    }
    // A full batch: there may be more than was asked for.
    if (rows.length === free) this.again = true;
  }

  private async renew(): Promise<void> {
    if (this.running.size === 0) return;
    try {
      await extendInboxClaims(this.options.store.db, [...this.running.keys()], this.name, this.leaseMs);
    } catch (error) {
      this.log.error({ err: error }, 'inbox: could not renew the leases of the rows under way');
    }
  }

  private async runRow(row: InboxRow): Promise<void> {
    const { store, now } = this.options;
    const log = this.log.child({ inboxId: row.id, eventKey: row.event_key, attempt: row.attempts });
    let lastError: unknown;
    const lastAttempt = row.attempts >= INBOX_MAX_ATTEMPTS;
    const posted = new Map<number, MessageRef | undefined>();
    const run: InboxRun = {
      handleOptions: {
        claimed: true,
        retryLater: (error) => {
          lastError = error;
          return !lastAttempt && mayPass(error);
        },
      },
      recorded: (adapter) =>
        recordedDelivery(adapter, {
          posted,
          record: (seq, ref) => recordInboxPost(store.db, row.id, seq, { messageId: ref?.messageId, ref }, now()),
        }),
    };
    if (row.attempts > INBOX_MAX_ATTEMPTS) {
      // Taken again and again without an end: its process stops while running it (a crash, memory).
      await this.fail(row, `abandoned ${row.attempts - 1} times: the process running it stopped`, true, log).catch((error: unknown) =>
        log.error({ err: error }, 'inbox: could not park an abandoned row'),
      );
      return;
    }
    try {
      // Posts made on an earlier attempt, so they are not made again.
      if (row.attempts > 1) for (const [seq, post] of await inboxPosts(store.db, row.id)) posted.set(seq, (post.ref as MessageRef | null) ?? undefined);
      const outcome = await this.options.run(row, run);
      if (outcome === 'failed') {
        // The person was told; the moderators see why.
        await this.fail(row, lastError === undefined ? 'failed (see the log)' : describe(lastError), true, log);
        return;
      }
      if (!(await markInboxDone(store.db, row.id, this.name, now()))) log.warn('inbox row finished after its lease was taken over');
    } catch (error) {
      await this.fail(row, describe(error), lastAttempt || !mayPass(error), log).catch((failure: unknown) =>
        log.error({ err: failure, cause: describe(error) }, 'inbox: could not record a failure (the row will be taken again)'),
      );
    }
  }

  private async fail(row: InboxRow, reason: string, park: boolean, log: Logger): Promise<void> {
    const outcome = await failInboxRow(this.options.store.db, row, this.name, reason, this.options.now(), { park });
    if (outcome === 'parked') log.warn({ reason, attempts: row.attempts }, 'inbox row parked: it will not be tried again');
    else if (outcome === 'retry') log.info({ reason }, 'inbox row failed; it will be tried again');
  }
}
