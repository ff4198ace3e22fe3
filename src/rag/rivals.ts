/**
 * A question may name its subject by words that one sentence of a document holds together — the
 * title of a session still to come ("the next session, 'Measuring results: monitoring and
 * evaluation…', is planned later in the year") — while the document's only figure is about
 * another subject ("this event brought together 350 participants"). The figure answers that other
 * subject: when the words that single out the question's subject stand in a sentence announcing
 * what is still to come, without an answer, and none of them in or around the figure's, the
 * figure is not the answer. (Any sentence without an answer would be too many: a figure line
 * often names its thing otherwise than the sentence describing it, "drafting the protocol: 16 000".)
 */
import type { Lang } from '../i18n/index.ts';
import { analyze, stemsOfWords } from './analyze.ts';
import { acceptedKinds, findSpans } from './entities.ts';
import type { AnalyzedQuery } from './query.ts';
import type { AnswerKind } from './question-kind.ts';
import { conceptMatched } from './support.ts';
import type { Chunk } from './types.ts';
import { unitsOf } from './units.ts';

/** The unit of a document that holds most of what the question is about and answers nothing. */
export interface Rival {
  concepts: Set<number>;
  weight: number;
}

/** Words that announce what is still to come: a session planned, the next meeting. */
const UPCOMING: Record<Lang, RegExp> = {
  en: /(?<!\p{L})(?:next|upcoming|forthcoming|(?:is|are) planned|(?:is|are) scheduled|later (?:this|in the) year)(?!\p{L})/iu,
  fr: /(?<!\p{L})(?:prochaine?s?|à venir|(?:est|sont) prévue?s?|plus tard dans l['’]année)(?!\p{L})/iu,
  es: /(?<!\p{L})(?:próxim[oa]s?|(?:está|están) previst[oa]s?|más adelante en el año)(?!\p{L})/iu,
  ru: /(?:следующ|предстоящ|запланирован)/iu,
  ar: /(?:القادم|المقبل|القادمة|المقبلة|المقرر)/u,
  zh: /(?:下一|下次|下届|即将|将于|计划于)/u,
};

/**
 * Words of what is planned, to be analysed: a question's own word for it ("quel montant est
 * prévu", "the amount planned") singles out no subject — unlike "next", which names the one to come.
 */
const PLANNED_WORDS: Record<Lang, string[]> = {
  en: ['planned', 'scheduled', 'foreseen'],
  fr: ['prévu', 'prévue', 'prévus', 'prévues'],
  es: ['previsto', 'prevista', 'previstos', 'previstas'],
  ru: ['запланированный', 'запланировано', 'предусмотрено'],
  ar: ['المقرر', 'المخطط'],
  zh: ['计划', '预计'],
};
const plannedStems = stemsOfWords(PLANNED_WORDS);
function isPlannedWord(label: string, lang: Lang): boolean {
  const stems = plannedStems(lang);
  return label.split(' ').every((stem) => stems.has(stem));
}

/** The words that single the subject out weigh at least this share of the question… */
const DISTINCT_SHARE = 0.25;
/** …and are at least this many. */
const DISTINCT_CONCEPTS = 1;

/** By document, its unit announcing what is to come that holds the most weight of the question's subject without a span of the kind asked. */
export function rivalUnits(query: AnalyzedQuery, kind: AnswerKind, chunks: Chunk[], weights: number[], focus: boolean[]): Map<number, Rival> {
  const accepted = new Set<AnswerKind>([...acceptedKinds(kind), ...(kind === 'number' ? (['amount'] as const) : [])]);
  const rivals = new Map<number, Rival>();
  for (const chunk of chunks) {
    for (const unit of unitsOf(chunk.text, chunk.lang)) {
      if (!UPCOMING[chunk.lang].test(unit.text) || findSpans(unit.text, chunk.lang).some((s) => accepted.has(s.kind))) continue;
      const terms = new Set(analyze(unit.text, chunk.lang));
      const concepts = new Set(query.concepts.flatMap((c, i) => (focus[i] && !isPlannedWord(c.label, query.lang) && conceptMatched(c, terms) ? [i] : [])));
      const weight = [...concepts].reduce((sum, i) => sum + (weights[i] ?? 0), 0);
      if (weight > (rivals.get(chunk.documentId)?.weight ?? 0)) rivals.set(chunk.documentId, { concepts, weight });
    }
  }
  return rivals;
}

/**
 * Whether a unit answering with a span, holding `near` of the question's concepts in or around
 * itself, answers another subject than the rival unit's: the rival holds more of the question, and
 * words of it that weigh enough stand nowhere near the unit.
 */
export function answersAnother(rival: Rival | undefined, near: Set<number>, weights: number[], total: number, focus: boolean[]): boolean {
  if (!rival || total <= 0) return false;
  const distinct = [...rival.concepts].filter((i) => !near.has(i));
  const distinctWeight = distinct.reduce((sum, i) => sum + (weights[i] ?? 0), 0);
  // What the unit holds of the question that the rival does not ("participants", beside a figure).
  const ownWeight = [...near].filter((i) => focus[i] && !rival.concepts.has(i)).reduce((sum, i) => sum + (weights[i] ?? 0), 0);
  return distinct.length >= DISTINCT_CONCEPTS && distinctWeight >= DISTINCT_SHARE * total && distinctWeight > ownWeight;
}
