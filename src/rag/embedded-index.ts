/**
 * The embedded knowledge index: BM25 (MiniSearch) over analysed terms of every language, in
 * memory, rebuilt from the store's chunks at start. The store is the source of truth.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { analyze } from './analyze.ts';
import type { AnalyzedQuery } from './query.ts';
import type { Chunk, RetrievalHit, RetrievalQuery } from './types.ts';

/** Matches in a title or heading count this much more than in the body. */
export const HEADING_BOOST = 1.5;

interface IndexedFields {
  id: string;
  body: string;
  heading: string;
}

export interface LexicalHit {
  chunk: Chunk;
  score: number;
  /** The stems of the query found in this chunk. */
  matched: Set<string>;
}

export class EmbeddedIndex {
  private readonly mini = new MiniSearch<IndexedFields>({
    fields: ['body', 'heading'],
    idField: 'id',
    tokenize: (text) => (text ? text.split(' ') : []),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => (text ? text.split(' ') : []), processTerm: (term) => term },
  });
  private readonly chunks = new Map<string, Chunk>();
  private readonly byDocument = new Map<number, string[]>();
  private readonly df = new Map<string, number>();

  get size(): number {
    return this.chunks.size;
  }

  /** How many chunks contain a stem. */
  documentFrequency(stem: string): number {
    return this.df.get(stem) ?? 0;
  }

  private termsOf(chunk: Chunk): { body: string[]; heading: string[] } {
    return { body: analyze(chunk.text, chunk.lang), heading: analyze(`${chunk.title} ${chunk.heading}`, chunk.lang) };
  }

  private countTerms(terms: string[], delta: 1 | -1): void {
    for (const term of new Set(terms)) {
      const next = (this.df.get(term) ?? 0) + delta;
      if (next > 0) this.df.set(term, next);
      else this.df.delete(term);
    }
  }

  add(chunks: Chunk[]): void {
    const fields: IndexedFields[] = [];
    for (const chunk of chunks) {
      if (this.chunks.has(chunk.id)) this.removeChunk(chunk.id);
      const terms = this.termsOf(chunk);
      this.countTerms([...terms.body, ...terms.heading], 1);
      this.chunks.set(chunk.id, chunk);
      const ids = this.byDocument.get(chunk.documentId) ?? [];
      ids.push(chunk.id);
      this.byDocument.set(chunk.documentId, ids);
      fields.push({ id: chunk.id, body: terms.body.join(' '), heading: terms.heading.join(' ') });
    }
    this.mini.addAll(fields);
  }

  private removeChunk(id: string): void {
    const chunk = this.chunks.get(id);
    if (!chunk) return;
    const terms = this.termsOf(chunk);
    this.countTerms([...terms.body, ...terms.heading], -1);
    this.mini.discard(id);
    this.chunks.delete(id);
  }

  removeDocuments(documentIds: number[]): void {
    for (const documentId of documentIds) {
      for (const id of this.byDocument.get(documentId) ?? []) this.removeChunk(id);
      this.byDocument.delete(documentId);
    }
  }

  search(query: AnalyzedQuery, options: Pick<RetrievalQuery, 'filter' | 'limit'>): LexicalHit[] {
    const boosts = new Map<string, number>();
    for (const concept of query.concepts) {
      for (const [term, boost] of concept.terms) boosts.set(term, Math.max(boosts.get(term) ?? 0, boost));
    }
    if (boosts.size === 0) return [];
    const { filter } = options;
    const results: SearchResult[] = this.mini.search([...boosts.keys()].join(' '), {
      combineWith: 'OR',
      boost: { heading: HEADING_BOOST },
      boostTerm: (term) => boosts.get(term) ?? 1,
      ...(filter
        ? {
            filter: (result) => {
              const chunk = this.chunks.get(String(result.id));
              if (!chunk) return false;
              if (filter.langs && !filter.langs.includes(chunk.lang)) return false;
              return !filter.category || chunk.category === filter.category;
            },
          }
        : {}),
    });
    return results.slice(0, options.limit).flatMap((r) => {
      const chunk = this.chunks.get(String(r.id));
      return chunk ? [{ chunk, score: r.score, matched: new Set(Object.keys(r.match)) }] : [];
    });
  }

  chunk(id: string): Chunk | undefined {
    return this.chunks.get(id);
  }
}

export type { RetrievalHit };
