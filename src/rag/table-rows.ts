/**
 * What the extractive answer knows of table rows and records beyond their words: a row is named by
 * its label, rows of one table that tie name no record, a record's number is no quantity, and a
 * line of figures closes a record of a table flattened to text.
 */
import type { Lang } from '../i18n/index.ts';
import { analyze } from './analyze.ts';
import { findSpans, type Span } from './entities.ts';
import type { Candidate } from './extractive.ts';
import { rowCells } from './ingest/layout.ts';
import type { AnalyzedQuery, Concept } from './query.ts';
import { headerNamesKind } from './kind-headers.ts';
import type { AnswerKind } from './question-kind.ts';
import { conceptMatched } from './support.ts';
import type { Unit } from './units.ts';

const RECORD_NUMBER = /^\s*\d{1,3}[.)]\s/;

/** Where a record's number ("3. Policy making") ends in a row: spans before it are no quantity (0 when there is none). */
export function recordNumberEnd(unit: Unit): number {
  return unit.kind === 'row' ? (RECORD_NUMBER.exec(unit.text)?.[0].length ?? 0) : 0;
}

/** How much a row whose label the question names in full outranks one it shares a word with. */
const LABEL_WEIGHT = 1;

/**
 * A row is named by its label ("5. Cultural statistics"): the share of the label's words that the
 * question's concepts name lifts it (a concept counts whole: "cultural heritage" does not name
 * "cultural policies") — the question asks about that record, whatever else the others share.
 */
export function labelFactor(unit: Unit, concepts: Concept[], lang: Lang): number {
  if (unit.kind !== 'row') return 1;
  const label = analyze(rowCells(unit.text).label, lang).filter((t) => !/^\d+$/.test(t));
  if (label.length === 0) return 1;
  const words = new Set(label);
  const named = new Set(concepts.flatMap((c) => c.phrases.filter((p) => p.every((t) => words.has(t))).flat()));
  return 1 + LABEL_WEIGHT * (label.filter((t) => named.has(t)).length / label.length);
}

/**
 * A two-column table of labels and values describes one thing (a project's number, title, officer,
 * dates): each of its rows is read with the others, the terms of the whole table.
 */
export function pairTableTerms(units: Unit[], unitSets: Set<string>[], i: number): Set<string> {
  const terms = new Set<string>();
  const add = (k: number): boolean => {
    if (!units[k]?.pair) return false;
    if (k !== i) for (const t of unitSets[k] ?? []) terms.add(t);
    return true;
  };
  for (let k = i; add(k); k--);
  for (let k = i + 1; add(k); k++);
  return terms;
}

/** A unit of figures and dates only (a table's last cells on one line): "2014-2015 300 000", "Avril 2014 50 000". */
export function figureLine(unit: Unit | undefined, lang: Lang): boolean {
  if (!unit || unit.kind === 'row' || unit.text.length > 40 || !/\d/.test(unit.text)) return false;
  let rest = unit.text;
  for (const span of findSpans(unit.text, lang).sort((a, b) => b.start - a.start)) rest = `${rest.slice(0, span.start)} ${rest.slice(span.end)}`;
  return !/\p{L}{2,}/u.test(rest);
}

/** Units of a table's record that a line of figures or dates closes: at most this many above it. */
const RECORD_UNITS = 4;

/**
 * What a line of figures or dates ("Janvier - février 2014", "2015 240 000") closes: the record
 * of a table flattened to text above it, back to the line that closed the record before.
 */
export function recordAbove(units: Unit[], i: number, lang: Lang): Unit[] {
  const record: Unit[] = [];
  for (let k = i - 1; k >= Math.max(0, i - RECORD_UNITS); k--) {
    const unit = units[k];
    if (!unit || unit.kind === 'row' || figureLine(unit, lang)) break;
    record.unshift(unit);
  }
  return record;
}

/** Rows of one table that tie for the best: the question does not say which record it means. */
const ROW_TIE_COUNT = 3;
const ROW_TIE_FACTOR = 0.6;

/**
 * When three rows or more of one table hold the question equally well, no row answers it (the
 * question names no record): they yield to a sentence that does. A long table is cut into several
 * passages: its rows are compared across them, before the passages' ranks are counted (each
 * candidate's `decay`, which its passage's rank took off its score).
 */
