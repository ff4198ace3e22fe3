/**
 * Tables whose records end with a run of figures or dates, one cell per line and each cell
 * wrapped over several lines — what a table of grants, projects or activities with long text
 * columns and its figures in the last columns becomes when copied out of a PDF:
 *
 *   REGION / COUNTRY AND GRANT TITLE / START DATE / GRANT AMOUNT   ← the header, a line per column
 *   Burundi: Tackling                                               ← a record: its title…
 *   Climate Drivers of Fragility
 *   TF0C4644
 *   Define investment priorities for tackling drivers of …          ← …its text…
 *   April                                                           ← …then its figures and dates
 *   2024
 *   $200,000
 *   Ethiopia: Enabling …                                            ← the next record
 *
 * Read as prose, each record's figures would run into the next record's title ("April 2024
 * $200,000 Ethiopia: Enabling…"), and a question about the grant would be answered with the
 * previous one's amount. Each record becomes a row line instead — its title as the label, then its
 * figures and dates, named by the header's columns of dates and amounts where the header names
 * them — followed by the record's text as a line of prose. A page break's repeated header, running
 * title and page number are left out.
 */
import { findSpans } from '../entities.ts';
import { AMOUNT_COLUMN, COUNT_COLUMN, DATE_COLUMN } from '../kind-headers.ts';
import { ENDS_ON_FUNCTION_WORD, ENDS_SENTENCE, joined, normal } from './records.ts';

export interface ClosedTable {
  /** The first line of the table (its header, or its first record). */
  start: number;
  /** The line after the table's last figure. */
  end: number;
  /** The header's columns that hold no figure (the record's title and text). */
  columns: string[];
  /** Each record's row line (its title, then its figures and dates), then its text as a line of prose. */
  rows: string[];
  /** The same, record by record, with each record's title (a section of its own, so that all its text is read under its title). */
  records: { title: string; lines: string[] }[];
}

/** At least this many records end with the same run of figures and dates (under a header naming their columns, two). */
const MIN_RECORDS = 3;
const MIN_HEADED_RECORDS = 2;
/** The most lines a record spans (more is prose between two figures). */
const MAX_RECORD_LINES = 40;
const MAX_RECORD_CHARS = 2500;
/** A cell of figures or dates on its own line is short. */
const MAX_CELL_CHARS = 40;
/** A title line is short; the record's text is wrapped wider. */
const MAX_TITLE_LINE_CHARS = 45;
const MAX_LABEL_CHARS = 150;
const FIGURE_COLUMN = (header: string): boolean => DATE_COLUMN.test(header) || AMOUNT_COLUMN.test(header) || COUNT_COLUMN.test(header);
const LANGS = ['en', 'fr', 'es'] as const;

type CellKind = 'date' | 'amount' | 'percentage' | 'number' | 'note' | 'empty';
/** A cell left empty, written as a dash or "n/a" (nothing disbursed yet). */
const EMPTY_CELL = /^\s*(?:[-–—]|n\/?a|\.\.|…)\s*$/iu;
/** A note in brackets beside a figure, wrapped over lines of its own ("(Bank-", "executed)"). */
const NOTE = /^\s*(?:\([^()]{0,30}\)?|[^()]{0,30}\))\s*$/u;

/** The kind of a line that is nothing but a figure, an amount, a percentage, a year or a month. */
export function closingCell(line: string): CellKind | undefined {
  const text = line.trim();
  if (!text || text.length > MAX_CELL_CHARS) return undefined;
  for (const lang of LANGS) {
    const spans = findSpans(text, lang).filter((s) => s.kind === 'date' || s.kind === 'amount' || s.kind === 'percentage' || s.kind === 'number');
    const covered = spans.reduce((rest, s) => rest.replace(s.text, ' '), text);
    // What is left is punctuation or a note in brackets ("2023 (Bank-", "executed)").
    if (spans.length > 0 && !/\p{L}{2}/u.test(covered.replace(/\([^)]*\)?|^[^(]*\)/gu, ''))) {
      const kinds = new Set(spans.map((s) => s.kind));
      const kind: CellKind = kinds.has('amount') ? 'amount' : kinds.has('percentage') ? 'percentage' : kinds.has('date') ? 'date' : 'number';
      // A small number alone is a page's or a paragraph's number, not a cell.
      if (kind === 'number' && !/\d{4,}|\d{1,3}(?:[ ,.\u00a0]\d{3})+/.test(text)) return undefined;
      return kind;
    }
  }
  return undefined;
}

interface Cell {
  kind: CellKind;
  text: string;
}

