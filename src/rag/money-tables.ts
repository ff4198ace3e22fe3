/**
 * A table of money often names its currency once, in its caption or its heading ("Table 3.
 * Expenditures 2023 and 2024 (Thousands of United States dollars)", "en milliers de francs
 * suisses", "$ million"), and writes its cells as bare figures ("Posts — 2023: 352.6; 2024: 546.2").
 * Such a cell is a sum of money, as sure as one written with its currency.
 */
import { namesCurrency, type Span } from './entities.ts';
import type { Unit } from './units.ts';
import { isYear } from './years.ts';

/** How far above a row its caption may stand (the header line and a note may come between). */
const CAPTION_REACH = 3;

/** Whether the rows' caption — the nearest units above the table, or the passage's heading — names a currency. */
export function moneyTable(units: Unit[], i: number, heading: string): boolean {
  const unit = units[i];
  if (unit?.kind !== 'row') return false;
  let k = i - 1;
  while (k >= 0 && units[k]?.kind === 'row') k--;
  for (let j = k; j >= 0 && j > k - CAPTION_REACH; j--) if (namesCurrency(units[j]?.text ?? '')) return true;
  return namesCurrency(heading);
}

/** The figures of a row of a money table read as sums (years and small counts of records stay what they are). */
export function asMoney(spans: Span[]): Span[] {
  return spans.map((s) => (s.kind === 'number' && /\d/.test(s.text) && !isYear(s.text.trim()) ? { ...s, kind: 'amount', confidence: 1 } : s));
}
