/**
 * The weekly topic posted to every discussion channel, and the notes the forum sends unasked:
 * to moderators (new proposals, an empty queue, a skipped week) and to proposers (decisions),
 * each in the reader's language.
 */
import type { Block, Card } from '../../core/card.ts';
import type { Services } from '../../core/context.ts';
import type { Conversation } from '../../core/events.ts';
import { personFromRef, type PersonRef } from '../../core/messenger.ts';
import { isLang, messages, type Lang } from '../../i18n/index.ts';
import { recordUsage } from '../../store/usage.ts';
import { createTopic, recordTopicPost, topicTranslations, usedStarterIds, type Topic, type TopicText } from '../../store/topics.ts';
import { areaName, languageLabel } from './labels.ts';
import { isStarterLang, loadStarters, pickStarter, type Starter } from './starters.ts';
import { closeOpenTopics } from './close.ts';

/**
 * The weekly post: the topic with its area, its text in the other languages it has, where to reply,
 * and the forum rules (their page when one is configured).
 */
export function weeklyTopicToCard(topic: Topic, options: { rulesUrl?: string | undefined; translations?: TopicText[]; lang?: Lang } = {}): Card {
  // The bot's words in a reader's language when one is given (the web page), else the topic's.
  const lang: Lang = options.lang ?? (isLang(topic.lang) ? topic.lang : 'en');
  const { topics: m, moderation } = messages(lang);
  const blocks: Block[] = [
    { type: 'context', text: `${m.weeklyHeader} · ${m.area({ area: areaName(topic.category, lang) })}` },
    { type: 'header', text: topic.title },
    ...(topic.description ? [{ type: 'text' as const, text: topic.description }] : []),
  ];
  for (const t of options.translations ?? []) {
    blocks.push({ type: 'context', text: languageLabel(t.lang, isLang(t.lang) ? t.lang : lang) }, { type: 'text', text: [t.title, t.description].filter(Boolean).join('\n\n') });
  }
  blocks.push(
    { type: 'context', text: m.weeklyFooter },
    options.rulesUrl ? { type: 'links', links: [{ label: moderation.rulesLink, url: options.rulesUrl }] } : { type: 'context', text: moderation.rulesHint },
  );
  return { lang, blocks };
}

/**
 * Posts the topic to every configured discussion channel, after closing the topic it follows (its
 * summary goes to its own thread first); returns how many channels took it (failures are logged).
 */
export async function publishTopic(services: Services, topic: Topic, actor: string): Promise<number> {
  const { config, messenger, log, store } = services;
  await closeOpenTopics(services, actor, topic.id);
  const card = weeklyTopicToCard(topic, { rulesUrl: config.rulesUrl, translations: await topicTranslations(store.db, topic.id) });
  let posted = 0;
  for (const channel of config.discussionChannels) {
    const conversation: Conversation = { platform: channel.platform, workspaceId: '', channelId: channel.id, kind: 'channel' };
    try {
      const ref = await messenger.post(conversation, card);
      await recordTopicPost(store.db, { topicId: topic.id, platform: channel.platform, conversationId: channel.id, messageId: ref.messageId }, services.now());
      await recordUsage(store.db, log, { kind: 'topic_posted', platform: channel.platform, workspaceId: ref.conversation.workspaceId, person: null, subject: topic.id, at: services.now() });
      posted++;
    } catch (error) {
      log.error({ err: error, topicId: topic.id, channel: `${channel.platform}:${channel.id}` }, 'weekly topic not posted in a channel');
    }
  }
  if (config.discussionChannels.length === 0) log.warn({ topicId: topic.id }, 'no DISCUSSION_CHANNELS configured: the weekly topic was posted nowhere');
  return posted;
}

/** The language a person chose, wherever they chose it, or the forum's. */
async function langOf(services: Services, person: PersonRef): Promise<Lang> {
  const row = await services.store.db
    .selectFrom('people')
    .select(['lang'])
    .where('platform', '=', person.platform)
    .where('user_id', '=', person.userId)
    .where('lang', 'is not', null)
    .executeTakeFirst();
  return row?.lang && isLang(row.lang) ? row.lang : services.config.defaultLang;
}

/** A note drawn for its reader: in their language, and knowing who they are (`person`). */
export type NoteCard = (lang: Lang, person: PersonRef) => Card | Promise<Card>;

/** A private note to one person (`platform:userId`), in their language; false when it could not be sent. */
export async function tellPerson(services: Services, ref: string, card: NoteCard): Promise<boolean> {
  const person = personFromRef(ref);
  if (!person) return false;
  try {
    return await services.messenger.tell(person, await card(await langOf(services, person), person));
  } catch (error) {
    services.log.warn({ err: error, person: ref }, 'private note not delivered');
    return false;
  }
}

/** The moderators: those of the configuration and those the store made moderators. */
export async function moderatorRefs(services: Services): Promise<string[]> {
  const configured = services.config.access.moderators.map((m) => `${m.platform}:${m.id}`);
  const stored = await services.store.db.selectFrom('people').select(['platform', 'user_id']).where('role', '=', 'moderator').execute();
  return [...new Set([...configured, ...stored.map((p) => `${p.platform}:${p.user_id}`)])];
}

/** A note to every moderator; returns how many received it. */
export async function tellModerators(services: Services, card: NoteCard): Promise<number> {
  let told = 0;
  for (const ref of await moderatorRefs(services)) if (await tellPerson(services, ref, card)) told++;
  return told;
}

let library: Starter[] | undefined;

/** Queues the next unused starter of the library, in the forum's language (English where it has none). */
export async function queueNextStarter(services: Pick<Services, 'config' | 'store' | 'log' | 'now'>): Promise<Topic | undefined> {
  library ??= loadStarters();
  const lang = isStarterLang(services.config.defaultLang) ? services.config.defaultLang : 'en';
  const starter = pickStarter(library, { lang, used: await usedStarterIds(services.store.db) });
  if (!starter) {
    services.log.warn('the library of discussion starters is used up');
    return undefined;
  }
  // The same starter in the library's other languages goes with it.
  const translations = library.filter((s) => s.id === starter.id && s.lang !== starter.lang).map((s) => ({ lang: s.lang, title: s.title, description: s.description }));
  return createTopic(
    services.store.db,
    { title: starter.title, description: starter.description, lang: starter.lang, category: starter.area, author: 'starter', starterId: starter.id, translations },
    'queued',
    services.now(),
  );
}
