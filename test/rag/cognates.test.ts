/**
 * Cognates across scripts: a Russian word the glossary does not know finds the documents'
 * Latin-letter stem of the same international word, and nothing that merely looks alike.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/rag/analyze.ts';
import { CognateIndex, latinOf } from '../../src/rag/cognates.ts';

describe('cognates', () => {
  const index = new CognateIndex();
  for (const word of ['protocole', 'module', 'pilote', 'convention', 'formation', 'format', 'modération']) for (const stem of analyze(word, 'fr')) index.add(stem);

  it('writes Cyrillic stems in Latin letters, folded as cognates differ', () => {
    expect(latinOf('протокол')).toBe('protocol');
    expect(latinOf('protocol')).toBeUndefined();
  });

  it('finds the same international word, and only it', () => {
    const cognates = (word: string): string[] => analyze(word, 'ru').flatMap((stem) => index.cognatesOf(stem));
    expect(cognates('протокола')).toEqual(analyze('protocole', 'fr'));
    expect(cognates('модуль')).toEqual(analyze('module', 'fr'));
    expect(cognates('пилотный')).toEqual(analyze('pilote', 'fr'));
    // Too short to tell ("форма" is not "formation"), or no cognate at all.
    expect(cognates('форма')).toEqual([]);
    expect(cognates('государство')).toEqual([]);
  });

  it('finds a name the scripts spell apart, a short one only as it is', () => {
    const names = new CognateIndex();
    for (const word of ['Gini', 'Paraguay', 'Guatemala', 'Diop', 'Adja', 'Diopter']) names.add(word.toLowerCase());
    expect(names.cognatesOf('джини')).toEqual(['gini']);
    expect(names.cognatesOf('парагвай')).toEqual(['paraguay']);
    expect(names.cognatesOf('гватемала')).toEqual(['guatemala']);
    expect(names.cognatesOf('диоп')).toEqual(['diop']);
    // Four letters match only a word of four letters.
    expect(names.cognatesOf('диоп')).not.toContain('diopter');
  });
});
