/**
 * An Arabic PDF whose lam-alef ligatures came out turned around inside words ("خالل", "السالمة",
 * "دوالر"): the document shows the fault (no "لا" past an article in hundreds of words), and each
 * word is read the other way when only that reading is a word the glossary or the stop-word list
 * knows. Words whose own "ال" is right stay; a sound document, or one that is not a PDF, is left
 * as it is.
 */
import { describe, expect, it } from 'vitest';
import { Glossary } from '../../../src/rag/glossary.ts';
import { LamAlefMender } from '../../../src/rag/ingest/lam-alef.ts';
import type { ParsedDocument } from '../../../src/rag/types.ts';

const GLOSSARY = new Glossary({
  version: 1,
  entries: [
    { id: 'safety', category: null, terms: { en: ['safety'], ar: ['السلامة'] } },
    { id: 'dollar', category: null, terms: { en: ['dollar'], ar: ['دولار'] } },
    { id: 'relations', category: null, terms: { en: ['relations'], ar: ['العلاقات'] } },
    { id: 'world', category: null, terms: { en: ['world'], ar: ['العالم'] } },
    { id: 'business', category: null, terms: { en: ['business'], ar: ['أعمال'] } },
  ],
});

/** A report of a few hundred Arabic words, as a PDF with turned ligatures gives it. */
const TURNED = [
  'خصصت اللجنة خالل فترة السنتين مبلغ 13,043,400 دوالر لباب السالمة والأمن.',
  'وتعززت العالقات مع البلدان الأعضاء في العالم العربي في مجال الأعمال.',
  'دال- الباب 34',
];
const FILLER = 'وقدمت اللجنة خدمات استشارية وبرامج تدريبية للبلدان الأعضاء في المنطقة العربية';

function pdf(lines: string[], format: ParsedDocument['format'] = 'pdf'): ParsedDocument {
  return { format, title: undefined, meta: {}, sections: [{ headings: ['تقرير'], text: [...lines, ...Array.from({ length: 25 }, () => FILLER)].join('\n') }] };
}

describe('turned lam-alef ligatures inside words', () => {
  const mender = new LamAlefMender(GLOSSARY);

  it('reads back the words the glossary or the stop words know, in a document that shows the fault', () => {
    const text = mender.mend(pdf(TURNED), 'ar').sections[0]?.text ?? '';
    expect(text).toContain('خلال فترة السنتين مبلغ 13,043,400 دولار لباب السلامة والأمن');
    expect(text).toContain('وتعززت العلاقات مع البلدان الأعضاء في العالم العربي في مجال الأعمال');
  });

  it('leaves words whose own "ال" is right, and short part numbers', () => {
    const text = mender.mend(pdf(TURNED), 'ar').sections[0]?.text ?? '';
    expect(text).toContain('العالم العربي');
    expect(text).toContain('دال- الباب 34');
  });

  it('leaves a sound document, a document that is not a PDF, and another language', () => {
    const sound = pdf([...TURNED, ...Array.from({ length: 20 }, () => 'لا بد من العلاقات خلال الاجتماعات')]);
    expect(mender.mend(sound, 'ar')).toBe(sound);
    const markdown = pdf(TURNED, 'md');
    expect(mender.mend(markdown, 'ar')).toBe(markdown);
    const turned = pdf(TURNED);
    expect(mender.mend(turned, 'fr')).toBe(turned);
  });
});
