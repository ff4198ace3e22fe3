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

interface Line {
  text: string;
  y: number;
  size: number;
  /** Where each cell of the line stands, left to right (when each could be told). */
  boxes?: Box[];
}

interface Box {
  left: number;
  right: number;
}

/** A line at least this much larger than the body text is a heading. */
const HEADING_RATIO = 1.2;
const MAX_HEADING_CHARS = 120;
const MAX_HEADING_LEVEL = 4;
/** A gap between baselines wider than this many times the type size starts a new paragraph. */
const PARAGRAPH_GAP = 1.7;
const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
/** Marks a gap between two items of one line wide enough to be a column gap (a table's cells). */
const CELL_GAP = '\ue012';
/** Cells no longer than this make a table even without figures (a list of names and roles). */
const SHORT_CELL_CHARS = 30;
/** A horizontal gap wider than this many times the type size separates two cells. */
const COLUMN_GAP = 1.5;

function cellsOf(line: Line): string[] {
  return line.text.split(CELL_GAP).map((c) => c.trim());
}

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

/** A cell that is a figure, a dash for none, or empty ("13.77", "1 538.0", "—", "(2.1)", "75%"). */
const FIGURE_CELL = /^(?:[-–—]|\(?[\d][\d\s.,\u00a0\u202f]*\)?\s?%?)$/u;
const YEAR_CELL = /^(?:19|20)\d{2}(?:\s?[-–/]\s?(?:19|20)?\d{2})?\*?$/;
const WRAPPED_LABEL_MAX_CHARS = 120;

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

/**
 * Rows of a table in which some cells are empty ("Denmark  218.8" under "Donor  2023  2024  2024
 * in-kind"): each figure is put under the column of the line above that it stands under (the
 * header's cell it overlaps, else the nearest), and the empty cells are kept, so the row lines up
 * with its header ("Denmark — 2023: 218.8") instead of reading its figures from the left.
 */
function alignSparseRows(lines: Line[]): Line[] {
  const out = lines.slice();
  for (let i = 0; i < out.length; i++) {
    const header = out[i] as Line;
    const columns = cellsOf(header);
    if (!header.boxes || columns.length < 3) continue;
    const filled = columns.flatMap((c, k) => (c ? [k] : []));
    for (let j = i + 1; j < out.length; j++) {
      const row = out[j] as Line;
      const cells = cellsOf(row);
      if (cells.length === columns.length) continue;
      const [label = '', ...figures] = cells;
      if (!row.boxes || cells.length < 2 || cells.length > columns.length || !/\p{L}/u.test(label) || !figures.every((c) => FIGURE_CELL.test(c))) break;
      const placed = columns.map((_, k) => (k === 0 ? label : ''));
      const fits = figures.every((cell, k) => {
        const box = row.boxes?.[k + 1] as Box;
        let best = -1;
        let bestScore = -Infinity;
        filled.forEach((col, m) => {
          const under = header.boxes?.[m];
          if (col === 0 || !under) return;
          const overlap = Math.min(box.right, under.right) - Math.max(box.left, under.left);
          const score = overlap > 0 ? overlap : -Math.abs(box.left + box.right - under.left - under.right);
          if (score > bestScore) [best, bestScore] = [col, score];
        });
        if (best < 1 || placed[best]) return false;
        placed[best] = cell;
        return true;
      });
      if (!fits) break;
      out[j] = { ...row, text: placed.join(CELL_GAP), boxes: undefined };
    }
  }
  return out;
}

/** The rule that sets a page's footnotes apart, and a footnote's number. */
const FOOTNOTE_RULE = /^_{5,}$/;
const FOOTNOTE = /^\d{1,3}\s+(?=\S)/;
/** A line ending on a word that ends no label ("…Scientific and") goes on on the next. */
const LABEL_GOES_ON = /(?:^|\s)(?:and|of|for|the|on|in|to|de|des|du|la|le|les|et|y|del|los|las|en|para|и|в|на|для|по)$/iu;
/** A label set in a narrow column runs over this many lines at most. */
const WRAPPED_LABEL_LINES = 8;

/**
 * A table of figures by year set in a PDF as a header of years and rows of a label and figures,
 * where the label column is narrow: the label comes first, word after word on lines of its own,
 * then its figures on the baseline of the label's first line ("Independent" / "Evaluation" /
 * "Office" / "expenditures", then "8.7 10.9 11.2 …"). The label's lines and the figures become one
 * line; and the header, which has no cell above the labels, gets an empty one, so that the rows
 * line up under it.
 */
