/**
 * A question's word read as another form the glossary knows (a word without the preposition
 * written onto it, a role in the masculine): only when the glossary knows the word as a term, or
 * as the first word of one, in that other form and not as written. Stop-list words stay whole.
 */
import type { Lang } from '../i18n/index.ts';
import { analyze } from './analyze.ts';
import type { Glossary } from './glossary.ts';

/** Whether the glossary knows the word: its one stem is a term, or a phrase's first word. */
function knows(glossary: Glossary, word: string, lang: Lang): boolean {
  const stems = analyze(word, lang);
  return stems.length === 1 && glossary.beginsTerm(stems[0] as string);
}

/** The text with each word `pattern` finds that the glossary does not know replaced by the first of its `readings` it knows. */
export function readUnknownWords(text: string, lang: Lang, glossary: Glossary, pattern: RegExp, readings: (word: string) => string[]): string {
  return text.replace(pattern, (word) => {
    const lower = word.toLowerCase();
    if (analyze(lower, lang).length === 0 || knows(glossary, lower, lang)) return word;
    return readings(lower).find((form) => knows(glossary, form, lang)) ?? word;
  });
}
