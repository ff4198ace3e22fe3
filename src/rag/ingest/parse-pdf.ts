/**
 * PDF through unpdf (PDF.js). A PDF has no heading structure, so it is guessed from type sizes:
 * short lines set clearly larger than the body text are headings (the largest size is level 1).
 * Each page is at least one section; a heading path carries over to the next page. Lines are
 * joined into paragraphs (a wider gap between lines starts a new one), words hyphenated across a
 * line break are joined, and lone page numbers are dropped. The title is the PDF's Title, else the
 * first level-1 heading.
 */
import { extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import { ForumError } from '../../core/errors.ts';
import type { ParsedDocument, Section } from '../types.ts';
import { tableLines } from './layout.ts';
import { HeadingPath, normalizeText, pushSection } from './parse-text.ts';
import { type Box, CELL_GAP, cellsOf, type Line } from './pdf-lines.ts';
import { listTables } from './pdf-list-tables.ts';
import { alignSparseRows, joinWrappedRows } from './pdf-tables.ts';

/** A line at least this much larger than the body text is a heading. */
const HEADING_RATIO = 1.2;
const MAX_HEADING_CHARS = 120;
const MAX_HEADING_LEVEL = 4;
/** A gap between baselines wider than this many times the type size starts a new paragraph. */
const PARAGRAPH_GAP = 1.7;
const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
/** Cells no longer than this make a table even without figures (a list of names and roles). */
const SHORT_CELL_CHARS = 30;
/** A horizontal gap wider than this many times the type size separates two cells. */
const COLUMN_GAP = 1.5;

/** Lines from `start` that have the same number of cells (two or more): a table's rows. */
function tableRun(lines: Line[], start: number): Line[] {
  const width = cellsOf(lines[start] as Line).length;
  if (width < 2) return [];
  let end = start + 1;
  while (end < lines.length && cellsOf(lines[end] as Line).length === width) end++;
  if (end - start < 2) return [];
  // Two columns of prose set side by side are not a table: a table has a column of figures, or short cells.
  const rows = lines.slice(start, end).map(cellsOf);
  const figures = Array.from({ length: width }, (_, col) => rows.filter((r) => /\d/.test(r[col] ?? '')).length);
  const short = rows.every((r) => r.every((c) => c.length <= SHORT_CELL_CHARS));
  return short || figures.some((n) => n >= (rows.length - 1) * 0.6) ? lines.slice(start, end) : [];
}


/** Lines at a page's edges that repeat on this share of the pages (at least three) are running heads and feet. */
const RUNNING_SHARE = 0.4;
const RUNNING_MIN_PAGES = 3;
const RUNNING_MAX_CHARS = 80;
/** How many lines at each end of a page may be a running head or foot. */
const PAGE_EDGE_LINES = 2;

/**
 * Without the lines a document repeats at the top or the bottom of its pages: its symbol
 * ("A/80/39"), a page and job number ("6/31 25-09815"), a running title. Figures aside, the same
 * line on many pages says nothing of any of them (and its numbers count nothing).
 */
function withoutRunningLines(pages: Line[][]): Line[][] {
  const key = (line: Line): string => line.text.replace(/\d+/g, '#');
  // (A heading set larger than the text, "Part 2" at the top of its page, is no running line.)
  const body = bodySize(pages.flat());
  const edges = (lines: Line[]): Line[] => [...lines.slice(0, PAGE_EDGE_LINES), ...lines.slice(-PAGE_EDGE_LINES)].filter((l) => body === undefined || sizeKey(l.size) <= body);
  const counts = new Map<string, number>();
  for (const lines of pages) for (const k of new Set(edges(lines).filter((l) => l.text.length <= RUNNING_MAX_CHARS).map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const running = (line: Line): boolean => (counts.get(key(line)) ?? 0) >= Math.max(RUNNING_MIN_PAGES, RUNNING_SHARE * pages.length);
  return pages.map((lines) => {
    const edge = new Set(edges(lines));
    return lines.filter((line) => !(edge.has(line) && line.text.length <= RUNNING_MAX_CHARS && running(line)));
  });
}

/** The rule that sets a page's footnotes apart, and a footnote's number. */
const FOOTNOTE_RULE = /^_{5,}$/;
const FOOTNOTE = /^\d{1,3}\s+(?=\S)/;
export async function parsePdf(bytes: Uint8Array): Promise<ParsedDocument> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }).catch((error: unknown) => {
    const reason = error instanceof Error && error.name === 'PasswordException' ? 'password-protected PDF' : 'not a valid PDF';
    throw new ForumError('bad_request', reason, { cause: error });
  });
  try {
    const [{ items }, meta] = await Promise.all([extractTextItems(pdf), getMeta(pdf).catch(() => undefined)]);
    const pages = withoutRunningLines(items.map(toLines)).map((lines) => listTables(alignSparseRows(joinWrappedRows(lines))));
    const levels = headingLevels(pages.flat());
    const sections: Section[] = [];
    const path = new HeadingPath();
    let firstH1: string | undefined;
    for (const lines of pages) {
      let paragraphs: string[] = [];
      let current: string[] = [];
      let previous: Line | undefined;
      const endParagraph = (): void => {
        if (current.length > 0) paragraphs.push(joinLines(current));
        current = [];
      };
      const endSection = (): void => {
        endParagraph();
        pushSection(sections, path, paragraphs.join('\n\n'));
        paragraphs = [];
      };
      // Below a rule of underscores, a page's footnotes: each a paragraph, without its number ("5 United Nations, Treaty Series…"), which counts nothing.
      let notes = false;
      for (let i = 0; i < lines.length; i += 1) {
        const line = lines[i] as Line;
        if (FOOTNOTE_RULE.test(line.text)) {
          endParagraph();
          notes = true;
          previous = undefined;
          continue;
        }
        const note = notes ? FOOTNOTE.exec(line.text) : null;
        if (note) {
          endParagraph();
          current.push(line.text.slice(note[0].length));
          previous = line;
          continue;
        }
        // A table of lists of names, already read as rows.
        if (line.rows) {
          endParagraph();
          paragraphs.push(line.rows.join('\n'));
          previous = undefined;
          continue;
        }
        // Lines set in columns, several in a row: a table, kept as rows with their headers.
        const table = tableRun(lines, i);
        if (table.length > 0) {
          endParagraph();
          paragraphs.push(tableLines(table.map(cellsOf)).join('\n'));
          i += table.length - 1;
          previous = undefined;
          continue;
        }
        const plain = line.text.includes(CELL_GAP) ? { ...line, text: line.text.replaceAll(CELL_GAP, ' ') } : line;
        const level = levels.get(sizeKey(line.size));
        if (level !== undefined && isHeadingText(plain.text)) {
          // A heading set on two lines is one heading.
          let text = plain.text;
          while (lines[i + 1] && lines[i + 1]?.size === line.size && isHeadingText(lines[i + 1]?.text ?? '')) {
            text += ` ${lines[i + 1]?.text ?? ''}`;
            i += 1;
          }
          endSection();
          path.enter(level, text);
          if (level === 1) firstH1 ??= normalizeText(text);
          previous = undefined;
          continue;
        }
        if (previous && Math.abs(previous.y - line.y) > PARAGRAPH_GAP * Math.max(previous.size, line.size)) endParagraph();
        current.push(plain.text);
        previous = line;
      }
      endSection();
    }
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const title = typeof info.Title === 'string' ? normalizeText(info.Title).replace(/\s+/g, ' ') : '';
    return { format: 'pdf', title: title || firstH1 || undefined, sections, meta: {} };
  } finally {
    await pdf.destroy();
  }
}

