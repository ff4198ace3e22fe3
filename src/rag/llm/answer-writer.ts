/**
 * A grounded answer written by the model from numbered passages. Only text that cites at least
 * one of the given passages is an answer; anything else counts as no answer.
 */
import type OpenAI from 'openai';
import type { Lang } from '../../i18n/index.ts';
import { complete } from './client.ts';
import { escapeText, languageName, renderPassages, renderPrompt, type PromptPassage } from './prompts.ts';

export type AnswerPassage = PromptPassage;

export interface AnswerInput {
  question: string;
  /** The language to answer in. */
  lang: Lang;
  passages: AnswerPassage[];
}

export type WrittenAnswer = { kind: 'answer'; text: string; cited: number[] } | { kind: 'no_answer' };

export interface AnswerWriter {
  write(input: AnswerInput): Promise<WrittenAnswer>;
}

/** The model's word for "the passages do not say", possibly quoted or followed by more. */
const NO_ANSWER = /^[\s"'`*]*NO_ANSWER(?![A-Za-z0-9_])/i;
/** A run of marks (`[1]`, `[1, 3]`, `[2][4]`) and the blanks before it. */
const CITATIONS = /([ \t]*)((?:\[\d{1,4}(?:\s*,\s*\d{1,4})*\])+)/g;

/**
 * The answer in the model's reply: marks that point to no passage are dropped, `[1, 3]` becomes
 * `[1][3]`, and `cited` lists the passages cited, in order of first mention.
 */
export function parseAnswer(reply: string, passageNumbers: ReadonlySet<number>): WrittenAnswer {
  const trimmed = reply.trim();
  if (trimmed === '' || NO_ANSWER.test(trimmed)) return { kind: 'no_answer' };
  const cited: number[] = [];
  const text = trimmed.replace(CITATIONS, (_match, blanks: string, marks: string) => {
    const numbers = [...new Set((marks.match(/\d+/g) ?? []).map(Number))].filter((n) => passageNumbers.has(n));
    for (const n of numbers) if (!cited.includes(n)) cited.push(n);
    return numbers.length > 0 ? `${blanks}${numbers.map((n) => `[${n}]`).join('')}` : '';
  });
  return cited.length > 0 ? { kind: 'answer', text: text.trim(), cited } : { kind: 'no_answer' };
}

export function openAIAnswerWriter(client: OpenAI, chatModel: string): AnswerWriter {
  return {
    async write({ question, lang, passages }) {
      if (passages.length === 0) return { kind: 'no_answer' };
      const prompt = await renderPrompt('answer', {
        language: languageName(lang),
        passages: renderPassages(passages),
        question: escapeText(question.trim()),
      });
      const { text, refused } = await complete(client, chatModel, prompt);
      // A refusal or an empty reply is not an answer.
      const reply = refused ? '' : text;
      return parseAnswer(reply, new Set(passages.map((p) => p.n)));
    },
  };
}
