/**
 * Markdown: front matter to `meta`, headings `#`..`####` (ATX or setext) to heading paths, and the
 * text under them with the Markdown syntax taken off (emphasis, links, code fences, table rules),
 * the lines of a paragraph joined (a line break inside a paragraph is a space in Markdown).
 */
import type { ParsedDocument, Section } from '../types.ts';
import { closedRecordTables } from './closed-records.ts';
import { gridTable, isGridBorder } from './grid-tables.ts';
import { markdownTable, rejoinLines, tableLines, unwrap } from './layout.ts';
import { htmlTableLines } from './parse-html.ts';
import { BYLINE, HeadingPath, normalizeText, pushSection } from './parse-text.ts';

/** Deeper headings stay in the text as lines of their own. */
const MAX_HEADING_LEVEL = 4;

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
/** A heading written without the space after its marks ("##Budget"), as some editors and converters do. */
const TIGHT_HEADING = /^ {0,3}(#{1,6})(\p{L}.*?)[ \t]*$/u;
/** Raw HTML: a script or style block (dropped whole), and any other tag (dropped, its text kept). */
const SCRIPT_BLOCK = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const HTML_TAG = /<\/?[a-zA-Z][\w-]*(?:\s[^<>]*)?\/?>/g;
/** A table written in raw HTML, as converters of web pages and Word files leave them. */
const HTML_TABLE_OPEN = /^\s*<table\b/i;
const HTML_TABLE_CLOSE = /<\/table\s*>/i;
const SETEXT_RULE = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const TABLE_RULE = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]+\S+/;

export function parseMarkdown(source: string): ParsedDocument {
  const { meta, body } = splitFrontMatter(source);
  const lines = rejoinLines(body.replace(/<!--[\s\S]*?-->/g, '').replace(SCRIPT_BLOCK, '').split(/\r\n?|\n/));
  // Headings without the space: "##Budget" always; "#Title" on the first line, or where no heading
  // of the document has the space (elsewhere "#hashtag" at a line's start is text).
  const first = lines.findIndex((l) => l.trim() !== '');
  const loose = !lines.some((l) => /^ {0,3}#{1,6}[ \t]+\S/.test(l));
  const tight = (line: string, i: number): RegExpExecArray | null => {
    const m = TIGHT_HEADING.exec(line);
    return m && ((m[1]?.length ?? 0) > 1 || i === first || loose) ? m : null;
  };
  const sections: Section[] = [];
  const path = new HeadingPath();
  let firstH1: string | undefined;
  let buffer: string[] = [];
  let fence: string | undefined;

  // The buffer's text as the section under the current headings; a table of records closed by
  // their figures (a PDF's text pasted in) as a section per record, under its title.
  const pushText = (): void => {
    let at = 0;
    for (const table of closedRecordTables(buffer)) {
      pushSection(sections, path, unwrap(buffer.slice(at, table.start), { paragraphs: true }).join('\n'));
      for (const record of table.records) pushSection(sections, [...path.headings, record.title], record.lines.join('\n'));
      at = table.end;
    }
    pushSection(sections, path, unwrap(buffer.slice(at), { paragraphs: true }).join('\n'));
  };

  const heading = (level: number, text: string): void => {
    if (level > MAX_HEADING_LEVEL || BYLINE.test(cleanInline(text).trim())) {
      buffer.push('', cleanInline(text), '');
      return;
    }
    pushText();
    buffer = [];
    const plain = cleanInline(text);
    path.enter(level, plain);
    if (level === 1 && firstH1 === undefined) firstH1 = normalizeText(plain) || undefined;
  };

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      if (fenceMatch?.[1]?.startsWith(fence)) fence = undefined;
      else buffer.push(line);
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]?.slice(0, 3);
      continue;
    }
    const atx = ATX_HEADING.exec(line) ?? tight(line, i);
    if (atx) {
      heading(atx[1]?.length ?? 1, atx[2] ?? '');
      continue;
    }
    const next = lines[i + 1] ?? '';
    const setext = SETEXT_RULE.exec(next);
    const standsAlone = i === 0 || (lines[i - 1] ?? '').trim() === '';
    if (setext && standsAlone && line.trim() !== '' && !/^ {0,3}([-*+|>]|\d+[.)])/.test(line)) {
      heading(setext[1]?.startsWith('=') ? 1 : 2, line);
      i += 1;
      continue;
    }
    // A table: a row of cells, the rule under it, then rows; kept as rows with their headers.
    if (line.includes('|') && TABLE_RULE.test(lines[i + 1] ?? '')) {
      const { rows, end } = markdownTable(lines, i, cleanInline);
      i = end - 1;
      buffer.push('', ...tableLines(rows), '');
      continue;
    }
    // A grid table (`+---+---+`), as pandoc writes a Word document's tables.
    const grid = isGridBorder(line) ? gridTable(lines, i, cleanInline) : undefined;
    if (grid) {
      i = grid.end - 1;
      buffer.push('', ...grid.lines, '');
      continue;
    }
    if (HTML_TABLE_OPEN.test(line)) {
      let end = i;
      while (end < lines.length - 1 && !HTML_TABLE_CLOSE.test(lines[end] ?? '')) end++;
      buffer.push('', ...htmlTableLines(lines.slice(i, end + 1).join('\n')), '');
      i = end;
      continue;
    }
    if (TABLE_RULE.test(line)) continue;
    if (THEMATIC_BREAK.test(line) || LINK_DEFINITION.test(line)) {
      buffer.push('');
      continue;
    }
    buffer.push(cleanInline(line));
  }
  pushText();
  return { format: 'md', title: meta.title || firstH1, sections, meta };
}

/** Front matter: `---` on the first line, `key: value` lines, and `---` (or `...`) closing it. */
export function splitFrontMatter(source: string): { meta: Record<string, string>; body: string } {
  const text = source.replace(/^\ufeff/, '');
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return { meta: {}, body: text };
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(open[0].length);
  const end = close.exec(rest);
  if (!end) return { meta: {}, body: text };
  const meta: Record<string, string> = {};
  for (const line of rest.slice(0, end.index).split(/\r?\n/)) {
    const pair = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/.exec(line);
    const key = pair?.[1]?.toLowerCase();
    const value = unquote(pair?.[2] ?? '');
    if (key && value) meta[key] = value;
  }
  return { meta, body: rest.slice(end.index + end[0].length) };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return normalizeText(quoted ? (quoted[2] ?? '') : value.replace(/[ \t]+#.*$/, ''));
}

/** One line of Markdown as plain text. */
function cleanInline(line: string): string {
  return line
    .replace(/^ {0,3}>[ \t]?/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(\s*<?([^)\s>]*)>?(?:\s+["'(][^)]*)?\)/g, (_m, label: string, url: string) =>
      /^https?:\/\//i.test(url) && url !== label ? `${label} (${url})` : label,
    )
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(HTML_TAG, '')
    // Pandoc's attributes: a bracketed span's ("[text]{.mark}") and a heading's ("{#id .unnumbered}").
    .replace(/\[([^\]]*)\]\{[#.][^}]*\}/g, '$1')
    .replace(/\s*\{#[^}\s]*(?:\s+\.[\w-]+)*\}\s*$/, '')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^(\s*)\|(.*)\|\s*$/, '$1$2')
    .replace(/\s+\|\s+/g, ' | ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
}
