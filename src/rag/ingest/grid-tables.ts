/**
 * Grid tables, as pandoc writes a Word document's tables into Markdown: borders of `+---+---+`
 * (`+===+` under the header), each row's cells between `|` at the border's `+` columns, a cell's
 * text wrapped over several lines and often holding a list ("-   item"). Read as rows of cells,
 * each cell's lines joined, its list items kept apart by "; ", each row a paragraph.
 */
import { rowLine, tableLines } from './layout.ts';

const BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/;
const CONTENT = /^\s*\|.*\|\s*$/;
const LIST_MARK = /^(?:[-*+•]|\d{1,3}[.)])\s+/;

/** Whether a grid table starts at this line. */
export function isGridBorder(line: string): boolean {
  return BORDER.test(line);
}

/** One cell's lines as its text: wrapped lines joined, list items apart. */
function cellText(lines: string[], clean: (line: string) => string): string {
  const items: string[] = [];
  for (const raw of lines) {
    // (A backslash ending a line is pandoc's hard line break.)
    const line = raw.trim().replace(/\\$/, '');
    if (!line) continue;
    if (LIST_MARK.test(line) || items.length === 0) items.push(line.replace(LIST_MARK, ''));
    else items[items.length - 1] = `${items[items.length - 1]} ${line}`;
  }
  // Items joined by "; ", but after a line that opens them ("… similaires :").
  return items
    .map((item) => clean(item).trim())
    .filter(Boolean)
    .reduce((text, item) => (text === '' ? item : /[:：]$/.test(text) ? `${text} ${item}` : `${text}; ${item}`), '');
}

/**
 * The grid table starting at `start` as row lines (with its header's names when a `+===+` border
 * sets a header apart), and the index of the first line after it; undefined when the lines there
 * are no grid table of two rows or more.
 */
export function gridTable(lines: string[], start: number, clean: (line: string) => string): { lines: string[]; end: number } | undefined {
  const top = lines[start] ?? '';
  if (!BORDER.test(top)) return undefined;
  const cuts = [...top.matchAll(/\+/g)].map((m) => m.index);
  const columns = cuts.length - 1;
  const rows: string[][] = [];
  let headerRows = 0;
  let cells: string[][] = Array.from({ length: columns }, () => []);
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (BORDER.test(line)) {
      const row = cells.map((c) => cellText(c, clean));
      if (row.some(Boolean)) rows.push(row);
      cells = Array.from({ length: columns }, () => []);
      if (line.includes('=')) headerRows = rows.length;
      continue;
    }
    if (!CONTENT.test(line)) break;
    for (let k = 0; k < columns; k++) cells[k]?.push(line.slice((cuts[k] ?? 0) + 1, cuts[k + 1]).replace(/^\|/, ''));
  }
  if (rows.length < 2) return undefined;
  const header = headerRows === 1 ? rows[0] : undefined;
  // A row whose other cells are empty is its first cell's text (a heading inside the table, an item of a checklist).
  const line = (r: string[]): string => (r.slice(1).some(Boolean) ? rowLine(header, r) : (r[0] ?? ''));
  const out = header ? rows.slice(1).map(line) : tableLines(rows);
  // Each row a paragraph of its own: a cell's text may end like no sentence, and must not run into the next row.
  return { lines: out.flatMap((l) => [l, '']), end: i };
}
