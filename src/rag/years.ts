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
 * A year a figure is compared with ("a 27.8 per cent increase from 2023 levels", "par rapport à
 * 2022", "en comparación con 2022", "по сравнению с 2022 годом", "مقارنة بعام 2022", "比2022年"):
 * a point of reference, not the year the text reports on.
 */
const REFERENCE_YEAR =
  /\b(?:(?:up |down )?from|compared (?:with|to)|relative to|over|than(?: in)?|since)\s+(?:the\s+)?(?:19|20)\d{2}\b|\b(?:par rapport (?:à|a)|depuis|qu['’](?:en|à))\s+(?:l['’]année\s+)?(?:19|20)\d{2}\b|\b(?:(?:con )?respecto (?:a|de)(?: l[oa]s?)?|en comparaci[óo]n con|desde|que en)\s+(?:el\s+)?(?:19|20)\d{2}\b|(?<!\p{L})(?:по сравнению с|с|чем в)\s+(?:19|20)\d{2}|(?:مقارنة ب(?:عام )?|منذ (?:عام )?)(?:19|20)\d{2}|(?:比|与|较|自)(?:19|20)\d{2}年?/giu;

/**
 * Whether a text names a year and none of its years or spans of years meets the year asked — or
 * the span the question gives it in ("2014-2015"): the text is about another year.
 */
export function namesOtherYear(text: string, year: number, question = ''): boolean {
  const [from, to] = yearSpans(question).find(([a, b]) => year >= a && year <= b) ?? [year, year];
  const spans = yearSpans(text.replace(REFERENCE_YEAR, ' '));
  const meeting = spans.filter(([a, b]) => a <= to && b >= from);
  if (spans.length === 0) return false;
  if (meeting.length === 0) return true;
  // A sentence that opens with its year ("In 2024, the Fund received…") is about that year; the
  // year asked only inside a span of years there is a name's or a period's ("the Strategic Framework 2022–2025").
  const opening = OPENING_YEAR.exec(text);
  const opened = opening ? Number(opening[1] ?? opening[2]) : undefined;
  return opened !== undefined && (opened < from || opened > to) && meeting.every(([a, b]) => a < b);
}

/**
 * A year a sentence opens with, before its comma: "In 2024,", "En 2024,", "Durante 2023,", "В 2024 году,",
 * "في عام 2024،", "2024年，" (Russian needs no comma after "году").
 */
const OPENING_YEAR =
  /^\s*(?:(?:in|during|en|durante|dans|au cours de|в|во|за|في|خلال)\s+(?:(?:the\s+)?year\s+|l['’]ann[ée]e\s+|el a[ñn]o\s+|عام\s+)?)?((?:19|20)\d{2})(?:\s*(?:году|год|г\.)(?!\p{L})|\s*[,،])|^\s*在?((?:19|20)\d{2})年[，,、]/iu;

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
