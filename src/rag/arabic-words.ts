/**
 * Arabic writes onto a word what other languages write beside it: a preposition ("ببنك", with the
 * bank; "لمبلغ", for the amount; "كأداة", as a tool), after "and" or "so" ("وبالبنك"), and the dual
 * ("مدينتين", two cities: the feminine's ة written ت before the ending). The stemmer cannot tell
 * these from a word's own letters (بنك, لجنة, كتاب start with them too), so a question's word is
 * read without them only when the glossary knows the word so read and not the word as written.
 */
import type { Glossary } from './glossary.ts';
import { readUnknownWords } from './word-readings.ts';

/** "And"/"so", then a preposition, then at least three letters of the word itself. */
const PREPOSITION = /^[وف]?[لبك](?=\p{L}{3})/u;
/** The dual of a feminine noun (…تين, …تان), at least three letters before it. */
const FEMININE_DUAL = /(?<=\p{L}{3})ت(?:ين|ان)$/u;

function readings(word: string): string[] {
  const bare = word.replace(PREPOSITION, '');
  const forms = [bare, word.replace(FEMININE_DUAL, 'ة'), bare.replace(FEMININE_DUAL, 'ة')];
  return [...new Set(forms)].filter((form) => form !== word);
}

/** The question with each Arabic word the glossary does not know read without its preposition or as its singular, when the glossary knows that. */
export function withArabicWordsRead(text: string, glossary: Glossary): string {
  // (A word of the stop list, "بالضبط" — exactly —, stays one.)
  return readUnknownWords(text, 'ar', glossary, /\p{Script=Arabic}+/gu, readings);
}
