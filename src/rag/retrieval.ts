/**
 * Retrieval: a question into ranked passages and a measure of how well they support an answer.
 * The question is analysed in its language and expanded through the glossary; with a model it is
 * also translated into the corpus's other languages and embedded for dense search.
 */
import type { Lang } from '../i18n/index.ts';
import type { Logger } from '../log.ts';
import { analyze } from './analyze.ts';
import type { Glossary } from './glossary.ts';
import type { BackendQuery, IndexBackend } from './index-backend.ts';
import type { Embedder } from './llm/embedder.ts';
import type { QueryTranslator } from './llm/translator.ts';
import { acceptedKinds, findSpans, type Span } from './entities.ts';
import { isMoneyConcept } from './money-words.ts';
import { analyzeQuery, EXPANSION_TERM_BOOST, type AnalyzedQuery, type Concept } from './query.ts';
import { questionKind, SPAN_KINDS } from './question-kind.ts';
import { coverage, type TermStatistics } from './support.ts';
import type { Chunk, RetrievalQuery } from './types.ts';

/** Passages retrieved per question. */
export const RETRIEVAL_LIMIT = 8;
/** The backend returns this many times more passages, re-ranked by how much of the question they hold. */
export const POOL_FACTOR = 4;
/** In that ranking, the share of the (normalised) lexical score; the rest is the question's share held. */
export const LEXICAL_SHARE = 0.3;
/** A passage of a document that lacks one of the question's names (year, place, organisation) counts this much. */
export const MISSING_CONSTRAINT_FACTOR = 0.5;
/** The same for a body the question names by its acronym. */
export const MISSING_BODY_FACTOR = 0.8;
/** …plus this for a passage that holds a span of the kind of answer the question expects. */
export const KIND_BONUS = 0.1;
/** Passages whose support is measured (and that an answer may draw from). */
export const SUPPORT_PASSAGES = 3;
/** Passages in the question's own language rank this much higher: answers quote them first. */
export const SAME_LANGUAGE_BOOST = 1.3;
/** Terms of a machine translation of the question weigh a little less than its own words. */
export const TRANSLATION_BOOST = 0.9;
/**
 * Terms found in more than this share of passages are left out of the search (not of the support
 * measure): their BM25 weight is near zero, while their long posting lists dominate the cost.
 */
export const COMMON_TERM_SHARE = 0.2;
/** Below this many passages every term is searched. */
const COMMON_TERM_MIN_CORPUS = 1000;

export interface RankedPassage {
  chunk: Chunk;
  score: number;
  /** The question's terms (of any of its language views) found in the passage. */
  matched: Set<string>;
  /** The share of the question this passage supports (0..1). */
  support: number;
}

export interface Retrieval {
  /** The question as asked, analysed. */
  query: AnalyzedQuery;
  /** The question in other languages (translations), analysed. */
  translations: AnalyzedQuery[];
  hits: RankedPassage[];
  /** The best share of the question that one of the top passages supports (0..1). */
  support: number;
}

export interface RetrievalDeps {
  backend: IndexBackend;
  glossary: Glossary;
  stats: TermStatistics;
  /** The languages of the passages in the index. */
  corpusLangs: () => Lang[];
  embedder?: Embedder;
  translator?: QueryTranslator;
  log?: Logger;
}

function mergeTerms(views: { query: AnalyzedQuery; boost: number }[]): Map<string, number> {
  const terms = new Map<string, number>();
  for (const { query, boost } of views) {
    for (const concept of query.concepts) {
      for (const [term, b] of concept.terms) terms.set(term, Math.max(terms.get(term) ?? 0, b * boost));
    }
  }
  return terms;
}

/** The terms worth searching for (see COMMON_TERM_SHARE). */
function selectiveTerms(terms: Map<string, number>, stats: TermStatistics): Map<string, number> {
  if (stats.size < COMMON_TERM_MIN_CORPUS) return terms;
  const limit = stats.size * COMMON_TERM_SHARE;
  const selective = new Map([...terms].filter(([term]) => stats.documentFrequency(term) <= limit));
  return selective.size > 0 ? selective : terms;
}

