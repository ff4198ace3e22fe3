/**
 * Tables given one cell per line, as copying a table out of a PDF or a word processor often gives
 * them: with a blank line between rows (`cellPerLineTable`), or with nothing between them — what
 * a word processor's "save as text" writes (`denseCellTable`): the column headers ("Country",
 * "Crafts", …, "Average"), then each row's label and its figures ("Ghana", "23.2", …), the
 * header's cells as many as each row's, the header ending where the first figure's label stands.
 * Also what makes a line of cells a header.
 */
import { groupsFrom } from './records.ts';

/** Cells longer than this are prose, not a table. */
export const MAX_CELL_CHARS = 250;
/** A header cell is a short label without figures. */
const MAX_HEADER_CHARS = 80;

/** A cell with its runs of spaces and tabs made one space. */
export function clean(cell: string): string {
  return cell.replace(/[\t\p{Zs}]+/gu, ' ').trim();
}

/** Dates and years, which a header may hold ("received at 1.3.52", "2014-2015", "FY2019"). */
const HEADER_DATES = /\d{1,2}[./]\d{1,2}[./]\d{2,4}|(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?/g;

/** What a header says of its column's figures: their scale or unit in brackets ("(/100)", "(US$ 000)") or out of what ("/100"). */
const HEADER_SCALE = /\([^)]*\)|\[[^\]]*\]|\/\s?\d+(?!\S)/g;

/**
 * A header row: every cell a short label, none of them holding a figure other than a date, a year
 * or its column's scale ("£360 p.a." is a value; "Nominations received at 1.3.52", "2019" and
 * "Average score (/100)" are labels).
 */
export function looksLikeHeader(cells: string[]): boolean {
  return cells.every((c) => c.length <= MAX_HEADER_CHARS && !/\d/.test(c.replace(/^N[°o]\.?$/i, '').replace(HEADER_DATES, '').replace(HEADER_SCALE, '')));
}

/**
 * One cell per line, rows separated by blank lines: at least three groups of the same size (two
 * cells or more), short cells, and at least one column of figures or dates in most rows. The
 * first group may begin with the sentence that introduces the table: its last lines are the header.
 */
export function cellPerLineTable(lines: string[], start: number): { prose: string[]; rows: string[][]; end: number } | undefined {
  const groups = groupsFrom(lines, start);
  const first = groups[0];
  const second = groups[1];
  if (!first || first.start !== start || !second) return undefined;
  const size = second.lines.length;
  if (size < 2 || first.lines.length < size) return undefined;
  const run = [second];
  for (const g of groups.slice(2)) {
    if (g.lines.length !== size) break;
    run.push(g);
  }
  const headerLines = first.lines.slice(first.lines.length - size);
  const prose = first.lines.slice(0, first.lines.length - size);
  const cells = run.map((g) => g.lines.map(clean));
  const hasHeader = looksLikeHeader(headerLines.map(clean));
  const rows = hasHeader ? cells : [headerLines.map(clean), ...cells];
  if (rows.length < 3 || rows.some((r) => r.some((c) => c.length > MAX_CELL_CHARS))) return undefined;
  // Prose paragraphs of equal length do not make a table: one column must hold figures.
  const figures = Array.from({ length: size }, (_, col) => rows.filter((r) => /\d/.test(r[col] ?? '')).length);
  if (!figures.some((n) => n >= rows.length * 0.6)) return undefined;
  // Tab-indented cells are a table by their look; otherwise most cells must be short.
  const indented = run.every((g) => g.lines.every((l) => /^\t/.test(l)));
  const short = rows.flat().filter((c) => c.length <= 60).length / rows.flat().length;
  if (!indented && short < 0.7) return undefined;
  return { prose, rows: hasHeader ? [headerLines, ...rows] : rows, end: (run.at(-1) as { end: number }).end };
}

/** A cell that is a figure: a number (signed, or in brackets as a negative one), a share, a dash or "n/a" for an empty one. */
export const FIGURE_CELL = /^(?:[-+−]?\(?\d[\d\s.,\u00a0\u202f]*\)?\s?%?|[–—-]|n\/?a)$/iu;
/** A row's label or a header: a few words. */
const LABEL_CELL = /^(?=.*\p{L}).{1,60}$/u;
/** A table has at least this many columns, and at most this many. */
const MIN_COLUMNS = 3;
const MAX_COLUMNS = 14;
/** …and at least this many rows under its header. */
const MIN_ROWS = 2;

const cell = (line: string | undefined): string => clean(line ?? '');
const isFigure = (line: string | undefined): boolean => FIGURE_CELL.test(cell(line));
const isLabel = (line: string | undefined): boolean => LABEL_CELL.test(cell(line)) && !isFigure(line);

/** The table whose header starts at `h`, read up to `end` (exclusive; `first`: the first figure from `h`), or undefined. */
function tableAt(lines: string[], h: number, first: number, end: number): { rows: string[][]; end: number } | undefined {
  const columns = first - 1 - h;
  if (first >= end || columns < MIN_COLUMNS || columns > MAX_COLUMNS) return undefined;
  const header = lines.slice(h, h + columns);
  if (!header.every(isLabel)) return undefined;
  const rows: string[][] = [header.map(cell)];
  let r = h + columns;
  while (r + columns <= end && isLabel(lines[r]) && lines.slice(r + 1, r + columns).every(isFigure)) {
    rows.push(lines.slice(r, r + columns).map(cell));
    r += columns;
  }
  return rows.length - 1 >= MIN_ROWS ? { rows, end: r } : undefined;
}

/**
 * A table of cells one per line in the group of lines that starts at `start` (up to a blank
 * line): the prose before it, its rows (the header first) and where it ends.
 */
export function denseCellTable(lines: string[], start: number): { prose: string[]; rows: string[][]; end: number } | undefined {
  let end = start;
  while (end < lines.length && cell(lines[end]) !== '') end++;
  // Where the next figure stands, from each line of the group (one pass from its end).
  const nextFigure = new Array<number>(end - start + 1).fill(end);
  for (let k = end - 1; k >= start; k--) nextFigure[k - start] = isFigure(lines[k]) ? k : (nextFigure[k - start + 1] as number);
  for (let h = start; h < end; h++) {
    if (!isLabel(lines[h])) continue;
    const table = tableAt(lines, h, nextFigure[h - start] as number, end);
    if (table) return { prose: lines.slice(start, h), rows: table.rows, end: table.end };
  }
  return undefined;
}
