/**
 * The knowledge base in the store: documents and their chunks. A document and its chunks are
 * written in one transaction, so a crash half-way leaves the previous version or nothing.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Lang } from '../i18n/index.ts';
import type { Database, DocumentsTable } from '../store/schema.ts';
import { isCategory, type Category, type Chunk, type DocumentFormat } from './types.ts';

export type DocumentRow = Selectable<DocumentsTable>;

export interface NewDocument {
  source: string;
  title: string;
  lang: Lang;
  category: Category | null;
  format: DocumentFormat;
  contentHash: string;
  /** The embeddings model of the chunks' vectors, or null. */
  embeddingModel: string | null;
  chunks: { heading: string; text: string; embedding?: number[] }[];
}

export async function listDocuments(db: Kysely<Database>): Promise<DocumentRow[]> {
  return db.selectFrom('documents').selectAll().orderBy('source').execute();
}

/**
 * Inserts or replaces several documents (distinct sources) and all their chunks in one
 * transaction, in three statements whatever their number; returns their ids in order.
 */
export async function replaceDocuments(db: Kysely<Database>, docs: NewDocument[], now: Date): Promise<number[]> {
  if (docs.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .insertInto('documents')
      .values(
        docs.map((doc) => ({
          source: doc.source,
          title: doc.title,
          lang: doc.lang,
          category: doc.category,
          format: doc.format,
          content_hash: doc.contentHash,
          chunk_count: doc.chunks.length,
          ingested_at: now,
          embedding_model: doc.embeddingModel,
        })),
      )
      .onConflict((oc) =>
        oc.column('source').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          lang: eb.ref('excluded.lang'),
          category: eb.ref('excluded.category'),
          format: eb.ref('excluded.format'),
          content_hash: eb.ref('excluded.content_hash'),
          chunk_count: eb.ref('excluded.chunk_count'),
          ingested_at: eb.ref('excluded.ingested_at'),
          embedding_model: eb.ref('excluded.embedding_model'),
        })),
      )
      .returning(['id', 'source'])
      .execute();
    const idOf = new Map(rows.map((r) => [r.source, r.id]));
    const ids = docs.map((d) => idOf.get(d.source) as number);
    await trx.deleteFrom('chunks').where('document_id', 'in', ids).execute();
    const chunkRows = docs.flatMap((doc, i) =>
      doc.chunks.map((c, ordinal) => ({
        document_id: ids[i] as number,
        ordinal,
        heading: c.heading,
        text: c.text,
        embedding: c.embedding ?? null,
      })),
    );
    // In batches: one statement for thousands of rows is too large for the protocol.
    for (let i = 0; i < chunkRows.length; i += CHUNK_INSERT_BATCH) {
      await trx.insertInto('chunks').values(chunkRows.slice(i, i + CHUNK_INSERT_BATCH)).execute();
    }
    return ids;
  });
}

const CHUNK_INSERT_BATCH = 500;

/** Removes documents (and their chunks) by source; returns the ids removed. */
export async function removeDocuments(db: Kysely<Database>, sources: string[]): Promise<number[]> {
  if (sources.length === 0) return [];
  const rows = await db.deleteFrom('documents').where('source', 'in', sources).returning('id').execute();
  return rows.map((r) => r.id);
}

function toChunk(row: {
  document_id: number;
  ordinal: number;
  heading: string;
  text: string;
  source: string;
  title: string;
  lang: string;
  category: string | null;
}): Chunk {
  return {
    id: `${row.document_id}:${row.ordinal}`,
    documentId: row.document_id,
    ordinal: row.ordinal,
    source: row.source,
    title: row.title,
    heading: row.heading,
    text: row.text,
    lang: row.lang as Lang,
    category: row.category && isCategory(row.category) ? row.category : null,
  };
}

/** A stored chunk with its dense vector, when it has one. */
export interface StoredChunk {
  chunk: Chunk;
  embedding: number[] | null;
}

/** Every chunk, or those of some documents, with their document's fields. */
export async function loadChunks(db: Kysely<Database>, documentIds?: number[]): Promise<Chunk[]> {
  return (await loadStoredChunks(db, documentIds)).map((s) => s.chunk);
}

/** Like `loadChunks`, with each chunk's dense vector. */
export async function loadStoredChunks(db: Kysely<Database>, documentIds?: number[]): Promise<StoredChunk[]> {
  let query = db
    .selectFrom('chunks')
    .innerJoin('documents', 'documents.id', 'chunks.document_id')
    .select([
      'chunks.document_id',
      'chunks.ordinal',
      'chunks.heading',
      'chunks.text',
      'chunks.embedding',
      'documents.source',
      'documents.title',
      'documents.lang',
      'documents.category',
    ])
    .orderBy('chunks.document_id')
    .orderBy('chunks.ordinal');
  if (documentIds) {
    if (documentIds.length === 0) return [];
    query = query.where('chunks.document_id', 'in', documentIds);
  }
  return (await query.execute()).map((row) => ({ chunk: toChunk(row), embedding: row.embedding }));
}
