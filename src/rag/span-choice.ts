/**
 * Which span of the expected kind in a unit answers: in a table's row, the cell whose header the
 * question names; in a sentence, the one nearest the question's words (or written right by the
 * word a "how many" counts). A span that only repeats the question answers nothing.
 */
import type { Lang } from '../i18n/index.ts';
import { analyze } from './analyze.ts';
import type { Span } from './entities.ts';
import type { AnalyzedQuery } from './query.ts';
import { asksEnd, type AnswerKind } from './question-kind.ts';
import { headedCell, pairValueSpan } from './table-rows.ts';
import { asksTarget, changeTarget } from './target-figure.ts';
import type { Unit } from './units.ts';

const FIGURE_KINDS: ReadonlySet<AnswerKind> = new Set(['number', 'amount', 'percentage']);
/** The figure a change leads to is as close to "to how many" as a figure can be. */
const TARGET_CLOSENESS = 1.5;
const NO_CHANGE_CLOSENESS = 0.5;
/** How many words after a figure its counted noun may stand ("973 United Nations Volunteers"). */
const COUNTED_REACH = 3;
/** How many words after a figure with another word right after it the counted noun may still stand ("30 high-level international experts"). */
const ADJECTIVES_REACH = 6;
/** What nearness to the question's other words adds to a figure written by the counted word. */
const COUNTED_TIE = 0.2;
/** How close the person a sentence opens with stands to what the sentence says of them. */
const SUBJECT_CLOSENESS = 0.5;
/** How a body's name weighs against a person's for "who". */
const OTHER_THAN_PERSON = 0.5;

/** The span of the expected kind that best answers: in a row, the cell whose header the question names; else the nearest to the question's words. */
export function chooseSpan(
  unit: Unit,
  spans: Span[],
  query: AnalyzedQuery,
  kind: AnswerKind | undefined,
  matchedPositions: number[],
  lang: Lang,
  countedAt: number[],
  countable = countedAt.length > 0,
): { span: Span; closeness: number } | undefined {
  // A field's value under a label naming who is asked, when no name is recognised in it.
  const labelled = spans.some((s) => s.kind === kind) ? undefined : pairValueSpan(unit, query, kind, lang);
  if (labelled) return { span: labelled, closeness: 1 };
  // In a row with headers, a cell may answer by its header alone (a field's label naming who is asked).
  if (unit.headed) return headedCell(unit, spans, query, kind, lang, kind === 'date' && asksEnd(query.text, query.lang));
  if (spans.length === 0) return undefined;
  // "To how many": the figure a change leads to ("from 30 to 45 experts": 45).
  const asksChange = kind !== undefined && FIGURE_KINDS.has(kind) && asksTarget(query.text, query.lang);
  const target = asksChange ? changeTarget(unit.text) : undefined;
  if (target) {
    const span = spans.find((s) => s.start <= target.start && s.end >= target.end - 1);
    if (span) return { span, closeness: TARGET_CLOSENESS };
  }
  // A line of fields run together ("CDP budget: US$ 77,967,000 Actual budget: … Expenditure: US$ 11,937,388"): the value after the label the question names most.
  const fielded = fieldValue(unit.text, spans, matchedPositions, lang);
  if (fielded) return { span: fielded, closeness: 1 };
  // A row without headers is read as a sentence: its cells are found by their nearness to the question's words.
  let best: { span: Span; closeness: number } | undefined;
  const clauseOf = clauses(unit.text, lang);
  for (const span of spans) {
    const at = analyze(unit.text.slice(0, span.start), lang).length;
    // The question's own words inside the span ("2019" in "juillet 2019") do not make it close.
    const inside = analyze(span.text, lang).length;
    const around = matchedPositions.filter((p) => p < at || p >= at + Math.max(1, inside));
    const distance = around.length === 0 ? 12 : Math.min(...around.map((p) => (p < at ? at - p : p - (at + Math.max(1, inside) - 1))));
    // "35 countries" answers "how many countries": the figure written right by the counted word.
    const clause = clauseOf(at);
    // "How many experts": a figure with another noun right after it counts that noun ("six assistance areas", "sept séances",
    // "experts from 24 countries"), unless the counted word follows within reach ("30 high-level experts").
    const another = countable && span.kind === 'number' && countsAnotherNoun(unit.text, span, lang);
    const counts = countedAt.some((p) => clauseOf(p) === clause && ((p - at >= 0 && p - at <= COUNTED_REACH) || (at - p === 1 && !another)));
    // (Adjectives may stand between: "30 high-level international experts" counts experts.)
    if (another && !countedAt.some((p) => clauseOf(p) === clause && p - at >= 0 && p - at <= ADJECTIVES_REACH)) continue;
    // The person a sentence opens with, before an apposition ("Mme X, conseillère…, a ouvert les
    // discussions"), is who does what it says, however long the apposition.
    const subject = kind === 'person' && span.kind === 'person' && at === 0 && around.some((p) => p >= at + inside) ? SUBJECT_CLOSENESS : 0;
    // (Of several figures written by the counted word — "3 points; … signature : 15 points" —, the one nearer the question's other words.)
    // (Only the question's words of the figure's own clause: in "3 attestations : 3 points ; 3 copies of contracts : 15 points", those after the ";" are the next item's.)
    const others = around.filter((p) => !countedAt.includes(p) && clauseOf(p) === clause);
    const otherDistance = others.length === 0 ? 12 : Math.min(...others.map((p) => (p < at ? at - p : p - (at + Math.max(1, inside) - 1))));
    const closeness = counts ? 1.5 + COUNTED_TIE / (1 + otherDistance / 4) : Math.max(subject, 1 / (1 + distance / 4));
    // A body answers "who" only where no person does as well ("who decides": a committee).
    const weight = kind === 'person' && span.kind !== 'person' ? OTHER_THAN_PERSON : 1;
    if (!best || closeness * span.confidence * weight > best.closeness * best.span.confidence * (kind === 'person' && best.span.kind !== 'person' ? OTHER_THAN_PERSON : 1)) best = { span, closeness };
  }
  // A unit that states no change answers "to how many" less surely.
  return best && asksChange && !target ? { span: best.span, closeness: Math.min(best.closeness, NO_CHANGE_CLOSENESS) } : best;
}

