/**
 * The words of a question that say what is asked, as its concepts: the thing a "how many" counts
 * ("how many countries": the figure written next to "countries"), and the noun a "which X"
 * question asks for ("avec quel logiciel", "which software", "qué programa", "какая программа",
 * "什么软件", "ما البرنامج": a sentence that names no X does not say which X it was, however many
 * of the question's other words it holds).
 */
import type { Lang } from '../i18n/index.ts';
import { analyze } from './analyze.ts';
import type { AnalyzedQuery, Concept } from './query.ts';
import { countedWord, type AnswerKind } from './question-kind.ts';

const WHICH: Record<Lang, RegExp> = {
  en: /\b(?:which|what) (?:other )?(\p{L}{3,})/u,
  fr: /\bquel(?:le)?s? (?:autres? )?(\p{L}{3,})/u,
  es: /\b(?:qu[ée]|cu[aá]l(?:es)?) (?:otr[oa]s? )?(\p{L}{3,})/u,
  ru: /(?<!\p{L})(?:как(?:ой|ая|ое|ие|ого|ую|им|ими|ом)|котор(?:ый|ая|ое|ые)) (?:друг\p{L}* )?(\p{L}{3,})/u,
  ar: /(?<!\p{L})(?:ما|أي|أية) ((?:ال)?\p{L}{3,})/u,
  zh: /(?:什么|哪个|哪种|哪款|哪一个)(\p{Script=Han}{2,3})/u,
};

/** The question's concept that holds a word of it. */
function conceptOf(query: AnalyzedQuery, word: string | undefined): Concept | undefined {
  const stems = word ? analyze(word, query.lang) : [];
  return query.concepts.find((c) => stems.some((s) => c.terms.has(s) || c.label.split(' ').includes(s)));
}

/** For "how many X": the concept X, when the question counts something in particular ("how many people" counts nothing). */
export function countedConcept(query: AnalyzedQuery, kind: AnswerKind | undefined): Concept | undefined {
  if (kind !== 'number') return undefined;
  const concept = conceptOf(query, countedWord(query.text, query.lang));
  return concept && !concept.optional ? concept : undefined;
}

/** The concept of the noun a "which X" question asks for, when it is one of the question's required words. */
export function askedConcept(query: AnalyzedQuery): Concept | undefined {
  const concept = conceptOf(query, WHICH[query.lang].exec(query.text.normalize('NFC').toLowerCase())?.[1]);
  return concept && !concept.optional && !concept.constraint ? concept : undefined;
}
