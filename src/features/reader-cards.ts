/**
 * The bot's posts redrawn for one reader. Slack and Teams show a message drawn once for everyone,
 * in its author's language; the web page asks for each reader's view, so a poll and a weekly topic
 * it shows are drawn again there with the bot's words in the reader's language (the question, the
 * options and the topic's own text stay as written) and the poll's counts as they are now.
 */
import type { Card } from '../core/card.ts';
import type { Services } from '../core/context.ts';
import type { Platform } from '../core/events.ts';
import type { Lang } from '../i18n/index.ts';
import { findPoll, pollsOfMessages, tallyPoll } from '../store/polls.ts';
import { findTopic, topicTranslations, topicsOfMessages } from '../store/topics.ts';
import { weeklyTopicToCard } from './discussions/publish.ts';
import { pollToCard } from './polls/poll-card.ts';

/** Of a platform's messages (by id), those of a poll or a weekly topic, drawn for a reader in `lang`. */
export async function cardsForReader(services: Pick<Services, 'store' | 'config'>, platform: Platform, messageIds: readonly string[], lang: Lang): Promise<Map<string, Card>> {
  const { db } = services.store;
  const cards = new Map<string, Card>();
  for (const [messageId, pollId] of await pollsOfMessages(db, platform, messageIds)) {
    const poll = await findPoll(db, pollId);
    if (poll) cards.set(messageId, pollToCard(poll, await tallyPoll(db, poll), lang));
  }
  for (const [messageId, topicId] of await topicsOfMessages(db, platform, messageIds)) {
    const topic = await findTopic(db, topicId);
    if (topic) cards.set(messageId, weeklyTopicToCard(topic, { rulesUrl: services.config.rulesUrl, translations: await topicTranslations(db, topic.id), lang }));
  }
  return cards;
}
