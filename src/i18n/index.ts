/** The bot's own words in six languages. */
import type { Catalog } from './catalog/types.ts';
import { ar } from './catalog/ar.ts';
import { en } from './catalog/en.ts';
import { es } from './catalog/es.ts';
import { fr } from './catalog/fr.ts';
import { ru } from './catalog/ru.ts';
import { zh } from './catalog/zh.ts';
import { RTL_LANGS, type Lang } from './langs.ts';

export { LANGS, RTL_LANGS, isLang, langFromLocale, type Lang } from './langs.ts';
export { plural, type PluralForms } from './plural.ts';
export type { Catalog, HelpTopic, UsageReason } from './catalog/types.ts';

const CATALOGS: Record<Lang, Catalog> = { ar, en, es, fr, ru, zh };

/** The catalog of the bot's words in `lang`. */
export function messages(lang: Lang): Catalog {
  return CATALOGS[lang];
}

/** A date in the reader's language, e.g. for a guest's expiry. */
export function formatDate(date: Date, lang: Lang, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone }).format(date);
}

/** A language's name in the reader's language ("French", "francés", "法语"). */
export function languageName(of: Lang, inLang: Lang): string {
  return new Intl.DisplayNames([inLang], { type: 'language' }).of(of) ?? of;
}

const QUOTE_MARKS: Record<Lang, [string, string]> = {
  ar: ['«', '»'],
  en: ['“', '”'],
  es: ['«', '»'],
  fr: ['« ', ' »'],
  ru: ['«', '»'],
  zh: ['“', '”'],
};

/** Text in the reader's quotation marks. */
export function quoted(text: string, lang: Lang): string {
  const [open, close] = QUOTE_MARKS[lang];
  return `${open}${text}${close}`;
}

/** Unicode's bidirectional isolates: left-to-right isolate and pop directional isolate. */
const LRI = '\u2066';
const PDI = '\u2069';

/**
 * Left-to-right text (a command, its syntax) set inside text of `lang`: in a right-to-left language
 * each line is isolated (LRI … PDI), so that "ask <question>" is not drawn "<ask <question" in
 * Arabic — in Slack, Teams, the web page and plain text alike. Other languages get it unchanged.
 */
export function isolateLtr(text: string, lang: Lang): string {
  if (!RTL_LANGS.has(lang)) return text;
  return text
    .split('\n')
    .map((line) => (line ? `${LRI}${line}${PDI}` : line))
    .join('\n');
}
