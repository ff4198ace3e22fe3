/**
 * "The total costs before the 13% support costs", "hors frais de soutien", "без учёта накладных
 * расходов", "不含支助费用": what the question names after such words is left out of the figure
 * asked. A unit that holds it gives the figure with it ("TOTAL DES COÛTS dont 13 % de frais de
 * soutien 2 365 000") and answers less surely than one without it ("COÛTS DU PROJET 2 093 000");
 * its words are not missed where they are absent.
 */
import type { Lang } from '../i18n/index.ts';
import { analyze } from './analyze.ts';
import type { Concept } from './query.ts';

/** Words that leave out what follows them (a date after "before" is a time, not something left out). */
const LEAVING_OUT: Record<Lang, RegExp> = {
  en: /\b(?:excluding|without|not including|net of|exclusive of|before(?! \d| (?:the )?(?:end|start|beginning) )|apart from|other than)\s+(.+)/iu,
  fr: /(?<!\p{L})(?:hors|sans|non compris|à l['’]exclusion (?:de|des|du)|déduction faite (?:de|des|du)|avant(?! (?:le |la |l['’])?\d))\s+(.+)/iu,
  es: /(?<!\p{L})(?:sin contar|sin incluir|excluyendo|descontando|sin|antes de(?! \d))\s+(.+)/iu,
  ru: /(?<!\p{L})(?:без учёта|без учета|не считая|за вычетом|исключая|без)\s+(.+)/iu,
  ar: /(?<!\p{L})(?:باستثناء|بدون احتساب|دون احتساب|قبل احتساب|بخلاف|بدون|دون)\s+(.+)/u,
  zh: /(?:不含|不包括|不计|未计|扣除|除去)(.+)/u,
};

/** What is left out is a few words: the rest of the question says something else. */
const LEFT_OUT_WORDS = 4;

/**
 * By concept of the question: `left`, whether the question leaves it out of the figure asked;
 * `marker`, whether it is one of the words that leave out ("hors", "учёта"), which say nothing of
 * what is asked.
 */
export function leftOut(text: string, lang: Lang, concepts: readonly Concept[]): { left: boolean[]; marker: boolean[] } {
  const m = LEAVING_OUT[lang].exec(text.normalize('NFC'));
  const after = m?.[1]?.split(/[,;?？؟。，]/u)[0];
  if (!m || !after) return { left: concepts.map(() => false), marker: concepts.map(() => false) };
  const stems = new Set(analyze(after, lang).slice(0, LEFT_OUT_WORDS));
  const words = new Set(analyze(m[0].slice(0, m[0].length - (m[1]?.length ?? 0)), lang));
  const within = (c: Concept, set: Set<string>): boolean => c.label.split(' ').every((t) => set.has(t));
  return {
    // (A figure in it, "the 13%", still says which passage is meant.)
    left: concepts.map((c) => !c.constraint && within(c, stems)),
    marker: concepts.map((c) => !c.constraint && within(c, words)),
  };
}
