/** Ordinals in the six languages, as committees number their sessions, written out and in figures. */
import { describe, expect, it } from 'vitest';
import { ordinalForms } from '../../src/rag/ordinals.ts';

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
