/**
 * A table of two columns that a PDF ran together line by line, as in a budget of one-off and
 * recurring costs:
 *
 *   One-off costs Recurring costs per year          ← both headers on one line
 *   - Technical development: 41 518 francs          ← items of either column, in reading order
 *   - Moderation in three languages: 120 736 francs
 *   - Drafting the protocol: 16 000 francs
 *   Total: 57 518 francs Total: to be determined    ← both totals on one line
 *
 * The items are put in their column when their sums say which: those adding up to one column's
 * total are that column's, the others the other's (and when both totals are figures, the others
 * must add up to the second). The table is then written again as the Markdown table it was, so
 * each item is read as a row with its column's name ("Technical development — One-off costs:
 * 41 518 francs"), under the sentence that announces the table. When no sum tells the items
 * apart, they stay as they are, and the totals line alone becomes one row.
 */
import { cellText, joined } from './records.ts';
import { figureOf } from './stacked-columns.ts';

/** A line that says the same label twice: two columns' last cells side by side ("Total: 57 518 Total: to be set"). */
const TWICE = /^\s*(\p{L}[\p{L}'’ ]{0,30}?)\s*:\s*(\S.*?)\s+\1\s*:\s*(\S.*?)\s*$/u;
/** How far above such a line its two columns' header is looked for. */
const HEADER_LOOKBACK = 30;
/** An item of a list, by its mark. */
const ITEM_MARK = /^\s*[-•*–·▪◦]\s+/;
/** "Label : value" — the label short, the value after the first colon. */
const LABELLED = /^([^:]{2,100}?)\s*:\s*(\S.*)$/;
/** Beyond this many items, their sums are not searched. */
const MAX_ITEMS = 14;

/** Two column headers on one line, told apart by the word both begin with ("One-off costs Recurring costs per year" has none; "Dépenses ponctuelles Dépenses récurrentes"). */
function twoHeaders(line: string): [string, string] | undefined {
  const words = line.trim().split(/\s+/);
  const first = words[0] ?? '';
  if (first.length < 4 || words.length < 4 || line.length > 120) return undefined;
  const again = words.indexOf(first, 1);
  if (again < 2 || again > words.length - 2) return undefined;
  return [words.slice(0, again).join(' '), words.slice(again).join(' ')];
}

interface Item {
  text: string;
  label?: string;
  value?: string;
  figure?: number;
}

/** The items between a header line and a totals line, each a list item; undefined when anything else stands there. */
function itemsBetween(lines: string[]): Item[] | undefined {
  const items: string[][] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    if (ITEM_MARK.test(line)) items.push([line.replace(ITEM_MARK, '')]);
    else if (items.length > 0) items[items.length - 1]?.push(line);
    else return undefined;
  }
  return items.map((parts) => {
    const text = joined(parts);
    const m = LABELLED.exec(text);
    return m ? { text, label: m[1] as string, value: m[2] as string, figure: figureOf(m[2] as string) } : { text };
  });
}

/** The items (by index) whose figures add up to a total, if some do. */
function addingUpTo(items: Item[], total: number): Set<number> | undefined {
  const priced = items.flatMap((item, k) => (item.figure === undefined ? [] : [k]));
  for (let mask = 1; mask < 1 << priced.length; mask++) {
    const chosen = priced.filter((_, b) => mask & (1 << b));
    if (chosen.reduce((sum, k) => sum + (items[k]?.figure ?? 0), 0) === total) return new Set(chosen);
  }
  return undefined;
}

/** Each item's column (0 or 1), when the totals tell them apart. */
function columnsOf(items: Item[], totals: [number | undefined, number | undefined]): number[] | undefined {
  if (items.length === 0 || items.length > MAX_ITEMS) return undefined;
  for (const column of [0, 1]) {
    const total = totals[column];
    if (total === undefined) continue;
    const own = addingUpTo(items, total);
    if (!own) continue;
    const other = totals[1 - column];
    const rest = items.filter((_, k) => !own.has(k));
    if (other !== undefined && rest.reduce((sum, item) => sum + (item.figure ?? 0), 0) !== other) continue;
    return items.map((_, k) => (own.has(k) ? column : 1 - column));
  }
  return undefined;
}

/**
 * Two columns flattened into one line by a PDF ("Total : 57 518 francs Total : à déterminer") as
 * one row: the label, then each column's value under its header when the header line above names
 * both columns — and the items between the header and the totals, each under its column when
 * their sums tell.
 */
export function sideBySideTotals(lines: string[]): string[] {
  const out = [...lines];
  // From the last to the first, so that a table made into rows leaves the lines above where they were.
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = TWICE.exec(lines[i] ?? '');
    if (!m) continue;
    const [, label, a, b] = m as unknown as [string, string, string, string];
    let h = i - 1;
    while (h >= Math.max(0, i - HEADER_LOOKBACK) && twoHeaders(lines[h] ?? '') === undefined) h--;
    const header = h >= 0 ? twoHeaders(lines[h] ?? '') : undefined;
    out[i] = header ? `${label.trim()} — ${header[0]}: ${cellText(a)}; ${header[1]}: ${cellText(b)}` : `${label.trim()} — ${cellText(a)}; ${cellText(b)}`;
    if (!header) continue;
    const items = itemsBetween(lines.slice(h + 1, i));
    const columns = items && columnsOf(items, [figureOf(a), figureOf(b)]);
    if (!items || !columns) continue;
    // The table as it was, written as a Markdown one: its rows are then read as any table's, under the sentence that announces it.
    const cell = (text: string): string => text.replace(/\|/g, '/').trim();
    const row = (label: string, cells: [string, string]): string => `| ${cell(label)} | ${cell(cells[0])} | ${cell(cells[1])} |`;
    const table = [
      row('', header),
      '| --- | --- | --- |',
      ...items.map((item, k) => {
        const value = item.label !== undefined && item.value !== undefined ? item.value : item.text;
        return row(item.label ?? '', columns[k] === 0 ? [value, ''] : ['', value]);
      }),
      row(label, [a, b]),
    ];
    out.splice(h, i - h + 1, ...table);
  }
  return out;
}
