/**
 * The library of weekly discussion starters: the real files of `prompts/discussions/` (six areas,
 * three languages, five starters each, the same ids everywhere, lengths, French spaces, languages
 * as detected by tinyld), the strict parser's errors, loading from a folder, and the choice of the
 * next starter (area rotation, used ids skipped, English fallback).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { detect } from 'tinyld/light';
import { afterAll, describe, expect, it } from 'vitest';
import { ForumError } from '../../../src/core/errors.ts';
import {
  loadStarters,
  MAX_DESCRIPTION_LENGTH,
  MAX_TITLE_LENGTH,
  parseStarters,
  pickStarter,
  STARTER_LANGS,
  type Starter,
} from '../../../src/features/discussions/starters.ts';
import { projectPath } from '../../../src/paths.ts';
import { CATEGORIES } from '../../../src/rag/types.ts';

const DIR = projectPath('prompts', 'discussions');
const PER_FILE = 5;

describe('the starter library in prompts/discussions', () => {
  const starters = loadStarters();

  it('has 5 starters for each of the 6 areas in each of en, fr, es', () => {
    expect(starters).toHaveLength(CATEGORIES.length * STARTER_LANGS.length * PER_FILE);
    for (const area of CATEGORIES) {
      for (const lang of STARTER_LANGS) {
        const ids = starters.filter((s) => s.area === area && s.lang === lang).map((s) => s.id);
        expect(ids, `${area}.${lang}.md`).toEqual(Array.from({ length: PER_FILE }, (_, i) => `${area}-${i + 1}`));
      }
    }
  });

  it('has every id in all three languages', () => {
    const ids = new Set(starters.map((s) => s.id));
    expect(ids.size).toBe(CATEGORIES.length * PER_FILE);
    for (const id of ids) {
      expect(starters.filter((s) => s.id === id).map((s) => s.lang), id).toEqual([...STARTER_LANGS]);
    }
  });

  it('is sorted by area, then number, then language', () => {
    expect(starters.slice(0, 4).map((s) => `${s.id}/${s.lang}`)).toEqual(['requests-1/en', 'requests-1/fr', 'requests-1/es', 'requests-2/en']);
    expect(starters.at(-1)?.id).toBe(`cooperation-${PER_FILE}`);
  });

  it('keeps titles and descriptions short', () => {
    for (const s of starters) {
      expect(s.title.length, `${s.id} ${s.lang} title`).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
      expect(s.title.length, `${s.id} ${s.lang} title`).toBeGreaterThan(10);
      expect(s.description.length, `${s.id} ${s.lang} description`).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH);
      expect(s.description.length, `${s.id} ${s.lang} description`).toBeGreaterThan(100);
      expect(s.description.split('\n\n').length, `${s.id} ${s.lang} paragraphs`).toBeLessThanOrEqual(2);
      expect(s.description, `${s.id} ${s.lang}`).not.toMatch(/^# /m);
    }
  });

  it('asks participants something in every starter', () => {
    for (const s of starters) {
      expect(`${s.title} ${s.description}`, `${s.id} ${s.lang}`).toMatch(/\?/);
    }
  });

  it('uses a non-breaking space before : ; ? ! in French, and only there', () => {
    for (const area of CATEGORIES) {
      const file = `${area}.fr.md`;
      const text = readFileSync(path.join(DIR, file), 'utf8');
      const wrong = [...text.matchAll(/(.)([:;?!])/gu)].filter((m) => m[1] !== '\u00A0').map((m) => `${m[0]} at ${m.index}`);
      expect(wrong, file).toEqual([]);
      expect(text, file).not.toMatch(/ [:;?!]/);
    }
    for (const area of CATEGORIES) {
      for (const lang of ['en', 'es'] as const) {
        expect(readFileSync(path.join(DIR, `${area}.${lang}.md`), 'utf8'), `${area}.${lang}.md`).not.toMatch(/\u00A0/);
      }
    }
  });

  it('is written in the language its file name says (at most one misdetection a file)', () => {
    for (const area of CATEGORIES) {
      for (const lang of STARTER_LANGS) {
        const misses = starters
          .filter((s) => s.area === area && s.lang === lang)
          .filter((s) => detect(`${s.title}\n${s.description}`) !== lang)
          .map((s) => s.id);
        expect(misses.length, `${area}.${lang}.md: ${misses.join(', ')}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('holds starters only: no comment or front matter at the top of a file', () => {
    for (const name of readdirSync(DIR).filter((n) => n !== 'README.md')) {
      expect(readFileSync(path.join(DIR, name), 'utf8'), name).toMatch(/^# \S/);
    }
  });
});

describe('parseStarters', () => {
  const two = '# First title?\n\nWhy it matters.\nSecond line of the same paragraph.\n\nA second angle.\n---\n# Second title\n\nText.\n';

  it('reads titles and descriptions, numbering from 1 and keeping paragraphs', () => {
    expect(parseStarters(two, 'planning', 'en')).toEqual([
      {
        id: 'planning-1',
        area: 'planning',
        lang: 'en',
        title: 'First title?',
        description: 'Why it matters.\nSecond line of the same paragraph.\n\nA second angle.',
      },
      { id: 'planning-2', area: 'planning', lang: 'en', title: 'Second title', description: 'Text.' },
    ]);
  });

  it('accepts Windows line ends, a byte order mark and extra blank lines', () => {
    const text = `\uFEFF\r\n# One\r\n\r\n\r\n\r\nA.\r\n\r\n\r\nB.  \r\n---\r\n\r\n# Two\r\nC.`;
    expect(parseStarters(text, 'policy', 'fr').map((s) => [s.id, s.title, s.description])).toEqual([
      ['policy-1', 'One', 'A.\n\nB.'],
      ['policy-2', 'Two', 'C.'],
    ]);
  });

  const error = (text: string): ForumError => {
    try {
      parseStarters(text, 'training', 'es');
    } catch (caught) {
      expect(caught).toBeInstanceOf(ForumError);
      expect((caught as ForumError).code).toBe('bad_request');
      return caught as ForumError;
    }
    throw new Error('parseStarters did not throw');
  };

  it('names the file and the starter when a block has no title line', () => {
    expect(error('# One\n\nText.\n---\nA paragraph without a title.\n').message).toBe(
      'training.es.md: starter 2 has no "# title" line (its first line is "A paragraph without a title.")',
    );
    expect(error('One\n\nText.').message).toMatch(/^training\.es\.md: starter 1 has no "# title" line/);
    expect(error('#One\n\nText.').message).toMatch(/starter 1 has no "# title" line/);
    expect(error('## One\n\nText.').message).toMatch(/starter 1 has no "# title" line/);
  });

  it('explains empty blocks, missing separators, missing descriptions and lengths', () => {
    expect(error('').message).toBe('training.es.md: no starters');
    expect(error('# One\n\nText.\n---\n').message).toMatch(/^training\.es\.md: starter 2 is empty/);
    expect(error('# One\n\nText.\n---\n---\n# Three\n\nText.').message).toMatch(/starter 2 is empty/);
    expect(error('# One\n\nText.\n\n# Two\n\nText.').message).toMatch(/starter 1 has a second "# title" line \("# Two"\): is a "---" line missing\?/);
    expect(error('# One\n---\n# Two\n\nText.').message).toMatch(/starter 1 \("One"\) has no description/);
    expect(error(`# ${'t'.repeat(81)}\n\nText.`).message).toMatch(/starter 1: the title has 81 characters \(at most 80\)/);
    expect(error(`# One\n\n${'d'.repeat(601)}`).message).toMatch(/starter 1: the description has 601 characters \(at most 600\)/);
  });
});

describe('loadStarters from a folder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'starters-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads <area>.<lang>.md files only, sorted by area, number and language', () => {
    writeFileSync(path.join(dir, 'README.md'), 'Not a starter file.');
    writeFileSync(path.join(dir, 'notes.txt'), 'Ignored.');
    writeFileSync(path.join(dir, 'unknown.en.md'), 'Not an area.');
    writeFileSync(path.join(dir, 'policy.de.md'), 'Not a language of the library.');
    writeFileSync(path.join(dir, 'policy.es.md'), '# P1 es\n\nTexto.\n---\n# P2 es\n\nTexto.');
    writeFileSync(path.join(dir, 'policy.en.md'), '# P1 en\n\nText.\n---\n# P2 en\n\nText.');
    writeFileSync(path.join(dir, 'requests.fr.md'), '# R1 fr\n\nTexte.');
    expect(loadStarters(dir).map((s) => `${s.id}/${s.lang}`)).toEqual(['requests-1/fr', 'policy-1/en', 'policy-1/es', 'policy-2/en', 'policy-2/es']);
  });

  it('throws a ForumError for a missing folder or a malformed file', () => {
    expect(() => loadStarters(path.join(dir, 'missing'))).toThrow(ForumError);
    writeFileSync(path.join(dir, 'evaluation.en.md'), 'No title here.');
    expect(() => loadStarters(dir)).toThrow('evaluation.en.md: starter 1 has no "# title" line');
  });
});

describe('pickStarter', () => {
  const starter = (id: string, lang: Starter['lang']): Starter => {
    const area = id.slice(0, id.lastIndexOf('-')) as Starter['area'];
    return { id, area, lang, title: `${id} ${lang}`, description: 'Text.' };
  };
  const library: Starter[] = [
    ...['requests-1', 'requests-2', 'planning-1', 'planning-2', 'policy-1'].flatMap((id) => [starter(id, 'en'), starter(id, 'fr')]),
    starter('evaluation-1', 'en'),
    starter('cooperation-1', 'es'),
  ];

  it('takes the first unused starter of the requested area, in the requested language', () => {
    expect(pickStarter(library, { lang: 'fr', used: new Set(), area: 'planning' })).toBe(library.find((s) => s.id === 'planning-1' && s.lang === 'fr'));
    expect(pickStarter(library, { lang: 'fr', used: new Set(['planning-1']), area: 'planning' })?.id).toBe('planning-2');
    expect(pickStarter(library, { lang: 'fr', used: new Set(['planning-1', 'planning-2']), area: 'planning' })).toBeUndefined();
    expect(pickStarter(library, { lang: 'en', used: new Set(), area: 'training' })).toBeUndefined();
  });

  it('falls back to English when the language lacks the starter, and skips a starter found in neither', () => {
    expect(pickStarter(library, { lang: 'fr', used: new Set(), area: 'evaluation' })).toMatchObject({ id: 'evaluation-1', lang: 'en' });
    expect(pickStarter(library, { lang: 'es', used: new Set(), area: 'requests' })).toMatchObject({ id: 'requests-1', lang: 'en' });
    expect(pickStarter(library, { lang: 'es', used: new Set(), area: 'cooperation' })).toMatchObject({ id: 'cooperation-1', lang: 'es' });
    expect(pickStarter(library, { lang: 'fr', used: new Set(), area: 'cooperation' })).toBeUndefined();
  });

  it('rotates across areas without an area: fewest used first, ties in the order of the areas', () => {
    const used = new Set<string>();
    const picked: string[] = [];
    for (;;) {
      const next = pickStarter(library, { lang: 'en', used });
      if (!next) break;
      expect(next.lang).toBe('en');
      picked.push(next.id);
      used.add(next.id);
    }
    // cooperation-1 exists only in Spanish: never posted in English.
    expect(picked).toEqual(['requests-1', 'planning-1', 'policy-1', 'evaluation-1', 'requests-2', 'planning-2']);
  });

  it('counts ids used before, even ones no longer in the library, when choosing the area', () => {
    const used = new Set(['requests-1', 'requests-9', 'planning-7', 'not-an-area-1']);
    expect(pickStarter(library, { lang: 'fr', used })?.id).toBe('policy-1');
    expect(pickStarter(library, { lang: 'fr', used: new Set(['policy-1', 'requests-5']) })?.id).toBe('planning-1');
  });

  it('works on the real library: the first week of each area in turn, in Spanish', () => {
    const starters = loadStarters();
    const used = new Set<string>();
    for (const area of CATEGORIES) {
      const next = pickStarter(starters, { lang: 'es', used });
      expect(next).toMatchObject({ id: `${area}-1`, lang: 'es' });
      used.add(next?.id ?? '');
    }
    expect(pickStarter(starters, { lang: 'es', used })?.id).toBe('requests-2');
  });
});
