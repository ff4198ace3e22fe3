/**
 * Does the knowledge base support an answer? The share of the question's meaning (its concepts,
 * weighted by how rare they are in the corpus) that a passage contains. A question about something
 * the corpus never mentions has rare, unmatched concepts and a low coverage: the bot abstains.
 */
import type { AnalyzedQuery, Concept } from './query.ts';

export interface TermStatistics {
  readonly size: number;
  documentFrequency(stem: string): number;
  /** Whether any passage of the document holds the term (where known). */
  documentHas?(documentId: number, stem: string): boolean;
  /** Document stems in Latin letters that a Cyrillic stem may be a cognate of (where known). */
  cognatesOf?(stem: string): string[];
  /** The terms of the document's opening: its title and first lines (where known). */
  documentHead?(documentId: number): ReadonlySet<string>;
  /** The share of the document's passages that hold the term (where known). */
  documentShare?(documentId: number, stem: string): number;
  /** The terms of the document's first passage (where known). */
  documentLead?(documentId: number): ReadonlySet<string>;
  /** The terms of the document's lines of fields and values (where known). */
  documentFields?(documentId: number): ReadonlySet<string>;
  /** Whether any passage of the document names a year (where known). */
  documentNamesYears?(documentId: number): boolean;
}

/** BM25's inverse document frequency. */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** A concept's weight: the rarity of its most common term (a concept absent from the corpus weighs most). */
export function conceptWeight(concept: Concept, stats: TermStatistics): number {
  let maxDf = 0;
  for (const term of concept.terms.keys()) maxDf = Math.max(maxDf, stats.documentFrequency(term));
  return idf(maxDf, Math.max(stats.size, 1));
}

/** Whether every word of one of the concept's phrases is among `terms` ("member state", not "member" alone). */
export function conceptMatched(concept: Concept, terms: Set<string>): boolean {
  return concept.phrases.some((phrase) => phrase.every((stem) => terms.has(stem)));
}

/**
 * For a passage in another language, a word of the question that cannot cross languages (not in
 * the glossary, not a number) cannot be found in it; it counts this much of its weight as missing.
 */
export const UNTRANSLATED_WEIGHT = 0.35;

/**
 * The weighted share (0..1) of the query's concepts found among `terms`. For a passage in another
 * language than the question, words without a translation weigh less; a question with no
 * translatable concept at all is not supported by such a passage.
 */
export function coverage(query: AnalyzedQuery, terms: Set<string>, stats: TermStatistics, sameLanguage = true): number {
  if (!sameLanguage && !query.concepts.some((c) => c.crossLingual)) return 0;
  let total = 0;
  let found = 0;
  for (const concept of query.concepts) {
    const weight = conceptWeight(concept, stats) * (sameLanguage || concept.crossLingual ? 1 : UNTRANSLATED_WEIGHT);
    const matched = conceptMatched(concept, terms);
    if (!concept.optional || matched) total += weight;
    if (matched) found += weight;
  }
  return total === 0 ? 0 : found / total;
}
