/**
 * Ingestion: files and folders into the knowledge base. Unchanged files are skipped by content
 * hash, changed ones replaced, and with `prune` documents whose files are gone are removed. A bad
 * file is reported with its reason and the run goes on.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { isForumError } from '../../core/errors.ts';
import { detectLang } from '../../core/language.ts';
import { isLang, type Lang } from '../../i18n/index.ts';
import type { Database } from '../../store/schema.ts';
import { analyze } from '../analyze.ts';
import type { KnowledgeBase } from '../knowledge-base.ts';
import { listDocuments, removeDocuments, replaceDocuments, type DocumentRow, type NewDocument } from '../knowledge-repo.ts';
import { isCategory, type Category, type ParsedDocument } from '../types.ts';
import { chunkDocument } from './chunk.ts';
import { LamAlefMender } from './lam-alef.ts';
import { formatOf, parseBytes, parseFile, SUPPORTED_EXTENSIONS } from './parse.ts';
import { parseMarkdown } from './parse-markdown.ts';

/** Text read to detect a document's language. */
const LANGUAGE_SAMPLE_CHARS = 4000;

export interface IngestFailure {
  source: string;
  reason: string;
}

export interface IngestSummary {
  added: number;
  updated: number;
  skipped: number;
  failed: number;
  removed: number;
  chunks: number;
  seconds: number;
  failures: IngestFailure[];
  /** Files met while walking a folder that are not of a type the knowledge base takes: left alone, and said so. */
  ignored: IngestFailure[];
}

export interface IngestProgress {
  done: number;
  total: number;
  source: string;
}

export interface IngestOptions {
  prune?: boolean;
  /** Sources are paths relative to this folder when the file lies inside it. */
  cwd: string;
  defaultLang: Lang;
  now: () => Date;
  onProgress?: (progress: IngestProgress) => void;
}

/** The files under the given paths, and the folders whose documents `prune` may remove. */
async function collect(paths: string[], summary: Pick<IngestSummary, 'failures' | 'ignored'>, cwd: string): Promise<{ files: string[]; folders: string[] }> {
  const { failures } = summary;
  const files: string[] = [];
  const folders: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      const extension = path.extname(entry.name).toLowerCase();
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && SUPPORTED_EXTENSIONS.includes(extension)) files.push(full);
      else if (entry.isFile()) {
        const type = extension ? `"${extension}" files are` : 'a file without an extension is';
        summary.ignored.push({ source: sourceOf(full, cwd), reason: `not a type the knowledge base takes (${type} not read; it takes ${SUPPORTED_EXTENSIONS.join(', ')})` });
      }
    }
  }
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    try {
      const info = await stat(full);
      if (info.isDirectory()) {
        folders.push(full);
        await walk(full);
      } else files.push(full);
    } catch {
      failures.push({ source: given, reason: 'not found' });
    }
  }
  return { files: [...new Set(files)], folders };
}