export function demoteTiedRows(ranked: Candidate[]): Candidate[] {
  const tableOf = (c: Candidate): string => `${c.chunk.documentId}\u0000${c.chunk.heading}`;
  const own = (c: Candidate): number => c.score / c.decay;
  const bestRow = new Map<string, number>();
  for (const c of ranked) if (c.unit.kind === 'row') bestRow.set(tableOf(c), Math.max(bestRow.get(tableOf(c)) ?? 0, own(c)));
  const ties = new Map<string, number>();
  for (const c of ranked) if (c.unit.kind === 'row' && own(c) >= (bestRow.get(tableOf(c)) ?? 0) * 0.99) ties.set(tableOf(c), (ties.get(tableOf(c)) ?? 0) + 1);
  if (![...ties.values()].some((n) => n >= ROW_TIE_COUNT)) return ranked;
  // The rows below the tie hold the question less than the tied ones: they answer it no better.
  return ranked
    .map((c) => {
      if (c.unit.kind !== 'row' || (ties.get(tableOf(c)) ?? 0) < ROW_TIE_COUNT) return c;
      return own(c) >= (bestRow.get(tableOf(c)) ?? 0) * 0.99 ? { ...c, score: c.score * ROW_TIE_FACTOR, tied: true } : { ...c, score: c.score * ROW_TIE_FACTOR, below: true };
    })
    .sort((a, b) => b.score - a.score);
}

/** At most this many tied rows are quoted together. */
const TIED_ROWS_QUOTED = 4;

/**
 * When nothing else answers, the rows that tie are quoted together, in the table's order (the
 * English sessions' response rates when the question does not say which region): the reader picks
 * the record meant. Only rows holding a span of the expected kind.
 */
export function tiedRows(ranked: Candidate[], accepts: (c: Candidate) => boolean, query: AnalyzedQuery): Candidate[] {
  const first = ranked.find((c) => c.tied && accepts(c));
  // Only rows that the question singles out by a constraint they all hold (the English sessions
  // among all): rows that tie on the question's other words alone say the record asked is not there.
  const constraints = query.concepts.filter((c) => c.constraint);
  const held = (c: Candidate): boolean => {
    const terms = new Set(analyze(c.unit.text, c.chunk.lang));
    return constraints.some((k) => conceptMatched(k, terms));
  };
  if (!first || constraints.length === 0 || !held(first)) return [];
  const same = (c: Candidate): boolean => c.chunk.documentId === first.chunk.documentId && c.chunk.heading === first.chunk.heading;
  const seen = new Set<string>();
  return ranked
    .filter((c) => c.tied && same(c) && accepts(c) && held(c) && !seen.has(c.unit.text) && seen.add(c.unit.text))
    .slice(0, TIED_ROWS_QUOTED)
    .sort((a, b) => a.chunk.ordinal - b.chunk.ordinal || a.unit.index - b.unit.index);
}

/** A column header that names more of the question's words is the closer one, by this much a word, up to the maximum. */
const NAMED_HEADER_STEP = 0.05;
const NAMED_HEADER_MAX = 1.5;

/** Kinds whose answer a field's label may name ("Principal investigator", "Établissement bénéficiaire"), at most this long, this surely. */
const NAMED_BY_LABEL: ReadonlySet<AnswerKind> = new Set(['person', 'organisation']);
const LABELLED_NAME_MAX_WORDS = 8;
const LABELLED_NAME_CONFIDENCE = 0.8;
const wordsIn = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** A short value under a label naming who is asked ("Recipient institution — Procrasur") is the answer, recognised as a name or not. */
export function labelledName(labelTerms: ReadonlySet<string>, value: string, at: number, query: AnalyzedQuery, kind: AnswerKind | undefined, lang: Lang): Span | undefined {
  if (kind === undefined || !NAMED_BY_LABEL.has(kind) || wordsIn(value) > LABELLED_NAME_MAX_WORDS || !/\p{Lu}/u.test(value)) return undefined;
  const span: Span = { kind, start: at, end: at + value.length, text: value, confidence: LABELLED_NAME_CONFIDENCE };
  // Not the one the question names itself ("who was it before Amara Quist").
  const asked = new Set(query.concepts.flatMap((c) => c.label.split(' ')));
  const own = analyze(value, lang);
  return headerNamesKind(labelTerms, kind, lang) && !own.every((t) => asked.has(t)) ? span : undefined;
}

