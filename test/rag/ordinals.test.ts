/**
 * Ordinals in the six languages, as committees number their sessions, written out and in figures.
 * In Arabic and Chinese an ordinal is read as one term, its number's: its Arabic words are stop
 * words or stems of other numbers ("الثالثة عشرة" is not "الثالثة"), and the segmenter cuts the
 * Chinese one apart ("第十二届会议") — so a session named in one language is found in another.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/rag/analyze.ts';
import { ordinalForms } from '../../src/rag/ordinals.ts';
import { itAnswersWith } from '../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';

describe('ordinal forms', () => {
  it('writes the 23rd in each language as texts do', () => {
    expect(ordinalForms(23, 'en')).toEqual(expect.arrayContaining(['twenty-third', '23rd']));
    expect(ordinalForms(23, 'fr')).toEqual(expect.arrayContaining(['vingt-troisième', '23e']));
    expect(ordinalForms(23, 'es')).toEqual(expect.arrayContaining(['vigésimo tercero', 'vigesimotercera', 'vigésima tercera']));
    expect(ordinalForms(23, 'ru')).toEqual(expect.arrayContaining(['двадцать третий', 'двадцать третьей']));
    expect(ordinalForms(23, 'ar')).toEqual(expect.arrayContaining(['الثالثة والعشرين', 'الثالث والعشرين']));
    expect(ordinalForms(23, 'zh')).toEqual(expect.arrayContaining(['第二十三届']));
  });

  it('follows each language’s irregular numbers', () => {
    expect(ordinalForms(21, 'fr')).toContain('vingt et unième');
    expect(ordinalForms(71, 'fr')).toContain('soixante et onzième');
    expect(ordinalForms(80, 'fr')).toContain('quatre-vingtième');
    expect(ordinalForms(97, 'fr')).toContain('quatre-vingt-dix-septième');
    expect(ordinalForms(12, 'en')).toEqual(['twelfth', '12th']);
    expect(ordinalForms(40, 'en')).toContain('fortieth');
    expect(ordinalForms(11, 'es')).toEqual(expect.arrayContaining(['undécimo', 'decimoprimera']));
    expect(ordinalForms(21, 'ru')).toContain('двадцать первой');
    expect(ordinalForms(13, 'ar')).toContain('الثالثة عشرة');
    expect(ordinalForms(10, 'zh')).toContain('第十届');
  });
});

describe('Arabic and Chinese ordinals as one term', () => {
  it.each([
    ['ar', 'الدورة الثانية عشرة', 'الدورة الثالثة عشرة'],
    ['ar', 'الدورة الثالثة عشرة', 'الدورة الثالثة'],
    ['ar', 'الدورة الحادية عشرة', 'الدورة الحادية والعشرين'],
    ['zh', '第十二届会议', '第十三届会议'],
    ['zh', '第二十三届会议', '第二十届会议'],
  ] as const)('(%s) %s is not %s', (lang, one, other) => {
    expect(analyze(one, lang)).not.toEqual(analyze(other, lang));
  });

  it('reads the same ordinal alike wherever the segmenter cuts the text', () => {
    expect(analyze('统计委员会第十二届会议于何时举行', 'zh')).toContain(analyze('第十二届', 'zh')[0]);
    expect(analyze('عقدت اللجنة دورتها الثانية عشرة في بيروت', 'ar')).toContain(analyze('الثانية عشرة', 'ar')[0]);
  });
});

describe('a session named in another language', () => {
  const kb = useDocumentsKnowledgeBase({
    'committee-ar.txt': [
      'تقرير اللجنة الإحصائية',
      '',
      'عقدت اللجنة الإحصائية دورتها الحادية عشرة في عمان في 10 أيار/مايو 2015.',
      '',
      'وعقدت اللجنة الإحصائية دورتها الثانية عشرة في بيروت في 4 نيسان/أبريل 2017.',
      '',
      'وعقدت اللجنة الإحصائية دورتها الثالثة في الدوحة في 2 آذار/مارس 2003.',
    ].join('\n'),
  });
  itAnswersWith('the session of that number', kb, [
    ['zh', '统计委员会第十二届会议于何时举行？', '2017'],
    ['en', 'When was the twelfth session of the Statistical Committee held?', '2017'],
    ['es', '¿Cuándo se celebró la undécima sesión del Comité de Estadística?', '2015'],
    ['ar', 'متى عقدت اللجنة الإحصائية دورتها الثالثة؟', '2003'],
  ]);
});
