/**
 * The question as its answers are scored, which is not quite as it is retrieved: a duration
 * question's verb of lasting is optional, a body named by an acronym no document names is a
 * constraint, and what the question leaves out ("hors frais de soutien") is set apart.
 */
import { stemsOfWords } from './analyze.ts';
import { leftOut } from './excluded.ts';
import type { AnalyzedQuery, Concept } from './query.ts';
import { LASTING_WORDS, type AnswerKind } from './question-kind.ts';
import type { TermStatistics } from './support.ts';

/** A duration question's verb of lasting ("se extendió", "s'étale") names what is asked: found or not, the answer is the same. */
const lastingTerms = stemsOfWords(LASTING_WORDS);
function withoutLasting(query: AnalyzedQuery): AnalyzedQuery {
  const lasting = lastingTerms(query.lang);
  return { ...query, concepts: query.concepts.map((c) => (!c.constraint && c.label.split(' ').every((t) => lasting.has(t)) ? { ...c, optional: true } : c)) };
}

/**
 * A body the question names by its acronym ("du FIDA", "la OIM") that no document names in any of
 * its languages is a constraint: an answer about another body is none. (One the documents name,
 * if only as "the Committee" near the answer, is weighed as any other word.)
 */
function namedBodies(query: AnalyzedQuery, stats: TermStatistics): AnalyzedQuery {
  const absent = (c: Concept): boolean => c.acronym === true && !c.constraint && c.crossLingual && !c.phrases.some((phrase) => phrase.every((t) => stats.documentFrequency(t) > 0));
  return query.concepts.some(absent) ? { ...query, concepts: query.concepts.map((c) => (absent(c) ? { ...c, constraint: true } : c)) } : query;
}

/**
 * The question's concepts as candidates are scored on them, and those it leaves out of the figure
 * asked (a unit holding one answers less surely; the words that leave out are dropped).
 */
export function scoredQuery(asked: AnalyzedQuery, kind: AnswerKind | undefined, stats: TermStatistics): { query: AnalyzedQuery; leftOut: Concept[] } {
  const named = namedBodies(kind === 'duration' ? withoutLasting(asked) : asked, stats);
  const { left, marker } = leftOut(named.text, named.lang, named.concepts);
  if (!left.some(Boolean)) return { query: named, leftOut: [] };
  return { query: { ...named, concepts: named.concepts.filter((_, i) => !left[i] && !marker[i]) }, leftOut: named.concepts.filter((_, i) => left[i]) };
}
