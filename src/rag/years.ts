/** The years a text names, and whether it is about another year than the one asked. */

/** Whether a term or a figure is a year (1900–2099). */
export function isYear(text: string): boolean {
  return /^(?:19|20)\d{2}$/.test(text);
}

/** Years written in a text, alone or as spans ("2014-2015", "2019–23", "fiscal 2023"). */
const YEARS = /(?<!\d)((?:19|20)\d{2})(?:\s?[-–—/]\s?((?:19|20)?\d{2}))?(?!\d)/g;

/** The years and spans of years a text names, each as [first, last]. */
function yearSpans(text: string): [number, number][] {
  return [...text.matchAll(YEARS)].map((m) => {
    const from = Number(m[1]);
    const end = m[2] === undefined ? from : m[2].length === 2 ? Math.floor(from / 100) * 100 + Number(m[2]) : Number(m[2]);
    return [from, Math.max(from, end)];
  });
}

/**
 * Whether a text names a year and none of its years or spans of years meets the year asked — or
 * the span the question gives it in ("2014-2015"): the text is about another year.
 */
export function namesOtherYear(text: string, year: number, question = ''): boolean {
  const [from, to] = yearSpans(question).find(([a, b]) => year >= a && year <= b) ?? [year, year];
  const spans = yearSpans(text);
  return spans.length > 0 && !spans.some(([a, b]) => a <= to && b >= from);
}

/** Whether a text names a year at all. */
export function namesAYear(text: string): boolean {
  return yearSpans(text).length > 0;
}

/**
 * Whether a unit is about another year than the one asked: by its own years, else (naming none)
 * by its heading's, else by its document's title ("Annual review 2021": its lines without a year
 * are about 2021).
 */
export function aboutOtherYear(unit: string, heading: string, title: string, year: number, question = ''): boolean {
  const own = [unit, heading, title].find(namesAYear);
  return own !== undefined && namesOtherYear(own, year, question);
}
