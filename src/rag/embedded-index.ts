/**
 * The embedded knowledge index: BM25 (lexical-index.ts) over analysed terms of every language, plus
 * dense vectors searched exhaustively when embeddings are configured, fused by reciprocal rank.
 * It lives in memory and is rebuilt from the store's chunks at start; the store is the truth.
 */
import { reciprocalRankFusion } from './fusion.ts';
import type { BackendHit, BackendQuery, IndexBackend, Passage } from './index-backend.ts';
import { LexicalIndex, topMatches } from './lexical-index.ts';
import type { Chunk } from './types.ts';

/** The heading field (title and heading path, scored as its own short field) counts this much more than the body. */
export const HEADING_BOOST = 1.5;
/** Each list fused holds this many times the hits asked for, so fusion has candidates to combine. */
const CANDIDATES_FACTOR = 3;

function termCounts(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

function normalise(vector: number[]): Float32Array {
  const out = Float32Array.from(vector);
  let norm = 0;
  for (const x of out) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < out.length; i++) (out[i] as number) /= norm;
  return out;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

export class EmbeddedIndex implements IndexBackend {
  readonly kind = 'embedded' as const;
  /** Two fields scored apart (BM25F-like): the body, and the short title-and-heading field. */
  private readonly body = new LexicalIndex();
  private readonly headings = new LexicalIndex();
  /** Per lexical-index slot (the same in both fields): its passage and dense vector, until removed. */
  private readonly chunkAt: (Chunk | undefined)[] = [];
  private readonly vectorAt: (Float32Array | undefined)[] = [];
  private readonly slotsOf = new Map<number, number[]>();
  private live = 0;

  get size(): number {
    return this.live;
  }

  count(): Promise<number> {
    return Promise.resolve(this.live);
  }

  /** Synchronous form of `upsertDocument`, for bulk loading. */
  add(documentId: number, passages: Passage[]): void {
    this.drop(documentId);
    const slots: number[] = [];
    for (const passage of passages) {
      const { chunk, embedding } = passage;
      // Both fields are added together, so a passage has the same slot in each.
      const slot = this.body.add(termCounts(passage.terms));
      this.headings.add(termCounts(passage.headingTerms));
      this.chunkAt[slot] = chunk;
      this.vectorAt[slot] = embedding && embedding.length > 0 ? normalise(embedding) : undefined;
      slots.push(slot);
    }
    this.live += slots.length;
    this.slotsOf.set(documentId, slots);
  }

  settle(): void {
    this.body.trim();
    this.headings.trim();
  }

  upsertDocument(documentId: number, passages: Passage[]): Promise<void> {
    this.add(documentId, passages);
    return Promise.resolve();
  }

  private drop(documentId: number): void {
    const slots = this.slotsOf.get(documentId);
    if (!slots) return;
    for (const slot of slots) {
      this.body.remove(slot);
      this.headings.remove(slot);
      this.chunkAt[slot] = undefined;
      this.vectorAt[slot] = undefined;
    }
    this.live -= slots.length;
    this.slotsOf.delete(documentId);
  }

  removeDocuments(documentIds: number[]): Promise<void> {
    for (const id of documentIds) this.drop(id);
    return Promise.resolve();
  }

  private accepts(chunk: Chunk | undefined, filter: BackendQuery['filter']): chunk is Chunk {
    if (!chunk) return false;
    if (!filter) return true;
    if (filter.langs && !filter.langs.includes(chunk.lang)) return false;
    return !filter.category || chunk.category === filter.category;
  }

  private lexical(query: BackendQuery, limit: number): BackendHit[] {
    if (query.terms.size === 0) return [];
    const { filter } = query;
    const accept = filter ? (slot: number) => this.accepts(this.chunkAt[slot], filter) : undefined;
    const scores = this.headings.accumulate(query.terms, this.body.accumulate(query.terms, new Map(), 1), HEADING_BOOST);
    return topMatches(scores, limit, accept).flatMap(({ slot, score }) => {
      const chunk = this.chunkAt[slot];
      return chunk ? [{ chunk, score }] : [];
    });
  }

  private dense(query: BackendQuery, limit: number): BackendHit[] {
    if (!query.vector) return [];
    const q = normalise(query.vector);
    const scored: BackendHit[] = [];
    for (let slot = 0; slot < this.vectorAt.length; slot++) {
      const vector = this.vectorAt[slot];
      const chunk = this.chunkAt[slot];
      if (!vector || vector.length !== q.length || !this.accepts(chunk, query.filter)) continue;
      scored.push({ chunk, score: dot(q, vector) });
    }
    return scored.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  search(query: BackendQuery): Promise<BackendHit[]> {
    const candidates = query.limit * CANDIDATES_FACTOR;
    const lexical = this.lexical(query, candidates);
    const dense = this.dense(query, candidates);
    if (dense.length === 0) return Promise.resolve(lexical.slice(0, query.limit));
    const fused = reciprocalRankFusion([lexical, dense], (h) => h.chunk.id);
    return Promise.resolve(fused.slice(0, query.limit).map(({ item, score }) => ({ chunk: item.chunk, score })));
  }
}
