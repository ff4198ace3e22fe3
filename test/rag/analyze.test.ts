/**
 * The analysis every question and passage goes through: a figure written with the Arabic article
 * or a preposition on it ("الـ28", "للـ5") is the figure, so that it meets the same figure in a
 * document in any language.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/rag/analyze.ts';
import { Glossary } from '../../src/rag/glossary.ts';
import { analyzeQuery } from '../../src/rag/query.ts';

describe('analyze', () => {
  it('reads a figure with the Arabic article on it as the figure', () => {
    expect(analyze('من الدول الـ28 الأعضاء سنة 2014', 'ar')).toEqual(expect.arrayContaining(['28', '2014']));
    expect(analyze('من الدول الـ28 الأعضاء', 'ar').some((t) => /\p{L}\d/u.test(t))).toBe(false);
    expect(analyze('للـ5 ورشات والـ12 خبيرا', 'ar')).toEqual(expect.arrayContaining(['5', '12']));
    // A word that is letters only keeps its own letters.
    expect(analyze('الدول', 'ar')).toEqual(['دول']);
  });

  it('drops the nouns of Russian compound prepositions ("в ходе", "в рамках"), which say when, not what', () => {
    expect(analyze('Сколько семинаров провели в ходе пилотного этапа в рамках проекта?', 'ru')).toEqual(analyze('Сколько семинаров провели пилотного этапа проекта?', 'ru'));
    // The same nouns in other cases are words of their own ("ход работ", the course of work).
    expect(analyze('ход работ', 'ru')).toHaveLength(2);
  });

  it('drops the pronouns of an inverted French question, which say nothing of what is asked', () => {
    expect(analyze('Avec quel logiciel les séances étaient-elles diffusées ?', 'fr')).toEqual(['logiciel', 'seanc', 'diffus']);
    expect(analyze('celles du siège et ceux des bureaux', 'fr')).toEqual(['sieg', 'bureau']);
  });

  it('drops the Arabic auxiliary "to be" in its tenses and "any" with a preposition on it', () => {
    expect(analyze('هل سيكون المنتدى مفتوحا لأي زائر؟', 'ar')).not.toEqual(expect.arrayContaining(['يكون']));
    expect(analyze('هل سيكون المنتدى مفتوحا لأي زائر؟', 'ar').some((t) => t.endsWith('ء') && t.length <= 2)).toBe(false);
  });

  it('makes a word the question says twice one concept, in every language', () => {
    const glossary = new Glossary({ version: 1, entries: [{ id: 'webinar', category: null, terms: { ar: ['ندوة'], ru: ['вебинар'], es: ['webinario'], fr: ['webinaire'] } }] });
    const cases = [
      ['ar', 'كم شخصا سجل في الندوة الأولى من بين الندوات؟'],
      ['ru', 'Сколько вебинаров прошло в 2019 году и какой вебинар был первым?'],
      ['es', '¿Cuántos webinarios hubo en 2019 y qué webinario fue el primero?'],
    ] as const;
    for (const [lang, question] of cases) {
      const concepts = analyzeQuery(question, lang, glossary).concepts;
      expect(concepts.filter((c) => c.phrases.some((p) => p.join(' ') === 'webinair')), question).toHaveLength(1);
      expect(new Set(concepts.map((c) => c.label)).size, question).toBe(concepts.length);
    }
  });
});
