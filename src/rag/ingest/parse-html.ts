/**
 * HTML (and the HTML mammoth makes of a DOCX): `h1`..`h4` to heading paths, tables as one line per
 * row carrying the header row's labels (see layout.ts), scripts, styles, navigation and images dropped; `<title>`
 * is the title, else the first `h1`.
 *
 * html-to-text does the rendering; headings and the title are wrapped in private-use markers on the
 * way out, then the text is cut at the markers.
 */
import { compile } from 'html-to-text';
import type { DomNode, FormatCallback, SelectorDefinition } from 'html-to-text';
import type { DocumentFormat, ParsedDocument, Section } from '../types.ts';
import { tableLines } from './layout.ts';
import { BYLINE, HeadingPath, normalizeText, pushSection } from './parse-text.ts';

const HEADING_OPEN = '\ue000';
const HEADING_CLOSE = '\ue001';
const TITLE_OPEN = '\ue002';
const TITLE_CLOSE = '\ue003';

const heading: FormatCallback = (elem, walk, builder, options) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addLiteral(`${HEADING_OPEN}${String(options.level)}`);
  walk(elem.children, builder);
  builder.addLiteral(HEADING_CLOSE);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

const title: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 1 });
  builder.addLiteral(TITLE_OPEN);
  walk(elem.children, builder);
  builder.addLiteral(TITLE_CLOSE);
  builder.closeBlock({ trailingLineBreaks: 1 });
};

/** A link's text, followed by its address when that is absolute and says more than the text. */
const link: FormatCallback = (elem, walk, builder) => {
  walk(elem.children, builder);
  const attribs = elem.attribs as Record<string, string> | undefined;
  const href = attribs?.href?.trim() ?? '';
  if (/^https?:\/\//i.test(href) && !textOf(elem).includes(href)) builder.addInline(` (${href})`);
};

/** Every table row on a line of its own, with the header row's labels: "Relevance — Weight: 30%". */
const tableRows: FormatCallback = (elem, walk, builder) => {
  builder.openTable();
  const visit = (node: DomNode): void => {
    if (node.type !== 'tag') return;
    if (node.name === 'tr') {
      builder.openTableRow();
      for (const cell of node.children) {
        if (cell.type !== 'tag' || (cell.name !== 'td' && cell.name !== 'th')) continue;
        builder.openTableCell();
        walk(cell.children, builder);
        builder.closeTableCell();
      }
      builder.closeTableRow();
    } else if (node.name !== 'table') {
      node.children.forEach(visit);
    }
  };
  elem.children.forEach(visit);
  builder.closeTable({
    tableToString: (rows) => tableLines(rows.map((cells) => cells.map((c) => c.text.replace(/\s+/g, ' ').trim()))).join('\n'),
    leadingLineBreaks: 2,
    trailingLineBreaks: 2,
  });
};

const DROPPED = ['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'nav', 'img', 'button', 'select', '[role=navigation]', '[hidden]', '[aria-hidden=true]'];

const selectors: SelectorDefinition[] = [
  ...DROPPED.map((selector) => ({ selector, format: 'skip' })),
  { selector: 'title', format: 'docTitle' },
  ...[1, 2, 3, 4].map((level) => ({ selector: `h${level}`, format: 'marked', options: { level } })),
  { selector: 'h5', format: 'block', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
  { selector: 'h6', format: 'block', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
  { selector: 'a', format: 'link' },
  { selector: 'table', format: 'rows' },
  { selector: 'ul', format: 'unorderedList', options: { itemPrefix: '- ' } },
];

const toText = compile({
  wordwrap: false,
  // The whole document, not only <body>: the title is in <head>, and fragments have no body.
  baseElements: { selectors: ['html'], returnDomByDefault: true },
  formatters: { marked: heading, docTitle: title, link, rows: tableRows },
  selectors,
});

export function parseHtml(html: string, format: DocumentFormat = 'html'): ParsedDocument {
  let docTitle: string | undefined;
  let text = toText(html).replace(new RegExp(`${TITLE_OPEN}([^${TITLE_CLOSE}]*)${TITLE_CLOSE}`, 'g'), (_m, t: string) => {
    docTitle ??= oneLine(t) || undefined;
    return '';
  });

  const sections: Section[] = [];
  const path = new HeadingPath();
  let firstH1: string | undefined;
  const marker = new RegExp(`${HEADING_OPEN}([1-4])([^${HEADING_CLOSE}]*)${HEADING_CLOSE}`, 'g');
  let last = 0;
  // A byline set as a heading ("Written by …") says who wrote the text: it is a line of it, not a heading over it.
  text = text.replace(marker, (whole, _level: string, inner: string) => (BYLINE.test(oneLine(inner)) ? `\n${oneLine(inner)}\n` : whole));
  for (const match of text.matchAll(marker)) {
    pushSection(sections, path, text.slice(last, match.index));
    const level = Number(match[1]);
    const headingText = oneLine(match[2] ?? '');
    path.enter(level, headingText);
    if (level === 1 && headingText) firstH1 ??= headingText;
    last = match.index + match[0].length;
  }
  pushSection(sections, path, text.slice(last));
  return { format, title: docTitle ?? firstH1, sections, meta: {} };
}

/** An HTML table written into another format (Markdown allows raw HTML): its rows as lines, with their headers. */
export function htmlTableLines(html: string): string[] {
  return toText(html).split('\n').map((l) => l.trim()).filter(Boolean);
}

function oneLine(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ');
}

function textOf(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  return (node.children ?? []).map(textOf).join('');
}
