/**
 * A place, language or body that a sentence names only as one item of a list ("six regional
 * workshops: Africa (2), Arab States, Asia-Pacific (2), Latin America and the Caribbean") shares the
 * sentence's figure with the other items: the figure is the list's, not its own. A question asking
 * how many or how much for that one item is not answered by it.
 */
import type { Lang } from '../i18n/index.ts';
import { analyze } from './analyze.ts';
import { isRowLine, ROW_LABEL_SEPARATOR } from './ingest/layout.ts';
import type { Span } from './entities.ts';
import type { Concept } from './query.ts';
import { conceptMatched } from './support.ts';
import { wordCount } from './units.ts';

/** Marks between the items of a list (commas of each script, semicolons, a dash between spaces). */
const SEPARATOR = /[,;、，；،؛]|\s[–—-]\s/gu;
/** A colon opens a list ("the following regions: A, B, C"); its items do not run across it. */
const COLON = /[:：]/gu;
/** Words joining a list's last item, by language. */
const CONJUNCTIONS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['and', 'or']),
  fr: new Set(['et', 'ou']),
  es: new Set(['y', 'e', 'o', 'u']),
  ru: new Set(['и', 'или']),
  ar: new Set(['و', 'أو']),
  zh: new Set(['和', '及', '与', '以及', '或']),
};
/** An item of a list is a few words ("Asia-Pacific", "the Arab States", "de l'Afrique"). */
const ITEM_MAX_WORDS = 5;
/** Items other than the one asked about: a list of two is a pair, not a list that shares its figure. */
const MIN_SIBLINGS = 2;
const HAN = /\p{Script=Han}/u;

interface Item {
  start: number;
  end: number;
  text: string;
}

/** The piece split at its conjunctions ("Ghana and Senegal" → "Ghana", "Senegal"); whether it had one. */
function splitAtConjunction(piece: Item, lang: Lang): { items: Item[]; joined: boolean; leading: boolean } {
  const joins = CONJUNCTIONS[lang];
  const tokens = [...piece.text.matchAll(HAN.test(piece.text) ? /[和及与或]|以及|[^和及与或\s]+/gu : /\S+/gu)];
  const items: Item[] = [];
  let from = 0;
  let joined = false;
  let leading = false;
  for (const t of tokens) {
    const word = t[0].toLowerCase();
    // An Arabic list joins its last item with "و" written onto it ("والدول العربية").
    const arabicJoin = lang === 'ar' && /^و\p{L}{3,}/u.test(word) && piece.text.slice(0, t.index).trim() !== '';
    if (!joins.has(word) && !arabicJoin) continue;
    // A conjunction that opens the piece ("…; and those of the Pacific, …") joins it to what came before.
    if (piece.text.slice(0, t.index).trim() === '') {
      from = t[0].length;
      leading = true;
      continue;
    }
    const before = piece.text.slice(from, t.index);
    if (before.trim() !== '') items.push({ start: piece.start + from, end: piece.start + t.index, text: before });
    from = arabicJoin ? t.index + 1 : t.index + t[0].length;
    joined = true;
  }
  const rest = piece.text.slice(from);
  if (rest.trim() !== '') items.push({ start: piece.start + from, end: piece.end, text: rest });
  return { items, joined, leading };
}

/** The text with each bracketed part blanked out, and those parts (a list may sit inside brackets). */
function bracketed(text: string): { outside: string; inside: Item[] } {
  const inside: Item[] = [];
  let outside = '';
  let depth = 0;
  let open = 0;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k] as string;
    if (ch === '(' || ch === '（' || ch === '[') {
      if (depth === 0) open = k;
      depth++;
      outside += ' ';
    } else if ((ch === ')' || ch === '）' || ch === ']') && depth > 0) {
      depth--;
      if (depth === 0) inside.push({ start: open + 1, end: k, text: text.slice(open + 1, k) });
      outside += ' ';
    } else outside += depth > 0 ? ' ' : ch;
  }
  return { outside, inside };
}

/** Pieces of `text` between the marks `pattern` finds, with their places. */
function piecesOf(text: string, pattern: RegExp, offset: number): Item[] {
  const pieces: Item[] = [];
  let from = 0;
  for (const m of text.matchAll(pattern)) {
    pieces.push({ start: offset + from, end: offset + m.index, text: text.slice(from, m.index) });
    from = m.index + m[0].length;
  }
  pieces.push({ start: offset + from, end: offset + text.length, text: text.slice(from) });
  return pieces;
}

/**
 * The lists of a text: runs of three or more short items between commas, the last joined by a
 * conjunction ("A, B and C"), or all of what follows a colon ("regions: A, B, C"), or written with
 * the Chinese list comma. A bracketed part belongs to the item before it ("Africa (2)"); a list may
 * also stand inside brackets.
 */
