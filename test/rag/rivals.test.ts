/**
 * The sentence announcing what is to come that holds most of a question's subject (its rival):
 * the words singling the subject out are the question's own, except its word of what is planned
 * ("quel montant est prévu"), which asks for a budget and names no subject — while "next" does.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/index.ts';
import { Glossary } from '../../src/rag/glossary.ts';
import { analyzeQuery } from '../../src/rag/query.ts';
import { rivalUnits } from '../../src/rag/rivals.ts';
import type { Chunk } from '../../src/rag/types.ts';

const chunk = (text: string, lang: Lang): Chunk => ({ id: '1:0', documentId: 1, ordinal: 0, source: 'doc.md', title: 'Doc', heading: '', text, lang, category: null });

/** The labels of the question's concepts that the rival unit holds. */
function rivalWords(question: string, text: string, lang: Lang): string[] {
  const query = analyzeQuery(question, lang, new Glossary({ version: 1, entries: [] }));
  const weights = query.concepts.map(() => 1);
  const focus = query.concepts.map((c) => !c.optional && !c.constraint);
  const rival = rivalUnits(query, 'amount', [chunk(text, lang)], weights, focus).get(1);
  return [...(rival?.concepts ?? [])].map((i) => query.concepts[i]?.label ?? '');
}

describe('the rival of a question', () => {
  it.each([
    ['fr', 'Quel montant est prévu pour la traduction du guide ?', 'Il est prévu que le guide soit publié en plusieurs langues.', ['guid']],
    ['en', 'What amount is planned for translating the guide?', 'The guide is planned to be published in several languages.', ['guid']],
    ['es', '¿Qué monto está previsto para traducir la guía?', 'Está prevista una guía en varios idiomas.', ['gui']],
  ] as [Lang, string, string, string[]][])('does not count the question’s word of what is planned (%s)', (lang, question, text, words) => {
    expect(rivalWords(question, text, lang)).toEqual(words);
  });

  it('counts "next", which names the one to come', () => {
    expect(rivalWords('How much will the next session cost?', 'The next session is planned for June.', 'en')).toEqual(expect.arrayContaining(['next', 'session']));
  });
});
