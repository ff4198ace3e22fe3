/**
 * Fields and their values that a PDF's text gives on two lines — a cover page's box, a form:
 *
 *   Evaluator:             Project Budget
 *   Jesper Christiansen    US$ 151,200,000
 *
 * Each becomes one line of a two-column table ("Evaluator — Jesper Christiansen"), so the value is
 * found and quoted with what it is. A label that ends with a colon says so by itself; without the
 * colon, only a run of such pairs, each its own paragraph, does.
 */

/** As `rowLine` writes a pair row (layout.ts, which reads this module: the one string is not imported back). */
const ROW_LABEL_SEPARATOR = ' — ';
const MAX_LABEL_CHARS = 50;
const MAX_LABEL_WORDS = 8;
const MAX_VALUE_CHARS = 100;
/** Pairs without a colon are a box of fields only this many in a row. */
const MIN_BARE_RUN = 3;
const ENDS_SENTENCE = /[.!?;…。！？؟]["'”’»)\]]*$/;

const words = (line: string): number => line.split(/\s+/).length;
const isColonLabel = (line: string): boolean => line.length <= MAX_LABEL_CHARS && /[:：]$/.test(line) && /\p{L}{2}/u.test(line) && words(line) <= MAX_LABEL_WORDS;
const isBareLabel = (line: string): boolean => line.length <= MAX_LABEL_CHARS && /^\p{Lu}/u.test(line) && !ENDS_SENTENCE.test(line) && !/[:：]$/.test(line) && words(line) <= MAX_LABEL_WORDS && !line.includes(ROW_LABEL_SEPARATOR.trim());
/** A value: short, no label itself, and not the rest of a sentence (which goes on in lower case; an address may be one word in it). */
const isValue = (line: string): boolean => line.length <= MAX_VALUE_CHARS && !/[:：]$/.test(line) && !line.includes(' | ') && (!/^\p{Ll}/u.test(line) || !/\s/.test(line));

interface Group {
  start: number;
  end: number;
  lines: string[];
}

function groupsOf(lines: string[]): Group[] {
  const groups: Group[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!(lines[i] ?? '').trim()) {
      i++;
      continue;
    }
    const start = i;
    while (i < lines.length && (lines[i] ?? '').trim()) i++;
    groups.push({ start, end: i, lines: lines.slice(start, i).map((l) => l.trim()) });
  }
  return groups;
}

/** `lines` with each field and its value on one line, "label — value". */
export function joinFieldPairs(lines: string[]): string[] {
  const groups = groupsOf(lines);
  // Which groups are a pair: [label, value], as a group of two lines.
  const colon = groups.map((g) => g.lines.length === 2 && isColonLabel(g.lines[0] as string) && isValue(g.lines[1] as string));
  const bare = groups.map((g) => g.lines.length === 2 && isBareLabel(g.lines[0] as string) && isValue(g.lines[1] as string));
  const take = colon.slice();
  for (let k = 0; k < groups.length; ) {
    let end = k;
    while (end < groups.length && (bare[end] || colon[end])) end++;
    if (end - k >= MIN_BARE_RUN) for (let j = k; j < end; j++) take[j] = true;
    k = Math.max(end, k + 1);
  }
  if (!take.includes(true)) return lines;
  const out = lines.slice();
  groups.forEach((g, k) => {
    if (!take[k]) return;
    const [label, value] = g.lines as [string, string];
    out[g.start] = `${label.replace(/\s*[:：]$/, '')}${ROW_LABEL_SEPARATOR}${value}`;
    out[g.start + 1] = '';
  });
  return out;
}
