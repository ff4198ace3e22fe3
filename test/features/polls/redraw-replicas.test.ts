/**
 * Two instances on one store take turns redrawing a poll's messages: the platform sees one update
 * per interval at most, whichever instance counted the votes (the next turn counted from the end of
 * the last redraw, however long it took), and the last update shows the final tally. On PGlite
 * (one store shared by two refreshers in one process) and on PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cardToText } from '../../../src/core/card.ts';
import { silentLogger } from '../../../src/log.ts';
import { PollRefresher } from '../../../src/features/polls/refresher.ts';
import { castVote, createPoll, recordPollPost } from '../../../src/store/polls.ts';
import type { Store } from '../../../src/store/index.ts';
import { RecordingMessenger } from '../../support/recording-messenger.ts';
import { describeEngine, storeEngines } from '../../support/stores.ts';

const INTERVAL_MS = 400;
/** How long one instance's updates take to reach the platform in the second case: most of an interval. */
const SLOW_MS = 300;
/** Timers and clocks count whole milliseconds. */
const CLOCK_MS = 5;

for (const engine of storeEngines()) {
  describeEngine(engine)(`poll redraws shared by two instances on ${engine.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await engine.open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('spaces the updates of one message by the interval across both instances, the last showing every vote', async () => {
      const now = new Date();
      const poll = await createPoll(store.db, { question: 'Next format?', options: ['Webinar', 'Workshop'], kind: 'single', anonymous: false, lang: 'en', creator: 'slack:UMOD' }, now);
      await recordPollPost(store.db, { pollId: poll.id, platform: 'slack', conversationId: 'C0FORUM', workspaceId: 'T1', messageId: 'm-1' }, now);
      const messenger = new RecordingMessenger();
      const services = () => ({ store, messenger, log: silentLogger() });
      const replicas = [new PollRefresher(services, () => Date.now(), INTERVAL_MS), new PollRefresher(services, () => Date.now(), INTERVAL_MS)];
      const started = Date.now();
      // 30 votes over about 1.5 s, counted alternately by one instance and the other.
      for (let i = 0; i < 30; i++) {
        await castVote(store.db, poll, `slack:U${i}`, i % 2, new Date());
        replicas[i % 2]?.request(poll.id);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await Promise.all(replicas.map((r) => r.idle()));
      const elapsed = Date.now() - started;
      const updates = messenger.updates;
      expect(updates.length).toBeGreaterThan(1);
      expect(updates.length).toBeLessThanOrEqual(Math.ceil(elapsed / INTERVAL_MS) + 1);
      for (let i = 1; i < updates.length; i++) expect((updates[i]?.at ?? 0) - (updates[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(INTERVAL_MS - CLOCK_MS);
      expect(cardToText(updates.at(-1)?.card ?? { blocks: [] })).toContain('30 voters');
    });

    it("counts the next instance's turn from the end of a slow redraw: updates by different instances stay an interval apart", async () => {
      const now = new Date();
      const poll = await createPoll(store.db, { question: 'Which day?', options: ['Monday', 'Friday'], kind: 'single', anonymous: false, lang: 'en', creator: 'slack:UMOD' }, now);
      await recordPollPost(store.db, { pollId: poll.id, platform: 'slack', conversationId: 'C0FORUM', workspaceId: 'T1', messageId: 'm-2' }, now);
      /** When each update reached the platform, and whose it was: one instance's take SLOW_MS to get there. */
      const landed: { by: string; at: number }[] = [];
      const refresher = (by: string, delayMs: number): PollRefresher => {
        const messenger = new RecordingMessenger();
        messenger.update = async () => {
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          landed.push({ by, at: Date.now() });
        };
        return new PollRefresher(() => ({ store, messenger, log: silentLogger() }), () => Date.now(), INTERVAL_MS);
      };
      const [slow, fast] = [refresher('slow', SLOW_MS), refresher('fast', 0)];
      await castVote(store.db, poll, 'slack:U1', 0, new Date());
      slow.request(poll.id);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await castVote(store.db, poll, 'slack:U2', 1, new Date());
      fast.request(poll.id);
      await Promise.all([slow.idle(), fast.idle()]);
      expect(landed.map((l) => l.by)).toEqual(['slow', 'fast']);
      expect((landed[1]?.at ?? 0) - (landed[0]?.at ?? 0)).toBeGreaterThanOrEqual(INTERVAL_MS - CLOCK_MS);
    });
  });
}
