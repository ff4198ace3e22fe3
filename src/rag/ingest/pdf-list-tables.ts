/**
 * A table whose cells hold lists of names (countries by region and by the status of their
 * evaluation), as PDF.js gives it back: the header's cells on one line, then the body column by
 * column — a row's label ("Africa") with the first name of each list on its baseline, and the
 * other names on lines of their own below, each at its column's place. The rows are rebuilt from
 * the labels' baselines, the columns from the header cells' places, and a name wrapped over two
 * lines ("Democratic" / "Republic of" / "the Congo") from the gap between lines, wider between two
 * names than inside one: "Africa — 2023 Completed: Democratic Republic of the Congo, Djibouti, …".
 */
import { rowLine } from './layout.ts';
import { type Box, cellsOf, type Line } from './pdf-lines.ts';
import { LABEL_GOES_ON } from './pdf-tables.ts';

/** A header cell, and a cell of the body, is at most this long (names, not sentences). */
const CELL_MAX_CHARS = 40;
/** A header has at least this many columns, and the table at least this many rows. */
const MIN_COLUMNS = 3;
const MIN_ROWS = 2;
/** Two lines of one name are at most this many type sizes apart (between two names, more). */
const NAME_LINE_GAP = 1.5;
/** How far from its column's left edge a cell may start (points). */
const ALIGN_SLACK = 6;
const YEAR = /^(?:19|20)\d{2}$/;

interface Cell {
  text: string;
  box: Box;
  y: number;
  size: number;
}

const cellsWithBoxes = (line: Line): Cell[] =>
  line.boxes && cellsOf(line).filter(Boolean).length === line.boxes.length
    ? cellsOf(line)
        .filter(Boolean)
        .map((text, k) => ({ text, box: line.boxes?.[k] as Box, y: line.y, size: line.size }))
    : [];

/** The table starting at a header line `h`, as row lines, and how many lines it took; undefined where there is none. */
function listTable(lines: Line[], h: number): { rows: string[]; end: number; start: number } | undefined {
  const header = cellsWithBoxes(lines[h] as Line);
  if (header.length < MIN_COLUMNS || header.some((c) => c.text.length > CELL_MAX_CHARS || !/\p{L}/u.test(c.text))) return undefined;
  const columns = header.map((c) => ({ left: c.box.left, right: c.box.right, name: c.text }));
  const size = (lines[h] as Line).size;
  // Header cells set on their own lines beside it ("Cancelled/" above "postponed"), right of its last column.
  let end = h + 1;
  const extra: Cell[] = [];
  for (; end < lines.length; end++) {
    const cells = cellsWithBoxes(lines[end] as Line);
    if (cells.length !== 1 || Math.abs((lines[end] as Line).y - (lines[h] as Line).y) > 1.5 * size || (cells[0]?.box.left ?? 0) <= (columns.at(-1)?.left ?? 0)) break;
    extra.push(...cells);
  }
  if (extra.length > 0) columns.push({ left: Math.min(...extra.map((c) => c.box.left)), right: Math.max(...extra.map((c) => c.box.right)), name: extra.sort((a, b) => b.y - a.y).map((c) => c.text).join(' ') });
  // Years above the header name the columns they stand over ("2023" over "Completed", "Cancelled").
  const above = h > 0 ? cellsWithBoxes(lines[h - 1] as Line) : [];
  const groups = above.length > 0 && above.every((c) => YEAR.test(c.text)) ? above : [];
  const spans = groupSpans(groups, columns.slice(1));
  const named = columns.map((col, k) => (k === 0 || spans.length === 0 ? col.name : `${spans[k - 1] ?? ''} ${col.name}`.trim()));
  // The body: lines of short cells, none left of the first column.
  const body: Cell[] = [];
  let last = end;
  for (; last < lines.length; last++) {
    const cells = cellsWithBoxes(lines[last] as Line);
    if (cells.length === 0 || cells.some((c) => c.text.length > CELL_MAX_CHARS || c.box.left < (columns[0]?.left ?? 0) - ALIGN_SLACK)) break;
    body.push(...cells);
  }
  const columnOf = (c: Cell): number => columns.reduce((best, col, k) => (c.box.left >= col.left - ALIGN_SLACK ? k : best), -1);
  // Rows start at the labels of the first column, top to bottom; a label ending on "and", "the", "de"… goes on on the next line.
  const labels: Cell[] = [];
  for (const c of body.filter((cell) => columnOf(cell) === 0).sort((a, b) => b.y - a.y)) {
    const previous = labels.at(-1);
    if (previous && LABEL_GOES_ON.test(previous.text) && previous.y - c.y <= NAME_LINE_GAP * c.size) labels[labels.length - 1] = { ...previous, text: `${previous.text} ${c.text}` };
    else labels.push(c);
  }
  if (labels.length < MIN_ROWS) return undefined;
  const rows = labels.map((label) => ({ label, lists: columns.map(() => [] as Cell[]) }));
  for (const cell of body) {
    const k = columnOf(cell);
    if (k <= 0) continue;
    const row = [...rows].reverse().find((r) => r.label.y >= cell.y - 1);
    row?.lists[k]?.push(cell);
  }
  // A table of figures is read elsewhere; this one is of names, in lists (a column holds several).
  if (!rows.some((r) => r.lists.some((l) => l.length > 1)) || body.some((c) => /^[\d\s.,%()-]+$/.test(c.text))) return undefined;
  const names = (cells: Cell[]): string => {
    const sorted = cells.sort((a, b) => b.y - a.y);
    const out: string[] = [];
    sorted.forEach((c, k) => {
      const previous = sorted[k - 1];
      if (previous && previous.y - c.y <= NAME_LINE_GAP * c.size) out[out.length - 1] = `${out[out.length - 1] ?? ''} ${c.text}`;
      else out.push(c.text);
    });
    return out.join(', ');
  };
  const lines_ = rows.map((r) => rowLine(named, [r.label.text, ...r.lists.slice(1).map(names)]));
  return { rows: lines_, start: h, end: last };
}

