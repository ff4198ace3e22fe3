import { closedRecordTables } from './closed-records.ts';
import { cellPerLineTable, clean, denseCellTable, looksLikeHeader, MAX_CELL_CHARS } from './cell-lines.ts';
import { joinFieldPairs } from './field-pairs.ts';
import { unstackColumns } from './stacked-columns.ts';
import { ENDS_ON_FUNCTION_WORD, ENDS_PHRASE, numberedRecords, recordHeader } from './records.ts';
import { sideBySideTotals } from './side-by-side.ts';

/**
 * Layout of extracted text: tables found and kept as rows, hard-wrapped lines joined, list items
 * kept whole. Every parser's tables end up in one shape, a row per line carrying its column
 * headers — "I — Language: Arabic; Registrations: 161; Attendance: 77" — so that one row can be
 * retrieved, scored and quoted on its own, whatever the source format was.
 *
 * Tables in text come in five shapes: Markdown (`| a | b |` with a rule line), tab-separated
 * cells, columns aligned with runs of spaces, and one cell per line with a blank line between rows
 * (what copying a table out of a PDF or a word processor often gives) or with nothing between them
 * (a table saved as text; both in `cell-lines.ts`).
 */

/** Separates a row's label from its cells, and each header from its value. */
export const ROW_LABEL_SEPARATOR = ' — ';
export const CELL_SEPARATOR = '; ';
/** A row line as `rowLine` writes it: a label, then at least one "header: value", or cells separated by "; ". */
const ROW_LINE = /^[^\n]{1,160} — (?:[^\n:;]{1,120}: [^\n]*|[^\n;]+(?:; [^\n;]+)+)$/;
/**
 * A row of a two-column table without headers ("Principal investigator — J. Araya"): a short label
 * that ends no sentence, then one value. (A sentence with a dash in it has a longer head, or a
 * second dash.)
 */
const PAIR_LINE = /^[^\n.!?;—]{1,80} — (?!.* — )[^\n]{1,250}$/;

/** Whether a line of a passage is a table row as the parsers write them. */
export function isRowLine(line: string): boolean {
  return ROW_LINE.test(line) || PAIR_LINE.test(line);
}

/** The cells of a row line: its label, then header and value pairs. */
export function rowCells(line: string): { label: string; cells: { header: string; value: string }[] } {
  const cut = line.indexOf(ROW_LABEL_SEPARATOR);
  const label = line.slice(0, cut);
  const cells = line
    .slice(cut + ROW_LABEL_SEPARATOR.length)
    .split(CELL_SEPARATOR)
    .map((part) => {
      const colon = part.indexOf(': ');
      return colon < 0 ? { header: '', value: part.trim() } : { header: part.slice(0, colon).trim(), value: part.slice(colon + 2).trim() };
    })
    .filter((c) => c.value);
  return { label, cells };
}

/** Whether a row's cells are those of a line of a two-column table of fields and values: one cell, no header ("Budget — 515,000 €"). */
export function isFieldRow(cells: readonly { header: string }[]): boolean {
  return cells.length === 1 && cells[0]?.header === '';
}

/** The label of a row stands alone when its header says nothing ("N°", "#"). */
const SHORT_LABEL_CHARS = 4;

/**
 * One row as a line. With headers: the first cell as the label ("N° I" when the first header is a
 * short mark), then "header: value" for the others; without: the cells joined.
 */
export function rowLine(header: string[] | undefined, cells: string[]): string {
  const values = cells.map(clean);
  const first = values[0] ?? '';
  if (!header) {
    const rest = values.slice(1).filter(Boolean);
    return rest.length > 0 ? `${first}${ROW_LABEL_SEPARATOR}${rest.join(CELL_SEPARATOR)}` : first;
  }
  const firstHeader = clean(header[0] ?? '');
  const label = firstHeader && firstHeader.length <= SHORT_LABEL_CHARS && first.length <= SHORT_LABEL_CHARS ? `${firstHeader} ${first}` : first;
  const pairs = values.slice(1).flatMap((value, i) => {
    if (!value) return [];
    const name = clean(header[i + 1] ?? '').replace(/[:：]$/, '');
    return [name ? `${name}: ${value}` : value];
  });
  return `${label}${ROW_LABEL_SEPARATOR}${pairs.join(CELL_SEPARATOR)}`;
}