function joinWrappedRows(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const figures = cellsOf(line);
    const isFigures = figures.length >= 2 && figures.every((c) => FIGURE_CELL.test(c)) && !figures.every((c) => YEAR_CELL.test(c));
    let first = -1;
    for (let k = out.length - 1; isFigures && k >= 0 && k >= out.length - WRAPPED_LABEL_LINES; k--) {
      const above = out[k] as Line;
      if (cellsOf(above).length !== 1 || !/\p{L}/u.test(above.text) || above.text.length > WRAPPED_LABEL_MAX_CHARS) break;
      if (Math.abs(above.y - line.y) < 0.5 * line.size) first = k;
    }
    if (first < 0) {
      out.push(line);
      continue;
    }
    const labelLines = out.splice(first);
    const label = labelLines.map((l) => l.text).join(' ');
    const labelBox = labelLines.every((l) => l.boxes?.length === 1) ? { left: Math.min(...labelLines.map((l) => l.boxes?.[0]?.left ?? 0)), right: Math.max(...labelLines.map((l) => l.boxes?.[0]?.right ?? 0)) } : undefined;
    out.push({ ...line, text: `${label}${CELL_GAP}${line.text}`, ...(labelBox && line.boxes ? { boxes: [labelBox, ...line.boxes] } : { boxes: undefined }) });
  }
  // A label wrapped the other way: its first line alone, the rest of it on the line of its figures ("Office of the United Nations High Commissioner" / "for Refugees  20.0").
  for (let i = out.length - 1; i > 0; i--) {
    const line = out[i] as Line;
    const above = out[i - 1] as Line;
    const [head, ...figures] = cellsOf(line);
    const continues = head !== undefined && (/^\p{Ll}/u.test(head) || LABEL_GOES_ON.test(above.text)) && figures.length > 0 && figures.every((c) => FIGURE_CELL.test(c));
    if (!continues || cellsOf(above).length !== 1 || /\d$|[.:;]$/.test(above.text) || Math.abs(above.y - line.y) > 2 * line.size) continue;
    const boxes = line.boxes && above.boxes ? [{ left: Math.min(above.boxes[0]?.left ?? 0, line.boxes[0]?.left ?? 0), right: Math.max(above.boxes[0]?.right ?? 0, line.boxes[0]?.right ?? 0) }, ...line.boxes.slice(1)] : undefined;
    out.splice(i - 1, 2, { ...line, text: `${above.text} ${line.text}`, ...(boxes ? { boxes } : { boxes: undefined }) });
  }
  // A header of years one cell short of the rows below it stands over their figures, not their labels.
  return out.map((line, i) => {
    const cells = cellsOf(line);
    const below = out[i + 1] ? cellsOf(out[i + 1] as Line) : [];
    return cells.length >= 2 && cells.every((c) => YEAR_CELL.test(c)) && below.length === cells.length + 1 && below.slice(1).every((c) => FIGURE_CELL.test(c)) ? { ...line, text: `${CELL_GAP}${line.text}` } : line;
  });
}

export async function parsePdf(bytes: Uint8Array): Promise<ParsedDocument> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }).catch((error: unknown) => {
    const reason = error instanceof Error && error.name === 'PasswordException' ? 'password-protected PDF' : 'not a valid PDF';
    throw new ForumError('bad_request', reason, { cause: error });
  });
  try {
    const [{ items }, meta] = await Promise.all([extractTextItems(pdf), getMeta(pdf).catch(() => undefined)]);
    const pages = withoutRunningLines(items.map(toLines)).map((lines) => alignSparseRows(joinWrappedRows(lines)));
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
        pushSection(sections, path.headings, paragraphs.join('\n\n'));
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

/** A page's text items grouped into lines (an item ending a line, or a move to another baseline). */
function toLines(items: { str: string; x: number; y: number; width: number; fontSize: number; hasEOL: boolean }[]): Line[] {
  const lines: Line[] = [];
  let current: { parts: string[]; y: number; size: number; chars: number; right: number; boxes: Box[]; open: boolean } | undefined;
  const end = (): void => {
    const text = current ? normalizeText(current.parts.join('')).replace(/\s+/g, ' ').replace(/ ?\ue012 ?/g, CELL_GAP).replace(/^\ue012+|\ue012+$/g, '') : '';
    if (current && text && !PAGE_NUMBER.test(text)) {
      const filled = text.split(CELL_GAP).filter((c) => c.trim()).length;
      lines.push({ text, y: current.y, size: current.size, ...(filled === current.boxes.length ? { boxes: current.boxes } : {}) });
    }
    current = undefined;
  };
  for (const item of items) {
    if (current && item.str && Math.abs(current.y - item.y) > 0.5 * Math.max(current.size, item.fontSize)) end();
    if (item.str) {
      // A column gap: PDF.js reports it as a wide blank item, or as a jump to the right.
      const gap = COLUMN_GAP * Math.max(current?.size ?? 0, item.fontSize);
      const blank = !item.str.trim();
      const columns = current !== undefined && current.parts.length > 0 && (blank ? item.width > gap : item.x - current.right > gap);
      current ??= { parts: [], y: item.y, size: 0, chars: 0, right: item.x, boxes: [], open: true };
      current.parts.push(columns && blank ? CELL_GAP : item.str);
      if (columns && !blank) current.parts.splice(-1, 0, CELL_GAP);
      current.right = Math.max(current.right, item.x + item.width);
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
