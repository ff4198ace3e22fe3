/**
 * Plain text, and the text clean-up every parser shares: NFC, no control characters or soft
 * hyphens, single spaces, paragraphs kept as blank-line breaks.
 */
import type { ParsedDocument, Section } from '../types.ts';
import { structureParts } from './layout.ts';

/** A heading that is a byline ("Written by …", "Par …", "Por …"): a line of the text, not a heading over it. */
export const BYLINE = /^(?:(?:written|posted|published|prepared|redactado|escrito|publicado|rédigé|écrit|publié)\s+)?(?:by|par|por)\s+\p{Lu}/iu;

/** A first line longer than this is a sentence, not a title. */
const MAX_TITLE_CHARS = 120;

// Tab, line feed and carriage return are handled before; every other C0/C1 control goes, and so do
// the byte-order mark, soft hyphens and the private-use markers the HTML parser uses internally.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\ufeff\ue000-\ue00f]/g;
// Any horizontal white space (tab, no-break, ideographic and other Unicode spaces).
const SPACES = /[\t\p{Zs}]+/gu;

/** Cleans up extracted text: the one normalisation of the knowledge base. */
export function normalizeText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?|[\v\f\u2028\u2029\u0085]/g, '\n')
    .replace(CONTROL, '')
    .replace(SPACES, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A plain-text file: its prose, its wrapped lines joined, and each table as a section of its own
 * (rows with their headers) under the sentence that introduces it, so that every passage cut from
 * a long table still carries what the table is about. The title is the first line when it is short.
 */
export function parseText(content: string): ParsedDocument {
  const parts = structureParts(content);
  const sections: Section[] = [];
  for (const part of parts) {
    if (part.kind === 'text') pushSection(sections, [], part.text);
    // A table of records closed by their figures: a section per record, under its title.
    else if (part.records) for (const r of part.records) pushSection(sections, [...(part.caption ? [part.caption] : []), r.title], r.lines.join('\n'));
    else pushSection(sections, part.caption ? [part.caption] : [], part.rows.join('\n'));
  }
  const firstLine = normalizeText(parts.find((p) => p.kind === 'text')?.text ?? '').split('\n', 1)[0] ?? '';
  const title = firstLine && firstLine.length < MAX_TITLE_CHARS ? firstLine : undefined;
  return { format: 'txt', title, sections, meta: {} };
}

/** Adds a section unless its text is empty once normalised. */
export function pushSection(sections: Section[], headings: readonly string[] | HeadingPath, raw: string): void {
  let text = normalizeText(raw);
  if (!text) return;
  if (headings instanceof HeadingPath) {
    // The headings of a cover page, each left without text of its own, open the document's first section.
    const cover = headings.used();
    if (cover.length > 0 && sections.length === 0) text = `${cover.join('\n')}\n\n${text}`;
  }
  sections.push({ headings: headings instanceof HeadingPath ? headings.headings : [...headings], text });
}

/**
 * A heading path as headings of levels 1..n arrive: a heading replaces the one of its level and
 * drops those below it (levels may be skipped: # then ### gives a path of two).
 */
export class HeadingPath {
  private stack: { level: number; text: string }[] = [];
  /** Headings replaced before any text came under them or under the headings after them: a cover page's ("Project: …", "Country: …"). */
  private cover: string[] | undefined = [];

  enter(level: number, raw: string): void {
    const text = normalizeText(raw).replace(/\s+/g, ' ');
    while (this.stack.length > 0 && (this.stack.at(-1)?.level ?? 0) >= level) {
      const dropped = this.stack.pop();
      if (dropped && this.cover) this.cover.push(dropped.text);
    }
    if (text) this.stack.push({ level, text });
  }

  /** Text comes under the path: the cover's headings, once (none after the first text). */
  used(): string[] {
    const cover = this.cover ?? [];
    this.cover = undefined;
    return cover;
  }

  get headings(): string[] {
    return this.stack.map((h) => h.text);
  }
}
