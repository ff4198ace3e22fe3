/**
 * Reads a file and hands it to the parser of its kind (by extension). Anything that cannot be
 * made into text fails with a `bad_request` ForumError whose message is a short reason for the
 * person who ingested it ("not a valid PDF", "empty document", "unsupported file type .xls").
 * PDF, DOCX and HTML are checked and parsed in a worker with a memory cap and a time limit
 * (parse-isolated.ts); Markdown and plain text, read line by line, here.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ForumError, isForumError } from '../../core/errors.ts';
import type { DocumentFormat, ParsedDocument } from '../types.ts';
import { joinKeyedTables } from './keyed-tables.ts';
import { checkContent, checkLines } from './limits.ts';
import { parseIsolated } from './parse-isolated.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { parseText } from './parse-text.ts';

const FORMAT_BY_EXTENSION: Record<string, DocumentFormat> = {
  '.md': 'md',
  '.markdown': 'md',
  '.txt': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMAT_BY_EXTENSION);

/** The format of a file, from its extension; undefined when it is not one the knowledge base takes. */
export function formatOf(path: string): DocumentFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
}

export async function parseFile(path: string): Promise<ParsedDocument> {
  const format = formatOf(path);
  if (!format) {
    const ext = extname(path).toLowerCase();
    throw new ForumError('bad_request', ext ? `unsupported file type ${ext}` : 'unsupported file type (no extension)');
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'not a file' : 'cannot read the file';
    throw new ForumError('bad_request', reason, { cause: error });
  }
  return parseBytes(format, bytes);
}

/** Formats whose parsers expand what they read (compressed streams, archives, markup): read in the worker. */
const ISOLATED: ReadonlySet<DocumentFormat> = new Set(['pdf', 'docx', 'html']);

/** Parses file contents of a known format; refuses them, as parseFile does, when there is no text. */
export async function parseBytes(format: DocumentFormat, bytes: Uint8Array): Promise<ParsedDocument> {
  if (bytes.length === 0) throw new ForumError('bad_request', 'empty document');
  return ISOLATED.has(format) ? parseIsolated(format, bytes) : parseContent(format, bytes);
}

/** Checks and parses file contents in this thread: the worker's work, and the text formats'. */
export async function parseContent(format: DocumentFormat, bytes: Uint8Array): Promise<ParsedDocument> {
  if (bytes.length === 0) throw new ForumError('bad_request', 'empty document');
  checkContent(format, bytes);
  const doc = joinKeyedTables(await parseKnown(format, bytes));
  if (doc.sections.length === 0) {
    throw new ForumError('bad_request', format === 'pdf' ? 'no text in the PDF (scanned pages?)' : 'empty document');
  }
  return doc;
}

async function parseKnown(format: DocumentFormat, bytes: Uint8Array): Promise<ParsedDocument> {
  try {
    switch (format) {
      case 'md':
        return parseMarkdown(checkedText(bytes));
      case 'txt':
        return parseText(checkedText(bytes));
      // The parsers of HTML, PDF and DOCX (and their libraries) load on first use: a server whose
      // knowledge base is Markdown never holds them in memory.
      case 'html':
        return (await import('./parse-html.ts')).parseHtml(checkedText(bytes, htmlCharset(bytes)));
      case 'pdf':
        return await (await import('./parse-pdf.ts')).parsePdf(bytes);
      case 'docx':
        return await (await import('./parse-docx.ts')).parseDocx(bytes);
    }
  } catch (error) {
    if (isForumError(error)) throw error;
    throw new ForumError('bad_request', `cannot read the ${format.toUpperCase()} document`, { cause: error });
  }
}

/**
 * Text files: UTF-8 (with or without BOM) or UTF-16 with a BOM; bytes that are not UTF-8 are read
 * as Windows-1252, the usual encoding of older Western files.
 */
function decodeText(bytes: Uint8Array, declared?: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through to UTF-8.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function checkedText(bytes: Uint8Array, declared?: string): string {
  const text = decodeText(bytes, declared);
  checkLines(text);
  return text;
}

/** The charset a page declares in its first kilobyte, unless it is UTF-8. */
function htmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1]?.toLowerCase();
  return label && label !== 'utf-8' && label !== 'utf8' ? label : undefined;
}
