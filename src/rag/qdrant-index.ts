/**
 * The knowledge index in Qdrant: one collection, one point per passage, with a sparse vector `text`
 * (our analysed terms, hashed) that the server weighs by IDF (`modifier: 'idf'`), and a dense
 * vector `dense` (cosine) when passages have embeddings. With a question vector, both are searched
 * and fused by reciprocal rank on the server (Query API, `prefetch` + `fusion: 'rrf'`).
 *
 * Terms are hashed to uint32 indices with FNV-1a: two terms that collide share a dimension (their
 * weights add). With 2³² buckets and a knowledge base's vocabulary this is rare and only blurs
 * ranking a little; it never loses a passage.
 *
 * The dense vector's size is fixed when the collection is created (from `vectorSize`, else the
 * first upsert's embeddings). A collection created without one stays lexical: passages' vectors
 * are then not sent, and searches use terms only. Delete the collection to change that
 * (`KnowledgeBase.load` refills it from the store).
 */
import { createHash } from 'node:crypto';
import { QdrantClient, QdrantClientResourceExhaustedError, QdrantClientTimeoutError, type Schemas } from '@qdrant/js-client-rest';
import { ForumError } from '../core/errors.ts';
import type { Lang } from '../i18n/index.ts';
import { HEADING_BOOST } from './embedded-index.ts';
import type { BackendHit, BackendQuery, IndexBackend, Passage } from './index-backend.ts';
import { isCategory, type Chunk } from './types.ts';

export const SPARSE_VECTOR = 'text';
export const DENSE_VECTOR = 'dense';
/** BM25's term-frequency saturation: a term's value is tf·(k1+1)/(tf+k1), so one occurrence weighs 1. */
export const TF_K1 = 1.2;
/** Each fused list holds this many times the hits asked for (as in the embedded index). */
const CANDIDATES_FACTOR = 3;
const UPSERT_BATCH = 256;
const TIMEOUT_MS = 30_000;

export interface QdrantIndexOptions {
  url: string;
  apiKey: string | undefined;
  collection: string;
  /** The dense vectors' size; when absent, learned from the first passage that has one. */
  vectorSize?: number;
  timeoutMs?: number;
}

interface Layout {
  /** Size of the collection's `dense` vector, or undefined when it has none. */
  denseSize: number | undefined;
}

type SparseVector = Schemas['SparseVector'];
type Filter = Schemas['Filter'];

