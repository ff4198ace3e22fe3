/**
 * The topic commands: members propose, moderators see the queue, approve or reject (with a reason)
 * and set the weekly slot. Proposals that seem to hold personal data are flagged to moderators.
 */
import { ACTIONS } from '../../core/actions.ts';
import type { Block, Card } from '../../core/card.ts';
import { textCard } from '../../core/card.ts';
import type { HandlerContext } from '../../core/context.ts';
import type { Weekday } from '../../core/commands.ts';
import { messages, type Lang } from '../../i18n/index.ts';
import { nextSlot, type WeeklySlot } from '../../scheduler/weekly-slot.ts';
import { analyze } from '../../rag/analyze.ts';
import type { Category } from '../../rag/types.ts';
import { areaName, languageLabel } from './labels.ts';
import { approveTopic, createTopic, markTopicPosted, queuedTopics, rejectTopic, setSchedule, translateTopic, type Topic } from '../../store/topics.ts';
import { publishTopic, tellModerators, tellPerson } from './publish.ts';
import { findPerson } from '../../store/people.ts';
import { personLabel, personLabels } from '../membership/person-labels.ts';

const EMAIL = /[^\s@<>]+@[^\s@<>]+\.[a-z]{2,}/i;
const PHONE = /\+?\d[\d\s().-]{7,}\d/;

/** Whether a text seems to hold an e-mail address or a phone number. */
export function mayHoldPersonalData(text: string): boolean {
  return EMAIL.test(text) || PHONE.test(text);
}

function actorOf(ctx: HandlerContext): string {
  return `${ctx.person.platform}:${ctx.person.userId}`;
}

/** The assistance area a text is about, from the glossary's terms (null: general). */
function areaOf(ctx: HandlerContext, text: string, lang: Lang): Category | null {
  return ctx.services.knowledge.glossary.classify(analyze(text, lang));
}

export async function handleTopicPropose(ctx: HandlerContext, title: string, description: string): Promise<void> {
  // A guest proposes only with the moderator's leave (`invite … --propose`).
  if (ctx.role === 'guest' && !(await findPerson(ctx.services.store.db, ctx.person))?.may_propose) {
    await ctx.replyPrivately(textCard(messages(ctx.lang).membership.guestCannotPropose, ctx.lang));
    return;
  }
  const topic = await createTopic(
    ctx.services.store.db,
    { title, description, lang: ctx.lang, category: areaOf(ctx, `${title} ${description}`, ctx.lang), author: actorOf(ctx) },
    'proposed',
    ctx.services.now(),
  );
  ctx.log.info({ topicId: topic.id }, 'topic proposed');
  await ctx.replyPrivately(textCard(messages(ctx.lang).topics.proposed({ id: topic.id }), ctx.lang));
  // Each moderator gets it privately, with the buttons to decide.
  await tellModerators(ctx.services, async (lang, moderator) => ({
    lang,
    blocks: [
      { type: 'text', text: messages(lang).topics.newProposal({ id: topic.id, title: topic.title }) },
      ...itemBlocks(topic, lang, true, await personLabel(ctx.services.store.db, topic.author, lang, moderator)),
    ],
  }));
}

/** A proposal as moderators see it; `author` is who proposed it, by name (`personLabels`). */
function itemBlocks(topic: Topic, lang: Lang, withButtons: boolean, author: string): Block[] {
  const m = messages(lang).topics;
  const blocks: Block[] = [{ type: 'text', text: m.item({ id: topic.id, title: topic.title, author }) }];
  if (topic.description) blocks.push({ type: 'context', text: topic.description });
  blocks.push({ type: 'context', text: `${m.area({ area: areaName(topic.category, lang) })} · ${languageLabel(topic.lang, lang)}` });
  if (mayHoldPersonalData(`${topic.title} ${topic.description}`)) blocks.push({ type: 'context', text: `⚠ ${m.personalData}` });
  if (withButtons) {
    blocks.push({
      type: 'actions',
      buttons: [
        { actionId: ACTIONS.topicApprove, label: m.approve, value: topic.id, style: 'primary' },
        { actionId: ACTIONS.topicReject, label: m.reject, value: topic.id, style: 'danger' },
      ],
    });
  }
  return blocks;
}

/** The moderators' view: proposals waiting (with Approve / Reject), then the queue in order. */
export async function topicQueueToCard(ctx: HandlerContext): Promise<Card> {
  const m = messages(ctx.lang).topics;
  const db = ctx.services.store.db;
  const proposals = await db.selectFrom('topics').selectAll().where('status', '=', 'proposed').orderBy('id').execute();
  const queued = await queuedTopics(db);
  if (proposals.length === 0 && queued.length === 0) return textCard(m.queueEmpty, ctx.lang);
  const blocks: Block[] = [{ type: 'header', text: m.queueTitle }];
  if (proposals.length > 0) {
    blocks.push({ type: 'text', text: m.proposalsTitle });
    const authors = await personLabels(db, proposals.map((t) => t.author), ctx.lang, ctx.event.actor);
    for (const topic of proposals) blocks.push(...itemBlocks(topic, ctx.lang, true, authors.get(topic.author) ?? topic.author), { type: 'divider' });
  }
  if (queued.length > 0) {
    blocks.push({ type: 'text', text: m.queuedTitle }, { type: 'list', ordered: true, items: queued.map((t) => `#${t.id} ${t.title}`) });
  }
  return { lang: ctx.lang, blocks };
}