function sourceOf(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

function fullText(doc: ParsedDocument): string {
  return doc.sections.map((s) => `${s.headings.join(' ')}\n${s.text}`).join('\n\n');
}

/** A document's language: declared in its front matter, else detected from its text, else `fallback`. */
export function documentLang(doc: ParsedDocument, fallback: Lang): Lang {
  const declared = doc.meta.lang?.toLowerCase();
  if (declared && isLang(declared)) return declared;
  return detectLang(fullText(doc).slice(0, LANGUAGE_SAMPLE_CHARS)) ?? fallback;
}

/** A parsed document's language, and the document with what its format garbled mended (Arabic PDFs' turned ligatures). */
export function readParsed(parsed: ParsedDocument, fallback: Lang, kb: KnowledgeBase): { doc: ParsedDocument; lang: Lang } {
  const lang = documentLang(parsed, fallback);
  return { doc: new LamAlefMender(kb.glossary).mend(parsed, lang), lang };
}

/** A document's assistance area: declared (`none` for none), else classified by the glossary. */
export function documentCategory(doc: ParsedDocument, lang: Lang, kb: KnowledgeBase): Category | null {
  const declared = doc.meta.category?.toLowerCase();
  if (declared === 'none') return null;
  if (declared && isCategory(declared)) return declared;
  return kb.glossary.classify(analyze(fullText(doc), lang));
}

function reasonOf(error: unknown): string {
  if (isForumError(error)) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES') return 'permission denied';
  if (code === 'ENOENT') return 'not found';
  return 'could not be read';
}

/** Documents are written in batches of whole documents (fewer statements, still all or nothing each). */
export const INGEST_BATCH_DOCUMENTS = 50;
export const INGEST_BATCH_CHUNKS = 2000;

interface Prepared {
  doc: NewDocument;
  isUpdate: boolean;
  embeddings: number[][] | undefined;
}

/** Parses, chunks and (with a model) embeds one file; undefined when it is unchanged. */
async function prepare(kb: KnowledgeBase, file: string, source: string, known: DocumentRow | undefined, defaultLang: Lang): Promise<Prepared | undefined> {
  const bytes = await readFile(file);
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  if (known?.content_hash === contentHash && known.embedding_model === kb.embeddingModel) return undefined;
  const format = formatOf(file);
  // An unsupported file type is refused by parseFile with its reason.
  const { doc, lang } = readParsed(format ? await parseBytes(format, bytes) : await parseFile(file), defaultLang, kb);
  const chunks = await chunkDocument(doc);
  if (chunks.length === 0) throw new Error('no text');
  const title = doc.meta.title ?? doc.title ?? path.basename(file, path.extname(file));
  const embeddings = await kb.embed(chunks.map((c) => `${title}\n${c.heading}\n${c.text}`));
  const stored = chunks.map((c, i) => ({ ...c, ...(embeddings?.[i] ? { embedding: embeddings[i] } : {}) }));
  return {
    doc: { source, title, lang, category: documentCategory(doc, lang, kb), format: doc.format, contentHash, embeddingModel: kb.embeddingModel, chunks: stored },
    isUpdate: known !== undefined,
    embeddings,
  };
}

export async function ingestPaths(
  kb: KnowledgeBase,
  db: Kysely<Database>,
  paths: string[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = { added: 0, updated: 0, skipped: 0, failed: 0, removed: 0, chunks: 0, seconds: 0, failures: [], ignored: [] };
  const { files, folders } = await collect(paths, summary, options.cwd);
  const known = new Map((await listDocuments(db)).map((d) => [d.source, d]));
  const pending: Prepared[] = [];
  let pendingChunks = 0;

  async function flush(): Promise<void> {
    const batch = pending.splice(0);
    pendingChunks = 0;
    if (batch.length === 0) return;
    let ids: number[];
    try {
      ids = await replaceDocuments(db, batch.map((p) => p.doc), options.now());
    } catch {
      for (const p of batch) summary.failures.push({ source: p.doc.source, reason: 'could not be stored' });
      return;
    }
    for (const [k, { doc, isUpdate, embeddings }] of batch.entries()) {
      const id = ids[k] as number;
      const chunks = doc.chunks.map((c, ordinal) => ({ id: `${id}:${ordinal}`, documentId: id, ordinal, source: doc.source, title: doc.title, heading: c.heading, text: c.text, lang: doc.lang, category: doc.category }));
      try {
        await kb.indexDocument(id, chunks, embeddings);
      } catch {
        summary.failures.push({ source: doc.source, reason: 'stored, but the index could not be updated (it is refilled at the next start)' });
        continue;
      }
      summary.chunks += chunks.length;
      if (isUpdate) summary.updated++;
      else summary.added++;
    }
  }

  for (const [i, file] of files.entries()) {
    const source = sourceOf(file, options.cwd);
    options.onProgress?.({ done: i, total: files.length, source });
    try {
      const prepared = await prepare(kb, file, source, known.get(source), options.defaultLang);
      if (!prepared) {
        summary.skipped++;
        continue;
      }
      pending.push(prepared);
      pendingChunks += prepared.doc.chunks.length;
      if (pending.length >= INGEST_BATCH_DOCUMENTS || pendingChunks >= INGEST_BATCH_CHUNKS) await flush();
    } catch (error) {
      summary.failures.push({ source, reason: error instanceof Error && error.message === 'no text' ? 'no text' : reasonOf(error) });
    }
  }
  await flush();
  options.onProgress?.({ done: files.length, total: files.length, source: '' });
  if (options.prune && folders.length > 0) {
    const gone = (await listDocuments(db)).filter((d) => {
      const full = path.resolve(options.cwd, d.source);
      return folders.some((f) => full.startsWith(f + path.sep)) && !existsSync(full);
    });
    const ids = await removeDocuments(db, gone.map((d) => d.source));
    await kb.removeDocuments(ids);
    summary.removed = ids.length;
  }
  summary.failed = summary.failures.length;
  summary.seconds = Number(((performance.now() - started) / 1000).toFixed(3));
  return summary;
}

/** A document the bot writes itself (a discussion's summary), given as Markdown under a source of its own. */
export interface GeneratedDocument {
  /** Its source, e.g. `discussion/12`; a document with the same source is replaced. */
  source: string;
  title: string;
  lang: Lang;
  category: Category | null;
  markdown: string;
}

/** Stores and indexes one generated document; returns its number of passages. */
export async function ingestMarkdown(kb: KnowledgeBase, db: Kysely<Database>, document: GeneratedDocument, now: Date): Promise<number> {
  const chunks = await chunkDocument(parseMarkdown(document.markdown));
  if (chunks.length === 0) return 0;
  const contentHash = createHash('sha256').update(document.markdown).digest('hex');
  const embeddings = await kb.embed(chunks.map((c) => `${document.title}\n${c.heading}\n${c.text}`));
  const stored = chunks.map((c, i) => ({ ...c, ...(embeddings?.[i] ? { embedding: embeddings[i] } : {}) }));
  const doc: NewDocument = {
    source: document.source,
    title: document.title,
    lang: document.lang,
    category: document.category,
    format: 'md',
    contentHash,
    embeddingModel: kb.embeddingModel,
    chunks: stored,
  };
  const [id] = await replaceDocuments(db, [doc], now);
  if (id === undefined) return 0;
  const indexed = chunks.map((c, ordinal) => ({ id: `${id}:${ordinal}`, documentId: id, ordinal, source: doc.source, title: doc.title, heading: c.heading, text: c.text, lang: doc.lang, category: doc.category }));
  await kb.indexDocument(id, indexed, embeddings);
  return indexed.length;
}
