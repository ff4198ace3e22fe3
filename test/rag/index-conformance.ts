/**
 * What every knowledge index backend must do, whatever it runs on: the semantics of `IndexBackend`
 * checked with small hand-made passages (terms given directly, 4-dimensional vectors).
 * Each test gets a fresh, empty backend from `makeBackend`; `cleanup` disposes of it afterwards.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/index.ts';
import type { BackendHit, BackendQuery, IndexBackend, Passage } from '../../src/rag/index-backend.ts';
import type { Category } from '../../src/rag/types.ts';

interface PassageSpec {
  terms: string[];
  heading?: string[];
  vector?: number[];
  lang?: Lang;
  category?: Category | null;
  text?: string;
}

export function makePassage(documentId: number, ordinal: number, spec: PassageSpec): Passage {
  const { terms, heading = [], vector, lang = 'en', category = null, text = terms.join(' ') } = spec;
  return {
    chunk: {
      id: `${documentId}:${ordinal}`,
      documentId,
      ordinal,
      source: `docs/doc-${documentId}.md`,
      title: `Document ${documentId}`,
      heading: heading.join(' › '),
      text,
      lang,
      category,
    },
    terms,
    headingTerms: heading,
    ...(vector ? { embedding: vector } : {}),
  };
}

/** Four documents in three languages and two areas, each passage with its own axis-aligned vector. */
export const CORPUS: [number, PassageSpec[]][] = [
  [
    1,
    [
      { terms: ['budget', 'request', 'form'], vector: [1, 0, 0, 0], lang: 'en', category: 'requests', text: 'Budget request form' },
      { terms: ['webinar', 'schedule'], vector: [0, 1, 0, 0], lang: 'en', category: 'requests' },
    ],
  ],
  [2, [{ terms: ['budget', 'plan', 'annual'], vector: [0, 0, 1, 0], lang: 'fr', category: 'planning' }]],
  [3, [{ terms: ['webinar', 'budget', 'calendar'], vector: [0, 0, 0, 1], lang: 'es', category: 'planning' }]],
  [4, [{ terms: ['mentor', 'network'], heading: ['training'], vector: [0.7, 0.7, 0, 0], lang: 'en', category: 'training' }]],
];

async function fill(backend: IndexBackend): Promise<void> {
  for (const [documentId, specs] of CORPUS) {
    await backend.upsertDocument(documentId, specs.map((spec, ordinal) => makePassage(documentId, ordinal, spec)));
  }
}

const ids = (hits: BackendHit[]): string[] => hits.map((h) => h.chunk.id);

function query(terms: Record<string, number>, rest: Partial<Omit<BackendQuery, 'terms'>> = {}): BackendQuery {
  return { terms: new Map(Object.entries(terms)), limit: 10, ...rest };
}

/** Searches and checks what holds for every result list: scores never increase, no passage twice. */
async function search(backend: IndexBackend, q: BackendQuery): Promise<BackendHit[]> {
  const hits = await backend.search(q);
  expect(hits.length).toBeLessThanOrEqual(q.limit);
  expect(new Set(ids(hits)).size).toBe(hits.length);
  for (let i = 1; i < hits.length; i++) expect(hits[i]?.score).toBeLessThanOrEqual(hits[i - 1]?.score as number);
  return hits;
}