export async function handleTopicQueue(ctx: HandlerContext): Promise<void> {
  await ctx.replyPrivately(await topicQueueToCard(ctx));
}

export async function handleTopicApprove(ctx: HandlerContext, id: string): Promise<void> {
  const m = messages(ctx.lang).topics;
  const topic = await approveTopic(ctx.services.store.db, id, actorOf(ctx), ctx.services.now());
  if (!topic) {
    await ctx.replyPrivately(textCard(m.notWaiting({ id }), ctx.lang));
    return;
  }
  const position = (await queuedTopics(ctx.services.store.db)).findIndex((t) => t.id === topic.id) + 1;
  ctx.log.info({ topicId: id }, 'topic approved');
  await ctx.replyPrivately(textCard(m.approved({ id, position }), ctx.lang));
  await tellPerson(ctx.services, topic.author, (lang) => textCard(messages(lang).topics.proposerApproved({ title: topic.title }), lang));
}

export async function handleTopicReject(ctx: HandlerContext, id: string, reason: string): Promise<void> {
  const m = messages(ctx.lang).topics;
  if (!reason.trim()) {
    await ctx.replyPrivately(textCard(m.rejectNeedsReason({ id }), ctx.lang));
    return;
  }
  const topic = await rejectTopic(ctx.services.store.db, id, actorOf(ctx), reason.trim(), ctx.services.now());
  if (!topic) {
    await ctx.replyPrivately(textCard(m.notWaiting({ id }), ctx.lang));
    return;
  }
  ctx.log.info({ topicId: id }, 'topic rejected');
  await ctx.replyPrivately(textCard(m.rejected({ id }), ctx.lang));
  await tellPerson(ctx.services, topic.author, (lang) => textCard(messages(lang).topics.proposerRejected({ title: topic.title, reason: reason.trim() }), lang));
}

/** `topic translate`: the topic's title and description in another language, posted with it. */
export async function handleTopicTranslate(ctx: HandlerContext, id: string, text: { lang: Lang; title: string; description: string }): Promise<void> {
  const m = messages(ctx.lang).topics;
  const outcome = await translateTopic(ctx.services.store.db, id, text, actorOf(ctx), ctx.services.now());
  const language = languageLabel(text.lang, ctx.lang);
  const reply = outcome === 'translated' ? m.translated({ id, language }) : outcome === 'own_lang' ? m.ownLanguage({ id, language }) : m.notTranslatable({ id });
  await ctx.replyPrivately(textCard(reply, ctx.lang));
}

/** `topic post-now`: the next queued topic goes out at once (the weekly slot stays as it is). */
export async function handleTopicPostNow(ctx: HandlerContext): Promise<void> {
  const { db } = ctx.services.store;
  const m = messages(ctx.lang).topics;
  // Nothing is taken from the queue when it could go nowhere.
  if (ctx.services.config.discussionChannels.length === 0) {
    await ctx.replyPrivately(textCard(m.noChannels, ctx.lang));
    return;
  }
  for (const candidate of await queuedTopics(db)) {
    const topic = await markTopicPosted(db, candidate.id, actorOf(ctx), ctx.services.now(), 'post-now');
    if (!topic) continue;
    const channels = await publishTopic(ctx.services, topic, actorOf(ctx));
    ctx.log.info({ topicId: topic.id, channels }, 'topic posted now');
    await ctx.replyPrivately(textCard(m.postedNow({ id: topic.id, channels }), ctx.lang));
    return;
  }
  await ctx.replyPrivately(textCard(m.queueEmpty, ctx.lang));
}

/** A weekday's name in a language (ISO weekday: 1 = Monday). */
export function weekdayName(weekday: number, lang: Lang): string {
  // 5 January 2026 is a Monday.
  return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 4 + weekday)));
}

/** A slot's instant as the zone's clock shows it, in the reader's language. */
export function formatSlot(date: Date, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(date);
}

export async function handleTopicSchedule(
  ctx: HandlerContext,
  slot: { weekday: Weekday; hour: number; minute: number; timeZone: string; useStarters: boolean },
): Promise<void> {
  const now = ctx.services.now();
  await setSchedule(ctx.services.store.db, slot, actorOf(ctx), now);
  const weekly: WeeklySlot = slot;
  const m = messages(ctx.lang).topics;
  const time = `${String(slot.hour).padStart(2, '0')}:${String(slot.minute).padStart(2, '0')}`;
  const every = m.every({ weekday: weekdayName(slot.weekday, ctx.lang), time, zone: slot.timeZone });
  ctx.log.info({ ...slot }, 'weekly slot set');
  const confirmation = m.scheduleSet({ every, next: formatSlot(nextSlot(weekly, now), slot.timeZone, ctx.lang) });
  const notes = [confirmation, ...(slot.useStarters ? [m.startersOn] : []), ...(ctx.services.config.discussionChannels.length === 0 ? [m.noChannels] : [])];
  await ctx.replyPrivately(textCard(notes.join('\n\n'), ctx.lang));
}
