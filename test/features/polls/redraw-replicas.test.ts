/**
 * Two instances on one store take turns redrawing a poll's messages: the platform sees one update
 * per interval at most, whichever instance counted the votes, and the last update shows the final
 * tally. On PGlite (one store shared by two refreshers in one process) and on PostgreSQL.
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
/** Turns are taken when a redraw starts; its update goes out after the tally is read (a few ms, more on a loaded machine). */
const SLACK_MS = 100;

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
      for (let i = 1; i < updates.length; i++) expect((updates[i]?.at ?? 0) - (updates[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(INTERVAL_MS - SLACK_MS);
      expect(cardToText(updates.at(-1)?.card ?? { blocks: [] })).toContain('30 voters');
    });
  });
}