/**
 * A sentence's opening phrase of time before its comma ("In 2024,", "En mai 2019,", "В 2023 году,"):
 * it says when, and is no item of a list the rest of the sentence may seem to continue.
 */
const OPENING_TIME = /^\s*(?:\p{L}+\s+){0,2}(?:19|20)\d{2}(?:\s+\p{L}+)?\s*$/u;

function listsOf(text: string, lang: Lang, offset = 0): Item[][] {
  const { outside, inside } = bracketed(text);
  const lists = inside.flatMap((part) => listsOf(part.text, lang, offset + part.start));
  piecesOf(outside, COLON, offset).forEach((segment, s) => {
    const pieces = piecesOf(segment.text, SEPARATOR, segment.start).filter((p) => /\p{L}/u.test(p.text));
    let run: Item[] = [];
    let joined = false;
    let fromStart = true;
    const close = (toEnd: boolean): void => {
      const introduced = s > 0 && fromStart && toEnd;
      const listComma = /、/.test(segment.text);
      if (run.length >= 1 + MIN_SIBLINGS && (joined || introduced || listComma)) lists.push(run);
      run = [];
      joined = false;
      fromStart = false;
    };
    pieces.forEach((piece, k) => {
      const last = k === pieces.length - 1;
      if (k === 0 && !last && OPENING_TIME.test(piece.text)) return;
      const split = splitAtConjunction(piece, lang);
      // "…, and C" ends a list of two or more items; "…; and A, B, C" begins one.
      if (split.leading && run.length >= MIN_SIBLINGS) split.joined = true;
      else if (split.leading) close(false);
      if (wordCount(piece.text) <= ITEM_MAX_WORDS) {
        run.push(...split.items);
        joined ||= split.joined;
        if (split.joined || last) close(last);
        return;
      }
      // A longer piece may end a list: its first item is joined by a conjunction ("de l'Afrique et de
      // l'Asie-Pacifique sont sous-représentés"), the last runs into the rest of the sentence.
      const [first, second] = split.items;
      if (run.length > 0 && split.joined && first && second && wordCount(first.text) <= ITEM_MAX_WORDS) {
        run.push(first, { ...second, end: second.start + Math.min(second.text.length, 40) });
        joined = true;
      }
      close(false);
    });
  });
  return lists;
}

/**
 * Whether `text` names the concept only as an item of a list of others — and, when `span` is a
 * figure of that same text, the figure is not the item's own ("Africa (2)").
 */
export function namedOnlyInList(concept: Concept, text: string, lang: Lang, span?: Span): boolean {
  for (const list of listsOf(text, lang)) {
    const holding = list.map((item) => concept.phrases.some((phrase) => phrase.some((t) => analyze(item.text, lang).includes(t))));
    const first = holding.indexOf(true);
    const last = holding.lastIndexOf(true);
    if (first < 0) continue;
    const items = list.slice(first, last + 1);
    if (!conceptMatched(concept, new Set(items.flatMap((item) => analyze(item.text, lang))))) continue;
    if (list.length - items.length < MIN_SIBLINGS) continue;
    // The concept must not also be named outside the list, on its own.
    const outside = text.slice(0, list[0]?.start ?? 0) + ' ' + text.slice(list.at(-1)?.end ?? text.length);
    if (conceptMatched(concept, new Set(analyze(outside, lang)))) continue;
    // A figure right after the item (in its brackets, before the next item) is its own.
    const next = list[last + 1];
    const itemEnd = next ? next.start : (items.at(-1)?.end ?? 0) + 8;
    if (span && span.start >= (items[0]?.start ?? 0) && span.start < itemEnd) continue;
    return true;
  }
  return false;
}

/**
 * Whether a figure of `unit` is a list's, for a concept of the question that the unit, or else the
 * text just above it (`context`: the record a row of figures closes, the sentence before), names
 * only as one item of that list.
 */
export function figureOfList(concept: Concept, unit: string, span: Span, context: string[], lang: Lang): boolean {
  // A row's label is no item of a list its first cell would continue ("Total funding — West and
  // Central Africa: …"): a list's items do not run across it, as they do not across a colon.
  const text = isRowLine(unit) ? unit.replace(ROW_LABEL_SEPARATOR, ' : ') : unit;
  if (conceptMatched(concept, new Set(analyze(text, lang)))) return namedOnlyInList(concept, text, lang, span);
  const near = context.find((text) => conceptMatched(concept, new Set(analyze(text, lang))));
  return near !== undefined && namedOnlyInList(concept, near, lang);
}
