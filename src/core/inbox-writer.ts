/**
 * Writes inbox rows for the listeners that must acknowledge soon: the rows of requests arriving
 * together go in one statement (`enqueueInboxRows`), one statement at a time, so that a burst of a
 * hundred requests costs a few round trips instead of a hundred queued one behind the other (on the
 * embedded store every statement waits its turn on the one thread). Each caller gets its own row's
 * id, or undefined for a redelivery, or the statement's error.
 */
import type { Store } from '../store/index.ts';
import { enqueueInboxRows, type NewInboxRow } from '../store/inbox.ts';

/** Rows written by one statement at most. */
const INBOX_WRITE_BATCH = 200;

interface Waiting {
  row: NewInboxRow;
  resolve(id: string | undefined): void;
  reject(error: unknown): void;
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
      .then(() => this.flush())
      .finally(() => {
        this.writing = undefined;
        if (this.waiting.length > 0) this.schedule();
        else this.idle();
      });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting.splice(0, INBOX_WRITE_BATCH);
    try {
      const ids = await enqueueInboxRows(
        this.store.db,
        batch.map((w) => w.row),
        this.now(),
      );
      batch.forEach((w, i) => w.resolve(ids[i]));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}