/** Rows to lines: the first row is the header when it looks like one. */
export function tableLines(rows: string[][]): string[] {
  const usable = rows.filter((r) => r.some((c) => clean(c)));
  if (usable.length === 0) return [];
  const [first, ...rest] = usable;
  const header = first && rest.length > 0 && looksLikeHeader(first.map(clean)) ? first : undefined;
  return (header ? rest : usable).map((r) => rowLine(header, r));
}

type Block = { kind: 'text'; lines: string[] } | { kind: 'table'; lines: string[]; header?: string[]; records?: { title: string; lines: string[] }[] };

const MARKDOWN_ROW = /^\s*\|?(.*\|.*?)\|?\s*$/;
const MARKDOWN_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** The cells of a Markdown table row (`| a | b |` or `a | b`). */
export function markdownCells(line: string): string[] {
  const inner = MARKDOWN_ROW.exec(line)?.[1] ?? line;
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|'));
}

/** Lines of one row's label wrapped above its cells, at most. */
const MAX_WRAPPED_LABEL_LINES = 6;

/**
 * The rows of a Markdown table whose header row is at `start` (the rule under it): rows while the
 * lines hold a bar. A row's label copied wrapped over lines without bars ("North", "Borneo",
 * "Philippines| 10| 10") is read with the row whose cells end it.
 */
export function markdownTable(lines: string[], start: number, clean: (line: string) => string = (l) => l): { rows: string[][]; end: number } {
  const rows = [markdownCells(clean(lines[start] ?? ''))];
  let i = start + 2;
  while (i < lines.length && (lines[i] ?? '').trim()) {
    let wrapped = 0;
    while (wrapped < MAX_WRAPPED_LABEL_LINES && i + wrapped < lines.length && (lines[i + wrapped] ?? '').trim() && !(lines[i + wrapped] ?? '').includes('|')) wrapped++;
    if (!(lines[i + wrapped] ?? '').includes('|') || !(lines[i + wrapped] ?? '').trim()) break;
    const head = lines.slice(i, i + wrapped).map((l) => clean(l).trim());
    const cells = markdownCells(clean(lines[i + wrapped] ?? ''));
    rows.push(head.length > 0 ? [[...head, (cells[0] ?? '').trim()].filter(Boolean).join(' '), ...cells.slice(1)] : cells);
    i += wrapped + 1;
  }
  return { rows, end: i };
}

/** Cells of a delimited line: tabs between text, or runs of three or more spaces. */
function delimitedCells(line: string): string[] | undefined {
  const trimmed = line.replace(/^[\t ]+|[\t ]+$/g, '');
  if (trimmed.includes('\t')) return trimmed.split(/\t+/);
  const parts = trimmed.split(/ {3,}/);
  return parts.length >= 2 ? parts : undefined;
}

/** Markdown tables and delimited rows: consecutive lines with the same number of cells. */
function delimitedTable(lines: string[], start: number): { rows: string[][]; end: number } | undefined {
  const line = lines[start] ?? '';
  if (line.includes('|') && MARKDOWN_RULE.test(lines[start + 1] ?? '')) return markdownTable(lines, start);
  const first = delimitedCells(line);
  if (!first || first.length < 2) return undefined;
  const rows = [first];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const cells = delimitedCells(lines[i] ?? '');
    if (!cells || cells.length !== first.length) break;
    rows.push(cells);
  }
  // Two aligned lines may be chance; tab-separated ones are meant.
  const minRows = line.includes('\t') ? 2 : 3;
  if (rows.length < minRows || rows.some((r) => r.some((c) => c.length > MAX_CELL_CHARS))) return undefined;
  return { rows, end: i };
}

const FIRST_RECORD = /^\s*1[.)](?:\s|$)/;

function blocksOf(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let text: string[] = [];
  const flushText = (): void => {
    if (text.length > 0) blocks.push({ kind: 'text', lines: text });
    text = [];
  };
  const closed = new Map(closedRecordTables(lines).map((t) => [t.start, t]));
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const records = closed.get(i);
    if (records) {
      flushText();
      blocks.push({ kind: 'table', lines: records.rows, header: records.columns, records: records.records });
      i = records.end;
      continue;
    }
    const delimited = line.trim() ? delimitedTable(lines, i) : undefined;
    if (delimited) {
      flushText();
      blocks.push({ kind: 'table', lines: tableLines(delimited.rows) });
      i = delimited.end;
      continue;
    }
    const atGroupStart = line.trim() !== '' && (i === 0 || !(lines[i - 1] ?? '').trim());
    const { header, keep } = atGroupStart && FIRST_RECORD.test(line) ? recordHeader(text) : { header: [], keep: text.length };
    const numbered = atGroupStart ? numberedRecords(lines, i, header) : undefined;
    if (numbered) {
      text = text.slice(0, keep);
      flushText();
      blocks.push({ kind: 'table', lines: numbered.rows, header });
      i = numbered.end;
      continue;
    }
    const perLine = atGroupStart ? (cellPerLineTable(lines, i) ?? denseCellTable(lines, i)) : undefined;
    if (perLine) {
      text.push(...perLine.prose);
      flushText();
      blocks.push({ kind: 'table', lines: tableLines(perLine.rows) });
      i = perLine.end;
      continue;
    }
    text.push(line);
    i++;
  }
  flushText();
  return blocks;
}

