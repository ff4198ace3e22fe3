/**
 * A poll as people see it: the question, each option with its count, share and a bar, the vote
 * buttons while it is open, and the final results (no buttons) once closed. Words are in the
 * poll's language where the message is drawn once for everyone (Slack, Teams), in each reader's on
 * the web page; counts are the same for everyone.
 */
import { ACTIONS } from '../../core/actions.ts';
import type { Block, Button, Card } from '../../core/card.ts';
import { isLang, messages, type Lang } from '../../i18n/index.ts';
import type { Poll, Tally } from '../../store/polls.ts';

/** The width of a result bar, in characters. */
export const POLL_BAR_WIDTH = 10;
const BAR_FULL = '▓';
const BAR_EMPTY = '░';

/** A deadline as the reader writes dates, in UTC (the zone the command takes). */
export function formatDeadline(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC', timeZoneName: 'short' }).format(date);
}

export function pollLang(poll: Pick<Poll, 'lang'>): Lang {
  return isLang(poll.lang) ? poll.lang : 'en';
}

/** A share as a whole percentage ("40 %" in French, "40%" in English), by the reader's conventions. */
export function percent(part: number, whole: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(whole > 0 ? part / whole : 0);
}

export function bar(part: number, whole: number): string {
  const filled = whole > 0 ? Math.round((part / whole) * POLL_BAR_WIDTH) : 0;
  return BAR_FULL.repeat(filled) + BAR_EMPTY.repeat(POLL_BAR_WIDTH - filled);
}

/** The value a vote button carries: `<pollId>:<option>`. */
export function voteValue(pollId: string, option: number): string {
  return `${pollId}:${option}`;
}

export function parseVoteValue(value: string): { pollId: string; option: number } | undefined {
  const match = /^(\d{1,18}):(\d{1,2})$/.exec(value);
  return match ? { pollId: match[1] as string, option: Number(match[2]) } : undefined;
}

/** One line per option: its label, bar, count and share of all votes. */
export function resultLines(poll: Pick<Poll, 'options'>, tally: Tally, lang: Lang): string[] {
  const total = tally.counts.reduce((sum, n) => sum + n, 0);
  return poll.options.map((label, i) => {
    const n = tally.counts[i] ?? 0;
    return `${label}  ${bar(n, total)}  ${n} · ${percent(n, total, lang)}`;
  });
}

/** The average of a rating poll (1–5), or undefined without votes. */
export function ratingAverage(tally: Tally): number | undefined {
  const total = tally.counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return undefined;
  return tally.counts.reduce((sum, n, i) => sum + n * (i + 1), 0) / total;
}

/**
 * The poll's card in `lang` (the poll's own language unless a reader's is given): the bot's words
 * follow the reader, the question and options stay as their author wrote them.
 */
export function pollToCard(poll: Poll, tally: Tally, lang: Lang = pollLang(poll)): Card {
  const m = messages(lang).polls;
  const open = poll.status === 'open';
  const notes = [poll.kind === 'multi' ? m.kindMulti : poll.kind === 'rating' ? m.kindRating : m.kindSingle];
  if (poll.anonymous) notes.push(m.anonymousNote);
  if (open && poll.closes_at) notes.push(m.closesAt({ date: formatDeadline(poll.closes_at, lang) }));
  const blocks: Block[] = [
    { type: 'context', text: `${m.label({ id: poll.id })} · ${notes.join(' · ')}` },
    { type: 'header', text: poll.question },
    { type: 'list', items: resultLines(poll, tally, lang) },
  ];
  const average = poll.kind === 'rating' ? ratingAverage(tally) : undefined;
  const summary = [m.voters({ count: tally.voters })];
  if (average !== undefined) summary.push(m.average({ value: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(average) }));
  if (!open) summary.unshift(m.closedNote);
  blocks.push({ type: 'context', text: summary.join(' · ') });
  if (open) {
    const buttons: Button[] = poll.options.map((label, i) => ({ actionId: ACTIONS.pollVote, label: poll.kind === 'rating' ? `${label} ★` : label, value: voteValue(poll.id, i) }));
    blocks.push({ type: 'actions', buttons });
  }
  return { lang, blocks };
}
