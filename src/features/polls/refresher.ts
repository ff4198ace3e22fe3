/**
 * Live results: after votes, every message of the poll is redrawn in place with the counts. Slack
 * and Teams limit how often a message may be updated, so refreshes are coalesced: the next refresh
 * of a poll starts POLL_REFRESH_MIN_INTERVAL_MS after the previous one ended (so each message is
 * updated at most that often), the last one always showing the latest tally. A failed update is logged; the next vote tries again.
 * Instances sharing one store take turns (`claimPollRedraw`): one redraws, the others wait until
 * the interval has passed since its redraw ended (`endPollRedraw`) and redraw then, with the tally
 * as it is by that time.
 */
import type { Services } from '../../core/context.ts';
import { PLATFORMS } from '../../core/events.ts';
import { claimPollRedraw, endPollRedraw, findPoll, pollPosts, tallyPoll } from '../../store/polls.ts';
import { pollToCard } from './poll-card.ts';

export const POLL_REFRESH_MIN_INTERVAL_MS = 2000;

interface RefreshState {
  /** When the last refresh ended (ms, the refresher's clock). */
  last: number;
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
  /** Votes arrived while a refresh was running: one more is due. */
  again: boolean;
}

export class PollRefresher {
  private readonly states = new Map<string, RefreshState>();
  private stopped = false;

  constructor(
    /** The services as they are when a refresh runs (the host sets the messenger after start). */
    private readonly services: () => Pick<Services, 'store' | 'messenger' | 'log'>,
    private readonly clock: () => number = () => Date.now(),
    private readonly intervalMs = POLL_REFRESH_MIN_INTERVAL_MS,
  ) {}

  /** Asks for the poll's messages to show the latest counts, soon. */
  request(pollId: string): void {
    if (this.stopped) return;
    let state = this.states.get(pollId);
    if (!state) {
      state = { last: Number.NEGATIVE_INFINITY, timer: undefined, running: undefined, again: false };
      this.states.set(pollId, state);
    }
    if (state.timer) return;
    if (state.running) {
      state.again = true;
      return;
    }
    const wait = Math.max(0, state.last + this.intervalMs - this.clock());
    state.timer = setTimeout(() => void this.run(pollId), wait);
  }

  private async run(pollId: string): Promise<void> {
    const state = this.states.get(pollId);
    if (!state) return;
    state.timer = undefined;
    // Another instance on the same store may have redrawn it just now: its turn is respected.
    let wait = 0;
    state.running = (async () => {
      wait = await this.turn(pollId);
      if (wait === 0 && !this.stopped) {
        await this.refresh(pollId);
        await this.ended(pollId);
      }
    })();
    await state.running;
    if (this.stopped) return;
    if (wait > 0) {
      // Redrawn then, with the votes counted by that time (this instance's included).
      state.running = undefined;
      state.again = false;
      state.timer = setTimeout(() => void this.run(pollId), wait);
      return;
    }
    // Counted from the end: a message updated late in a slow refresh still waits the whole interval.
    state.last = this.clock();
    state.running = undefined;
    if (state.again) {
      state.again = false;
      this.request(pollId);
    } else if (!state.timer) {
      this.states.delete(pollId);
      // Kept: when it ran last, so that the next request still waits its turn.
      this.states.set(pollId, { last: state.last, timer: undefined, running: undefined, again: false });
    }
  }

  /** 0 when this instance may redraw the poll now, else how long until its turn (a failing store does not stop redraws). */
  private async turn(pollId: string): Promise<number> {
    const { store, log } = this.services();
    try {
      return await claimPollRedraw(store.db, pollId, new Date(this.clock()), this.intervalMs);
    } catch (error) {
      log.warn({ err: error, pollId }, 'poll redraw turn not taken; redrawing anyway');
      return 0;
    }
  }

  /** Tells the other instances when this redraw ended: their turn comes a whole interval later. */
  private async ended(pollId: string): Promise<void> {
    const { store, log } = this.services();
    try {
      await endPollRedraw(store.db, pollId, new Date(this.clock()));
    } catch (error) {
      log.warn({ err: error, pollId }, 'poll redraw end not recorded');
    }
  }

  /** Redraws every message of the poll now. */
  async refresh(pollId: string): Promise<void> {
    const { store, messenger, log } = this.services();
    try {
      const poll = await findPoll(store.db, pollId);
      if (!poll) return;
      const card = pollToCard(poll, await tallyPoll(store.db, poll));
      for (const post of await pollPosts(store.db, pollId)) {
        const platform = PLATFORMS.find((p) => p === post.platform);
        if (!platform) continue;
        const conversation = { platform, workspaceId: post.workspace_id, channelId: post.conversation_id, kind: 'channel' as const };
        try {
          await messenger.update({ platform, conversation, messageId: post.message_id }, card);
        } catch (error) {
          log.warn({ err: error, pollId, channel: `${post.platform}:${post.conversation_id}` }, 'poll message not refreshed');
        }
      }
    } catch (error) {
      log.error({ err: error, pollId }, 'poll refresh failed');
    }
  }

  /** Resolves once no refresh is waiting or running (tests, and a clean stop). */
  async idle(): Promise<void> {
    for (;;) {
      const busy = [...this.states.values()].filter((s) => s.timer !== undefined || s.running !== undefined);
      if (busy.length === 0) return;
      const waits = busy.map((s) => s.running ?? new Promise<void>((resolve) => void setTimeout(resolve, Math.max(1, s.last + this.intervalMs - this.clock()))));
      await Promise.all(waits);
    }
  }

  /** Drops the refreshes still waiting. */
  stop(): void {
    this.stopped = true;
    for (const state of this.states.values()) clearTimeout(state.timer);
    this.states.clear();
  }
}
