/**
 * A two-column table that a PDF's text came out of column by column: the column of labels (its
 * header, then one label a line), then the column of figures (its header, then one figure a line),
 * often a blank line between every two. Read back as rows, each label with its figure:
 *
 *   Agences / PAM BR / RCO / TOTAL / Montants recouvrés ($USD) / 19 746,52 / 83,65 / 19 830,17
 *   → PAM BR — Montants recouvrés ($USD): 19 746,52 …
 *
 * The labels are paired with the figures by position, so the two runs must be as long as each
 * other; when the last label is a total, the last figure must be the sum of the others.
 */
import { ENDS_PHRASE } from './records.ts';

export interface StackedTable {
  /** Lines [start, end) of the source that the table replaces. */
  start: number;
  end: number;
  /** Lines above the figures' header that say what the table is (kept as text before it). */
  caption: string[];
  /** The labels' header (may be empty) and the figures' header. */
  header: [string, string];
  rows: [string, string][];
}

/** A cell of figures: an amount, a count or a share, in any locale's form. */
const FIGURE = /^[-+−]?(?:[$€£¥]\s?)?\d{1,3}(?:[\s\u00a0\u202f.,]?\d{3})*(?:[.,]\d{1,2})?\s?%?$/;
const MAX_LABEL_CHARS = 50;
/** A label that sums the others. */
export const TOTAL = /^(?:total|totaux|sous-total|grand total|subtotal|итого|всего|المجموع|الإجمالي|合计|总计)(?![\p{L}])/iu;
const MIN_ROWS = 3;
const MIN_UNCHECKED_ROWS = 5;
/** Header lines between the labels and the figures: the figures' column header, and a caption or two above it. */
const MAX_HEADER_LINES = 3;

const isFigure = (line: string): boolean => FIGURE.test(line) && /\d/.test(line);
const isLabel = (line: string): boolean => line.length <= MAX_LABEL_CHARS && /\p{L}{2}/u.test(line) && !isFigure(line) && !ENDS_PHRASE.test(line) && !/^\p{Ll}/u.test(line);

/** The first figure of a cell, as a number ("1 681" → 1681, "56%" → 56, "2,5" → 2.5). */
export function figureOf(value: string): number | undefined {
  const m = /\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+(?![\d])|\d+(?:[.,]\d+)?/.exec(value);
  if (!m) return undefined;
  const grouped = /^\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+$/.test(m[0]);
  return Number(grouped ? m[0].replace(/\D/g, '') : m[0].replace(',', '.'));
}

/** A figure's value, its separators read as the locale writes them ("19 746,52", "1,064,659", "7.364,49"). */
export function figureValue(text: string): number {
  const digits = text.replace(/[^\d.,]/g, '');
  const decimal = /[.,](\d{1,2})$/.exec(digits);
  const whole = (decimal ? digits.slice(0, -decimal[0].length) : digits).replace(/[.,]/g, '');
  return Number(`${whole}.${decimal?.[1] ?? '0'}`);
}

/** Whether the last figure is the sum of the others (to a cent in a thousand). */
function sums(figures: string[]): boolean {
  const values = figures.map(figureValue);
  const total = values.at(-1) as number;
  const rest = values.slice(0, -1).reduce((a, b) => a + b, 0);
  return total > 0 && Math.abs(rest - total) <= Math.max(1, total * 0.001);
}

/** The two-column tables written column after column in `lines`, in order. */
export function stackedColumnTables(lines: string[]): StackedTable[] {
  const filled = lines.map((l, i) => ({ text: l.trim(), i })).filter((l) => l.text !== '');
  const tables: StackedTable[] = [];
  let k = 0;
  while (k < filled.length) {
    // A run of labels, then a run of figures.
    let a = k;
    while (a < filled.length && !isLabel(filled[a]?.text ?? '')) a++;
    let b = a;
    while (b < filled.length && isLabel(filled[b]?.text ?? '')) b++;
    let c = b;
    while (c < filled.length && isFigure(filled[c]?.text ?? '')) c++;
    k = Math.max(c, a + 1);
    const labels = filled.slice(a, b).map((l) => l.text);
    const figures = filled.slice(b, c).map((l) => l.text);
    // A label then figures again after them: records of a table given row after row (its header, then "Chad / 1 / 300,000").
    const rowAfterRow = isLabel(filled[c]?.text ?? '') && isFigure(filled[c + 1]?.text ?? '');
    const table = rowAfterRow ? undefined : pair(labels, figures);
    if (!table) continue;
    const first = filled[b - table.used] as { i: number };
    const last = filled[c - 1] as { i: number };
    tables.push({ start: first.i, end: last.i + 1, caption: table.caption, header: table.header, rows: table.rows });
  }
  return tables;
}

/** The labels' last lines paired with the figures, or nothing when they do not pair. */
function pair(labels: string[], figures: string[]): (Omit<StackedTable, 'start' | 'end'> & { used: number }) | undefined {
  const n = figures.length;
  if (n < MIN_ROWS || labels.length < n + 1) return undefined;
  // Where the labels end: at the total, when there is one; else just before the one header line.
  const totalAt = labels.findLastIndex((l) => TOTAL.test(l));
  const end = totalAt >= 0 ? totalAt + 1 : labels.length - 1;
  const headerLines = labels.slice(end);
  if (headerLines.length < 1 || headerLines.length > MAX_HEADER_LINES || end - n < 0) return undefined;
  // Without a total to check the pairing by, only a longer run is taken.
  if (totalAt >= 0 ? !sums(figures) : n < MIN_UNCHECKED_ROWS) return undefined;
  const names = labels.slice(end - n, end);
  const labelHeader = end - n > 0 ? (labels[end - n - 1] as string) : '';
  const used = labels.length - (end - n) + (labelHeader ? 1 : 0);
  return {
    used,
    caption: headerLines.slice(0, -1),
    header: [labelHeader, headerLines.at(-1) as string],
    rows: names.map((name, j) => [name, figures[j] as string]),
  };
}

const cell = (text: string): string => text.replace(/\|/g, '/');

/** `lines` with each such table written as a Markdown table (its caption above it), which both the text and the Markdown readers take as rows. */
export function unstackColumns(lines: string[]): string[] {
  const tables = stackedColumnTables(lines);
  if (tables.length === 0) return lines;
  const out: string[] = [];
  let at = 0;
  for (const t of tables) {
    out.push(...lines.slice(at, t.start), '', ...t.caption, '', `| ${cell(t.header[0])} | ${cell(t.header[1])} |`, '| --- | --- |');
    for (const [label, figure] of t.rows) out.push(`| ${cell(label)} | ${cell(figure)} |`);
    out.push('');
    at = t.end;
  }
  out.push(...lines.slice(at));
  return out;
}
