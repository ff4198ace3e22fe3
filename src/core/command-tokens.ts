/**
 * The words of a command line: quoted strings kept whole, ids, links, time zones and ISO times
 * checked; a usage error thrown as a `ParseFailure` that the parser turns into its result.
 */
import type { HelpTopic, UsageReason } from '../i18n/index.ts';
import type { UsageError } from './commands.ts';

/** Opening quotation marks and the marks that close them. */
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“', '”': '”' };

export class ParseFailure extends Error {
  constructor(readonly usage: UsageError) {
    super(usage.reason);
  }
}

export function fail(topic: HelpTopic, reason: UsageReason, detail = ''): never {
  throw new ParseFailure({ topic, reason, detail });
}

/** Splits on white space, keeping quoted strings whole (straight, curly and guillemet quotes). */
export function tokenize(text: string, topic: HelpTopic): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const close = QUOTES[ch];
    if (close) {
      const end = text.indexOf(close, i + 1);
      if (end < 0) fail(topic, 'unterminated_quote');
      tokens.push(text.slice(i + 1, end).replace(/\u00a0/g, ' ').trim());
      i = end + 1;
      // A closing quote runs into the next word (`"Q "A"`): the quote before it was never closed.
      if (i < text.length && !/\s/.test(text[i] as string)) fail(topic, 'stray_quote', text.slice(i).split(/\s/)[0]);
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/.test(text[end] as string)) end++;
    const word = text.slice(i, end);
    // A quotation mark inside a word (`A"` after `"Q "A"`): a quote was left open before it.
    if ([...word].some((c) => c in QUOTES || Object.values(QUOTES).includes(c))) fail(topic, 'stray_quote', word);
    tokens.push(word);
    i = end;
  }
  return tokens;
}

export function parseId(topic: HelpTopic, value: string | undefined): number {
  if (value === undefined) fail(topic, 'missing_argument');
  const cleaned = value.replace(/^#/, '');
  if (!/^\d{1,9}$/.test(cleaned) || Number(cleaned) === 0) fail(topic, 'bad_id', value);
  return Number(cleaned);
}

export function noMore(topic: HelpTopic, rest: string[]): void {
  if (rest.length > 0) fail(topic, 'unexpected_argument', rest[0]);
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** A web link, as typed or as the platform wraps it (`<https://…>`). */
export const LINK = /^<?https?:\/\/\S+$/i;

export const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Whether the date part names a real day: `Date.parse` rolls 2026-02-30 over to 2 March. */
export function isCalendarDay(iso: string): boolean {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

