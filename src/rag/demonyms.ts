/**
 * A people's adjective names its country ("la diplomática guatemalteca", "l'expert sénégalais",
 * "марокканская делегация", "الخبير السنغالي"): a question's word that is a country's name, or all
 * of it but its last letters, followed by one of the language's endings of such adjectives, is
 * read as the country's name — a constraint, as the name would be. English writes these with a
 * capital and is read by `query.ts` (`demonymCountry`); the runtime's locale data names the
 * countries, so none is kept by hand.
 */
import type { Lang } from '../i18n/index.ts';
import { analyze } from './analyze.ts';
import { regionCodes } from './entities.ts';
import type { Glossary } from './glossary.ts';

type Reader = Exclude<Lang, 'en' | 'zh'>;

/** Endings of a people's adjective after its country's name (accents folded, lower case). */
const ENDINGS: Record<Reader, RegExp> = {
  es: /^(?:(?:i|e|a)?n[oa]s?|en[oa]s?|es(?:a|es|as)?|is?|ies|i?enses?|tec[oa]s?)$/u,
  fr: /^(?:ai(?:se?|ses)?|oi(?:se?|ses)?|ains?|aines?|i?ens?|i?ennes?|ans?|anes?|teques?)$/u,
  ru: /^(?:ь|и|й|ий|ан|ен)?ск(?:ий|ая|ое|ие|ого|ой|ому|им|их|ую|ими|ом)$/u,
  ar: /^(?:ي|ية|يون|يين|يان|يتين)$/u,
};

/** Lower case, and Latin letters without accents (Cyrillic й and Arabic letters are kept as they are). */
const fold = (text: string): string => text.toLowerCase().replace(/\p{Script=Latin}+/gu, (w) => w.normalize('NFD').replace(/\p{M}/gu, ''));
/** The Arabic article a country's name may carry ("السنغال") and its adjective too ("السنغالي"). */
const withoutArticle = (text: string): string => text.replace(/^ال/u, '');

/** Each language's one-word country names, by the beginnings an adjective may keep of them (longest first). */
const beginnings = new Map<Reader, [string, string][]>();

function countryBeginnings(lang: Reader): [string, string][] {
  let list = beginnings.get(lang);
  if (list) return list;
  const namer = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  list = [];
  for (const code of regionCodes()) {
    const name = namer.of(code);
    if (!name || /[\s-]/.test(name)) continue;
    const bare = withoutArticle(fold(name));
    if (bare.length < 4) continue;
    list.push([bare, name]);
    if (bare.length >= 5) list.push([bare.slice(0, -1), name]);
    if (bare.length >= 7) list.push([bare.slice(0, -2), name]);
  }
  list.sort((a, b) => b[0].length - a[0].length);
  beginnings.set(lang, list);
  return list;
}

/** The country a people's adjective names, in the question's language, if the word is one. */
export function demonymCountryName(word: string, lang: Lang): string | undefined {
  if (lang === 'en' || lang === 'zh') return undefined;
  const bare = withoutArticle(fold(word));
  for (const [beginning, name] of countryBeginnings(lang)) {
    if (bare.startsWith(beginning) && ENDINGS[lang].test(bare.slice(beginning.length))) return name;
  }
  return undefined;
}

/** The question with each people's adjective the glossary does not know as a word read as its country's name. */
export function withCountryNames(text: string, lang: Lang, glossary: Glossary): string {
  if (lang === 'en' || lang === 'zh') return text;
  return text.replace(/\p{L}+/gu, (word) => {
    const stems = analyze(word, lang);
    if (stems.length !== 1) return word;
    const country = demonymCountryName(word, lang);
    if (country === undefined) return word;
    // A word the glossary knows stays as it is ("français": a language), unless it is already the country's stem ("hondureños").
    const own = analyze(country, lang);
    return !glossary.beginsTerm(stems[0] as string) || (own.length === 1 && own[0] === stems[0]) ? country : word;
  });
}
