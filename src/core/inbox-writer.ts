/**
 * Writes inbox rows for the listeners that must acknowledge soon: the rows of requests arriving
 * together go in one statement (`enqueueInboxRows`), one statement at a time, so that a burst of a
 * hundred requests costs a few round trips instead of a hundred queued one behind the other (on the
 * embedded store every statement waits its turn on the one thread; on PostgreSQL each is a commit).
 * The rows arriving while a statement is under way go in the next: measured, statements run side
 * by side on several connections each took the one or two rows of their turn of the event loop,
 * and a burst cost dozens of commits instead of two or three. The statements go through the
 * store's intake connection (`Store.intake`: on PostgreSQL one of its own), so they never wait for
 * a connection behind the workers' transactions. Each caller gets its own row's id, or undefined
 * for a redelivery, or an error.
 *
 * A statement that fails is tried again row by row, so one row the store refuses fails alone:
 * refused for what it holds (a value the store cannot take), it is a `bad_request` — running it
 * again would fail again; any other failure (the store unreachable) is the statement's own error,
 * and the platform sends the request again.
 */
import { ForumError } from './errors.ts';
import type { Store } from '../store/index.ts';
import { enqueueInboxRows, type NewInboxRow } from '../store/inbox.ts';

/** Rows written by one statement at most. */
const INBOX_WRITE_BATCH = 200;
/**
 * PostgreSQL error classes that say something about the rows written (SQLSTATE 22: data exception,
 * 23: integrity constraint violation, 54: program limit exceeded, e.g. a key too long to index),
 * not about the store.
 */
const ROW_ERROR_CLASSES: ReadonlySet<string> = new Set(['22', '23', '54']);

interface Waiting {
  row: NewInboxRow;
  resolve(id: string | undefined): void;
  reject(error: unknown): void;
}

/** The SQLSTATE of a database error, when it has one. */
function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Whether a failure may be one row's fault: the database refused a statement, or a row could not be turned into one. */
function mayBeARow(error: unknown): boolean {
  return sqlState(error) !== undefined || error instanceof TypeError || error instanceof RangeError;
}

/** A row refused for what it holds: the store will never take it (a value it cannot store, a payload JSON cannot write). */
function refusedForItself(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined ? ROW_ERROR_CLASSES.has(state.slice(0, 2)) : error instanceof TypeError || error instanceof RangeError;
}

export class InboxWriter {
  private waiting: Waiting[] = [];
  private writing: Promise<void> | undefined;

  /** `idle`: called when the last rows waiting are written (the worker, which holds off meanwhile, may take them). */
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly idle: () => void = () => undefined,
  ) {}

  /** True while rows wait to be written or are being written: acknowledgements are waiting. */
  get busy(): boolean {
    return this.writing !== undefined || this.waiting.length > 0;
  }

  /** Writes the row with the others that arrive meanwhile; resolves with its id, or undefined for a redelivery. */
  write(row: NewInboxRow): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ row, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    // A statement under way: the rows that arrive meanwhile go in the next one.
    if (this.writing) return;
    // One turn of the event loop, for the requests already read to join.
    this.writing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.flush(this.waiting.splice(0, INBOX_WRITE_BATCH)))
      .finally(() => {
        this.writing = undefined;
        if (this.waiting.length > 0) this.schedule();
        else this.idle();
      });
  }

  private async flush(batch: Waiting[]): Promise<void> {
    try {
      const ids = await this.insert(batch);
      batch.forEach((w, i) => w.resolve(ids[i]));
    } catch (error) {
      if (batch.length === 1 || !mayBeARow(error)) {
        for (const w of batch) w.reject(batch.length === 1 ? this.refusal(error) : error);
        return;
      }
      // Row by row: only the row the store refuses fails.
      await Promise.all(batch.map((w) => this.flush([w])));
    }
  }

  private insert(batch: Waiting[]): Promise<(string | undefined)[]> {
    return enqueueInboxRows(
      this.store.intake,
      batch.map((w) => w.row),
      this.now(),
    );
  }

  /** A row that failed alone: a `bad_request` when the store refused what it holds, else the failure itself. */
  private refusal(error: unknown): unknown {
    if (!refusedForItself(error)) return error;
    return new ForumError('bad_request', 'The store refused this request’s inbox row for what it holds.', { cause: error });
  }
}