/** FNV-1a (32 bits) of the term's UTF-8 bytes: an unsigned 32-bit sparse index. */
export function termIndex(term: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(term, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function toSparse(weights: Map<number, number>): SparseVector {
  const entries = [...weights].filter(([, w]) => w > 0).sort((a, b) => a[0] - b[0]);
  return { indices: entries.map(([i]) => i), values: entries.map(([, w]) => w) };
}

/** A passage's sparse vector: heading terms count 1.5, frequencies saturate as in BM25. */
export function passageSparseVector(terms: string[], headingTerms: string[]): SparseVector {
  const tf = new Map<number, number>();
  const add = (term: string, weight: number) => tf.set(termIndex(term), (tf.get(termIndex(term)) ?? 0) + weight);
  for (const term of terms) add(term, 1);
  for (const term of headingTerms) add(term, HEADING_BOOST);
  for (const [i, f] of tf) tf.set(i, (f * (TF_K1 + 1)) / (f + TF_K1));
  return toSparse(tf);
}

/** The query's sparse vector: each term's boost (the server multiplies in the IDF). */
export function querySparseVector(terms: Map<string, number>): SparseVector {
  const weights = new Map<number, number>();
  for (const [term, boost] of terms) weights.set(termIndex(term), (weights.get(termIndex(term)) ?? 0) + boost);
  return toSparse(weights);
}

/** Qdrant ids are uint64 or UUID: a name-based UUID (SHA-1, version 5 layout) of the chunk id. */
export function pointId(chunkId: string): string {
  const b = createHash('sha1').update(`ta-forum:${chunkId}`).digest().subarray(0, 16);
  b[6] = ((b[6] as number) & 0x0f) | 0x50;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function toFilter(filter: BackendQuery['filter']): Filter | undefined {
  const must: Schemas['FieldCondition'][] = [];
  if (filter?.langs) must.push({ key: 'lang', match: { any: filter.langs } });
  if (filter?.category) must.push({ key: 'category', match: { any: [filter.category] } });
  return must.length > 0 ? { must } : undefined;
}

function toChunk(payload: Record<string, unknown> | null | undefined): Chunk | undefined {
  const { documentId, ordinal, category } = payload ?? {};
  if (typeof documentId !== 'number' || typeof ordinal !== 'number') return undefined;
  const text = (key: string) => (typeof payload?.[key] === 'string' ? payload[key] : '');
  return {
    id: `${documentId}:${ordinal}`,
    documentId,
    ordinal,
    source: text('source'),
    title: text('title'),
    heading: text('heading'),
    text: text('text'),
    lang: text('lang') as Lang,
    category: typeof category === 'string' && isCategory(category) ? category : null,
  };
}

function statusOf(error: unknown): number | undefined {
  const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** The one place client errors become ForumErrors; messages name the operation and status only. */
export function toQdrantError(operation: string, error: unknown): ForumError {
  if (error instanceof ForumError) return error;
  const status = statusOf(error);
  const options = { cause: error };
  if (error instanceof QdrantClientResourceExhaustedError || status === 429) {
    return new ForumError('rate_limited', `Qdrant ${operation}: rate limited (429)`, options);
  }
  if (error instanceof QdrantClientTimeoutError) return new ForumError('platform_error', `Qdrant ${operation}: no answer in time`, options);
  if (status !== undefined) return new ForumError('platform_error', `Qdrant ${operation}: HTTP ${status}`, options);
  const kind = error instanceof Error ? error.name : typeof error;
  return new ForumError('platform_error', `Qdrant ${operation} failed (${kind})`, options);
}

export class QdrantIndex implements IndexBackend {
  readonly kind = 'qdrant' as const;
  readonly collection: string;
  private readonly client: QdrantClient;
  private readonly vectorSize: number | undefined;
  private layout: Layout | undefined;
  private ensuring: Promise<Layout> | undefined;

  constructor(options: QdrantIndexOptions) {
    const url = new URL(options.url);
    // The client drops a path given in `url`; pass it as its `prefix` (Qdrant behind a proxy path).
    const prefix = url.pathname.replace(/\/+$/, '');
    this.client = new QdrantClient({
      url: url.origin,
      ...(prefix ? { prefix } : {}),
      ...(options.apiKey ? { apiKey: options.apiKey } : {}),
      timeout: options.timeoutMs ?? TIMEOUT_MS,
      checkCompatibility: false,
    });
    this.collection = options.collection;
    this.vectorSize = options.vectorSize;
  }

  /** Runs one client call; a status in `fallback` gives that value, any other failure a ForumError. */
  private async call<T>(operation: string, run: (client: QdrantClient) => Promise<T>, fallback: Partial<Record<number, () => T>> = {}): Promise<T> {
    try {
      return await run(this.client);
    } catch (error) {
      const use = fallback[statusOf(error) ?? -1];
      if (use) return use();
      throw toQdrantError(operation, error);
    }
  }

  /** The collection's layout, or undefined while it does not exist. */
  private async describe(): Promise<Layout | undefined> {
    if (this.layout) return this.layout;
    const info = await this.call('read collection', (c) => c.getCollection(this.collection), { 404: () => undefined });
    if (!info) return undefined;
    const vectors = info.config.params.vectors as Record<string, { size?: unknown } | undefined> | undefined;
    const size = vectors?.[DENSE_VECTOR]?.size;
    this.layout = { denseSize: typeof size === 'number' ? size : undefined };
    return this.layout;
  }

  private ensure(vectorSize: number | undefined): Promise<Layout> {
    this.ensuring ??= this.create(vectorSize).catch((error: unknown) => {
      this.ensuring = undefined;
      throw error;
    });
    return this.ensuring;
  }

  private async create(vectorSize: number | undefined): Promise<Layout> {
    const existing = await this.describe();
    if (existing) return existing;
    const created = await this.call(
      'create collection',
      (c) =>
        c.createCollection(this.collection, {
          sparse_vectors: { [SPARSE_VECTOR]: { modifier: 'idf' } },
          ...(vectorSize ? { vectors: { [DENSE_VECTOR]: { size: vectorSize, distance: 'Cosine' } } } : {}),
        }),
      { 409: () => false }, // created meanwhile by another process
    );
    if (!created) return (await this.describe()) ?? { denseSize: undefined };
    const indexes: [string, Schemas['PayloadSchemaType']][] = [['lang', 'keyword'], ['category', 'keyword'], ['documentId', 'integer']];
    for (const [field_name, field_schema] of indexes) {
      await this.call('create payload index', (c) => c.createPayloadIndex(this.collection, { field_name, field_schema, wait: true }));
    }
    this.layout = { denseSize: vectorSize };
    return this.layout;
  }

  private point(passage: Passage, denseSize: number | undefined): Schemas['PointStruct'] {
    const { chunk, terms, headingTerms, embedding } = passage;
    const vector: Record<string, SparseVector | number[]> = {};
    const sparse = passageSparseVector(terms, headingTerms);
    if (sparse.indices.length > 0) vector[SPARSE_VECTOR] = sparse;
    if (denseSize && embedding?.length === denseSize) vector[DENSE_VECTOR] = embedding;
    const { documentId, ordinal, source, title, heading, text, lang, category } = chunk;
    return { id: pointId(chunk.id), vector, payload: { documentId, ordinal, source, title, heading, text, lang, category } };
  }

  async upsertDocument(documentId: number, passages: Passage[]): Promise<void> {
    const firstSize = passages.find((p) => p.embedding && p.embedding.length > 0)?.embedding?.length;
    const { denseSize } = await this.ensure(this.vectorSize ?? firstSize);
    const points = passages.map((p) => this.point(p, denseSize));
    for (let i = 0; i < points.length; i += UPSERT_BATCH) {
      const batch = points.slice(i, i + UPSERT_BATCH);
      await this.call('upsert points', (c) => c.upsert(this.collection, { wait: true, points: batch }));
    }
    // Written first, then the document's other points dropped: the document is never absent.
    const filter: Filter = { must: [{ key: 'documentId', match: { value: documentId } }], must_not: [{ has_id: points.map((p) => p.id) }] };
    await this.call('delete points', (c) => c.delete(this.collection, { wait: true, filter }));
  }

  async removeDocuments(documentIds: number[]): Promise<void> {
    if (documentIds.length === 0) return;
    const filter: Filter = { must: [{ key: 'documentId', match: { any: documentIds } }] };
    await this.call('delete points', (c) => c.delete(this.collection, { wait: true, filter }), { 404: () => undefined });
  }

  async search(query: BackendQuery): Promise<BackendHit[]> {
    if (query.limit <= 0 || query.filter?.langs?.length === 0) return [];
    const layout = await this.describe();
    if (!layout) return [];
    const filter = toFilter(query.filter);
    const sparse = querySparseVector(query.terms);
    const lexical = sparse.indices.length > 0 ? { query: sparse, using: SPARSE_VECTOR } : undefined;
    const dense = layout.denseSize && query.vector?.length === layout.denseSize ? { query: query.vector, using: DENSE_VECTOR } : undefined;
    const request: Schemas['QueryRequest'] =
      lexical && dense
        ? { prefetch: [lexical, dense].map((p) => ({ ...p, filter, limit: query.limit * CANDIDATES_FACTOR })), query: { fusion: 'rrf' } }
        : { ...(lexical ?? dense), filter };
    if (!request.query) return [];
    const { points } = await this.call('query', (c) => c.query(this.collection, { ...request, limit: query.limit, with_payload: true }), {
      404: () => ({ points: [] }),
    });
    return points.flatMap((p) => {
      const chunk = toChunk(p.payload);
      return chunk ? [{ chunk, score: p.score }] : [];
    });
  }

  async count(): Promise<number> {
    const result = await this.call('count', (c) => c.count(this.collection, { exact: true }), { 404: () => ({ count: 0 }) });
    return result.count;
  }
}