/** The word right after a figure, when it is a word that means something (not "from", "of", "en"): what the figure counts. */
const NEXT_WORD = /^[\s\u00a0\u202f]+(\p{L}[\p{L}\p{M}'’-]*)/u;
function countsAnotherNoun(text: string, span: Span, lang: Lang): boolean {
  const next = NEXT_WORD.exec(text.slice(span.end));
  return next !== null && analyze(next[1] ?? '', lang).length > 0;
}

/**
 * In a line of two or more fields, each a label, a colon and a value (a record a PDF gave as one
 * line), the value whose own label holds more of the question's words than any other's (its last
 * word counting half again); none on a tie.
 */
function fieldValue(text: string, spans: Span[], matchedPositions: number[], lang: Lang): Span | undefined {
  const values = spans.filter((s) => /:\s*(?:US\$|\$|€|£)?\s*$/.test(text.slice(0, s.start)));
  if (values.length < 2) return undefined;
  let previousEnd = 0;
  const scored = values.map((span) => {
    const from = analyze(text.slice(0, previousEnd), lang).length;
    const to = analyze(text.slice(0, span.start), lang).length;
    previousEnd = span.end;
    // (A label's last word, next to its value, is the word it is named by: "Actual budget" is a budget.)
    const hits = matchedPositions.filter((p) => p >= from && p < to).length;
    return { span, hits: hits + (matchedPositions.includes(to - 1) ? 0.5 : 0) };
  });
  const [first, second] = [...scored].sort((a, b) => b.hits - a.hits);
  return first && first.hits > 0 && (second === undefined || first.hits > second.hits) ? first.span : undefined;
}

/** The clause (between semicolons) that each of a text's terms stands in, by the term's index. */
function clauses(text: string, lang: Lang): (position: number) => number {
  const ends: number[] = [];
  let count = 0;
  for (const part of text.split(/\s*;\s*/)) {
    count += analyze(part, lang).length;
    ends.push(count);
  }
  return (position) => ends.findIndex((end) => position < end);
}

/** A span that only repeats the question (its own year, its own language) answers nothing. */
export function answersSomething(span: Span, questionTerms: Set<string>, lang: Lang): boolean {
  const terms = analyze(span.text, lang);
  return terms.length === 0 || !terms.every((t) => questionTerms.has(t));
}