const LIST_ITEM = /^\s*(?:[-•*–·▪◦]|\d{1,3}[.)]|(?!M\.\s+\p{Lu})[a-zA-Z][.)]|\(?[ivxIVX]{1,5}\)|\([a-z0-9]{1,3}\))\s/u;
/** A line of cells set apart by bars or tabs: a row of a table that no rule announced. */
const CELLS = /\S \| \S|\t/;
/**
 * Joins lines that a hard wrap broke. A line is joined to the next unless it ends a sentence or
 * the next starts a list item, when the next starts in lower case (any text), when it ends on an
 * article, a preposition or a conjunction ("accessible uniquement aux"), or when the text is
 * hard-wrapped (many lines of nearly one width) and this line reaches that width; the first two
 * also across one blank line. A word broken by a hyphen at the end of a line is joined without a
 * space. `paragraphs`: the lines are those of paragraphs whose line breaks mean nothing (Markdown's
 * soft breaks): a line goes on unless it ends a sentence or the next starts a list item (table
 * rows stay apart).
 */
export function unwrap(lines: string[], options: { paragraphs?: boolean } = {}): string[] {
  const trimmed = lines.map((l) => l.replace(/[\t\p{Zs}]+$/u, ''));
  const lengths = trimmed.filter((l) => l.length >= 40).map((l) => l.length).sort((a, b) => a - b);
  const width = lengths.length >= 5 ? (lengths[Math.floor(lengths.length * 0.9)] as number) : Infinity;
  const nearWidth = lengths.filter((n) => n >= width * 0.75).length;
  const wrapped = Number.isFinite(width) && nearWidth >= Math.max(3, lengths.length * 0.3);
  const out: string[] = [];
  for (const line of trimmed) {
    // Across one blank line (text copied out of a PDF with a blank line after every line), only
    // where the line before plainly goes on: it ends on a function word, or the next starts in lower case.
    const beforeBlank = out.at(-1) === '' ? out.at(-2) : undefined;
    if (
      beforeBlank?.trim() &&
      !(options.paragraphs && (isRowLine(beforeBlank) || isRowLine(line))) &&
      line.trim() !== '' &&
      !ENDS_PHRASE.test(beforeBlank) &&
      !LIST_ITEM.test(line) &&
      (/^\s*\p{Ll}/u.test(line) || ENDS_ON_FUNCTION_WORD.test(beforeBlank))
    ) {
      out.pop();
    }
    const previous = out.at(-1);
    const joinable =
      previous !== undefined &&
      previous.trim() !== '' &&
      line.trim() !== '' &&
      !ENDS_PHRASE.test(previous) &&
      !LIST_ITEM.test(line) &&
      (options.paragraphs
        ? !isRowLine(previous) && !isRowLine(line) && !CELLS.test(previous) && !CELLS.test(line)
        : /^\s*\p{Ll}/u.test(line) || ENDS_ON_FUNCTION_WORD.test(previous) || (wrapped && previous.length >= width * 0.6));
    if (!joinable) {
      out.push(line);
      continue;
    }
    const next = line.trimStart();
    out[out.length - 1] = /\p{L}[-\u2010]$/u.test(previous) && /^\p{Ll}/u.test(next) ? `${previous}${next}` : `${previous} ${next}`;
  }
  return out;
}

/**
 * A paragraph that is one figure (an amount, a rate, a count of four digits or more), as a table's
 * value cell copied out alone; a short number alone is most often a page's number.
 */
const LONE_FIGURE = /^\s*(?:\p{Sc}\s?)?(?:\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+|\d{4,}|\d+(?:[.,]\d+)?\s?%)(?:\s?\p{Sc})?\*?\s*$/u;
/** A label that a lone figure may close: words, not a sentence, and short. */
const LABEL_MAX_CHARS = 120;

