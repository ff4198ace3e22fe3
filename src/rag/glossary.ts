/**
 * The domain glossary (`knowledge/glossary.json`): the field's terms in the six languages. It
 * expands a question into the other languages (cross-lingual retrieval offline) and files a
 * document under an assistance area.
 */
import { z } from 'zod';
import { LANGS, type Lang } from '../i18n/index.ts';
import { analyze } from './analyze.ts';
import { readJsonFile } from './json-file.ts';
import { CATEGORIES, type Category } from './types.ts';

const glossarySchema = z.object({
  version: z.literal(1),
  entries: z.array(
    z.object({
      id: z.string().min(1),
      category: z.enum(CATEGORIES).nullable(),
      terms: z.partialRecord(z.enum(LANGS), z.array(z.string().min(1))),
    }),
  ),
});

export type GlossaryFile = z.infer<typeof glossarySchema>;

/** A glossary term, analysed: the stems it is made of, in order. */
interface Term {
  entry: number;
  lang: Lang;
  stems: string[];
}

/**
 * The plurals of a one-word term in the languages whose stemmers do not always fold them
 * (Spanish "taller" and "talleres" stem apart): both are the term.
 */
function pluralsOf(text: string, lang: Lang): string[] {
  if (/\s/.test(text) || !/^\p{L}+$/u.test(text)) return [];
  if (lang === 'es') return /[aeiouáéó]$/.test(text) ? [`${text}s`] : [`${text}es`];
  if (lang === 'fr') return /[sxz]$/.test(text) ? [] : /(?:au|eu)$/.test(text) ? [`${text}x`] : [`${text}s`];
  if (lang === 'en') return /(?:s|x|z|ch|sh)$/.test(text) ? [`${text}es`] : /[^aeiou]y$/.test(text) ? [`${text.slice(0, -1)}ies`] : [`${text}s`];
  return [];
}

const NEAR_MIN_CHARS = 5;
const NEAR_MAX_EXTRA = 3;
/**
 * The Latin-script stemmers fold inflections themselves: a stem they leave longer than a known one
 * is its form only through a derivational ending — an adjective or an agent made from the noun
 * ("culturel" / "cultur", "investor" / "invest"); other endings make other words ("investig",
 * "avantag" are not "invest", "avant").
 */
const DERIVED_ENDING: Partial<Record<Lang, RegExp>> = {
  en: /^(?:al|ial|ic|ical|ive|or|er|ist)$/,
  fr: /^(?:el|al|iel|ell|iqu|if|iv|eur|ist)$/,
  es: /^(?:al|ic|iv|or|ist)$/,
};
/** Russian endings that make another noun of a stem (an agent, a quality), not a form of it: "протоколист" is not "протокол". */
const OTHER_NOUN_ENDING: Partial<Record<Lang, RegExp>> = { ru: /^(?:ист|ник|щик|чик|тел|ость|ост)/ };

/**
 * Two Russian stems of one noun whose vowel drops in the other cases ("доброволец",
 * "добровольцев" → "добровольц"; "отчёт" is not one): the same but for the vowel of the last
 * syllable, and a soft sign written in its place.
 */
function fleetingVowel(a: string, b: string): boolean {
  const drop = (s: string): string => s.replace(/[еёо]([бвгджзклмнпрстфхцчшщ])$/u, '$1').replace(/ь([бвгджзклмнпрстфхцчшщ])$/u, '$1');
  return a !== b && Math.min(a.length, b.length) >= 6 && drop(a) === drop(b);
}

/** An area needs this many term occurrences, and a clear lead over the next, to be assigned. */
export const CATEGORY_MIN_HITS = 3;
export const CATEGORY_LEAD_RATIO = 1.5;

export type GlossaryEntry = GlossaryFile['entries'][number];

export class Glossary {
  private readonly entries: GlossaryFile['entries'];
  /** Terms by their first stem, for a single scan of a text. */
  private readonly byFirstStem = new Map<string, Term[]>();
  private readonly termsOfEntry: Term[][];
  /** Per language, one-stem terms by their first five letters, for words the stemmer left in another form. */
  private readonly byPrefix = new Map<string, Term[]>();
  /** Per language, the stems of the names (entries whose id starts with `name:`): months, languages, countries. */
  private readonly nameStems = new Map<Lang, Set<string>>();

