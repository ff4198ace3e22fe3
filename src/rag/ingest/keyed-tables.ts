/**
 * One table split in two: a document lists its records in a table (sessions numbered I to VIII,
 * with their titles and dates) and gives more of the same records further on under the same row
 * labels (their language and region, registrations, attendance). A question that names a cell of
 * one and asks for a cell of the other ("when was the session for Asia and the Pacific") needs
 * both: the later table's cells are joined to the earlier table's rows, which then hold the whole
 * record, and the later table's rows that were joined are dropped.
 *
 * Two tables are one only when their rows are the same records: most labels in common, and every
 * column they share agreeing on every common row ("English" and "English (Asia and Pacific)"
 * agree). Tables that share no column join only when their labels are names: two lists numbered
 * 1 to 5 may number different things; two tables of the same countries describe those countries.
 */
import type { ParsedDocument, Section } from '../types.ts';
import { CELL_SEPARATOR, isRowLine, ROW_LABEL_SEPARATOR, rowCells } from './layout.ts';

/** Fewer rows in common than this is no evidence that two tables are one. */
const MIN_COMMON_ROWS = 3;
/** The share of each table's rows that the other must have. */
const MIN_COMMON_SHARE = 0.75;

interface Cell {
  header: string;
  value: string;
}

interface Table {
  section: number;
  /** Line indexes of the rows in the section's text, in order. */
  lines: number[];
  /** The rows by their label, folded. */
  rows: Map<string, { label: string; cells: Cell[] }>;
}

const fold = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * A label that only numbers its row ("3", "N° VI", "#2", "b)"): the same numbers in two tables do
 * not make them the same records.
 */
const NUMBERING = /^(?:n°|no\.?|nº|№|#)?\s*(?:\d{1,4}|[ivxlcdm]{1,6}|\p{L})[.)]?$/u;

/** The tables of a section: runs of consecutive row lines whose cells all have headers. */
function tablesOf(section: Section, index: number): Table[] {
  const tables: Table[] = [];
  let current: Table | undefined;
  section.text.split('\n').forEach((line, i) => {
    const row = isRowLine(line) ? rowCells(line) : undefined;
    const headed = row !== undefined && row.cells.length >= 1 && row.cells.every((c) => c.header !== '');
    const key = headed ? fold(row.label) : '';
    if (!headed || key === '' || current?.rows.has(key)) {
      if (current) tables.push(current);
      current = undefined;
      if (!headed || key === '') return;
    }
    current ??= { section: index, lines: [], rows: new Map() };
    current.lines.push(i);
    current.rows.set(key, { label: row.label, cells: row.cells });
  });
  if (current) tables.push(current);
  return tables.filter((t) => t.rows.size >= MIN_COMMON_ROWS);
}

/** Two values of one column agree when one holds the other ("Anglais", "Anglais (Caraïbes)"). */
const agree = (a: string, b: string): boolean => {
  const [x, y] = [fold(a), fold(b)];
  return x.includes(y) || y.includes(x);
};

/** The rows both tables have, when they are the same records (see the module's comment). */
function commonRows(a: Table, b: Table): string[] | undefined {
  const common = [...b.rows.keys()].filter((k) => a.rows.has(k));
  if (common.length < MIN_COMMON_ROWS || common.length < MIN_COMMON_SHARE * Math.max(a.rows.size, b.rows.size)) return undefined;
  let shared = false;
  for (const key of common) {
    const left = a.rows.get(key)?.cells ?? [];
    for (const cell of b.rows.get(key)?.cells ?? []) {
      const same = left.find((c) => fold(c.header) === fold(cell.header));
      if (!same) continue;
      if (!agree(same.value, cell.value)) return undefined;
      shared = true;
    }
  }
  return shared || common.every((k) => !NUMBERING.test(k)) ? common : undefined;
}

/** The first of `tables` whose rows are the same records as `later`'s, with the rows they have in common. */
function firstCommon(tables: Table[], later: Table): { earlier: Table; common: string[] } | undefined {
  for (const earlier of tables) {
    const common = commonRows(earlier, later);
    if (common) return { earlier, common };
  }
  return undefined;
}

/** A row with another table's cells of the same record: columns it lacks added, a shared one given its fuller value. */
function joinedRow(label: string, cells: Cell[], more: Cell[]): string {
  const out = cells.map((c) => ({ ...c }));
  for (const cell of more) {
    const same = out.find((c) => fold(c.header) === fold(cell.header));
    if (!same) out.push(cell);
    else if (cell.value.length > same.value.length) same.value = cell.value;
  }
  return `${label}${ROW_LABEL_SEPARATOR}${out.map((c) => `${c.header}: ${c.value}`).join(CELL_SEPARATOR)}`;
}

/** The document with each table that continues an earlier one's records joined to it (see the module's comment). */
export function joinKeyedTables(doc: ParsedDocument): ParsedDocument {
  const tables = doc.sections.flatMap((s, i) => tablesOf(s, i));
  if (tables.length < 2) return doc;
  const lines = doc.sections.map((s) => s.text.split('\n') as (string | undefined)[]);
  const absorbed = new Set<Table>();
  for (const [j, later] of tables.entries()) {
    const match = firstCommon(tables.slice(0, j).filter((t) => !absorbed.has(t)), later);
    if (!match) continue;
    const { earlier, common } = match;
    absorbed.add(later);
    const sectionLines = lines[earlier.section] as (string | undefined)[];
    [...earlier.rows.keys()].forEach((key, k) => {
      const row = earlier.rows.get(key);
      const more = later.rows.get(key);
      const at = earlier.lines[k];
      if (row && more && at !== undefined) sectionLines[at] = joinedRow(row.label, row.cells, more.cells);
    });
    // The later table's joined rows are in the earlier one now; a row of its own stays where it was.
    [...later.rows.keys()].forEach((key, k) => {
      const at = later.lines[k];
      if (common.includes(key) && at !== undefined) (lines[later.section] as (string | undefined)[])[at] = undefined;
    });
  }
  if (absorbed.size === 0) return doc;
  const sections = doc.sections
    .map((s, i) => ({ ...s, text: (lines[i] ?? []).filter((l) => l !== undefined).join('\n').replace(/\n{3,}/g, '\n\n').trim() }))
    .filter((s) => s.text !== '');
  return { ...doc, sections };
}