/**
 * A word of the question that no document holds and no glossary entry knows, written in Cyrillic,
 * is looked for as a cognate among the documents' Latin-letter stems (протокол → protocol).
 */
/**
 * A capitalised word that no document holds, asked in a language none of the documents is in
 * ("the Expertise Bank" of French documents), is a word to translate, not a name that must stand
 * beside the answer. (Asked in the documents' language, it is a name they never mention.)
 */
function softenTitleWords(query: AnalyzedQuery, stats: TermStatistics, corpusLangs: Lang[]): AnalyzedQuery {
  const absent = (concept: Concept): boolean => [...concept.terms.keys()].every((t) => stats.documentFrequency(t) === 0);
  for (const concept of query.concepts) {
    // An acronym no document has may be the asker's language's one for a body the documents name
    // otherwise ("CIID", "МЦИР" for IDRC): a word that does not cross languages (in a passage of
    // the question's language it is still a name that must be there).
    if (concept.acronym && corpusLangs.some((l) => l !== query.lang) && absent(concept)) concept.crossLingual = false;
    if (!corpusLangs.includes(query.lang) && concept.titleWord && concept.constraint && absent(concept)) concept.constraint = false;
  }
  return query;
}

function withCognates(query: AnalyzedQuery, stats: TermStatistics): AnalyzedQuery {
  if (!stats.cognatesOf) return query;
  for (const concept of query.concepts) {
    // A word (its one stem), or a name in its forms (Джини, Парагвая: Gini, Paraguay) that no document holds as written.
    const name = concept.titleWord === true && !concept.optional;
    if (!name && (concept.crossLingual || concept.optional || concept.terms.size !== 1)) continue;
    const stems = [...concept.terms.keys()];
    if (stems.some((t) => stats.documentFrequency(t) > 0)) continue;
    const found = [...new Set(stems.flatMap((t) => stats.cognatesOf?.(t) ?? []))];
    if (found.length === 0) continue;
    for (const cognate of found) {
      concept.terms.set(cognate, EXPANSION_TERM_BOOST);
      concept.phrases.push([cognate]);
    }
    concept.crossLingual = true;
  }
  return query;
}

async function translations(deps: RetrievalDeps, question: string, lang: Lang): Promise<AnalyzedQuery[]> {
  if (!deps.translator) return [];
  const targets = deps.corpusLangs().filter((l) => l !== lang);
  if (targets.length === 0) return [];
  try {
    const translated = await deps.translator.translate(question, lang, targets);
    return Object.entries(translated).flatMap(([l, text]) =>
      text && targets.includes(l as Lang) ? [analyzeQuery(text, l as Lang, deps.glossary)] : [],
    );
  } catch (error) {
    deps.log?.warn({ err: error }, 'question translation failed; searching without it');
    return [];
  }
}

async function questionVector(deps: RetrievalDeps, question: string): Promise<number[] | undefined> {
  if (!deps.embedder) return undefined;
  try {
    return (await deps.embedder.embed([question]))[0];
  } catch (error) {
    deps.log?.warn({ err: error }, 'question embedding failed; searching by words only');
    return undefined;
  }
}

