/**
 * The bot's posts drawn for one reader (what the web page shows): a poll and a weekly topic posted
 * in English come back with the bot's words in the reader's language and the poll's counts as they
 * are, the question, options and topic text as written; other messages are left as stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardToText } from '../../src/core/card.ts';
import { loadConfig } from '../../src/config.ts';
import { cardsForReader } from '../../src/features/reader-cards.ts';
import { pollToCard } from '../../src/features/polls/poll-card.ts';
import { messages } from '../../src/i18n/index.ts';
import type { Store } from '../../src/store/index.ts';
import { openTestStore } from '../support/pglite-template.ts';
import { castVote, createPoll, recordPollPost, tallyPoll, type Poll } from '../../src/store/polls.ts';
import { createTopic, recordTopicPost } from '../../src/store/topics.ts';

const now = new Date('2026-12-01T09:00:00Z');
const fr = messages('fr');
const ru = messages('ru');
const en = messages('en');

describe('cards drawn for a reader', () => {
  let store: Store;
  let poll: Poll;
  const services = () => ({ store, config: loadConfig({}) });

  beforeAll(async () => {
    store = await openTestStore();
    poll = await createPoll(store.db, { question: 'Was it useful?', options: ['Yes', 'No'], kind: 'single', anonymous: false, lang: 'en', creator: 'web:mod' }, now);
    await recordPollPost(store.db, { pollId: poll.id, platform: 'web', conversationId: 'forum', workspaceId: 'web', messageId: 'post-poll' }, now);
    await recordPollPost(store.db, { pollId: poll.id, platform: 'slack', conversationId: 'C1', workspaceId: 'T1', messageId: 'post-other' }, now);
    await castVote(store.db, poll, 'web:a', 0, now);
    const topic = await createTopic(store.db, { title: 'Mid-term reviews', description: 'What changed after yours?', lang: 'en', category: 'evaluation', author: 'web:mod' }, 'queued', now);
    await recordTopicPost(store.db, { topicId: topic.id, platform: 'web', conversationId: 'forum', messageId: 'post-topic' }, now);
  });
  afterAll(() => store.close());

  it('draws a poll posted in English with French words and its counts as they are', async () => {
    const cards = await cardsForReader(services(), 'web', ['post-poll', 'post-topic', 'post-notice'], 'fr');
    const text = cardToText(cards.get('post-poll')!);
    expect(cards.get('post-poll')?.lang).toBe('fr');
    expect(text).toContain(`${fr.polls.label({ id: poll.id })} · ${fr.polls.kindSingle}`);
    expect(text).toContain(fr.polls.voters({ count: 1 }));
    expect(text).toContain('Was it useful?');
    expect(text).not.toContain(en.polls.voters({ count: 1 }));
    // A later vote shows at the next drawing.
    await castVote(store.db, poll, 'web:b', 1, now);
    const again = await cardsForReader(services(), 'web', ['post-poll'], 'fr');
    expect(cardToText(again.get('post-poll')!)).toContain(fr.polls.voters({ count: 2 }));
    // Not a poll or a topic: nothing drawn, the stored card stays.
    expect(cards.has('post-notice')).toBe(false);
  });

  it('draws a weekly topic with the bot’s words in the reader’s language, its own text as written', async () => {
    const cards = await cardsForReader(services(), 'web', ['post-topic'], 'fr');
    const text = cardToText(cards.get('post-topic')!);
    expect(text).toContain(fr.topics.weeklyHeader);
    expect(text).toContain(fr.topics.weeklyFooter);
    expect(text).toContain('Mid-term reviews');
    expect(text).not.toContain(en.topics.weeklyHeader);
  });

  it('reads only the platform asked for', async () => {
    const cards = await cardsForReader(services(), 'web', ['post-other'], 'fr');
    expect(cards.size).toBe(0);
  });

  it('draws a poll in any reader’s language, the poll’s own by default', async () => {
    const tally = await tallyPoll(store.db, poll);
    const russian = pollToCard(poll, { ...tally, voters: 21 }, 'ru');
    expect(russian.lang).toBe('ru');
    expect(cardToText(russian)).toContain(ru.polls.voters({ count: 21 }));
    expect(cardToText(russian)).toContain(ru.polls.label({ id: poll.id }));
    expect(pollToCard(poll, tally).lang).toBe('en');
  });
});
