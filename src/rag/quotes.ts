/**
 * What an extractive answer quotes: the unit the answer stands in, cut around its span when it is
 * long; for a list or a procedure, the items that follow; for sentences, the next one when it
 * scores nearly as well; and a second answer nearly as good as the first, from another unit.
 */
import type { LeadKind } from '../i18n/answer-kinds.ts';
import type { Lang } from '../i18n/index.ts';
import type { Span } from './entities.ts';
import type { AnswerUnit, Candidate, Extraction } from './extractive.ts';
import type { AnswerKind } from './question-kind.ts';
import { figureLine, recordAbove } from './table-rows.ts';

/** Longest quoted unit; a longer one is cut around the answer. */
export const QUOTE_MAX_CHARS = 420;
/** Items of a list or steps of a procedure quoted after the unit that introduces them. */
export const LIST_MAX_ITEMS = 6;
export const LIST_MAX_CHARS = 600;

/** A long unit cut to the part around the answer, on word boundaries. */
export function quoteAround(text: string, span: Pick<Span, 'start' | 'end'> | undefined, max = QUOTE_MAX_CHARS): string {
  if (text.length <= max) return text;
  const centre = span ? Math.floor((span.start + span.end) / 2) : 0;
  let start = Math.max(0, Math.min(centre - max / 2, text.length - max));
  let end = Math.min(text.length, start + max);
  if (start > 0) start = text.indexOf(' ', start) + 1;
  if (end < text.length) end = text.lastIndexOf(' ', end);
  return `${start > 0 ? '… ' : ''}${text.slice(start, end).trim()}${end < text.length ? ' …' : ''}`;
}

/** A following unit this close to the best one's score goes on the answer (an explanation in two sentences). */
const FOLLOWING_UNIT_SHARE = 0.75;

/**
 * A sentence that opens on a pronoun pointing back ("This will be done for information", "Cela
 * sera fait…", "Это…", "这…", "وهذا…") says something of the sentence before it, which it needs
 * to be understood: it goes with that sentence when short, however few of the question's words it
 * holds.
 */
const POINTS_BACK: Record<Lang, RegExp> = {
  en: /^(?:this|that|these|those|it|such)\s/i,
  fr: /^(?:cela|ceci|ce|ces|celui-ci|celle-ci|ceux-ci|celles-ci|il|elle|ils|elles)\s/i,
  es: /^(?:esto|eso|ello|este|esta|estos|estas|dicho|dicha|dichos|dichas)\s/i,
  ru: /^(?:это|этот|эта|эти|оно|он|она|они|такой|такая|такие)\s/iu,
  ar: /^(?:و|ف)?(?:هذا|هذه|ذلك|تلك|هؤلاء)\s/u,
  zh: /^(?:这|此|该|上述)/u,
};
/** A pointing-back sentence longer than this says more than a remark on the one before: it is scored as any other. */
const POINTS_BACK_MAX_CHARS = 160;

function pointsBack(text: string, lang: Lang): boolean {
  return text.length <= POINTS_BACK_MAX_CHARS && POINTS_BACK[lang].test(text.trim());
}

/**
 * The units quoted: the best one; for a list or a procedure, or a line that opens a list, the
 * items that follow it; for an answer of sentences, the next sentence too when it scores nearly
 * as well.
 */
export function quotedUnits(best: Candidate, kind: AnswerKind | undefined, candidates: Candidate[]): AnswerUnit[] {
  // A line of figures or dates is quoted with the record of the table it closes ("15 new experts selected … — January - February 2014").
  const record = figureLine(best.unit, best.chunk.lang) ? recordAbove(best.units, best.unit.index, best.chunk.lang).map((u) => u.text).join(' ') : '';
  if (record) {
    const text = `${record} — ${best.unit.text}`;
    return [{ text: quoteAround(text, { start: text.length - best.unit.text.length, end: text.length }), chunk: best.chunk }];
  }
  const first = { text: quoteAround(best.unit.text, best.span), chunk: best.chunk };
  const introduces = /[:：]$/.test(best.unit.text) || best.units[best.unit.index + 1]?.kind === 'item';
  const list = kind === 'list' || kind === 'procedure';
  if (!introduces) {
    // A span answers alone; sentences may need the next one.
    if (best.span && !list) return [first];
    const next = best.units[best.unit.index + 1];
    if (next && next.kind !== 'item' && pointsBack(next.text, best.chunk.lang) && first.text.length + next.text.length <= LIST_MAX_CHARS) return [first, { text: next.text, chunk: best.chunk }];
    const following = candidates.find((c) => c.chunk.id === best.chunk.id && c.unit.index === best.unit.index + 1);
    const fits = following && following.score >= best.score * FOLLOWING_UNIT_SHARE && first.text.length + following.unit.text.length <= LIST_MAX_CHARS;
    return fits ? [first, { text: following.unit.text, chunk: best.chunk }] : [first];
  }
  // A line that opens a list ("Attach the following:") says nothing without its items, whatever the question's kind; a span answers alone.
  if (!list && best.span) return [first];
  const out = [first];
  let chars = first.text.length;
  for (const next of best.units.slice(best.unit.index + 1)) {
    if (out.length > LIST_MAX_ITEMS || chars + next.text.length > LIST_MAX_CHARS) break;
    if (next.kind !== 'item' && !/[:：]$/.test(best.unit.text)) break;
    out.push({ text: next.text, chunk: best.chunk });
    chars += next.text.length;
  }
  return out;
}

/** A second answer is quoted when it scores at least this share of the best one's. */
export const ALTERNATIVE_SHARE = 0.7;
/**
 * The whole answer stays under 700 characters: its quotes and facts take at most this many (the
 * rest is the framing lines and citation marks); the second quote is cut to what is left.
 */
export const ANSWER_MAX_CHARS = 560;
/** …and is not given when less than this is left. */
const ALTERNATIVE_MIN_CHARS = 120;

const sameFact = (a: Span | undefined, b: Span | undefined): boolean => a !== undefined && b !== undefined && a.text.replace(/\s/g, '').toLowerCase() === b.text.replace(/\s/g, '').toLowerCase();

/** The next best unit, when it is nearly as good, holds another fact, and fits in the answer. */
export function alternativeTo(best: Candidate, quoted: AnswerUnit[], accepted: Candidate[]): Extraction['alternative'] {
  const quotedTexts = new Set(quoted.map((u) => u.text));
  const second = accepted.find((c) => c !== best && !c.tied && !(c.chunk.id === best.chunk.id && c.unit.index === best.unit.index) && !quotedTexts.has(c.unit.text) && !sameFact(c.span, best.span));
  if (!second || second.score < best.score * ALTERNATIVE_SHARE) return undefined;
  const room = ANSWER_MAX_CHARS - quoted.reduce((n, u) => n + u.text.length, 0) - (best.span?.text.length ?? 0) - (second?.span?.text.length ?? 0);
  if (room < ALTERNATIVE_MIN_CHARS) return undefined;
  return { lead: second.span?.text, leadKind: second.span?.kind as LeadKind | undefined, unit: { text: quoteAround(second.unit.text, second.span, room), chunk: second.chunk } };
}
