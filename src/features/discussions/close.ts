/**
 * Closing a weekly topic (`topic close`, or the next week's post): the thread's replies are
 * summarised — by the model when one is configured, by picking key sentences otherwise — the
 * summary is posted in every thread of the topic with the counts, and it becomes a document of the
 * knowledge base (`discussion/<id>`), so later questions can cite what the community said. A topic
 * nobody answered adds nothing to the knowledge base.
 */
import type { Card } from '../../core/card.ts';
import { textCard } from '../../core/card.ts';
import type { HandlerContext, Services } from '../../core/context.ts';
import { PLATFORMS } from '../../core/events.ts';
import { isLang, messages, type Lang } from '../../i18n/index.ts';
import { ingestMarkdown } from '../../rag/ingest/ingest.ts';
import { isCategory } from '../../rag/types.ts';
import { topicReplies } from '../../store/topic-replies.ts';
import { closeTopic, findTopic, openTopics, topicPosts, type Topic } from '../../store/topics.ts';
import { summarizeDiscussion, type DiscussionSummary } from './summary.ts';

/** The knowledge-base source of a closed topic's summary. */
export function discussionSource(topicId: string): string {
  return `discussion/${topicId}`;
}

function topicLang(topic: Topic): Lang {
  return isLang(topic.lang) ? topic.lang : 'en';
}

/** The summary as posted in the topic's threads. */
export function summaryToCard(topic: Topic, summary: DiscussionSummary): Card {
  const lang = topicLang(topic);
  const m = messages(lang).topics;
  return {
    lang,
    blocks: [
      { type: 'header', text: m.summaryTitle },
      { type: 'context', text: topic.title },
      summary.points.length > 0 ? { type: 'list', items: summary.points } : { type: 'text', text: m.summaryNoReplies },
      { type: 'context', text: m.summaryCounts({ participants: summary.participants, replies: summary.replies }) },
      ...(summary.points.length > 0 ? [{ type: 'context' as const, text: summary.method === 'model' ? m.summaryByModel : m.summaryExtractive }] : []),
      { type: 'context', text: summary.replies > 0 ? m.summaryClosedNote : m.summaryClosedEmptyNote },
    ],
  };
}

/** The knowledge-base document of a closed topic: the question put, then what the community said. */
export function summaryToMarkdown(topic: Topic, summary: DiscussionSummary): string {
  const m = messages(topicLang(topic)).topics;
  const lines = [`# ${topic.title}`, '', `## ${m.summaryDocumentTopic}`, '', topic.description || topic.title, '', `## ${m.summaryDocumentHeading}`, ''];
  if (summary.points.length > 0) lines.push(...summary.points.map((p) => `- ${p}`));
  else lines.push(m.summaryNoReplies);
  lines.push('', m.summaryCounts({ participants: summary.participants, replies: summary.replies }), '');
  return lines.join('\n');
}

export interface ClosedDiscussion {
  topic: Topic;
  summary: DiscussionSummary;
  /** The threads the summary was posted in. */
  threads: number;
}

/**
 * Closes an open topic; undefined when it was not open (closed meanwhile, by another instance too:
 * the status change is the claim, so the summary is posted once).
 */
export async function closeDiscussion(services: Services, topic: Topic, actor: string): Promise<ClosedDiscussion | undefined> {
  const { store, log } = services;
  const replies = await topicReplies(store.db, topic.id);
  const summary = await summarizeDiscussion(
    { title: topic.title, description: topic.description, lang: topicLang(topic), replies: replies.map((r) => ({ author: r.author, text: r.text, at: r.at })) },
    { ...(services.summaryWriter ? { writer: services.summaryWriter } : {}), log },
  );
  const markdown = summaryToMarkdown(topic, summary);
  const closed = await closeTopic(store.db, topic.id, actor, services.now(), markdown, `${summary.replies} replies, ${summary.participants} participants`);
  if (!closed) return undefined;
  const card = summaryToCard(closed, summary);
  let threads = 0;
  for (const post of await topicPosts(store.db, closed.id)) {
    const platform = PLATFORMS.find((p) => p === post.platform);
    if (!platform) continue;
    try {
      await services.messenger.post({ platform, workspaceId: '', channelId: post.conversation_id, threadId: post.message_id, kind: 'channel' }, card);
      threads++;
    } catch (error) {
      log.error({ err: error, topicId: closed.id, channel: `${post.platform}:${post.conversation_id}` }, 'summary not posted in a thread');
    }
  }
  // A topic nobody answered teaches nothing: the knowledge base gets no "Nobody replied" document.
  if (summary.replies > 0) await addSummaryToKnowledge(services, closed, markdown);
  log.info({ topicId: closed.id, replies: summary.replies, participants: summary.participants, method: summary.method, threads }, 'topic closed');
  return { topic: closed, summary, threads };
}

async function addSummaryToKnowledge(services: Services, closed: Topic, markdown: string): Promise<void> {
  const { store, log } = services;
  try {
    await ingestMarkdown(
      services.knowledge,
      store.db,
      { source: discussionSource(closed.id), title: closed.title, lang: topicLang(closed), category: closed.category && isCategory(closed.category) ? closed.category : null, markdown },
      services.now(),
    );
  } catch (error) {
    log.error({ err: error, topicId: closed.id }, 'summary not added to the knowledge base');
  }
}

/** Closes every open topic but `except` (the next week's post closes the previous one). */
export async function closeOpenTopics(services: Services, actor: string, except?: string): Promise<void> {
  for (const topic of await openTopics(services.store.db)) {
    if (topic.id === except) continue;
    try {
      await closeDiscussion(services, topic, actor);
    } catch (error) {
      services.log.error({ err: error, topicId: topic.id }, 'topic could not be closed');
    }
  }
}

/** `topic close [<id>]`: the given open topic, or the latest one out. */
export async function handleTopicClose(ctx: HandlerContext, id: number | undefined): Promise<void> {
  const m = messages(ctx.lang).topics;
  const { db } = ctx.services.store;
  const topic = id === undefined ? (await openTopics(db))[0] : await findTopic(db, String(id));
  if (!topic) {
    await ctx.replyPrivately(textCard(id === undefined ? m.noneOpen : m.notOpen({ id: String(id) }), ctx.lang));
    return;
  }
  const closed = topic.status === 'posted' ? await closeDiscussion(ctx.services, topic, `${ctx.person.platform}:${ctx.person.userId}`) : undefined;
  if (!closed) {
    await ctx.replyPrivately(textCard(m.notOpen({ id: topic.id }), ctx.lang));
    return;
  }
  const { summary, threads } = closed;
  const text =
    summary.replies > 0
      ? m.closed({ id: topic.id, title: topic.title, participants: summary.participants, replies: summary.replies, threads })
      : m.closedEmpty({ id: topic.id, title: topic.title, threads });
  await ctx.replyPrivately(textCard(text, ctx.lang));
}
