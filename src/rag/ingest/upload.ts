/**
 * A document given as bytes (uploaded by a moderator from the dashboard) into the knowledge base,
 * under a source of its own (`upload/<file name>`): parsed by its extension as files are, its
 * language and area found the same way, stored with its passages in one transaction and indexed.
 * The same bytes again are skipped; other bytes under the same name replace the document.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { ForumError } from '../../core/errors.ts';
import { isLang, type Lang } from '../../i18n/index.ts';
import type { Database } from '../../store/schema.ts';
import type { KnowledgeBase } from '../knowledge-base.ts';
import { replaceDocuments, type NewDocument } from '../knowledge-repo.ts';
import { isCategory, type Category, type ParsedDocument } from '../types.ts';
import { chunkDocument } from './chunk.ts';
import { formatOf, parseBytes, SUPPORTED_EXTENSIONS } from './parse.ts';
import { documentCategory, readParsed } from './ingest.ts';

/** The largest document the dashboard takes. */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
/** The folder-like prefix of uploaded documents' sources. */
export const UPLOAD_SOURCE_PREFIX = 'upload/';
const FILE_NAME_MAX_CHARS = 200;

export type UploadRefusal = 'bad_name' | 'unsupported_type' | 'too_large' | 'unreadable';

export class UploadError extends ForumError {
  constructor(
    readonly refusal: UploadRefusal,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('bad_request', message, options);
  }
}

export interface UploadResult {
  source: string;
  title: string;
  lang: Lang;
  category: Category | null;
  /** Passages stored (0 when unchanged). */
  chunks: number;
  outcome: 'added' | 'updated' | 'unchanged';
}

/**
 * A file name as given by a browser, made safe as part of a source: its last path part, control
 * characters and slashes removed, spaces collapsed. Undefined when nothing usable is left.
 */
export function cleanFileName(name: string): string | undefined {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
  if (!cleaned || cleaned === '.' || cleaned === '..' || cleaned.length > FILE_NAME_MAX_CHARS) return undefined;
  return cleaned;
}

/** Stores and indexes one uploaded document; refuses a bad name, another type, a file too large or one without text. */
export async function ingestUpload(
  kb: KnowledgeBase,
  db: Kysely<Database>,
  upload: { fileName: string; bytes: Uint8Array; defaultLang: Lang; now: Date },
): Promise<UploadResult> {
  const name = cleanFileName(upload.fileName);
  if (!name) throw new UploadError('bad_name', 'bad file name');
  const format = formatOf(name);
  if (!format) {
    const ext = path.extname(name).toLowerCase();
    throw new UploadError('unsupported_type', `unsupported file type ${ext || '(no extension)'}; supported: ${SUPPORTED_EXTENSIONS.join(' ')}`);
  }
  if (upload.bytes.length > UPLOAD_MAX_BYTES) throw new UploadError('too_large', 'file too large');
  const source = `${UPLOAD_SOURCE_PREFIX}${name}`;
  const contentHash = createHash('sha256').update(upload.bytes).digest('hex');
  const known = await db.selectFrom('documents').select(['content_hash', 'embedding_model', 'title', 'lang', 'category']).where('source', '=', source).executeTakeFirst();
  if (known && known.content_hash === contentHash && known.embedding_model === kb.embeddingModel) {
    const lang = isLang(known.lang) ? known.lang : upload.defaultLang;
    return { source, title: known.title, lang, category: known.category && isCategory(known.category) ? known.category : null, chunks: 0, outcome: 'unchanged' };
  }
  let parsed: ParsedDocument;
  try {
    parsed = await parseBytes(format, upload.bytes);
  } catch (error) {
    throw new UploadError('unreadable', error instanceof Error ? error.message : 'cannot read the document', { cause: error });
  }
  const { doc, lang } = readParsed(parsed, upload.defaultLang, kb);
  const chunks = await chunkDocument(doc);
  if (chunks.length === 0) throw new UploadError('unreadable', 'no text');
  const title = doc.meta.title ?? doc.title ?? path.basename(name, path.extname(name));
  const embeddings = await kb.embed(chunks.map((c) => `${title}\n${c.heading}\n${c.text}`));
  const stored = chunks.map((c, i) => ({ ...c, ...(embeddings?.[i] ? { embedding: embeddings[i] } : {}) }));
  const category = documentCategory(doc, lang, kb);
  const document: NewDocument = { source, title, lang, category, format: doc.format, contentHash, embeddingModel: kb.embeddingModel, chunks: stored };
  const [id] = await replaceDocuments(db, [document], upload.now);
  if (id === undefined) throw new ForumError('internal', 'the document was not stored');
  const indexed = chunks.map((c, ordinal) => ({ id: `${id}:${ordinal}`, documentId: id, ordinal, source, title, heading: c.heading, text: c.text, lang, category }));
  await kb.indexDocument(id, indexed, embeddings);
  return { source, title, lang, category, chunks: indexed.length, outcome: known ? 'updated' : 'added' };
}
