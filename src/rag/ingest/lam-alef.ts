/**
 * Arabic PDFs whose lam-alef ligatures came out turned around ("خالل" for "خلال", "السالمة" for
 * "السلامة", "دوالر" for "دولار"). `parse-pdf.ts` puts back those after the article, where two
 * alefs stand together; inside a word, "ال" may be the word's own letters ("العالم", "أعمال") or a
 * turned "لا", which only knowing the word can tell. A document shows the fault when its Arabic
 * words hold no "لا" at all (every lam-alef of a text set with the ligature was turned); in such a
 * document a word is read the other way when only that reading is a word the glossary or the
 * stop-word list knows and the word as written is not.
 */
import type { Lang } from '../../i18n/index.ts';
import { analyze } from '../analyze.ts';
import type { Glossary } from '../glossary.ts';
import type { ParsedDocument } from '../types.ts';

const ARABIC_WORD = /(?:\p{Script=Arabic}|\p{M})+/gu;
const LAM_ALEF = /ل[اأإآ]/;
/**
 * Words a document must have before its lack of "لا" says anything, and the share of them below
 * which it lacks it: about 3 % of the words of sound Arabic hold one past the article, 0.6 % of a
 * turned report's (where the article's repair made some).
 */
const MIN_WORDS = 200;
const SOUND_SHARE = 0.015;
const MIN_LETTERS = 4;
/** The article and the letters a word may carry before it: an "ال" there is the article. */
const ARTICLE = /^(?:[وفبك]?ال|لل)/;

/** Whether a word holds "لا" past its article (the article's own lam before an alef, "الاقتصادية", was put back already). */
const lamAlefInside = (word: string): boolean => LAM_ALEF.test(word.slice(ARTICLE.exec(word)?.[0].length ?? 0));

/** Whether a document's Arabic shows turned ligatures: many words, and (almost) none holding "لا" past the article. */
function turned(words: string[]): boolean {
  if (words.length < MIN_WORDS) return false;
  return words.filter(lamAlefInside).length < SOUND_SHARE * words.length;
}

/** The readings of a word with one "ال" after its article turned back into "لا", and with all of them. */
function readings(word: string): string[] {
  const start = ARTICLE.exec(word)?.[0].length ?? 0;
  const at: number[] = [];
  for (let i = Math.max(1, start); i < word.length - 1; i++) if (word[i] === 'ا' && word[i + 1] === 'ل') at.push(i);
  const swap = (w: string, i: number): string => `${w.slice(0, i)}لا${w.slice(i + 2)}`;
  const out = at.map((i) => swap(word, i));
  if (at.length > 1) out.push(at.reduce(swap, word));
  return out;
}

export class LamAlefMender {
  private readonly known = new Map<string, string | null>();

  constructor(private readonly glossary: Glossary) {}

  /** The document with its turned words read back, when it shows the fault; else the document itself. */
  mend(doc: ParsedDocument, lang: Lang): ParsedDocument {
    if (lang !== 'ar' || doc.format !== 'pdf') return doc;
    const words = doc.sections.flatMap((s) => s.text.match(ARABIC_WORD) ?? []);
    if (!turned(words)) return doc;
    const fix = (text: string): string => text.replace(ARABIC_WORD, (w) => this.word(w));
    return { ...doc, title: doc.title === undefined ? undefined : fix(doc.title), sections: doc.sections.map((s) => ({ headings: s.headings.map(fix), text: fix(s.text) })) };
  }

  private word(word: string): string {
    // (Three letters are too few to tell: "دال-" numbers a part, as "ألف-", "باء-" do.)
    if (word.length < MIN_LETTERS) return word;
    let read = this.known.get(word);
    if (read === undefined) {
      read = this.isWord(word) ? null : (readings(word).find((r) => this.isWord(r)) ?? null);
      this.known.set(word, read);
    }
    return read ?? word;
  }

  /** A word the glossary has (alone or first of a phrase), or a stop word (which the analysis drops). */
  private isWord(word: string): boolean {
    const stems = analyze(word, 'ar');
    return stems.length === 0 || stems.every((s) => this.glossary.beginsTerm(s));
  }
}
