/**
 * Tables whose rows are numbered records, one cell per paragraph — what a table with long, wrapped
 * cells becomes when it is copied out of a PDF:
 *
 *   Area  Target group  Format and duration       ← the header, in pieces
 *
 *   1. Understanding                              ← a record: its numbered title…
 *   the Convention
 *
 *   Governments, civil                            ← …then one paragraph per cell
 *   society
 *
 *   3-day workshop
 *
 *   2. Policy making
 *   …
 *
 * The columns cannot be told apart (cells of one line run together, a page break repeats the
 * header), so each record becomes one row line, its title as the label and its cells in order;
 * the header's words go to the table's caption, where a question naming a column still finds it.
 */

/** A record's title: a number that follows the previous one, then a short label. */
const RECORD_TITLE = /^\s*(\d{1,2})[.)](?:\s|$)/;
const MAX_TITLE_CHARS = 120;
/** Longer paragraphs are prose, not cells. */
const MAX_CELL_CHARS = 320;
/** At least this many records numbered 1, 2, 3… */
const MIN_RECORDS = 3;
/** Cells are fragments: at most this share of them ends like a sentence. */
const MAX_SENTENCE_CELLS = 0.3;
/** Pieces of the header above the first record: short fragments, at most this many. */
const MAX_HEADER_GROUPS = 8;
const MAX_HEADER_CHARS = 120;
const LIST_MARK = /^\s*(?:[-•*–·▪◦]|[a-zA-Z][.)]|\(?[ivxIVX]{1,5}\)|\([a-z0-9]{1,3}\))\s/;
/** A caption line ("Table 2: …") is not a piece of the header. */
const CAPTION = /^\s*(?:table|tableau|tabla|cuadro|таблица|جدول|表)\b|[:：]\s*$/iu;

interface Group {
  text: string;
  start: number;
  end: number;
}

/** A paragraph's lines as one line: a word broken by a hyphen at a line end is joined again. */
export function joined(lines: string[]): string {
  return lines
    .map((l) => l.replace(/[\t\p{Zs}]+/gu, ' ').trim())
    .reduce((text, line) => (!text ? line : /\p{L}[-\u2010]$/u.test(text) && /^\p{Ll}/u.test(line) ? `${text}${line}` : `${text} ${line}`), '');
}

/** The next paragraph (lines up to a blank line) at or after `from`. */
function groupAt(lines: string[], from: number): Group | undefined {
  let i = from;
  while (i < lines.length && !(lines[i] ?? '').trim()) i++;
  if (i >= lines.length) return undefined;
  const start = i;
  while (i < lines.length && (lines[i] ?? '').trim()) i++;
  return { text: joined(lines.slice(start, i)), start, end: i };
}

/** Groups of non-blank lines separated by blank lines, from `start`. */
export function groupsFrom(lines: string[], start: number): { lines: string[]; start: number; end: number }[] {
  const groups: { lines: string[]; start: number; end: number }[] = [];
  let i = start;
  while (i < lines.length) {
    while (i < lines.length && !(lines[i] ?? '').trim()) i++;
    if (i >= lines.length) break;
    const from = i;
    while (i < lines.length && (lines[i] ?? '').trim()) i++;
    groups.push({ lines: lines.slice(from, i), start: from, end: i });
  }
  return groups;
}

/** A cell's own ": " and "; " kept from reading as a row line's separators. */
export const cellText = (text: string): string => text.replace(/([:;]) /g, '$1\u00a0');

/** A line as compared with another: spaces and case left out. */
/** A line that ends a sentence (a full stop, a question or an exclamation mark, a semicolon; closing quotes and brackets after it). */
export const ENDS_SENTENCE = /[.!?;…。！？؟]["'”’»)\]]*$/;
/** …or announces what follows (a colon): a phrase that goes on in no next line. */
export const ENDS_PHRASE = /[.!?;:…。！？؟]["'”’»)\]]*$/;

/** A line ending on a word that cannot end a phrase ("Amount in", "Ministère de"): the phrase goes on in the next line. */
export const ENDS_ON_FUNCTION_WORD = /(?:^|[\s'’])(?:of|the|a|an|and|or|to|in|for|on|with|by|from|de|du|des|aux|au|à|la|le|les|et|ou|en|par|pour|sur|dans|un|une|del|el|los|las|y|o|para|con|al)$/iu;

export const normal = (text: string): string => text.replace(/\s+/g, '').toLowerCase();

/** The header's pieces: the fragments that end `prose` (after its last sentence or caption). */
export function recordHeader(prose: string[]): { header: string[]; keep: number } {
  const header: string[] = [];
  let end = prose.length;
  while (header.length < MAX_HEADER_GROUPS) {
    while (end > 0 && !(prose[end - 1] ?? '').trim()) end--;
    let start = end;
    while (start > 0 && (prose[start - 1] ?? '').trim()) start--;
    if (start === end) break;
    const text = joined(prose.slice(start, end));
    if (text.length > MAX_HEADER_CHARS || ENDS_PHRASE.test(text) || CAPTION.test(text) || RECORD_TITLE.test(text)) break;
    header.unshift(text);
    end = start;
  }
  return { header, keep: end };
}

/**
 * Numbered records from `start` (a paragraph beginning "1."): their row lines and the line after
 * the last cell, or undefined when the paragraphs do not make such a table. `header` pieces seen
 * again inside the table (a page break repeats them) are left out.
 */
export function numberedRecords(lines: string[], start: number, header: string[]): { rows: string[]; end: number } | undefined {
  if (!/^\s*1[.)](?:\s|$)/.test(lines[start] ?? '')) return undefined;
  const repeated = new Set(header.map(normal));
  const records: { title: string; cells: Group[] }[] = [];
  let at = start;
  for (let group = groupAt(lines, at); group; group = groupAt(lines, at)) {
    const number = RECORD_TITLE.exec(group.text)?.[1];
    if (number !== undefined) {
      // A number out of sequence is a numbered paragraph after the table.
      if (Number(number) !== records.length + 1) break;
      if (group.text.length > MAX_TITLE_CHARS || ENDS_PHRASE.test(group.text)) break;
      records.push({ title: group.text, cells: [] });
    } else if (!repeated.has(normal(group.text))) {
      if (group.text.length > MAX_CELL_CHARS || LIST_MARK.test(group.text)) break;
      records.at(-1)?.cells.push(group);
    }
    at = group.end;
  }
  if (records.length < MIN_RECORDS) return undefined;
  // The last record takes no more cells than the others had: what follows is the text after the table.
  const width = Math.max(...records.slice(0, -1).map((r) => r.cells.length));
  const last = records.at(-1) as { title: string; cells: Group[] };
  last.cells = last.cells.slice(0, width);
  const cells = records.flatMap((r) => r.cells);
  const sorted = records.map((r) => r.cells.length).sort((a, b) => a - b);
  if ((sorted[Math.floor(sorted.length / 2)] ?? 0) < 2 || last.cells.length === 0) return undefined;
  if (cells.filter((c) => /[.!?。！？]["'”’»)\]]*$/.test(c.text)).length > cells.length * MAX_SENTENCE_CELLS) return undefined;
  const rows = records.map((r) => `${r.title} — ${r.cells.map((c) => cellText(c.text)).join('; ')}`);
  return { rows, end: (last.cells.at(-1) as Group).end };
}