/**
 * The year each column stands under, when years head groups of columns ("2023" over two, "2024"
 * over three): the split of the columns, in order, into one run per year that best centres each
 * year over its run.
 */
function groupSpans(groups: Cell[], columns: { left: number; right: number }[]): string[] {
  if (groups.length === 0 || groups.length > columns.length) return [];
  const ordered = [...groups].sort((a, b) => a.box.left - b.box.left);
  let best: { cost: number; cuts: number[] } | undefined;
  const search = (from: number, g: number, cuts: number[], cost: number): void => {
    const group = ordered[g] as Cell;
    const centre = (group.box.left + group.box.right) / 2;
    const last = g === ordered.length - 1;
    for (let to = last ? columns.length - 1 : from; to <= columns.length - (ordered.length - g); to++) {
      const run = ((columns[from]?.left ?? 0) + (columns[to]?.right ?? 0)) / 2;
      const next = cost + Math.abs(run - centre);
      if (last) {
        if (!best || next < best.cost) best = { cost: next, cuts: [...cuts, to] };
      } else search(to + 1, g + 1, [...cuts, to], next);
    }
  };
  search(0, 0, [], 0);
  const cuts = best?.cuts ?? [];
  return columns.map((_, k) => ordered[cuts.findIndex((cut) => k <= cut)]?.text ?? '');
}

/** The lines with each such table replaced by one line holding its rows. */
export function listTables(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const table = listTable(lines, i);
    if (!table) {
      out.push(lines[i] as Line);
      continue;
    }
    // (The years above the header were a line of their own.)
    if (i > 0 && cellsWithBoxes(lines[i - 1] as Line).every((c) => YEAR.test(c.text)) && out.length > 0) out.pop();
    out.push({ ...(lines[i] as Line), text: '', rows: table.rows, boxes: undefined });
    i = table.end - 1;
  }
  return out;
}
