/**
 * A role named in the feminine ("la première oratrice", "la coordinatrice", "la asesora",
 * "руководительница", "участница") is the role the glossary lists in the masculine, as
 * dictionaries do: a question's word the glossary does not know is read in its masculine form
 * when the glossary knows that one. Only the regular endings of agent nouns.
 */
import type { Lang } from '../i18n/index.ts';
import type { Glossary } from './glossary.ts';
import { readUnknownWords } from './word-readings.ts';

/** Feminine endings and their masculine, by language (the longest first). */
const FEMININE: Partial<Record<Lang, [RegExp, string][]>> = {
  fr: [
    [/trice(s?)$/u, 'teur$1'],
    [/euse(s?)$/u, 'eur$1'],
    [/ère(s?)$/u, 'er$1'],
    [/ienne(s?)$/u, 'ien$1'],
    [/ante(s?)$/u, 'ant$1'],
    [/ente(s?)$/u, 'ent$1'],
  ],
  // (Not "-a" for "-o" at large: "plaza" is no "plazo".)
  es: [[/ora(s?)$/u, 'or$1']],
  ru: [
    [/тельниц(?:а|ы|у|ей|е)?$/u, 'тель'],
    [/ниц(?:а|ы|у|ей|е)?$/u, 'ник'],
  ],
};

/** The question with each feminine role the glossary does not know read as the masculine it knows. */
export function withMasculineRoles(text: string, lang: Lang, glossary: Glossary): string {
  const endings = FEMININE[lang];
  if (!endings) return text;
  return readUnknownWords(text, lang, glossary, /\p{L}{4,}/gu, (word) => endings.filter(([ending]) => ending.test(word)).map(([ending, masculine]) => word.replace(ending, masculine)));
}