  constructor(file: GlossaryFile) {
    this.entries = file.entries;
    this.termsOfEntry = file.entries.map(() => []);
    file.entries.forEach((entry, index) => {
      for (const lang of LANGS) {
        const seen = new Set<string>();
        for (const text of (entry.terms[lang] ?? []).flatMap((t) => [t, ...pluralsOf(t, lang)])) {
          const stems = analyze(text, lang);
          const first = stems[0];
          // A plural whose stem is the singular's adds nothing.
          if (!first || seen.has(stems.join(' '))) continue;
          seen.add(stems.join(' '));
          const term: Term = { entry: index, lang, stems };
          // One-word names only: "Costa" of "Costa Rica" is not a name alone.
          if (entry.id.startsWith('name:') && stems.length === 1) {
            const set = this.nameStems.get(lang) ?? new Set<string>();
            set.add(first);
            this.nameStems.set(lang, set);
          }
          (this.termsOfEntry[index] as Term[]).push(term);
          if (stems.length === 1 && first.length >= NEAR_MIN_CHARS && !entry.id.startsWith('name:')) {
            const key = `${lang}:${first.slice(0, NEAR_MIN_CHARS)}`;
            const near = this.byPrefix.get(key) ?? [];
            near.push(term);
            this.byPrefix.set(key, near);
          }
          const list = this.byFirstStem.get(first) ?? [];
          list.push(term);
          this.byFirstStem.set(first, list);
        }
      }
    });
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Entries with a one-word term of `lang` whose stem and this one differ only by an ending the
   * stemmer left (Russian "участв" / "участвова", Arabic forms): the shorter begins the longer,
   * five letters at least, three more at most; or, in Russian, a noun whose last vowel drops in
   * the other cases ("доброволец" / "добровольцев").
   */
  nearEntries(lang: Lang, stem: string): number[] {
    if (stem.length < NEAR_MIN_CHARS) return [];
    const out = new Set<number>();
    for (const term of this.byPrefix.get(`${lang}:${stem.slice(0, NEAR_MIN_CHARS)}`) ?? []) {
      const other = term.stems[0] as string;
      const [short, long] = other.length <= stem.length ? [other, stem] : [stem, other];
      const derived = DERIVED_ENDING[lang];
      const extra = long.slice(short.length);
      const form = long.startsWith(short) && extra.length <= NEAR_MAX_EXTRA && (derived === undefined || derived.test(extra)) && !OTHER_NOUN_ENDING[lang]?.test(extra);
      if (form || (lang === 'ru' && fleetingVowel(stem, other))) out.add(term.entry);
    }
    return [...out];
  }

  /** Whether a stem of `lang` is the one-word name of a month, a language or a country. */
  isNameStem(lang: Lang, stem: string): boolean {
    return this.nameStems.get(lang)?.has(stem) ?? false;
  }

  /** The index of the entry with this id, if any. */
  indexOf(id: string): number | undefined {
    const i = this.entries.findIndex((e) => e.id === id);
    return i < 0 ? undefined : i;
  }

  /** The id of an entry, by its index. */
  idOf(entry: number): string {
    return this.entries[entry]?.id ?? '';
  }

  /** Whether some term begins with this stem (a word alone, or the first of a phrase: "بناء" of "بناء القدرات"). */
  beginsTerm(stem: string): boolean {
    return this.byFirstStem.has(stem);
  }

  /** Each occurrence of a glossary term in a sequence of stems: the entry and where it ends. */
  *occurrences(stems: string[]): Generator<{ entry: number; start: number; length: number; lang: Lang }> {
    for (let i = 0; i < stems.length; i++) {
      for (const term of this.byFirstStem.get(stems[i] as string) ?? []) {
        if (term.stems.every((s, k) => stems[i + k] === s)) {
          yield { entry: term.entry, start: i, length: term.stems.length, lang: term.lang };
        }
      }
    }
  }

  /** The stems of every term of an entry, in every language. */
  expansion(entry: number): { lang: Lang; stems: string[] }[] {
    return (this.termsOfEntry[entry] ?? []).map((t) => ({ lang: t.lang, stems: t.stems }));
  }

  /** The assistance area a text's terms point to, or null when none stands out. */
  classify(stems: string[]): Category | null {
    const hits = new Map<Category, number>();
    for (const { entry } of this.occurrences(stems)) {
      const category = this.entries[entry]?.category;
      if (category) hits.set(category, (hits.get(category) ?? 0) + 1);
    }
    const ranked = [...hits.entries()].sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    if (!best || best[1] < CATEGORY_MIN_HITS) return null;
    if (second && best[1] < second[1] * CATEGORY_LEAD_RATIO) return null;
    return best[0];
  }
}

export const EMPTY_GLOSSARY = new Glossary({ version: 1, entries: [] });

/** Reads and checks a glossary file (or the lexicon, of the same shape); a missing file has no entries. */
export function readGlossaryEntries(file: string): GlossaryEntry[] {
  return readJsonFile(file, glossarySchema, 'the glossary')?.entries ?? [];
}

/** Reads and checks a glossary file, with any further entries; a missing file is an empty glossary. */
export function loadGlossary(file: string, more: GlossaryEntry[] = []): Glossary {
  const entries = [...readGlossaryEntries(file), ...more];
  return entries.length > 0 ? new Glossary({ version: 1, entries }) : EMPTY_GLOSSARY;
}