/**
 * A space between two pieces of a line set apart by at least this many times the type size, when
 * neither holds it: PDF.js adds none between the runs of a right-to-left line.
 */
const WORD_GAP = 0.15;

/**
 * Arabic from a PDF whose lam-alef ligatures were read backwards (PDF.js turns a right-to-left
 * run around, and the two letters of a ligature with it): two alefs never follow each other in
 * Arabic, so "االقتصادية", "اإلسكوا", "إال" are "الاقتصادية", "الإسكوا", "إلا". Other "ال" that
 * were "لا" ("خالل" for "خلال") cannot be told from the article or a word's own letters: the
 * analysis reads both orders alike (`analyze.ts`).
 */
export function repairLamAlef(text: string): string {
  return text.replace(/([اأإآ])([اأإآ])ل/g, '$1ل$2');
}

export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  hasEOL: boolean;
  dir?: string;
}

/** A page's text items grouped into lines (an item ending a line, or a move to another baseline). */
export function toLines(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: { parts: string[]; y: number; size: number; chars: number; right: number; last?: Box; rtl: boolean; boxes: Box[]; open: boolean } | undefined;
  const end = (): void => {
    const joined = current ? current.parts.join('') : '';
    const text = current ? normalizeText(current.rtl ? repairLamAlef(joined) : joined).replace(/\s+/g, ' ').replace(/ ?\ue012 ?/g, CELL_GAP).replace(/^\ue012+|\ue012+$/g, '') : '';
    if (current && text && !PAGE_NUMBER.test(text)) {
      const filled = text.split(CELL_GAP).filter((c) => c.trim()).length;
      // (A right-to-left line's cells stand right to left: their boxes are not kept.)
      lines.push({ text, y: current.y, size: current.size, ...(filled === current.boxes.length && !current.rtl ? { boxes: current.boxes } : {}) });
    }
    current = undefined;
  };
  for (const item of items) {
    if (current && item.str && Math.abs(current.y - item.y) > 0.5 * Math.max(current.size, item.fontSize)) end();
    if (item.str) {
      const rtl = item.dir === 'rtl' || current?.rtl === true;
      const str = item.str;
      // A column gap: PDF.js reports it as a wide blank item, or as a jump to the right (to the left in a right-to-left line).
      const size = Math.max(current?.size ?? 0, item.fontSize);
      const gap = COLUMN_GAP * size;
      const blank = !str.trim();
      const apart = current?.last ? Math.max(item.x - current.last.right, current.last.left - (item.x + item.width)) : 0;
      const columns = current !== undefined && current.parts.length > 0 && (blank ? item.width > gap : (rtl ? apart : item.x - current.right) > gap);
      const spaced = !blank && !columns && apart > WORD_GAP * size && !/\s$/.test(current?.parts.at(-1) ?? ' ') && !/^\s/.test(str);
      current ??= { parts: [], y: item.y, size: 0, chars: 0, right: item.x, rtl: false, boxes: [], open: true };
      current.parts.push(columns && blank ? CELL_GAP : spaced ? ` ${str}` : str);
      if (columns && !blank) current.parts.splice(-1, 0, CELL_GAP);
      current.right = Math.max(current.right, item.x + item.width);
      if (!blank) current.last = { left: item.x, right: item.x + item.width };
      if (item.dir === 'rtl') current.rtl = true;
      if (columns) current.open = true;
      if (!blank) {
        const box = current.boxes.at(-1);
        if (current.open || !box) current.boxes.push({ left: item.x, right: item.x + item.width });
        else box.right = item.x + item.width;
        current.open = false;
      }
      // The line's size is the size most of its characters are set in.
      if (item.str.trim().length > current.chars) {
        current.size = item.fontSize;
        current.chars = item.str.trim().length;
      }
    }
    if (item.hasEOL) end();
  }
  end();
  return lines;
}

