/**
 * Cuts a parsed document into passages for the index. A passage never spans two sections; inside
 * a section LangChain's RecursiveCharacterTextSplitter cuts at paragraphs first, then at sentence
 * ends, then at clause ends (`;`), then between words, so sentences stay whole whenever they fit.
 *
 * The splitter keeps a separator at the start of the piece that follows it, which would move a
 * sentence's full stop into the next passage. So sentence and clause ends are first marked with a
 * private-use character placed after the punctuation and its space; the splitter cuts at the
 * marks, and the marks are removed afterwards.
 */
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { ForumError } from '../../core/errors.ts';
import type { ParsedDocument } from '../types.ts';
import { isRowLine } from './layout.ts';
import { MAX_PASSAGES_PER_DOCUMENT } from './limits.ts';
import { stopsNoSentence } from '../units.ts';

export interface ChunkOptions {
  /** Longest passage, in characters (default 1000). */
  maxChars?: number;
  /** Characters repeated from the end of one passage at the start of the next (default 150). */
  overlapChars?: number;
}

export interface TextChunk {
  /** The section's heading path joined with " › ", or the document's title. */
  heading: string;
  text: string;
}

export const DEFAULT_MAX_CHARS = 1000;
export const DEFAULT_OVERLAP_CHARS = 150;
/**
 * Passages with fewer non-space characters than this (a stray heading, a page number) are dropped.
 * A Chinese or Japanese character says about as much as a short word, so it counts three.
 */
export const MIN_CHUNK_CHARS = 20;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;
export const HEADING_SEPARATOR = ' › ';

const SENTENCE = '\ue010';
const CLAUSE = '\ue011';
const MARKS = /[\ue010\ue011]/g;

/** Full stop, question and exclamation marks (Latin, Arabic, CJK), with closing quotes/brackets. */
const SENTENCE_END = /([.?!…؟](?:["'”’»)\]]*))([ \n])(?=\S)/g;
const CJK_SENTENCE_END = /([。！？](?:[」』”’）]*))(?=[^\s\ue010])/g;
const CLAUSE_END = /([;；])( ?)(?=[^\s\ue011])/g;

const splitters = new Map<string, RecursiveCharacterTextSplitter>();

function splitterFor(maxChars: number, overlapChars: number): RecursiveCharacterTextSplitter {
  const key = `${maxChars}:${overlapChars}`;
  let splitter = splitters.get(key);
  if (!splitter) {
    splitter = new RecursiveCharacterTextSplitter({
      chunkSize: maxChars,
      chunkOverlap: overlapChars,
      keepSeparator: true,
      separators: ['\n\n', SENTENCE, '\n', CLAUSE, ' ', ''],
    });
    splitters.set(key, splitter);
  }
  return splitter;
}

/** What is read before a full stop to tell an abbreviation or an item's number. */
const LOOK_BACK_CHARS = 24;

/** Where the table rows of a text are (start and end offsets of their lines). */
function rowSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (isRowLine(line.replace(MARKS, '').trim())) spans.push([at, at + line.length]);
    at += line.length + 1;
  }
  return spans;
}

/** Sentence and clause ends marked, except inside a table row: a row is one unit ("Canada. — Sector: …; Code: 710"). */
function markBoundaries(text: string): string {
  const rows = rowSpans(text);
  // A mark inside a row (not at its line's end) is left out.
  const inRow = (offset: number, length: number): boolean => rows.some(([start, end]) => offset >= start && offset + length < end);
  const sentences = text.replace(SENTENCE_END, (match: string, end: string, space: string, offset: number) =>
    // Not after "M.", "Dr.", an initial or a paragraph's number ("19. The budget…").
    inRow(offset, end.length) || stopsNoSentence(text.slice(Math.max(0, offset + end.length - LOOK_BACK_CHARS), offset + end.length)) ? match : `${end}${space}${SENTENCE}`,
  );
  const marked = sentences.replace(CJK_SENTENCE_END, `$1${SENTENCE}`);
  const clauseRows = rowSpans(marked);
  return marked.replace(CLAUSE_END, (match: string, end: string, space: string, offset: number) =>
    clauseRows.some(([start, stop]) => offset >= start && offset + end.length < stop) ? match : `${end}${space}${CLAUSE}`,
  );
}

/** The passages of a document, in order. Asynchronous because LangChain's splitter is. */
export async function chunkDocument(doc: ParsedDocument, options: ChunkOptions = {}): Promise<TextChunk[]> {
  const maxChars = Math.max(50, Math.floor(options.maxChars ?? DEFAULT_MAX_CHARS));
  const overlapChars = Math.min(Math.max(0, Math.floor(options.overlapChars ?? DEFAULT_OVERLAP_CHARS)), Math.floor(maxChars / 2));
  const splitter = splitterFor(maxChars, overlapChars);
  const chunks: TextChunk[] = [];
  for (const section of doc.sections) {
    const heading = section.headings.length > 0 ? section.headings.join(HEADING_SEPARATOR) : (doc.title ?? '');
    const text = section.text.trim();
    if (!text) continue;
    // Short sections (most of them) need no splitting.
    const pieces = text.length <= maxChars ? [text] : await splitter.splitText(markBoundaries(text));
    for (const piece of pieces) {
      const clean = piece.replace(MARKS, '').trim();
      if (weight(clean) >= MIN_CHUNK_CHARS) chunks.push({ heading, text: clean });
    }
    if (chunks.length > MAX_PASSAGES_PER_DOCUMENT) {
      throw new ForumError('bad_request', `too long: more than ${MAX_PASSAGES_PER_DOCUMENT} passages in one document (split it into several files)`);
    }
  }
  return chunks;
}

function weight(text: string): number {
  const visible = text.replace(/\s/g, '').length;
  return visible + 2 * (text.match(CJK)?.length ?? 0);
}
