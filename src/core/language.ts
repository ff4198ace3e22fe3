/**
 * Which language to answer in: the person's stored choice, otherwise the language of the message
 * (when there is enough text to tell), otherwise the platform's locale, otherwise the forum default.
 */
import { detectAll } from 'tinyld/light';
import { isLang, langFromLocale, type Lang } from '../i18n/index.ts';

/** Fewer words than this and the message's language is not guessed (except for non-Latin scripts). */
export const MIN_WORDS_TO_DETECT = 3;
const NON_LATIN = /[\u0600-\u06ff\u0400-\u04ff\u4e00-\u9fff]/;

/** The supported language a text is written in, or undefined when it cannot be told. */
export function detectLang(text: string): Lang | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length < MIN_WORDS_TO_DETECT && !NON_LATIN.test(text)) return undefined;
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