/** The span a line of a two-column table of fields and values holds when its label names the kind asked. */
export function pairValueSpan(unit: Unit, query: AnalyzedQuery, kind: AnswerKind | undefined, lang: Lang): Span | undefined {
  if (!unit.pair) return undefined;
  const { label, cells } = rowCells(unit.text);
  const value = cells[0]?.value;
  const at = value ? unit.text.lastIndexOf(value) : -1;
  return value && at >= 0 ? labelledName(new Set(analyze(label, lang)), value, at, query, kind, lang) : undefined;
}

/** A cell of text holding this many of the question's words (not its constraints) is the one it asks about. */
const CELL_TEXT_MIN_CONCEPTS = 2;

/** In a row with headers, the cell of the expected kind that best answers: the one whose header the question names. */
export function headedCell(unit: Unit, spans: Span[], query: AnalyzedQuery, kind: AnswerKind | undefined, lang: Lang, ending = false): { span: Span; closeness: number } | undefined {
  const { label, cells } = rowCells(unit.text);
  // A row of one cell is a line of a two-column table of fields and values ("Budget — Value: 515,000 €"): its label names its value.
  const named = (header: string): string => (cells.length === 1 ? `${label} ${header}` : header);
  let offset = unit.text.indexOf(' — ') + 3;
  let best: { span: Span; closeness: number } | undefined;
  const typedCells = cells.filter((cell) => spans.some((s) => unit.text.indexOf(cell.value) >= 0 && s.text.length <= cell.value.length && cell.value.includes(s.text))).length;
  for (const cell of cells) {
    const at = unit.text.indexOf(cell.value, offset);
    offset = at >= 0 ? at + cell.value.length : offset;
    const headerTerms = new Set(analyze(named(cell.header), lang));
    const inCell = spans.filter((s) => at >= 0 && s.start >= at && s.end <= at + cell.value.length);
    const labelled = inCell.length === 0 && at >= 0 ? labelledName(headerTerms, cell.value, at, query, kind, lang) : undefined;
    if (labelled) inCell.push(labelled);
    if (inCell.length === 0) continue;
    // Named by the question's words, or by its kind ("when" names the Date column), or a cell of
    // text that holds the question's words around the span ("Head of audit at the Civil Aviation Organization").
    const valueTerms = new Set(analyze(cell.value, lang));
    const inValue = query.concepts.filter((c) => !c.constraint && conceptMatched(c, valueTerms)).length;
    // A column headed by nothing but constraints of the question (the year asked, "2024"; in a row of one cell, the row's label too: "Denmark 2023") is named by them.
    const headerIsConstraint = headerTerms.size > 0 && [...headerTerms].every((t) => query.concepts.some((c) => c.constraint && c.terms.has(t)));
    const isNamed = query.concepts.some((c) => !c.constraint && conceptMatched(c, headerTerms)) || headerIsConstraint || headerNamesKind(headerTerms, kind, lang) || inValue >= CELL_TEXT_MIN_CONCEPTS;
    // The column the question names (the more of its words, the better); else the one cell of the expected kind; else any.
    const words = query.concepts.filter((c) => conceptMatched(c, headerTerms)).length;
    const closeness = isNamed ? Math.min(NAMED_HEADER_MAX, 1 + NAMED_HEADER_STEP * Math.max(0, words - 1)) : typedCells === 1 ? 0.8 : 0.4;
    // In the cell, the span of the kind asked ("15/09/2008 al 28/02/2010" before "15 meses" for "when"), the last of them for "when did it end".
    const ofKind = inCell.filter((s) => s.kind === kind);
    const span = (ofKind.length === 0 ? inCell[0] : ending ? ofKind.at(-1) : ofKind.reduce((a, b) => (b.confidence > a.confidence ? b : a))) as Span;
    if (!best || closeness * span.confidence > best.closeness * best.span.confidence) best = { span, closeness };
  }
  return best;
}
