/** Names shown on topics, in the reader's language: the assistance area and the languages. */
import { messages, type Lang } from '../../i18n/index.ts';
import { isCategory } from '../../rag/types.ts';

/** A topic's area in a reader's language. */
export function areaName(category: string | null, lang: Lang): string {
  const m = messages(lang);
  return category && isCategory(category) ? m.areas[category] : m.topics.general;
}

/** A language's name in the reader's language ("French", "français"). */
export function languageLabel(code: string, lang: Lang): string {
  return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
}