export async function retrieve(
  deps: RetrievalDeps,
  question: string,
  lang: Lang,
  options: Partial<Pick<RetrievalQuery, 'filter' | 'limit'>> = {},
): Promise<Retrieval> {
  const query = softenTitleWords(withCognates(analyzeQuery(question, lang, deps.glossary), deps.stats), deps.stats, deps.corpusLangs());
  const [translated, vector] = await Promise.all([translations(deps, question, lang), questionVector(deps, question)]);
  const limit = options.limit ?? RETRIEVAL_LIMIT;
  const allTerms = mergeTerms([{ query, boost: 1 }, ...translated.map((t) => ({ query: t, boost: TRANSLATION_BOOST }))]);
  const request: BackendQuery = {
    terms: selectiveTerms(allTerms, deps.stats),
    limit: limit * POOL_FACTOR,
    ...(vector ? { vector } : {}),
    ...(options.filter ? { filter: options.filter } : {}),
  };
  const views = [query, ...translated];
  // BM25 sums its terms, so a concept with many expansions ("webinar": web, session, seminar…)
  // counts several times over. The pool it returns is re-ranked by how much of the question each
  // passage holds, concept by concept (whole phrases, weighted by rarity), BM25 breaking ties.
  // "How much": a sum written in a passage names the money asked about as well as the word would (a budget table's lines).
  const kind = questionKind(question, lang);
  const moneyTerms = kind === 'amount' ? query.concepts.filter((c) => !c.constraint && isMoneyConcept(c.label, question, lang)).flatMap((c) => [...c.terms.keys()]) : [];
  // A passage's spans are found once, for this and for the kind asked below.
  const spansOf = new Map<Chunk, Span[]>();
  const spans = (chunk: Chunk): Span[] => spansOf.get(chunk) ?? (spansOf.set(chunk, findSpans(chunk.text, chunk.lang)).get(chunk) as Span[]);
  const holdsAmount = (chunk: Chunk): boolean => moneyTerms.length > 0 && spans(chunk).some((s) => s.kind === 'amount' && s.confidence === 1);
  const pool = (await deps.backend.search(request)).map((h) => {
    const present = new Set([...analyze(h.chunk.text, h.chunk.lang), ...analyze(`${h.chunk.title} ${h.chunk.heading}`, h.chunk.lang)]);
    const matched = new Set([...allTerms.keys()].filter((t) => present.has(t)));
    const support = Math.max(...views.map((v) => coverage(v, matched, deps.stats, v.lang === h.chunk.lang)));
    // (For the ranking only: how much of the question the passage supports stays what its words hold.)
    const withSums = holdsAmount(h.chunk) ? new Set([...matched, ...moneyTerms]) : matched;
    const rankSupport = withSums === matched ? support : Math.max(...views.map((v) => coverage(v, withSums, deps.stats, v.lang === h.chunk.lang)));
    return { chunk: h.chunk, lexical: h.score * (h.chunk.lang === lang ? SAME_LANGUAGE_BOOST : 1), matched, support, rankSupport };
  });
  const best = Math.max(1e-9, ...pool.map((h) => h.lexical));
  // A passage that holds something of the kind asked (a figure for "how many", a date for "when")
  // is the likelier answer: the classic answer-type filter, as a bonus.
  const accepted = kind && SPAN_KINDS.has(kind) ? acceptedKinds(kind) : undefined;
  const holdsKind = (chunk: Chunk): boolean => accepted !== undefined && spans(chunk).some((s) => accepted.includes(s.kind));
  // A document that never names the question's year, language, place or organisation is about
  // something else, however many of its other words it shares.
  // (A body the question names by its acronym weighs less: a note may not write its author's name.)
  const names = (chunk: Chunk, c: Concept): boolean => !deps.stats.documentHas || c.phrases.some((p) => p.every((t) => deps.stats.documentHas?.(chunk.documentId, t)));
  const constraints = query.concepts.filter((c) => c.constraint);
  const missingFactor = (chunk: Chunk): number =>
    constraints.reduce((factor, c) => (names(chunk, c) ? factor : Math.min(factor, c.bodyIsSource ? MISSING_BODY_FACTOR : MISSING_CONSTRAINT_FACTOR)), 1);
  const hits = pool
    .map(({ chunk, lexical, matched, support, rankSupport }) => ({
      chunk,
      matched,
      support,
      score:
        (rankSupport * (1 - LEXICAL_SHARE) + (LEXICAL_SHARE * lexical) / best + (holdsKind(chunk) ? KIND_BONUS : 0)) *
        missingFactor(chunk),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  const support = Math.max(0, ...hits.slice(0, SUPPORT_PASSAGES).map((h) => h.support));
  return { query, translations: translated, hits, support };
}
