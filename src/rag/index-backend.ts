/**
 * One retrieval interface for every knowledge index: the embedded one (in memory, rebuilt from
 * the store) and Qdrant. Passages arrive analysed; a backend never analyses text itself.
 */
import type { Chunk, RetrievalQuery } from './types.ts';

/** A passage ready for indexing: the chunk, its analysed terms, and its dense vector when there is one. */
export interface Passage {
  chunk: Chunk;
  /** Analysed terms of the text, in order (repeats kept). */
  terms: string[];
  /** Analysed terms of the title and heading path. */
  headingTerms: string[];
  embedding?: number[];
}

export interface BackendQuery {
  /** Search terms with their boosts (question terms, glossary expansions, translations). */
  terms: Map<string, number>;
  /** The question's dense vector, when embeddings are configured. */
  vector?: number[];
  filter?: RetrievalQuery['filter'];
  limit: number;
}

export interface BackendHit {
  chunk: Chunk;
  /** Higher is better; comparable within one result list only. */
  score: number;
}

export interface IndexBackend {
  readonly kind: 'embedded' | 'qdrant';
  /** Adds or replaces all passages of one document. */
  upsertDocument(documentId: number, passages: Passage[]): Promise<void>;
  removeDocuments(documentIds: number[]): Promise<void>;
  search(query: BackendQuery): Promise<BackendHit[]>;
  /** How many passages the index holds. */
  count(): Promise<number>;
  /** Called once a bulk load is over: the index may release spare capacity kept for growth. */
  settle?(): void;
  close?(): Promise<void>;
}
