/**
 * The question in other languages, to search documents written in them. A boost, never a reason
 * to fail: any failure gives no translations, and the caller decides what to log.
 */
import type OpenAI from 'openai';
import { isLang, type Lang } from '../../i18n/index.ts';
import { complete } from './client.ts';
import { escapeText, languageName, renderPrompt } from './prompts.ts';

export type Translations = Partial<Record<Lang, string>>;

export interface QueryTranslator {
  translate(question: string, from: Lang, to: Lang[]): Promise<Translations>;
}

/** The translations in a reply, keeping only the wanted languages' non-empty strings. */
export function parseTranslations(reply: string, wanted: readonly Lang[]): Translations {
  // Code fences, a preface or a closing remark around the object are tolerated.
  const start = reply.indexOf('{');
  const end = reply.lastIndexOf('}');
  if (start < 0 || end <= start) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply.slice(start, end + 1));
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const translations: Translations = {};
  for (const [key, value] of Object.entries(parsed)) {
    const lang = key.trim().toLowerCase();
    if (!isLang(lang) || !wanted.includes(lang) || typeof value !== 'string') continue;
    const text = value.replace(/\s+/g, ' ').trim();
    if (text) translations[lang] = text;
  }
  return translations;
}

export function openAIQueryTranslator(client: OpenAI, chatModel: string): QueryTranslator {
  return {
    async translate(question, from, to) {
      const wanted = [...new Set(to)].filter((lang) => lang !== from);
      if (wanted.length === 0 || question.trim() === '') return {};
      try {
        const prompt = await renderPrompt('translate-query', {
          from: languageName(from),
          languages: wanted.map((lang) => `${lang} (${languageName(lang)})`).join(', '),
          question: escapeText(question.trim()),
        });
        // One request: a translation is not worth waiting for retries.
        const { text } = await complete(client, chatModel, prompt, { maxRetries: 0 });
        return parseTranslations(text, wanted);
      } catch {
        return {};
      }
    },
  };
}