/** A run of closing lines as cells: a month followed by its year is one date. */
function cellsOf(lines: string[], kinds: CellKind[]): Cell[] {
  const cells: Cell[] = [];
  lines.forEach((line, i) => {
    const text = line.trim();
    const kind = kinds[i] as CellKind;
    const last = cells.at(-1);
    if (last && last.kind === 'date' && kind === 'date' && !/\d/.test(last.text)) last.text = `${last.text} ${text}`;
    else if (last && (kind === 'note' || /^[^(]*\)$/.test(text))) last.text = /-$/.test(last.text) ? `${last.text}${text}` : `${last.text} ${text}`;
    else cells.push({ kind, text });
  });
  return cells;
}

/** A cell's own "; " and ": " kept from reading as a row line's separators, a dash as the label's. */
const cellText = (text: string): string => text.replace(/\s*;\s*/g, ', ').replace(/: /g, ':\u00a0').replace(/ — /g, ' - ');


/** The header above the first record: short lines without figures, the last naming a column of dates or amounts. */
function headerAbove(lines: string[], from: number, to: number): { start: number; end: number } | undefined {
  for (let end = to; end > from; end--) {
    const line = (lines[end - 1] ?? '').trim();
    if (!line || line.length > MAX_CELL_CHARS || /\d/.test(line) || ENDS_SENTENCE.test(line)) continue;
    if (!FIGURE_COLUMN(line)) continue;
    let start = end - 1;
    while (start > from) {
      const above = (lines[start - 1] ?? '').trim();
      if (!above || above.length > MAX_CELL_CHARS || /\d/.test(above) || ENDS_SENTENCE.test(above)) break;
      start--;
    }
    return end - start >= 2 ? { start, end } : undefined;
  }
  return undefined;
}

/** A page's heading or number, which a blank line may stand before inside a record. */
const PAGE_MARK = /^\s*(?:#{1,6}\s|\d{1,3}\s*$|\f)/;

/** Whether the lines hold a blank line that parts two paragraphs (not one before a page's mark): cells of another table's shape. */
function paragraphBreak(lines: string[]): boolean {
  return lines.some((l, i) => !l.trim() && i < lines.length - 1 && (lines[i + 1] ?? '').trim() !== '' && !PAGE_MARK.test(lines[i + 1] ?? ''));
}

/** The record's title (its first short lines) and the rest of its text. */
function titleAndText(lines: string[]): { title: string; text: string } {
  // Short lines only, none ending a sentence: all of it is the title, wrapped ("Italy—Ministry of", "Economy and Finance").
  if (lines.every((l) => l.trim().length <= MAX_TITLE_LINE_CHARS && !ENDS_SENTENCE.test(l.trim())) && joined(lines).length <= MAX_LABEL_CHARS) return { title: joined(lines), text: '' };
  let n = 0;
  let chars = 0;
  while (n < lines.length - 1) {
    const line = (lines[n] ?? '').trim();
    if (line.length > MAX_TITLE_LINE_CHARS || chars + line.length > MAX_LABEL_CHARS) break;
    chars += line.length + 1;
    n++;
    if (ENDS_SENTENCE.test(line)) break;
  }
  if (n === 0) n = 1;
  return { title: joined(lines.slice(0, n)), text: joined(lines.slice(n)) };
}

/**
 * The tables of records closed by figures in `lines`, in order, or none. Everything outside
 * them is left as it is.
 */
export function closedRecordTables(lines: string[]): ClosedTable[] {
  const kinds: (CellKind | undefined)[] = lines.map((l) => ((/\d/.test(l) || /^\s*\p{L}+\s*$/u.test(l)) && l.trim().length <= MAX_CELL_CHARS ? closingCell(l) : undefined));
  // A note in brackets goes with the figure it follows.
  for (let i = 1; i < lines.length; i++) if (!kinds[i] && kinds[i - 1] && kinds[i - 1] !== 'empty') kinds[i] = EMPTY_CELL.test(lines[i] ?? '') ? 'empty' : NOTE.test(lines[i] ?? '') ? 'note' : undefined;
  // Runs of closing lines.
  const runs: { start: number; end: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!kinds[i]) continue;
    const start = i;
    while (i + 1 < lines.length && kinds[i + 1]) i++;
    // A figure set apart by a blank line is a cell of its own paragraph: a table of another shape (layout's).
    // (Cells indented by a tab are a table by their look, which layout reads as such.)
    if (start > 0 && (lines[start - 1] ?? '').trim() && !/^\t/.test(lines[start] ?? '')) runs.push({ start, end: i + 1 });
  }
  if (runs.length < MIN_HEADED_RECORDS) return [];
  const signature = (r: { start: number; end: number }): string =>
    cellsOf(lines.slice(r.start, r.end), kinds.slice(r.start, r.end) as CellKind[])
      .map((c) => c.kind)
      .join(',');
  const recordsAt = (k: number): { members: { start: number; run: { start: number; end: number } }[]; next: number; header?: { start: number; end: number } } => {
    const first = runs[k] as { start: number; end: number };
    let from = first.start;
    while (from > 0 && first.start - from < MAX_RECORD_LINES && (lines[from - 1] ?? '').trim() && !kinds[from - 1]) from--;
    const header = headerAbove(lines, from, first.start);
    const members = [{ start: header ? header.end : from, run: first }];
    let next = k + 1;
    while (next < runs.length) {
      const run = runs[next] as { start: number; end: number };
      const previous = runs[next - 1] as { start: number; end: number };
      const body = lines.slice(previous.end, run.start);
      if (body.length === 0 || body.length > MAX_RECORD_LINES || body.join(' ').length > MAX_RECORD_CHARS || paragraphBreak(body)) break;
      members.push({ start: previous.end, run });
      next++;
    }
    return { members, next, ...(header ? { header } : {}) };
  };
  const tables: ClosedTable[] = [];
  let k = 0;
  while (k < runs.length) {
    // Records that follow each other: each ends with a run, none too long.
    const found = recordsAt(k);
    let { members, header } = found;
    const next = found.next;
    const signatures = members.map((m) => signature(m.run));
    const counts = new Map<string, number>();
    for (const s of signatures) counts.set(s, (counts.get(s) ?? 0) + 1);
    const [mode, modeCount] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    // Fewer records make a table under a header that names their columns of figures (a page of a longer table).
    const least = header ? MIN_HEADED_RECORDS : MIN_RECORDS;
    if (members.length < least || modeCount < least || modeCount < members.length * 0.6 || !mode) {
      // The table may end where the records run on into other figures (prose, another table after a page break): its first records alone.
      const alike = leadingAlike(signatures);
      if (alike >= least && (header || alike >= MIN_RECORDS)) tables.push(tableOf(lines, kinds, members.slice(0, alike), header));
      k = alike >= least ? k + alike : next;
      continue;
    }
    // A first record of another shape is what stands before the table (a title ending with a year): the table starts after it.
    const lead = signatures.indexOf(mode);
    if (lead > 0) {
      const again = recordsAt(k + lead);
      members = again.members.slice(0, members.length - lead);
      header = again.header;
    }
    tables.push(tableOf(lines, kinds, members, header));
    k = next;
  }
  return tables;
}

