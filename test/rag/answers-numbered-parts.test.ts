/**
 * Parts numbered in Roman figures ("Tier I", "Annexe III", "Fase II", "Раздел IV") are read as
 * their numbers: "Tier I" is not "Tier III", and the "I" of "Tier I" is no pronoun. Through the
 * analyser and the real pipeline, in several languages.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/rag/analyze.ts';
import { itAnswersWith } from '../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';

describe('a part numbered in Roman figures', () => {
  it('is its number, after the words that number parts, in Latin and Cyrillic script', () => {
    expect(analyze('Tier I countries and Tier III countries', 'en')).toEqual(['tier', '1', 'countri', 'tier', '3', 'countri']);
    expect(analyze('Annexe III du rapport', 'fr')).toContain('3');
    expect(analyze('Fase II del proyecto', 'es')).toContain('2');
    expect(analyze('Раздел IV доклада', 'ru')).toContain('4');
    // Not a pronoun or a word that only looks like a numeral.
    expect(analyze('Can I ask about the vivid colours?', 'en')).not.toContain('1');
  });
});

const EXPENSES_EN = [
  '# Programme expenses by tier of country, 2024',
  '',
  'Table 5. Programme expenses by tier (millions of United States dollars):',
  '',
  '| Tier | 2024 | 2023 |',
  '|---|---|---|',
  '| Tier I | 726.4 | 701.9 |',
  '| Tier II | 301.2 | 288.0 |',
  '| Tier III | 95.7 | 99.3 |',
].join('\n');

const kb = useDocumentsKnowledgeBase({ 'expenses.md': EXPENSES_EN });

describe('a row named by a tier', () => {
  itAnswersWith('is the tier asked, not another', kb, [
    ['en', 'What were programme expenses in Tier II countries in 2024?', '301.2'],
    ['fr', 'Quelles ont été les dépenses de programme dans les pays de la catégorie Tier III en 2024 ?', '95.7'],
    ['zh', '2024年第一级（Tier I）国家的方案支出是多少？', '726.4'],
  ]);
});