export function runIndexConformance(
  name: string,
  makeBackend: () => Promise<IndexBackend>,
  cleanup: (backend: IndexBackend) => Promise<void>,
  options: { skip?: boolean } = {},
): void {
  (options.skip ? describe.skip : describe)(`index backend conformance: ${name}`, () => {
    let backend: IndexBackend;
    beforeEach(async () => {
      backend = await makeBackend();
    });
    afterEach(async () => {
      await backend.close?.();
      await cleanup(backend);
    });

    it('is empty at first, and its count follows upserts and removals', async () => {
      expect(await backend.count()).toBe(0);
      expect(await search(backend, query({ budget: 1 }))).toEqual([]);
      await fill(backend);
      expect(await backend.count()).toBe(5);
      await backend.removeDocuments([1, 3]);
      expect(await backend.count()).toBe(2);
      await backend.removeDocuments([]);
      expect(await backend.count()).toBe(2);
    });

    it('finds passages by their terms and maps them back to whole chunks', async () => {
      await fill(backend);
      const hits = await search(backend, query({ webinar: 1 }));
      expect(ids(hits).sort()).toEqual(['1:1', '3:0']);
      expect((await search(backend, query({ mentor: 1 })))[0]?.chunk).toEqual(makePassage(4, 0, CORPUS[3]?.[1][0] as PassageSpec).chunk);
      expect(await search(backend, query({ absent: 1 }))).toEqual([]);
      // Heading terms are searchable too.
      expect(ids(await search(backend, query({ training: 1 })))).toEqual(['4:0']);
    });

    it('ranks by the query terms boosts', async () => {
      await backend.upsertDocument(7, [makePassage(7, 0, { terms: ['alpha', 'filler'] }), makePassage(7, 1, { terms: ['beta', 'other'] })]);
      expect(ids(await search(backend, query({ alpha: 1, beta: 5 })))).toEqual(['7:1', '7:0']);
      expect(ids(await search(backend, query({ alpha: 5, beta: 1 })))).toEqual(['7:0', '7:1']);
    });

    it('replaces all passages of a document on a second upsert', async () => {
      await fill(backend);
      await backend.upsertDocument(1, [makePassage(1, 0, { terms: ['grant', 'deadline'], text: 'New grant deadline', category: 'requests' })]);
      expect(await backend.count()).toBe(4);
      expect(ids(await search(backend, query({ budget: 1 }))).sort()).toEqual(['2:0', '3:0']);
      expect(ids(await search(backend, query({ webinar: 1 })))).toEqual(['3:0']);
      const [hit] = await search(backend, query({ grant: 1 }));
      expect(hit?.chunk).toMatchObject({ id: '1:0', text: 'New grant deadline' });
    });

    it('removes documents', async () => {
      await fill(backend);
      await backend.removeDocuments([2]);
      expect(ids(await search(backend, query({ budget: 1 }))).sort()).toEqual(['1:0', '3:0']);
      expect(ids(await search(backend, query({}, { vector: [0, 0, 1, 0] })))).not.toContain('2:0');
    });

    it('filters by languages and by area', async () => {
      await fill(backend);
      expect(ids(await search(backend, query({ budget: 1 }, { filter: { langs: ['fr'] } })))).toEqual(['2:0']);
      expect(ids(await search(backend, query({ budget: 1 }, { filter: { langs: ['en', 'es'] } }))).sort()).toEqual(['1:0', '3:0']);
      expect(ids(await search(backend, query({ budget: 1 }, { filter: { category: 'requests' } })))).toEqual(['1:0']);
      expect(ids(await search(backend, query({ budget: 1 }, { filter: { langs: ['es'], category: 'planning' } })))).toEqual(['3:0']);
      expect(await search(backend, query({ budget: 1 }, { filter: { langs: ['en'], category: 'planning' } }))).toEqual([]);
      const dense = await search(backend, query({}, { vector: [1, 0, 0, 0], filter: { category: 'planning' } }));
      expect(dense.length).toBeGreaterThan(0);
      expect(dense.every((h) => h.chunk.category === 'planning')).toBe(true);
    });

    it('returns at most `limit` hits', async () => {
      await fill(backend);
      expect(await search(backend, query({ budget: 1 }, { limit: 1 }))).toHaveLength(1);
      expect(await search(backend, query({ budget: 1, webinar: 1 }, { limit: 2, vector: [1, 0, 0, 0] }))).toHaveLength(2);
      expect(await search(backend, query({}, { limit: 3, vector: [0, 1, 0, 0] }))).toHaveLength(3);
    });

    it('searches by vector alone when the query has no terms', async () => {
      await fill(backend);
      const hits = await search(backend, query({}, { vector: [0, 0, 0.9, 0.1] }));
      expect(ids(hits)[0]).toBe('2:0');
      expect(ids(hits)).toContain('3:0');
    });

    it('fuses lexical and dense results: each brings passages the other misses', async () => {
      await fill(backend);
      // "calendar" is only in 3:0 (vector on axis 3); the vector points at 2:0, which lacks the term.
      const hits = await search(backend, query({ calendar: 1 }, { vector: [0, 0, 1, 0], limit: 3 }));
      expect(ids(hits)).toContain('3:0');
      expect(ids(hits)).toContain('2:0');
    });

    it('searches by terms only when passages have no vectors', async () => {
      await backend.upsertDocument(8, [makePassage(8, 0, { terms: ['glossary', 'term'] }), makePassage(8, 1, { terms: ['term'] })]);
      expect(ids(await search(backend, query({ glossary: 1 })))).toEqual(['8:0']);
      expect(ids(await search(backend, query({ term: 1 }))).sort()).toEqual(['8:0', '8:1']);
    });
  });
}