/** How many records from the first share its shape, with a last one that holds its last cells only (a total's row). */
function leadingAlike(signatures: string[]): number {
  const first = signatures[0] ?? '';
  let n = 0;
  while (n < signatures.length && signatures[n] === first) n++;
  const after = signatures[n];
  return after !== undefined && after !== '' && after.length < first.length && first.endsWith(`,${after}`) ? n + 1 : n;
}

/** The header's lines as columns: a line that goes on a phrase ("Amount in", "Contribution") joins it. */
function headerColumns(lines: string[]): string[] {
  const columns: string[] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1] ?? '';
    if (columns.length > 0 && (ENDS_ON_FUNCTION_WORD.test(previous) || (/^\p{Ll}/u.test(line) && !FIGURE_COLUMN(line)))) columns[columns.length - 1] += ` ${line}`;
    else columns.push(line);
  });
  return columns;
}

/**
 * The header's columns for a record's tail and figure cells, by position from the last column —
 * when each figure's column names figures and a count's column a count (else undefined).
 */
function ownColumns(names: string[], tail: string | undefined, cells: Cell[]): string[] | undefined {
  const wanted = 1 + (tail === undefined ? 0 : 1) + cells.length;
  if (names.length < wanted) return undefined;
  const columns = names.slice(names.length - wanted + 1);
  const figures = columns.slice(tail === undefined ? 0 : 1);
  const tailName = tail === undefined ? undefined : columns[0];
  if (!figures.every((h) => FIGURE_COLUMN(h))) return undefined;
  if (tailName !== undefined && (/^\d+$/.test(tail ?? '') ? !COUNT_COLUMN.test(tailName) : FIGURE_COLUMN(tailName))) return undefined;
  return figures;
}

/** A short cell of its own, always just before a record's figures: a count ("2"), a code ("EUR"). */
const TAIL_SHAPES = [/^\d{1,3}$/, /^\p{Lu}{2,5}$/u];

