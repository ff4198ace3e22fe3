/**
 * Slack's side of the durable inbox: what is written before a request is acknowledged (the work, as
 * JSON: the event or the shortcut, and the `DeliveryContext` that says how to answer it later — a
 * thread, a `response_url`, a `trigger_id`), and how a row becomes that work again for the worker.
 */
import { ForumError } from '../../src/core/errors.ts';
import type { Actor, InboundEvent } from '../../src/core/events.ts';
import { InboxWorker, type InboxRun } from '../../src/core/inbox-worker.ts';
import type { DispatchOutcome } from '../../src/core/dispatcher.ts';
import type { Logger } from '../../src/log.ts';
import type { App } from '../../src/main.ts';
import { InboxWriter } from '../../src/core/inbox-writer.ts';
import type { InboxRow } from '../../src/store/inbox.ts';
import type { PriorityGate } from '../../src/store/priority-gate.ts';
import type { SlackMessageShortcut } from './inbound.ts';
import type { Intake } from './intake.ts';
import type { DeliveryContext } from './send.ts';

/** Work from Slack, as an inbox row keeps it. */
export type SlackWork =
  /** An event for the dispatcher; `home`: the App Home is published again afterwards (a click there). */
  | { kind: 'dispatch'; event: InboundEvent; context: DeliveryContext; payloadType: string; home?: boolean }
  /** The App Home to publish for a person who opened it. */
  | { kind: 'home'; actor: Actor }
  /** "Report to moderators" on a message: the message's link is asked for, then the report starts. */
  | { kind: 'report'; shortcut: SlackMessageShortcut; context: DeliveryContext; receivedAt: Date };

/** A row's payload as the work it was (JSON gave its dates back as strings). */
export function workOf(payload: unknown): SlackWork {
  // Written by `SlackInbox.accept` only: the shape is ours.
  const work = payload as SlackWork;
  switch (work.kind) {
    case 'dispatch':
      return { ...work, event: { ...work.event, receivedAt: new Date(work.event.receivedAt) } };
    case 'report':
      return { ...work, receivedAt: new Date(work.receivedAt) };
    case 'home':
      return work;
    default: {
      const unknown: never = work;
      // Nothing to retry: the row is parked with this reason.
      throw new ForumError('bad_request', `unknown Slack inbox work ${JSON.stringify(unknown).slice(0, 80)}`);
    }
  }
}

export class SlackInbox {
  readonly worker: InboxWorker;
  private readonly writer: InboxWriter;
  private readonly gate: PriorityGate;
  /** True while requests are being acknowledged (set by `http-endpoint.ts`): the worker takes no row, and its rows wait at their next statement, meanwhile. */
  acknowledging: () => boolean = () => false;

  constructor(
    app: App,
    private readonly log: Logger,
    run: (work: SlackWork, run: InboxRun) => Promise<DispatchOutcome | undefined>,
  ) {
    const { store, now, config } = app.services;
    // Once the writes are done, the statements held back go on and the worker takes their rows at once.
    const writer = new InboxWriter(store, now, () => this.idle());
    this.writer = writer;
    this.gate = store.gate;
    // Acknowledgements first: the rows under way wait at their next statement while requests are
    // being read and written (`src/store/priority-gate.ts`).
    store.gate.held = () => writer.busy || this.acknowledging();
    this.worker = new InboxWorker({
      store,
      now,
      log,
      platform: 'slack',
      leaseMs: config.inboxLeaseMs,
      run: (row: InboxRow, inboxRun) => run(workOf(row.payload), inboxRun),
      // Acknowledgements first: no row is taken while requests are being read and written.
      holdOff: () => writer.busy || this.acknowledging(),
    });
  }

  /** No request is under way any more (the endpoint's last one was answered): the rows under way and the worker go on. */
  idle(): void {
    this.gate.wake();
    this.worker.nudge();
  }

  /**
   * Writes the work under its Slack delivery id (`slack:<id>`, the dispatcher's key), before the
   * request is acknowledged: a failure here throws, so Slack gets no acknowledgement and tries again.
   * A redelivery is not written again. The worker is told at once.
   */
  private async accept(deliveryId: string, work: SlackWork): Promise<void> {
    const id = await this.writer.write({ eventKey: `slack:${deliveryId}`, platform: 'slack', payload: work });
    if (id === undefined) {
      this.log.info({ eventId: deliveryId }, 'redelivered Slack event ignored');
      return;
    }
    this.worker.nudge();
  }

  /** What a request asks (`intake.ts`): its work written, or nothing (a warning when the payload lacked what it needs). */
  async take(intake: Intake): Promise<void> {
    if (intake.kind === 'work') await this.accept(intake.deliveryId, intake.work);
    else if (intake.missing) this.log.warn({ payloadType: intake.missing }, 'Slack payload without the expected fields ignored');
  }
}
