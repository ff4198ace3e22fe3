/**
 * "The project's cost before the support costs", "hors frais de gestion", "без учёта
 * накладных расходов": what the question leaves out is no part of the figure asked. The line that
 * gives the figure with it (the total "of which 8% management fees") answers less surely than the
 * line without it; the words that leave out ("hors", "без учёта") are not looked for. Through the
 * real pipeline, in several languages.
 */
import { describe, expect, it } from 'vitest';
import { leftOut } from '../../src/rag/excluded.ts';
import { Glossary } from '../../src/rag/glossary.ts';
import { analyzeQuery } from '../../src/rag/query.ts';
import { itAnswersWith } from '../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';

const BUDGET_FR = [
  '# Programme régional de formation des douaniers : budget 2025-2026',
  '',
  'Le budget couvre les ateliers régionaux, les bourses et la plateforme d’apprentissage en ligne.',
  '',
  'Ateliers régionaux 2025-2026 620 000',
  '',
  'Bourses de formation 2025-2026 540 000',
  '',
  'Plateforme d’apprentissage 2025-2026 320 000',
  '',
  'COÛTS DU PROGRAMME 1 480 000',
  '',
  'TOTAL DES COÛTS, dont 8 % de frais de gestion 1 598 400',
].join('\n');

const kb = useDocumentsKnowledgeBase({ 'budget.md': BUDGET_FR });

describe('a figure asked without something', () => {
  itAnswersWith('is the line that leaves it out', kb, [
    ['fr', 'Combien coûte le programme de formation des douaniers hors frais de gestion ?', '1 480 000'],
    ['es', '¿Cuánto cuesta el programa de formación de aduaneros sin los gastos de gestión?', '1 480 000'],
    ['ru', 'Сколько стоит программа обучения таможенников без учёта расходов на управление?', '1 480 000'],
    ['ar', 'كم تبلغ تكاليف برنامج تدريب موظفي الجمارك دون احتساب رسوم الإدارة؟', '1 480 000'],
    ['en', 'What does the customs training programme cost, excluding management fees?', '1 480 000'],
  ]);

  it('finds what is left out and the words that leave it out, not a date after "before"', () => {
    const glossary = new Glossary({ version: 1, entries: [] });
    const read = (text: string, lang: 'en' | 'fr' | 'ru'): string[] => {
      const { concepts } = analyzeQuery(text, lang, glossary);
      const { left, marker } = leftOut(text, lang, concepts);
      return concepts.map((c, i) => `${c.label}${left[i] ? ' (left out)' : ''}${marker[i] ? ' (marker)' : ''}`);
    };
    expect(read('Quel est le coût du projet hors frais de soutien ?', 'fr')).toEqual(['cout', 'projet', 'hor (marker)', 'frais (left out)', 'soutien (left out)']);
    expect(read('What did the project cost before 2020?', 'en').some((c) => c.includes('left out'))).toBe(false);
    expect(read('Сколько стоит проект без учёта налогов?', 'ru').filter((c) => c.includes('left out'))).toEqual(['налог (left out)']);
  });
});