/** The shape of the line before the figures that most records share (a column), if any. */
function tailShape(bodies: string[][]): RegExp | undefined {
  const lasts = bodies.map((b) => (b.filter((l) => l.trim()).at(-1) ?? '').trim());
  return TAIL_SHAPES.find((shape) => lasts.filter((l) => shape.test(l)).length >= Math.max(MIN_HEADED_RECORDS, lasts.length * 0.7));
}

function tableOf(lines: string[], kinds: (CellKind | undefined)[], members: { start: number; run: { start: number; end: number } }[], header?: { start: number; end: number }): ClosedTable {
  const headerLines = header ? lines.slice(header.start, header.end).map((l) => l.trim()) : [];
  const names = headerColumns(headerLines);
  const figureColumns = names.filter((h) => DATE_COLUMN.test(h) || AMOUNT_COLUMN.test(h));
  // A cell of its own before the figures in every record (a count, a currency): split off before the page furniture is looked for (a count is no page number).
  const bodies = members.map((m) => lines.slice(m.start, m.run.start));
  const shape = tailShape(bodies);
  const tails = bodies.map((b) => {
    if (!shape) return undefined;
    const at = b.findLastIndex((l) => l.trim() !== '');
    if (at < 0 || !shape.test((b[at] ?? '').trim())) return undefined;
    const tail = (b[at] ?? '').trim();
    b.splice(at, 1);
    return tail;
  });
  // The column of that cell: the header's column just before its first column of figures (not the title's).
  const firstFigure = names.findIndex((h) => FIGURE_COLUMN(h));
  const tailName = shape && firstFigure > 1 ? names[firstFigure - 1] : undefined;
  const columns = names.filter((h) => !FIGURE_COLUMN(h) && h !== tailName);
  // What a page break repeats inside the table: its header, running title (the line above the header, or any short line seen three times) and page number.
  const seen = new Map<string, number>();
  for (const b of bodies) for (const l of b) seen.set(normal(l), (seen.get(normal(l)) ?? 0) + 1);
  const title = header && header.start > 0 ? [normal(lines[header.start - 1] ?? '')] : [];
  const repeated = new Set([...headerLines.map(normal), ...title.filter((t) => (seen.get(t) ?? 0) > 0), ...[...seen].filter(([t, n]) => n >= MIN_RECORDS && t.length <= MAX_CELL_CHARS).map(([t]) => t)]);
  const furniture = (line: string): boolean => !line.trim() || repeated.has(normal(line)) || /^\s*#{1,6}\s/.test(line) || /^\s*\d{1,3}\s*$/.test(line);
  // A record after a page break: what stands before the header repeated there is the page's furniture.
  const headerEnd = (b: string[]): number => (headerLines.length === 0 ? 0 : b.findLastIndex((l) => normal(l) === normal(headerLines.at(-1) ?? '')) + 1);
  const records = members.map((m, r) => {
    const body = (bodies[r] ?? []).slice(headerEnd(bodies[r] ?? [])).filter((l) => !furniture(l));
    const { title, text } = titleAndText(body.length > 0 ? body : ['']);
    const cells = cellsOf(lines.slice(m.run.start, m.run.end), kinds.slice(m.run.start, m.run.end) as CellKind[]);
    const tail = tails[r];
    // One header column per cell (the title's, the tail's, the figures'), the last ones (a caption may stand above): each cell takes its own.
    const positional = ownColumns(names, tail, cells);
    const own = positional !== undefined;
    const cellNames = positional ?? [...figureColumns];
    // Otherwise the figures take the header's columns of figures from the last: an amount an amount's column, a date a date's.
    const named = [...cells].reverse().map((c, k) => {
      const at = own ? cells.length - 1 - k : cellNames.findLastIndex((h) => (c.kind === 'date' ? DATE_COLUMN.test(h) && !AMOUNT_COLUMN.test(h) : AMOUNT_COLUMN.test(h)));
      if (at < 0) return cellText(c.text);
      const name = cellNames[at] as string;
      if (!own) cellNames.splice(at);
      return `${name}: ${cellText(c.text)}`;
    });
    const ownTail = positional ? names[names.length - cells.length - 1] : tailName;
    const tailCell = tail === undefined ? [] : [ownTail ? `${ownTail}: ${tail}` : tail];
    // The record's figures on its row, under its title; its text after it, as prose (a long row would be cut into passages).
    const row = `${cellText(title)} — ${[...tailCell, ...named.reverse()].join('; ')}`;
    return { title, lines: text ? [row, cellText(text)] : [row] };
  });
  const last = members.at(-1) as { run: { end: number } };
  return { start: header ? header.start : (members[0] as { start: number }).start, end: last.run.end, columns, rows: records.flatMap((r) => r.lines), records };
}
