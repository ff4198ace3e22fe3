/**
 * The experts roster: loading and validation, matching in English, French and Spanish (also across
 * languages through the glossary), areas named in a search, language and region filters, nothing
 * for nonsense; and `ta-forum experts`' output. A roster and a glossary written here (the project's
 * files change, these do not).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExperts } from '../../src/cli/experts-command.ts';
import { ForumError } from '../../src/core/errors.ts';
import type { Lang } from '../../src/i18n/index.ts';
import { regionsMatching } from '../../src/rag/experts-query.ts';
import { expertsForQuestion, loadRoster, matchExperts, matchExpertsInAnyLang, rosterForKnowledgeDir, type MatchOptions } from '../../src/rag/experts.ts';
import { Glossary, type GlossaryFile } from '../../src/rag/glossary.ts';
import { capturedIo } from '../support/cli.ts';

type Terms = Partial<Record<Lang, string[]>>;
const entry = (id: string, category: GlossaryFile['entries'][number]['category'], terms: Terms) => ({ id, category, terms });

const GLOSSARY = new Glossary({
  version: 1,
  entries: [
    entry('evaluation', 'evaluation', { en: ['evaluation', 'assessment'], fr: ['évaluation'], es: ['evaluación'] }),
    entry('impact', 'evaluation', { en: ['impact', 'long-term impact'], fr: ['impact', 'retombées'], es: ['impacto'] }),
    entry('needs-assessment', 'requests', { en: ['needs assessment'], fr: ['évaluation des besoins'], es: ['evaluación de necesidades'] }),
    entry('training', 'training', { en: ['training', 'course'], fr: ['formation', 'cours'], es: ['formación', 'curso'] }),
    entry('survey', 'evaluation', { en: ['survey'], fr: ['enquête'], es: ['encuesta'] }),
    entry('satisfaction', 'evaluation', { en: ['satisfaction survey'], fr: ['enquête de satisfaction'], es: ['encuesta de satisfacción'] }),
    entry('copyright', 'policy', { en: ['copyright'], fr: ["droit d'auteur"], es: ['derecho de autor'] }),
    entry('africa', null, { en: ['Africa'], fr: ['Afrique'], es: ['África'] }),
    entry('expert', null, { en: ['expert'], fr: ['expert'], es: ['experto'] }),
  ],
});

const expert = (id: string, name: string, fields: Record<string, unknown>) => ({
  id,
  name,
  keywords: [],
  availability: { en: `${name} is available on request.`, fr: `${name} est disponible sur demande.` },
  contact: `${id}@example.org`,
  ...fields,
});

const ROSTER_FILE = {
  version: 1,
  note: 'Fictional roster for the tests.',
  experts: [
    expert('x1', 'Ana Impact', {
      areas: ['evaluation'],
      expertise: { en: 'Impact evaluation of training courses; follow-up surveys a year later.' },
      keywords: ['impact evaluation'],
      languages: ['en', 'fr'],
      region: 'Africa',
    }),
    expert('x2', 'Bruno Suivi', {
      areas: ['evaluation', 'training'],
      expertise: { fr: "Évaluation d'impact des programmes de formation ; enquêtes de satisfaction." },
      keywords: ['enquête de satisfaction'],
      languages: ['fr', 'es'],
      region: 'Latin America and the Caribbean',
    }),
    expert('x3', 'Carla Needs', {
      areas: ['requests'],
      expertise: { en: 'Needs assessment for ministries.', es: 'Evaluación de necesidades para ministerios.' },
      keywords: ['needs assessment', 'evaluación de necesidades'],
      languages: ['es', 'en'],
      region: 'Latin America and the Caribbean',
    }),
    expert('x4', 'Dina Copyright', {
      areas: ['policy'],
      expertise: { en: 'Copyright law and collective management organisations.' },
      keywords: ['copyright', "droit d'auteur"],
      languages: ['ar', 'en'],
      region: 'Arab States',
    }),
    expert('x5', 'Erik Stats', {
      areas: ['evaluation'],
      expertise: { en: 'Statistics and indicator systems for periodic reports.' },
      keywords: ['indicators'],
      languages: ['ru', 'en'],
      region: 'Europe and Central Asia',
    }),
    expert('x6', 'Fei Pacific', {
      areas: ['training', 'cooperation'],
      expertise: { en: 'E-learning courses and webinars for IP offices.' },
      keywords: ['webinar'],
      languages: ['zh', 'en'],
      region: 'Asia and the Pacific',
    }),
  ],
};

const dir = mkdtempSync(path.join(tmpdir(), 'ta-forum-experts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeRoster(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const roster = loadRoster(writeRoster('experts.json', ROSTER_FILE));
const ids = (query: string, lang: Lang, options?: MatchOptions) => matchExperts(roster, GLOSSARY, query, lang, options).map((m) => m.expert.id);

describe('loading the roster', () => {
  it('reads a valid file, keywords defaulting to none', () => {
    expect(roster.experts.map((e) => e.id)).toEqual(['x1', 'x2', 'x3', 'x4', 'x5', 'x6']);
    const withoutKeywords: Record<string, unknown> = { ...ROSTER_FILE.experts[0] };
    delete withoutKeywords.keywords;
    expect(loadRoster(writeRoster('no-keywords.json', { version: 1, experts: [withoutKeywords] })).experts[0]?.keywords).toEqual([]);
  });

  it('takes a missing file for an empty roster', () => {
    expect(loadRoster(path.join(dir, 'absent.json')).experts).toEqual([]);
  });

  it.each([
    ['not JSON', '{ "version": 1, ', /not valid JSON/],
    ['a wrong version', { ...ROSTER_FILE, version: 2 }, /malformed at version:/],
    ['an unknown language', { version: 1, experts: [{ ...ROSTER_FILE.experts[0], languages: ['en', 'de'] }] }, /at experts\.0\.languages\.1:/],
    ['an unknown area', { version: 1, experts: [ROSTER_FILE.experts[0], { ...ROSTER_FILE.experts[1], areas: ['finance'] }] }, /at experts\.1\.areas\.0:/],
    ['no expertise text', { version: 1, experts: [{ ...ROSTER_FILE.experts[0], expertise: {} }] }, /at experts\.0\.expertise:/],
    ['a missing contact', { version: 1, experts: [{ ...ROSTER_FILE.experts[0], contact: undefined }] }, /at experts\.0\.contact:/],
    ['a duplicate id', { version: 1, experts: [ROSTER_FILE.experts[0], ROSTER_FILE.experts[0]] }, /at experts\.1\.id: duplicate id "x1"/],
  ])('refuses a file with %s, naming the file and the place', (_, content, message) => {
    const file = writeRoster('bad.json', content);
    let error: unknown;
    try {
      loadRoster(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ForumError);
    expect((error as ForumError).code).toBe('bad_request');
    expect((error as ForumError).message).toContain(file);
    expect((error as ForumError).message).toMatch(message);
  });

  it('reads a knowledge folder again only when its roster changes', () => {
    const folder = mkdtempSync(path.join(dir, 'kb-'));
    expect(rosterForKnowledgeDir(folder).experts).toEqual([]);
    writeFileSync(path.join(folder, 'experts.json'), JSON.stringify(ROSTER_FILE));
    const first = rosterForKnowledgeDir(folder);
    expect(first.experts).toHaveLength(6);
    expect(rosterForKnowledgeDir(folder)).toBe(first);
  });
});

describe('matching', () => {
  it('ranks the impact evaluation experts first in English, French and Spanish, across languages', () => {
    // x1 is described in English only, x2 in French only: the glossary carries the search over.
    for (const [query, lang] of [['impact evaluation', 'en'], ["évaluation d'impact", 'fr'], ['evaluación de impacto', 'es']] as const) {
      const found = ids(query, lang);
      expect(found.slice(0, 2).sort(), query).toEqual(['x1', 'x2']);
      expect(found, query).not.toContain('x4');
      expect(found, query).not.toContain('x6');
    }
    const [best, second] = matchExperts(roster, GLOSSARY, 'impact evaluation', 'en');
    expect(best?.expert.id).toBe('x1');
    expect(best?.score).toBeGreaterThan(second?.score ?? 0);
  });

  it('boosts the experts of an area the search names, in any language', () => {
    for (const [query, lang] of [['evaluation', 'en'], ['évaluation', 'fr'], ['evaluación', 'es']] as const) {
      const found = ids(query, lang);
      // x5 says nothing of evaluation but is filed under it; the needs assessor comes after.
      expect(found.slice(0, 3).sort(), query).toEqual(['x1', 'x2', 'x5']);
      expect(found.indexOf('x3') === -1 || found.indexOf('x3') > found.indexOf('x5'), query).toBe(true);
    }
  });

  it('finds keywords, and words inside longer terms with less weight', () => {
    expect(ids('copyright', 'en')).toEqual(['x4']);
    expect(ids("droit d'auteur", 'fr')).toEqual(['x4']);
    expect(ids('needs assessment', 'en')[0]).toBe('x3');
    expect(ids('webinar', 'en')).toEqual(['x6']);
    expect(ids('survey', 'en').slice(0, 2).sort()).toEqual(['x1', 'x2']);
  });

  it('ignores the words that only ask for an expert', () => {
    expect(ids('find an expert in copyright', 'en')).toEqual(['x4']);
    expect(ids('experto en derecho de autor', 'es')).toEqual(['x4']);
    expect(ids('expert', 'en')).toEqual([]);
  });

  it('returns nothing for nonsense', () => {
    expect(ids('chocolate cake recipe', 'en')).toEqual([]);
    expect(ids('recette du gâteau au chocolat', 'fr')).toEqual([]);
    expect(ids('xyzzy plugh', 'es')).toEqual([]);
    expect(ids('', 'en')).toEqual([]);
  });

  it('filters by a language the expert speaks', () => {
    expect(ids('impact evaluation', 'en', { langs: ['es'] })).toEqual(['x2', ...(ids('impact evaluation', 'en').includes('x3') ? ['x3'] : [])]);
    expect(ids('evaluation', 'en', { langs: ['ru', 'zh'] })).toEqual(['x5']);
    expect(ids('copyright', 'en', { langs: ['fr'] })).toEqual([]);
  });

  it('filters by region, named in English, French or Spanish, or in part', () => {
    expect(ids('impact evaluation', 'en', { region: 'africa' })).toEqual(['x1']);
    expect(ids('impact evaluation', 'en', { region: 'Afrique' })).toEqual(['x1']);
    for (const region of ['amérique latine', 'Latin America', 'América Latina', 'caraïbes', 'LATIN']) {
      expect(ids('evaluation', 'en', { region }), region).toEqual(['x2', ...(ids('evaluation', 'en').includes('x3') ? ['x3'] : [])]);
    }
    expect(ids('evaluation', 'en', { region: 'Antarctica' })).toEqual([]);
  });

  it('lists the experts of a filter by name when the search has no words', () => {
    expect(ids('', 'en', { region: 'latin america' })).toEqual(['x2', 'x3']);
    expect(ids('', 'en', { langs: ['ar'] })).toEqual(['x4']);
    expect(ids('', 'en', { region: 'asia' })).toEqual(['x5', 'x6']);
  });

  it('reads a few words in any likely language', () => {
    // Analysed as English, "évaluation" does not stem like "evaluation"; read as French it does.
    const found = matchExpertsInAnyLang(roster, GLOSSARY, "évaluation d'impact", 'en').map((m) => m.expert.id);
    expect(found.slice(0, 2).sort()).toEqual(['x1', 'x2']);
  });

  it('suggests a few experts for a question, and none for an off-topic one', () => {
    const found = expertsForQuestion(roster, GLOSSARY, 'How do I evaluate the long-term impact of a training course?', 'en');
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(3);
    expect(found[0]?.expert.id).toBe('x1');
    expect(expertsForQuestion(roster, GLOSSARY, 'Where is the best chocolate cake in Geneva?', 'en')).toEqual([]);
  });
});

describe('regions', () => {
  it.each([
    ['africa', ['africa']],
    ['Afrique', ['africa']],
    ['amérique latine', ['latin-america-caribbean']],
    ['latin america', ['latin-america-caribbean']],
    ['América Latina y el Caribe', ['latin-america-caribbean']],
    ['États arabes', ['arab-states']],
    ['asia', ['asia-pacific', 'europe-central-asia']],
    ['Asie centrale', ['europe-central-asia']],
    ['xyz', []],
    ['a', []],
  ])('%s', (typed, expected) => {
    expect(regionsMatching(typed)).toEqual(expected);
  });
});

describe('ta-forum experts', () => {
  async function output(query: string, options: Parameters<typeof runExperts>[2]): Promise<string> {
    const folder = mkdtempSync(path.join(dir, 'cli-'));
    writeFileSync(path.join(folder, 'experts.json'), JSON.stringify(ROSTER_FILE));
    const io = capturedIo({ env: { KNOWLEDGE_DIR: folder, DEFAULT_LANG: 'en' }, cwd: dir });
    await runExperts(io, query, options);
    return io.out.join('');
  }

  it('prints one JSON object per expert, and the card as text', async () => {
    const lines = (await output('copyright', { json: true })).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ id: 'x4', name: 'Dina Copyright', areas: ['policy'], region: 'Arab States', contact: 'x4@example.org' }),
    ]);
    const text = await output('', { region: 'Afrique' });
    expect(text).toContain('Ana Impact');
    expect(text).toContain('Languages: English and French');
    expect(await output('chocolate', {})).toMatch(/^No expert in the roster matches "chocolate"/);
  });

  it('refuses an unknown language code', async () => {
    await expect(output('copyright', { lang: 'de' })).rejects.toThrow(/--lang expects/);
  });
});
