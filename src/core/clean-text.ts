/**
 * Text as it may arrive from a platform, a form or a file name can hold what PostgreSQL refuses
 * ("invalid byte sequence for encoding UTF8"): the NUL character, and lone surrogates (half of a
 * UTF-16 pair). They carry no meaning: NUL is removed, a lone surrogate becomes U+FFFD, the
 * replacement character. Applied to every event at the dispatcher and to every value the store
 * writes, so nothing a person sends can make a write fail.
 */
// eslint-disable-next-line no-control-regex -- NUL is what is removed
const NUL = /\u0000/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string): string {
  return text.replace(NUL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** The same through plain objects and arrays (an event, a JSON value); other values as they are. */
export function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => cleanDeep(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanDeep(v)])) as T;
  }
  return value;
}
