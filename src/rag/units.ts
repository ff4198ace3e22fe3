/**
 * A passage cut into the units an answer can quote: table rows (one line each, as ingestion
 * writes them), list items, and sentences. Sentences are cut by Intl.Segmenter, then mended where
 * it cut after an abbreviation or a title ("M. Ghandour", "Dr. Lee"), an initial, or a paragraph
 * number ("4. The webinars…").
 */
import type { Lang } from '../i18n/index.ts';
import { isFieldRow, isRowLine, rowCells } from './ingest/layout.ts';

export type UnitKind = 'row' | 'item' | 'sentence';

export interface Unit {
  kind: UnitKind;
  text: string;
  /** Order in the passage. */
  index: number;
  /** A row whose cells are named by column headers (a row of numbered records has none). */
  headed?: boolean;
  /** A row of a two-column table of labels and values ("Principal investigator — J. Araya"). */
  pair?: boolean;
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATION = /(?:^|[\s(«“"])(?:M|MM|Mme|Mmes|Mlle|Mr|Mrs|Ms|Dr|Dra|Pr|Prof|Sr|Sra|Srta|St|Ste|Jr|No|N°|n°|art|arts|p|pp|vol|cf|env|op|ch|chap|fig|Inc|Ltd|Co|Corp|dir|éd|ed|eds|approx|av|ex|resp|réf|ref|г|гг|им|т|ул|д|с|см|ср|тыс|млн|[\p{Lu}])\.$/u;
/** A piece that is only a paragraph or item number ("4.", "iv.", "b)"; Arabic documents number "4-"). */
const NUMBERING = /^(?:(?:\d{1,3}|[IVXLivxl]{1,5}|[a-z])[.)]|\d{1,3}-)$/;
const LIST_ITEM = /^\s*(?:[-•*–·▪◦]|\d{1,3}[.)-]|(?!M\.\s+\p{Lu})[a-zA-Z][.)]|\(?[ivxIVX]{1,5}\)|\([a-z0-9]{1,3}\))\s+/u;
/** A paragraph's or item's number at the start of a unit: not part of what it says (and not a figure to quote). */
const LEADING_NUMBER = /^\s*(?:\d{1,3}(?:\.\d{1,2})*[.)-]|(?!M\.\s+\p{Lu})[a-zA-Z][.)]|\(?[ivxIVX]{1,5}\)|\([a-z0-9]{1,3}\)|0\d(?=\s+\p{Lu}))\s+/u;

/** A token that is a document's reference, a path or an address: it holds a slash, an @ or two stops. */
const REFERENCE = /[/@]|\..*\./u;
/** A Chinese or Japanese full stop, which ends a sentence with no space after it. */
const HAN_STOP = /[。！？]$/u;

const segmenters = new Map<Lang, Intl.Segmenter>();
function segmenter(lang: Lang): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

/** Whether a full stop at the end of `before` ends no sentence: an abbreviation, a title, an initial, an item's number. */
export function stopsNoSentence(before: string): boolean {
  if (ABBREVIATION.test(before.slice(-24))) return true;
  // An item's number is a whole short line ("19.", "iv)").
  const lineStart = before.lastIndexOf('\n') + 1;
  return before.length - lineStart <= 8 && NUMBERING.test(before.slice(lineStart).trim());
}

const HAN = /\p{Script=Han}/u;

/** A text's length in words; Chinese, written without spaces, as two characters a word. */
export function wordCount(text: string): number {
  const t = text.trim();
  if (t === '') return 0;
  return HAN.test(t) ? Math.floor(t.replace(/\s/g, '').length / 2) : t.split(/\s+/).length;
}

/** A note's number set right after a sentence's stop ("…were completed.4 This represents…"): the sentence ends there. */
const NOTE_AFTER_STOP = /(\p{Ll}{3,}[.!?])\d{1,3}(?=\s+\p{Lu})/gu;

/** The sentences of one line of text, mended at abbreviations and numbers. */
export function sentencesOf(text: string, lang: Lang): string[] {
  const line = text.replace(NOTE_AFTER_STOP, '$1');
  const out: string[] = [];
  // A cut with no space after the stop, inside a reference or an address ("CE/13/7.IGC/4"), is no sentence end.
  let glued = false;
  for (const piece of segmenter(lang).segment(line)) {
    const text = piece.segment.trim();
    if (!text) continue;
    const previous = out.at(-1);
    if (previous !== undefined && glued && REFERENCE.test(`${previous.split(' ').at(-1) ?? ''}${text.split(' ')[0] ?? ''}`)) out[out.length - 1] = `${previous}${text}`;
    else if (previous !== undefined && stopsNoSentence(previous)) out[out.length - 1] = `${previous} ${text}`;
    else out.push(text);
    glued = !/\s$/u.test(piece.segment) && !HAN_STOP.test(piece.segment);
  }
  return out;
}

/** The units of a passage, in order. */
export function unitsOf(text: string, lang: Lang): Unit[] {
  const units: Unit[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    if (isRowLine(line)) {
      const { cells } = rowCells(line);
      const headed = cells.some((c) => c.header !== '');
      units.push({ kind: 'row', text: line, index: units.length, headed, pair: isFieldRow(cells) });
      continue;
    }
    const item = LIST_ITEM.test(line);
    sentencesOf(line, lang).forEach((sentence, i) => {
      const text = i === 0 ? sentence.replace(LEADING_NUMBER, '') : sentence;
      if (text) units.push({ kind: item && i === 0 ? 'item' : 'sentence', text, index: units.length });
    });
  }
  return units;
}
