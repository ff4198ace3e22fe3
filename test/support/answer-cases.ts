/**
 * The shape most answer tests share: questions in several languages, each answered, with the fact
 * in the answer's first line (the lead) or anywhere in it. Registers one test per case.
 */
import { expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/index.ts';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.ts';

export type AnswerCase = [lang: Lang, question: string, fact: string];

export function itAnswersWith(title: string, kb: () => KnowledgeBase, cases: AnswerCase[], where: 'lead' | 'answer' = 'lead'): void {
  it.each(cases)(`${title} (%s): %s`, async (lang, question, fact) => {
    const answer = await kb().answer(question, lang);
    expect(answer.answered, answer.answer).toBe(true);
    expect(where === 'lead' ? answer.answer.split('\n')[0] : answer.answer).toContain(fact);
  });
}

/** Questions the documents do not answer: each abstains, or at least never gives the fact of a near one. */
export function itAbstainsOn(title: string, kb: () => KnowledgeBase, cases: AnswerCase[]): void {
  it.each(cases)(`${title} (%s): %s`, async (lang, question, notThis) => {
    const answer = await kb().answer(question, lang);
    expect(answer.answer).not.toContain(notThis);
  });
}
