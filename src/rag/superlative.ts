/**
 * "Which session had the lowest attendance?", "¿Qué taller costó más?": a superlative asked over a
 * table. The rows of one table (the same column headers) in the best passages are compared on the
 * column the question names, and the row with the highest or lowest figure answers.
 */
import type { Lang } from '../i18n/index.ts';
import { analyze } from './analyze.ts';
import { rowCells } from './ingest/layout.ts';
import { figureOf } from './ingest/stacked-columns.ts';
import type { Candidate, Extraction } from './extractive.ts';
import { headerNamesKind } from './kind-headers.ts';
import type { AnalyzedQuery } from './query.ts';
import type { AnswerKind } from './question-kind.ts';
import { conceptMatched } from './support.ts';

export type Direction = 'max' | 'min';

const SUPERLATIVES: Record<Lang, { max: RegExp; min: RegExp }> = {
  en: { max: /\b(?:highest|largest|biggest|most|best|greatest|maximum|top)\b/, min: /\b(?:lowest|smallest|least|fewest|worst|minimum)\b/ },
  fr: { max: /\b(?:le|la|les) plus\b(?! faible| bas| petit)|\bplus (?:élevée?s?|grande?s?|importante?s?)\b|\bmaximum\b|\bmeilleure?s?\b/, min: /\b(?:le|la|les) moins\b|\bplus (?:faibles?|bas(?:se)?s?|petite?s?)\b|\bminimum\b|\bpire\b/ },
  es: { max: /\b(?:más|mayor(?:es)?|máxim[oa]s?|mejor(?:es)?)\b/, min: /\b(?:menos|menor(?:es)?|mínim[oa]s?|peor(?:es)?)\b/ },
  // A comparative with "всего" is a superlative: "чаще всего", "охотнее всего"; "меньше всего", "реже всего".
  ru: { max: /больше всего|наибольш|самы[йхе] (?:высок|больш|многочисл)|самая (?:высок|больш)|максимальн|лучш|\p{L}{3,}(?:ее|е) всего/u, min: /меньше всего|наименьш|самы[йхе] (?:низк|мал)|самая (?:низк|мал)|минимальн|худш|(?:реже|ниже|хуже|дешевле|короче|слабее) всего/u },
  ar: { max: /أكبر|أعلى|الأكثر|أكثر|الأفضل|أفضل/, min: /أقل|أدنى|الأقل|الأسوأ/ },
  zh: { max: /最多|最高|最大|最好|最佳/, min: /最少|最低|最小|最差/ },
};

export function superlativeOf(question: string, lang: Lang): Direction | undefined {
  const text = question.normalize('NFC').toLowerCase();
  const { max, min } = SUPERLATIVES[lang];
  if (min.test(text)) return 'min';
  if (max.test(text)) return 'max';
  return undefined;
}

export interface RowLine {
  text: string;
  /** Which passage and unit the row stands in. */
  key: string;
}

/**
 * The row that answers a superlative: among rows sharing the headers of a table, on the column
 * whose header holds most of the question's words, the highest or lowest figure.
 */
