/**
 * Acknowledgements first, at the embedded store's door. While the gate is held — while Slack's
 * requests are being read, checked and written (`SlackInbox`) — every statement through `Store.db`
 * waits at its connection's acquisition; the acknowledgements' writes (`Store.intake`) never do.
 * On PostgreSQL nothing waits: the writes have a connection of their own there, and a replica's
 * poll redraw held between taking its turn and updating the message came, after a crash, less
 * than the interval before the next replica's (`test/adapters/slack/replicas.test.ts`). The inbox
 * worker's rows under way thus pause at their next statement instead of running beside the
 * acknowledgements: measured, a burst's acknowledgements waited behind the statements of the rows
 * being run (on the embedded store one connection takes them in turn, first come first served) and
 * behind the synchronous work between them. Other work (the web chat, Teams, the scheduler) waits
 * as well, for as long as the hold: the milliseconds of a burst's writes, a second at most. Only
 * the worker's statements would need to wait, but telling them apart (`AsyncLocalStorage`) doubled
 * the cost of every promise of the process on Node 20, measured. A statement inside a transaction
 * already begun is not held (its connection is taken): a transaction is never left open across
 * the wait.
 *
 * The gate decides nothing itself: `held` says whether to wait (the adapter bounds it in time, so
 * a steady stream of requests never starves the rest), and `wake` is called when it may have
 * turned false; it is looked at again every `RECHECK_MS` besides.
 */
import { PostgresDialect, PostgresDriver, type DatabaseConnection, type PostgresDialectConfig } from 'kysely';

/** How often statements waiting at a held gate look again without being woken (the holder's time bound runs out unannounced). */
const RECHECK_MS = 50;

export class PriorityGate {
  /** Whether statements other than the acknowledgements' wait now. */
  held: () => boolean = () => false;
  private waiting: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  /** Resolves at once when the gate is open, else once it opens. */
  passage(): Promise<void> {
    if (!this.held()) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.timer ??= setInterval(() => this.wake(), RECHECK_MS);
    });
  }

  /** The gate may have opened: the statements waiting go on if it did. */
  wake(): void {
    if (this.waiting.length === 0 || this.held()) return;
    const waiting = this.waiting;
    this.waiting = [];
    clearInterval(this.timer);
    this.timer = undefined;
    for (const resolve of waiting) resolve();
  }
}

/** node-postgres through Kysely, each connection taken only once `gate` lets it. */
export class GatedPostgresDialect extends PostgresDialect {
  constructor(
    private readonly config: PostgresDialectConfig,
    private readonly gate: PriorityGate,
  ) {
    super(config);
  }

  override createDriver(): PostgresDriver {
    const gate = this.gate;
    return new (class extends PostgresDriver {
      override async acquireConnection(): Promise<DatabaseConnection> {
        await gate.passage();
        return super.acquireConnection();
      }
    })(this.config);
  }
}