/** Type sizes used for headings, largest first, mapped to levels 1..4; none if the guess is unsafe. */
function headingLevels(lines: Line[]): Map<number, number> {
  const body = bodySize(lines);
  if (body === undefined) return new Map();
  const candidates = lines.filter((l) => sizeKey(l.size) >= body * HEADING_RATIO && isHeadingText(l.text));
  // Mostly large type (slides, posters): sizes say nothing about structure.
  if (candidates.length === 0 || candidates.length > lines.length / 3) return new Map();
  const sizes = [...new Set(candidates.map((l) => sizeKey(l.size)))].sort((a, b) => b - a);
  return new Map(sizes.map((size, i) => [size, Math.min(i + 1, MAX_HEADING_LEVEL)]));
}

/** The size most of the text is set in. */
function bodySize(lines: Line[]): number | undefined {
  const charsBySize = new Map<number, number>();
  for (const line of lines) charsBySize.set(sizeKey(line.size), (charsBySize.get(sizeKey(line.size)) ?? 0) + line.text.length);
  return [...charsBySize.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function sizeKey(size: number): number {
  return Math.round(size * 2) / 2;
}

function isHeadingText(text: string): boolean {
  return text.length <= MAX_HEADING_CHARS && /\p{L}/u.test(text);
}

/** Lines of one paragraph as running text; "assis-" + "tance" is "assistance". */
function joinLines(lines: string[]): string {
  return lines
    .join('\n')
    .replace(/(\p{L})[-\u2010]\n(?=\p{Ll})/gu, '$1')
    .replace(/\n/g, ' ');
}
