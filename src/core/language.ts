/**
 * Which language to answer in: the person's stored choice, otherwise the language of the message
 * (when there is enough text to tell), otherwise the platform's locale, otherwise the forum default.
 */
import { detectAll } from 'tinyld/light';
import { isLang, langFromLocale, type Lang } from '../i18n/index.ts';

/** Fewer words than this and the message's language is not guessed (except for non-Latin scripts). */
export const MIN_WORDS_TO_DETECT = 3;
const NON_LATIN = /[\u0600-\u06ff\u0400-\u04ff\u4e00-\u9fff]/;

/**
 * The commonest words of the three Latin-script languages (words two of them share — "de", "la",
 * "en", "un", "on", "son", "se" — are in none) — articles, prepositions, auxiliaries,
 * question words — that the other two do not share. A question of a dozen words holds several;
 * the statistical detector, made for longer text, is easily swayed by a few names ("Siamese
 * trainees" read as French).
 */
const FUNCTION_WORDS: Record<'en' | 'fr' | 'es', ReadonlySet<string>> = {
  en: new Set('the of and to in is are was were be been by for with from at on what which who whom whose when where why how many much did does do had has have will would could should this that these those their its there any'.split(' ')),
  fr: new Set("le les des du et est sont été une au aux pour par avec sur dans qui quel quelle quels quelles quand où combien comment pourquoi ont avait être cette ces leur leurs il elle ils elles ne pas qu'est-ce".split(' ')),
  es: new Set('el los las del y es fue fueron ser una al para por con sobre quién quiénes qué cuál cuáles cuándo dónde cuánto cuántos cuántas cómo porqué han había este esta estos estas su sus lo'.split(' ')),
};
/** Function words needed, and the lead over the next language, to tell a Latin-script text's language by them. */
const FUNCTION_WORDS_MIN = 2;

function byFunctionWords(text: string): Lang | undefined {
  const words = text.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];
  const scores = (Object.keys(FUNCTION_WORDS) as (keyof typeof FUNCTION_WORDS)[])
    .map((lang) => ({ lang, hits: words.filter((w) => FUNCTION_WORDS[lang].has(w.replace(/’/g, "'"))).length }))
    .sort((a, b) => b.hits - a.hits);
  const [first, second] = scores;
  return first && first.hits >= FUNCTION_WORDS_MIN && first.hits > (second?.hits ?? 0) ? first.lang : undefined;
}

/** The supported language a text is written in, or undefined when it cannot be told. */
export function detectLang(text: string): Lang | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length < MIN_WORDS_TO_DETECT && !NON_LATIN.test(text)) return undefined;
  if (!NON_LATIN.test(text)) {
    const told = byFunctionWords(text);
    if (told) return told;
  }
  const best = detectAll(text).find((candidate) => isLang(candidate.lang));
  return best && isLang(best.lang) ? best.lang : undefined;
}

export interface LangSources {
  stored?: string | null;
  /** Free text from the person (a question); commands are not guessed from. */
  text?: string;
  locale?: string;
  fallback: Lang;
}

export function resolveLang(sources: LangSources): Lang {
  if (sources.stored && isLang(sources.stored)) return sources.stored;
  const detected = sources.text ? detectLang(sources.text) : undefined;
  return detected ?? langFromLocale(sources.locale) ?? sources.fallback;
}