export function pickRow(rows: RowLine[], query: AnalyzedQuery, lang: Lang, direction: Direction, kind?: AnswerKind): { row: RowLine; value: string } | undefined {
  const tables = new Map<string, { row: RowLine; cells: { header: string; value: string }[] }[]>();
  for (const row of rows) {
    const { cells } = rowCells(row.text);
    const signature = cells.map((c) => c.header).join('|');
    const list = tables.get(signature) ?? [];
    list.push({ row, cells });
    tables.set(signature, list);
  }
  let best: { row: RowLine; value: string; match: number } | undefined;
  for (const [signature, list] of tables) {
    if (list.length < 2) continue;
    for (const header of signature.split('|')) {
      const terms = new Set(analyze(header, lang));
      // The column compared is named by what the question is about, not by a word of its kind ("year").
      // A word of the answer's kind ("people", "público", "слушатели") names the column of the figures it
      // counts, less surely — never a column of dates ("which year").
      const typeNamed = headerNamesKind(terms, 'date', lang) ? 0 : query.concepts.filter((c) => !c.constraint && c.optional && conceptMatched(c, terms)).length;
      const named = query.concepts.filter((c) => !c.constraint && !c.optional && conceptMatched(c, terms)).length + TYPE_WORD_NAMING * typeNamed;
      if (named === 0) continue;
      const valued = list.flatMap((r) => {
        const cell = r.cells.find((c) => c.header === header);
        const figure = cell ? figureOf(cell.value) : undefined;
        return cell && figure !== undefined ? [{ row: r.row, value: cell.value, figure }] : [];
      });
      if (valued.length < 2) continue;
      // Of columns the question names as much, the one holding what it asks for ("the lowest share": the column of percentages).
      const ofKind = (kind === 'percentage' && valued.every((v) => /%/.test(v.value))) || headerNamesKind(terms, kind, lang);
      const match = named + (ofKind ? KIND_COLUMN_BONUS : 0);
      if (best && match <= best.match) continue;
      valued.sort((a, b) => (direction === 'max' ? b.figure - a.figure : a.figure - b.figure));
      const top = valued[0] as { row: RowLine; value: string };
      best = { row: top.row, value: `${header}: ${top.value}`, match };
    }
  }
  return best ? { row: best.row, value: best.value } : undefined;
}

/** What a word of the answer's kind that a header holds counts, beside a word of what the question is about. */
const TYPE_WORD_NAMING = 0.5;
/** What a column holding the kind of answer asked adds to the count of the question's words its header names. */
const KIND_COLUMN_BONUS = 0.5;

/** Rows compared for a superlative need at least this share of the question around them. */
const SUPERLATIVE_MIN_COVERAGE = 0.15;
/** …and at least this share of the best row's. */
const SUPERLATIVE_ROW_SHARE = 0.8;

/** A superlative over a table's rows: the row with the highest or lowest figure in the column the question names. */
export function superlativeAnswer(query: AnalyzedQuery, ranked: Candidate[], kind?: AnswerKind): (Omit<Extraction, 'units' | 'passageScores'> & { candidate: Candidate }) | undefined {
  const direction = superlativeOf(query.text, query.lang);
  if (!direction) return undefined;
  // The rows that hold the question best (a table of workshops, not a table of courses).
  const rowCoverage = Math.max(0, ...ranked.filter((c) => c.unit.kind === 'row').map((c) => c.coverage));
  const best = ranked.filter((c) => c.unit.kind === 'row' && c.coverage >= Math.max(SUPERLATIVE_MIN_COVERAGE, rowCoverage * SUPERLATIVE_ROW_SHARE));
  // When no column of those tables is named by the question, another table's may be (the sessions'
  // dates hold the year asked; their attendance is in the next table).
  return comparedRow(best, query, direction, kind) ?? comparedRow(ranked.filter((c) => c.unit.kind === 'row' && c.coverage >= SUPERLATIVE_MIN_COVERAGE), query, direction, kind);
}

function comparedRow(rows: Candidate[], query: AnalyzedQuery, direction: Direction, kind?: AnswerKind): (Omit<Extraction, 'units' | 'passageScores'> & { candidate: Candidate }) | undefined {
  const lang = rows[0]?.chunk.lang;
  if (!lang) return undefined;
  const byKey = new Map(rows.map((c) => [`${c.chunk.id}#${c.unit.index}`, c]));
  const picked = pickRow([...byKey].map(([key, c]) => ({ key, text: c.unit.text })), query, lang, direction, kind);
  const candidate = picked ? byKey.get(picked.row.key) : undefined;
  if (!picked || !candidate) return undefined;
  return { lead: `${rowCells(candidate.unit.text).label} — ${picked.value}`, leadKind: 'row', score: candidate.score, coverage: candidate.coverage, plainCoverage: candidate.plainCoverage, candidate };
}
