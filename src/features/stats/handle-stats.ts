/**
 * `stats` for moderators: whether the forum lives — people active and questions (with the share
 * answered) per week and per workspace or tenant (named after its member state when configured),
 * replies to the latest topics, answers to the latest polls (with the response rate where the
 * channels' members can be listed), and the questions the knowledge base
 * could not answer.
 */
import type { Block, Card } from '../../core/card.ts';
import type { HandlerContext, Services } from '../../core/context.ts';
import { formatDate, messages, type Lang } from '../../i18n/index.ts';
import { listUnanswered } from '../../rag/questions-repo.ts';
import { pollFigures, topicFigures, weeklyFigures, workspaceFigures } from '../../store/usage-figures.ts';
import { percent } from '../polls/poll-card.ts';
import { pollAudience } from '../polls/audience.ts';

/** The weeks the figures cover, and how many topics, polls and questions they list. */
/**
 * A workspace or tenant as people read it: its WORKSPACE_NAMES name, the web chat as "Web chat" in
 * the reader's language (its key, `web:web`, is internal), else its `platform:id`.
 */
export function workspaceName(w: { platform: string; workspaceId: string }, names: ReadonlyMap<string, string>, lang: Lang): string {
  const key = `${w.platform}:${w.workspaceId}`;
  return names.get(key) ?? (w.platform === 'web' ? messages(lang).stats.webWorkspace : key);
}

export const STATS_WEEKS = 4;
export const STATS_LIST_LIMIT = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Monday 00:00 UTC of the week `weeksBack` weeks before the one `now` is in. */
export function weekStart(now: Date, weeksBack: number): Date {
  const day = (now.getUTCDay() + 6) % 7;
  const monday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - day * DAY_MS;
  return new Date(monday - weeksBack * 7 * DAY_MS);
}

export interface StatsData {
  now: Date;
  weeks: Awaited<ReturnType<typeof weeklyFigures>>;
  workspaces: Awaited<ReturnType<typeof workspaceFigures>>;
  topics: Awaited<ReturnType<typeof topicFigures>>;
  polls: Awaited<ReturnType<typeof pollFigures>>;
  /** How many people each listed poll reached (its channels' members), where the platforms can tell. */
  audiences: ReadonlyMap<string, number>;
  unanswered: Awaited<ReturnType<typeof listUnanswered>>;
}

/** The figures of the last STATS_WEEKS weeks, read once (each reader then gets them in their language). */
export async function loadStats(services: Pick<Services, 'store' | 'now' | 'messenger' | 'log'>): Promise<StatsData> {
  const { db } = services.store;
  const now = services.now();
  const from = weekStart(now, STATS_WEEKS - 1);
  const [weeks, workspaces, topics, polls, unanswered] = await Promise.all([
    weeklyFigures(db, from),
    workspaceFigures(db, from),
    topicFigures(db, STATS_LIST_LIMIT),
    pollFigures(db, STATS_LIST_LIMIT),
    listUnanswered(db, STATS_LIST_LIMIT),
  ]);
  const audiences = new Map<string, number>();
  for (const poll of polls) {
    const people = await pollAudience(services, poll);
    if (people && people.size > 0) audiences.set(poll.id, people.size);
  }
  return { now, weeks, workspaces, topics, polls, audiences, unanswered };
}

export function statsToCard(data: StatsData, lang: Lang, workspaceNames: ReadonlyMap<string, string>): Card {
  const m = messages(lang).stats;
  const { weeks, workspaces, topics, polls, unanswered } = data;
  const blocks: Block[] = [{ type: 'header', text: m.title({ weeks: STATS_WEEKS }) }];
  if (weeks.length === 0 && topics.length === 0 && polls.length === 0) {
    blocks.push({ type: 'text', text: m.nothingYet });
    return { lang, blocks };
  }
  const share = (answered: number, questions: number): string => percent(answered, questions, lang);
  // Every week of the period, a quiet one too: a forum dying of low use shows as zeros.
  const lines = Array.from({ length: STATS_WEEKS }, (_, i) => {
    const start = weekStart(data.now, STATS_WEEKS - 1 - i);
    const w = weeks.find((x) => x.week.getTime() === start.getTime());
    return m.week({ week: formatDate(start, lang), active: w?.active ?? 0, questions: w?.questions ?? 0, share: share(w?.answered ?? 0, w?.questions ?? 0) });
  });
  blocks.push({ type: 'text', text: m.byWeek }, { type: 'list', items: lines });
  if (workspaces.length > 0) {
    const items = workspaces.map((w) => m.workspace({ name: workspaceName(w, workspaceNames, lang), active: w.active, questions: w.questions, share: share(w.answered, w.questions) }));
    blocks.push({ type: 'text', text: m.byWorkspace }, { type: 'list', items });
  }
  if (topics.length > 0) blocks.push({ type: 'text', text: m.topics }, { type: 'list', items: topics.map((t) => m.topic(t)) });
  if (polls.length > 0) {
    const items = polls.map((p) => {
      const line = m.poll({ id: p.id, question: p.question, voters: p.voters, open: p.status === 'open' });
      const members = data.audiences.get(p.id);
      return members === undefined ? line : `${line} · ${m.pollRate({ members, rate: percent(p.voters, members, lang) })}`;
    });
    blocks.push({ type: 'text', text: m.polls }, { type: 'list', items });
  }
  if (unanswered.length > 0) {
    blocks.push({ type: 'text', text: m.unanswered }, { type: 'list', items: unanswered.map((q) => m.unansweredItem({ question: q.question, times: q.times })) });
  }
  return { lang, blocks };
}

export async function handleStats(ctx: HandlerContext): Promise<void> {
  await ctx.replyPrivately(statsToCard(await loadStats(ctx.services), ctx.lang, ctx.services.config.workspaceNames));
}
