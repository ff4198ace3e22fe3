/**
 * A year written just after a figure dates that figure ("compared to 40.5 per cent in 2023", "del
 * 36.6% en 2022 al 33% en 2023"); a figure with no year of its own is of the sentence's year.
 * Asked about one year, a figure dated by another year answers nothing; and where the year asked
 * dates only another figure of the sentence ("…, compared to 40.5 per cent in 2023"), the
 * figures without a year of their own are of another time too (the sentence's own, unsaid).
 */
import type { Lang } from '../i18n/index.ts';
import { findSpans, type Span } from './entities.ts';

const FIGURES: ReadonlySet<string> = new Set(['number', 'amount', 'percentage']);

/** A year (1900–2099) written alone, not part of a larger figure. */
const YEAR = /(?<![\d.,])(?:19|20)\d{2}(?![\d]|[.,]\d)/g;
/** At most this many words stand between a figure and the year that dates it ("en el primer trimestre de"). */
const DATING_WORDS = 6;
/** What ends a clause: a year after it dates what follows, not the figure before. */
const CLAUSE_BREAK = /[.;:!?。；：]|,\s/;

/** Whether each figure of a unit may answer for the year asked. */
function figureOfYear(text: string, figures: Span[], year: number): (span: Span) => boolean {
  // A figure is known by where it stands (a number and an amount may be read from the same digits).
  const where = (f: Span): string => `${f.start}:${f.end}`;
  const dated = new Map<string, Set<number>>();
  const free = new Set<number>();
  for (const m of text.matchAll(YEAR)) {
    const at = m.index;
    const value = Number(m[0]);
    if (figures.some((f) => at >= f.start && at < f.end)) continue;
    const before = figures.filter((f) => f.end <= at).sort((a, b) => b.end - a.end)[0];
    const between = before ? text.slice(before.end, at) : '';
    const bound = before !== undefined && !CLAUSE_BREAK.test(between) && !/\d/.test(between) && between.trim().split(/\s+/).filter(Boolean).length <= DATING_WORDS;
    if (bound) dated.set(where(before), (dated.get(where(before)) ?? new Set()).add(value));
    else free.add(value);
  }
  const askedDatesAnother = [...dated.values()].some((years) => years.has(year));
  return (span) => {
    const own = dated.get(where(span));
    if (own) return own.has(year);
    return !askedDatesAnother || free.has(year);
  };
}

/** The spans of a unit that may answer for the year asked: names and dates, and the figures of that year. */
export function figuresOfYear(text: string, spans: Span[], lang: Lang, year: number): Span[] {
  if (!spans.some((s) => FIGURES.has(s.kind))) return spans;
  const ofYear = figureOfYear(text, findSpans(text, lang).filter((s) => FIGURES.has(s.kind)), year);
  return spans.filter((s) => !FIGURES.has(s.kind) || ofYear(s));
}