/**
 * A figure alone in its paragraph, right after a line that is a label (words that end no sentence
 * and no figure), is that label's value: a table's cell copied out of a PDF below its row's label
 * ("TOTAL DES COÛTS dont 13 % de frais de soutien", then "2 365 000"). The figure joins the label's
 * line, so that the value is read with what it is the value of.
 */
export function labelledFigures(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const label = out.at(-2);
    const figureAfterLabel =
      LONE_FIGURE.test(line) &&
      out.at(-1)?.trim() === '' &&
      label !== undefined &&
      /\p{L}{2}/u.test(label) &&
      label.trim().length <= LABEL_MAX_CHARS &&
      !ENDS_PHRASE.test(label.trim()) &&
      !/\d\*?\s*$/.test(label) &&
      !(lines[i + 1] ?? '').trim();
    if (!figureAfterLabel) {
      out.push(line);
      continue;
    }
    out.pop();
    out[out.length - 1] = `${label.trimEnd()} ${line.trim()}`;
  }
  return out;
}

/** A part of a text: prose, or a table's rows with the sentence that introduces it. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'table'; caption: string; rows: string[]; records?: { title: string; lines: string[] }[] };

/** A table's caption is at most this long (the end of a long sentence is cut). */
const CAPTION_MAX_CHARS = 160;

/** Words that announce a table ("as shown below", "ci-dessous", "如下"): the caption is read from a little before them. */
const ANNOUNCES_TABLE = /ci-dessous|ci-après|below|as follows|the following|a continuación|siguientes?|ниже|следующ|أدناه|التالي|如下|下表/iu;
/** How much of the sentence before those words the caption keeps, and its longest length then. */
const CAPTION_BEFORE_ANNOUNCEMENT = 110;
const ANNOUNCED_CAPTION_MAX_CHARS = 280;

/** A table's caption from the prose line before it: all of a short line; else the part that announces the table, or the line's end. */
function captionOf(line: string): string {
  if (line.length <= CAPTION_MAX_CHARS) return line;
  const announced = ANNOUNCES_TABLE.exec(line);
  if (announced) {
    const start = Math.max(0, announced.index - CAPTION_BEFORE_ANNOUNCEMENT);
    const head = start > 0 ? line.slice(start).replace(/^\S*\s/, '') : line;
    const cut = head.length > ANNOUNCED_CAPTION_MAX_CHARS ? `${head.slice(0, ANNOUNCED_CAPTION_MAX_CHARS).replace(/\s\S*$/, '')}…` : head;
    return `${start > 0 ? '…' : ''}${cut}`;
  }
  return `…${line.slice(-CAPTION_MAX_CHARS).replace(/^\S*\s/, '')}`;
}

/** Lines that text copied out of a PDF set apart and that belong together: a two-column table given column after column, a field and its value on two lines (text and Markdown alike). */
export function rejoinLines(lines: string[]): string[] {
  return joinFieldPairs(unstackColumns(lines));
}

/** The parts of a text: prose with its wrapped lines joined, and tables as rows, each with its caption (the prose line before it). */
export function structureParts(raw: string): TextPart[] {
  const lines = rejoinLines(sideBySideTotals(raw.replace(/\r\n?/g, '\n').split('\n')));
  const parts: TextPart[] = [];
  for (const block of blocksOf(lines)) {
    if (block.kind === 'text') {
      parts.push({ kind: 'text', text: unwrap(labelledFigures(block.lines)).join('\n') });
      continue;
    }
    const previous = parts.at(-1);
    const lastLine = previous?.kind === 'text' ? (previous.text.trim().split('\n').at(-1) ?? '') : '';
    const line = lastLine.replace(/\s+/g, ' ').trim();
    const caption = captionOf(line);
    // Columns that could not be told apart are named in the caption.
    const columns = block.header && block.header.length > 0 ? `(${block.header.join(' | ')})` : '';
    parts.push({ kind: 'table', caption: [caption, columns].filter(Boolean).join(' '), rows: block.lines, ...(block.records ? { records: block.records } : {}) });
  }
  return parts;
}

/** Text with its tables as row lines (a blank line around each table) and its wrapped lines joined. */
export function structureText(raw: string): string {
  return structureParts(raw)
    .map((p) => (p.kind === 'table' ? `\n${p.rows.join('\n')}\n` : p.text))
    .join('\n');
}
