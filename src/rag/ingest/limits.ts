/**
 * What a file must be before a parser sees it, and how big it may grow: checked on its bytes, not
 * its name. A binary file renamed `.md`, a PDF renamed `.txt`, a Word file whose ZIP expands to
 * gigabytes, a PDF whose compressed streams do, or a "text" of one endless line is refused with
 * its reason, in a few milliseconds, before any parser takes memory for it.
 */
import { constants, inflateRawSync } from 'node:zlib';
import { ForumError } from '../../core/errors.ts';
import type { DocumentFormat } from '../types.ts';

/** The most a DOCX (a ZIP) may hold once expanded; real documents with images stay far below. */
export const MAX_EXPANDED_BYTES = 64 * 1024 * 1024;
/**
 * The most a PDF's Flate-compressed streams (images aside: reading text never decodes them) may
 * expand to, in all: text, fonts and object streams of real documents stay far below.
 */
export const MAX_PDF_STREAM_BYTES = 128 * 1024 * 1024;
/** A line longer than this is not prose (a minified file, a dump, a bomb). */
export const MAX_LINE_CHARS = 100_000;
/** A document cut into more passages than this is refused (a whole library in one file). */
export const MAX_PASSAGES_PER_DOCUMENT = 5_000;

const refuse = (reason: string): never => {
  throw new ForumError('bad_request', reason);
};

const startsWith = (bytes: Uint8Array, signature: number[], at = 0): boolean => signature.every((b, i) => bytes[at + i] === b);

/** Formats told by their first bytes: what a file really is, whatever its name says. */
const SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive (or a Word, Excel or PowerPoint file)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'an old Word or Excel file', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'a program', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a program', bytes: [0x4d, 0x5a] },
];

function signatureOf(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => startsWith(bytes, s.bytes))?.name;
}

/** Whether the bytes carry a UTF-16 byte-order mark (text in which NUL bytes are normal). */
const utf16 = (bytes: Uint8Array): boolean => (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

/**
 * How many bytes raw deflate data expands to, expanded with a ceiling: above `ceiling` as soon as it
 * would pass it, undefined when the data is not deflate data. `truncated`: data cut short is read as
 * far as it goes (Z_SYNC_FLUSH), as PDF readers do.
 */
function inflatedSize(data: Uint8Array, ceiling: number, truncated = false): number | undefined {
  try {
    return inflateRawSync(data, { maxOutputLength: ceiling + 1, ...(truncated ? { finishFlush: constants.Z_SYNC_FLUSH } : {}) }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return ceiling + 1;
    return undefined;
  }
}

/**
 * How many bytes a ZIP's entries expand to, by expanding them with a ceiling (zlib's
 * `maxOutputLength`): the sizes a ZIP declares may lie, the inflation cannot. Returns a number
 * above `limit` as soon as the total passes it, having used at most `limit` bytes of memory.
 */
export function zipExpandedSize(bytes: Uint8Array, limit = MAX_EXPANDED_BYTES): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: in the last 64 KB + 22 bytes (a comment may follow it).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return refuse('not a valid DOCX (no ZIP directory)');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return refuse('not a valid DOCX (damaged ZIP directory)');
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const local = view.getUint32(at + 42, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return refuse('not a valid DOCX (damaged ZIP entry)');
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(dataStart, Math.min(bytes.length, dataStart + compressed));
    if (method === 0) total += data.length;
    else if (method === 8) total += inflatedSize(data, limit - total) ?? refuse('not a valid DOCX (damaged ZIP entry)');
    else return refuse('not a valid DOCX (unknown compression)');
    if (total > limit) return total;
  }
  return total;
}

/** A stream's dictionary says its data is Flate-compressed (first, or alone) and not an image. */
const FLATE_FILTER = /\/Filter\s*(?:\[\s*)?\/FlateDecode\b/;
const IMAGE = /\/Subtype\s*\/Image\b/;
const STREAM_START = />>\s*stream\r?\n/g;
/** A direct `/Length` (not a reference to another object), which readers believe before `endstream`. */
const DIRECT_LENGTH = /\/Length\s+(\d+)\b(?!\s+\d+\s+R)/;
/** How far back from `stream` a dictionary is looked for. */
const DICTIONARY_MAX_CHARS = 4096;

/**
 * How many bytes a PDF's Flate-compressed streams (images aside) expand to, by expanding them with
 * a ceiling, as for a DOCX. Returns a number above `limit` as soon as the total passes it. Streams
 * this cannot read (encrypted, other filters) are left to the parser, whose memory is watched.
 */
export function pdfExpandedSize(bytes: Uint8Array, limit = MAX_PDF_STREAM_BYTES): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let total = 0;
  for (const match of text.matchAll(STREAM_START)) {
    const dictionaryStart = text.lastIndexOf('obj', match.index);
    const dictionary = text.slice(Math.max(dictionaryStart, match.index - DICTIONARY_MAX_CHARS), match.index);
    if (!FLATE_FILTER.test(dictionary) || IMAGE.test(dictionary)) continue;
    const start = match.index + match[0].length;
    const length = Number(DIRECT_LENGTH.exec(dictionary)?.[1] ?? -1);
    const end = length >= 0 && start + length <= bytes.length ? start + length : text.indexOf('endstream', start);
    let data = bytes.subarray(start, end < 0 ? bytes.length : end);
    // The zlib header (deflate, a check that divides by 31); the checksum at the end is not checked, as PDF readers do not.
    if (data.length >= 2 && ((data[0] ?? 0) & 0x0f) === 8 && (((data[0] ?? 0) << 8) | (data[1] ?? 0)) % 31 === 0) data = data.subarray(2);
    // Data that is not deflate data is left to the parser, which refuses it.
    total += inflatedSize(data, limit - total, true) ?? 0;
    if (total > limit) return total;
  }
  return total;
}

const megabytes = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;

/** Refuses bytes that are not of the format named, or that would grow past the limits. */
export function checkContent(format: DocumentFormat, bytes: Uint8Array): void {
  const found = signatureOf(bytes);
  if (format === 'pdf') {
    // PDF.js finds a header within the first kilobyte, as readers do.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
    if (!head.includes('%PDF-')) refuse(found ? `not a PDF: the file is ${found}` : 'not a PDF (no PDF header)');
    if (pdfExpandedSize(bytes) > MAX_PDF_STREAM_BYTES) refuse(`the PDF's streams expand to more than ${megabytes(MAX_PDF_STREAM_BYTES)} (a decompression bomb?)`);
    return;
  }
  if (format === 'docx') {
    if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) refuse(found ? `not a DOCX: the file is ${found}` : 'not a DOCX (not a ZIP archive)');
    const expanded = zipExpandedSize(bytes);
    if (expanded > MAX_EXPANDED_BYTES) {
      refuse(`the DOCX expands to more than ${megabytes(MAX_EXPANDED_BYTES)} (a ZIP bomb?)`);
    }
    return;
  }
  // Text formats: Markdown, plain text, HTML.
  if (found) refuse(`not a text file: the file is ${found}`);
  if (!utf16(bytes) && bytes.subarray(0, 8192).includes(0)) refuse('not a text file (binary content)');
}

/** Refuses decoded text with a line too long to be prose. */
export function checkLines(text: string): void {
  let start = 0;
  while (start < text.length) {
    const next = text.indexOf('\n', start);
    const end = next < 0 ? text.length : next;
    if (end - start > MAX_LINE_CHARS) refuse(`a line of ${end - start} characters (limit ${MAX_LINE_CHARS}): not a text document`);
    start = end + 1;
  }
}
