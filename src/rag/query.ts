/**
 * A question as the index sees it: a list of concepts. A concept is one meaningful word of the
 * question, or one glossary entry found in it; a glossary concept carries the entry's terms in all
 * six languages, which is how an English question finds French passages.
 */
import { LANGS, type Lang } from '../i18n/index.ts';
import { analyze } from './analyze.ts';
import { withArabicWordsRead } from './arabic-words.ts';
import { withCountryNames } from './demonyms.ts';
import { withMasculineRoles } from './gender-forms.ts';
import type { Glossary } from './glossary.ts';
import { homelandEntryId, NAME_ENTRY_PREFIX, writesName } from './names.ts';
import { optionalWords } from './optional-words.ts';
import { asksAbout, asksMeaning } from './question-kind.ts';

/** The lexicon's entry for an event's topic or title. */
const TOPIC_ENTRY = 'topic';

/** Boost of a term in the question's own words, and of one brought in from another language. */
export const OWN_TERM_BOOST = 1;
export const EXPANSION_TERM_BOOST = 0.8;

export interface Concept {
  /** What the concept came from in the question (for logs and tests). */
  label: string;
  /** Stems to search for, each with its boost. */
  terms: Map<string, number>;
  /** Whether a passage in another language can contain it: a glossary concept, or a number. */
  crossLingual: boolean;
  /** The concept's terms as whole phrases (stems in order): it is present where one phrase is. */
  phrases: string[][];
  /**
   * Whether the concept says WHICH thing is meant — a figure or year, a month, a language, a
   * country: an answer about another one is no answer, so it must be found beside the answer.
   */
  constraint: boolean;
  /**
   * A capitalised word of the question (not an acronym, not a figure): a name, or a common noun
   * written in Title Case ("the Expertise Bank"), which another language translates.
   */
  titleWord?: boolean;
  /**
   * Words of one name written together ("Forest Carbon …"): the same number for each, so that a
   * unit without the name is discounted once for it, not once per word.
   */
  nameGroup?: number;
  /** An acronym of the question ("IDRC", "CIID"): another language may have another one for the same body. */
  acronym?: boolean;
  /**
   * A body the glossary knows, written as an acronym ("UNESCO", "el PNUD"): which body is meant,
   * as a document says by naming it anywhere (its sentences need not repeat it).
   */
  body?: boolean;
  /**
   * …given as the question's source ("according to the UNDP note"): a document may not write its
   * own author's name (a note on a letterhead), so one that names it nowhere answers less surely, not never.
   */
  bodyIsSource?: boolean;
  /** A language named as a people's ("the Dutch experts"): its country's name, in phrases, which a document may hold instead. */
  homeland?: string[][];
  /**
   * Whether the concept only names the kind of answer ("date", "amount", "how many people"): it
   * counts where a passage holds it and is not missed where it does not.
   */
  optional: boolean;
}

export interface AnalyzedQuery {
  text: string;
  lang: Lang;
  concepts: Concept[];
}

function addTerm(terms: Map<string, number>, stem: string, boost: number): void {
  terms.set(stem, Math.max(terms.get(stem) ?? 0, boost));
}

/** Words that give a question's source ("according to the UNDP note", "según la nota del PNUD"). */
const ATTRIBUTION: Record<Lang, RegExp> = {
  en: /\b(?:according to|as per|as stated (?:in|by)|in the view of)\b/i,
  fr: /\b(?:selon|d['’]apr[èe]s|aux termes d)/i,
  es: /\b(?:seg[úu]n|de acuerdo con|conforme a)\b/i,
  ru: /(?:согласно|по данным|по мнению|по оценке|по словам)/i,
  ar: /(?:وفقا|وفقاً|حسب|بحسب|طبقا|طبقاً)/,
  zh: /(?:根据|按照|据)/,
};

/**
 * A term of another language found in a question is taken only when its stems are this long: a
 * short stem of one language is too often another word of another ("dat", "pay").
 */
const FOREIGN_TERM_MIN_STEM = 5;

const answerTypeStems = new Map<Lang, Set<string>>();
function answerTypeStemsOf(lang: Lang): Set<string> {
  let set = answerTypeStems.get(lang);
  if (!set) {
    set = new Set(optionalWords(lang).flatMap((w) => analyze(w, lang)));
    answerTypeStems.set(lang, set);
  }
  return set;
}

/**
 * Acronyms (INPI, UNDP) and capitalised words after the first of a sentence, in scripts that have
 * capitals: their stems, each with the word as written (a name crosses languages unchanged, but
 * each language's stemmer cuts it its own way: "Chememalay" is "chememalai" in English). `groups`
 * gets each stem's name: words written one after the other share a number.
 */
function properNameStems(text: string, lang: Lang, groups = new Map<string, number>()): Map<string, string> {
  const out = new Map<string, string>();
  let group = 0;
  for (const sentence of text.split(/[.!?¿¡;:«»"“”()]+/)) {
    // Words, and in scripts written without spaces, the Latin ones within ("SPF给斯里兰卡的赠款").
    const words = sentence.trim().split(/\s+|(?<=\p{Script=Han})(?=[^\p{Script=Han}\s])|(?<=[^\p{Script=Han}\s])(?=\p{Script=Han})/u);
    let previousName = false;
    words.forEach((word, i) => {
      const bare = word
        .replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
        .replace(/^(?:l|d|qu|j|n|s|c)['’]/i, '')
        .replace(/['’]s$/, '');
      const acronym = /^\p{Lu}{2,}$/u.test(bare);
      const capitalised = i > 0 && /^\p{Lu}\p{Ll}/u.test(bare);
      if (acronym || capitalised) {
        // Names written one after the other are one name ("Forest Carbon Fund"); a word between ends it.
        if (!previousName) group++;
        for (const stem of analyze(bare, lang)) {
          out.set(stem, bare);
          if (!groups.has(stem)) groups.set(stem, group);
        }
      }
      previousName = acronym || capitalised;
    });
  }
  return out;
}

/** English endings of a people's name and what its country's name ends in instead. */
const DEMONYM_ENDINGS: [RegExp, string][] = [
  [/ian$/, 'ia'],
  [/an$/, 'a'],
  [/ese$/, ''],
  [/i$/, ''],
];

/**
 * A people's name in English whose country no entry knows (an old or a local name: "Ceylonese",
 * "Burmese"): the names its country may have, as the endings say ("Ceylon", "Burma").
 */
function demonymBases(word: string): string[] {
  if (/ese$/.test(word)) return [word.replace(/ese$/, ''), word.replace(/ese$/, 'a')];
  if (/ian$/.test(word)) return [word.replace(/ian$/, 'ia')];
  return [];
}

/** The country entry a people's name in English points to ("Kenyan" → Kenya), if any. */
function demonymCountry(word: string, glossary: Glossary): number | undefined {
  for (const [ending, replacement] of DEMONYM_ENDINGS) {
    if (!ending.test(word)) continue;
    const base = analyze(word.replace(ending, replacement), 'en');
    for (const match of glossary.occurrences(base)) {
      if (match.length === base.length && glossary.idOf(match.entry).startsWith(`${NAME_ENTRY_PREFIX}region:`)) return match.entry;
    }
  }
  return undefined;
}

export function analyzeQuery(text: string, lang: Lang, glossary: Glossary): AnalyzedQuery {
  // The question as read: Arabic prepositions and duals, peoples' adjectives as their countries, roles named in the feminine as in the glossary.
  const read = withMasculineRoles(withCountryNames(lang === 'ar' ? withArabicWordsRead(text, glossary) : text, lang, glossary), lang, glossary);
  const stems = analyze(read, lang);
  const typeWords = answerTypeStemsOf(lang);
  // Longest glossary matches first, the question's own language before others, without overlaps.
  const matches = [...glossary.occurrences(stems)]
    .filter((m) => m.lang === lang || stems.slice(m.start, m.start + m.length).every((s) => s.length >= FOREIGN_TERM_MIN_STEM))
    .filter((m) => writesName(glossary.idOf(m.entry), read, m.lang))
    .sort((a, b) => b.length - a.length || Number(b.lang === lang) - Number(a.lang === lang) || a.start - b.start);
  const covered = new Array<boolean>(stems.length).fill(false);
  const concepts: { position: number; concept: Concept }[] = [];
  const groups = new Map<string, number>();
  const names = properNameStems(text, lang, groups);
  // An acronym the question writes ("du FIDA", "la OIM") names a body (see `scoreCandidates`).
  const acronym = (stem: string): boolean => /^\p{Lu}[\p{Lu}\d]+$/u.test(names.get(stem) ?? '');
  const seenEntries = new Set<number>();
  for (const match of matches) {
    const span = covered.slice(match.start, match.start + match.length);
    if (span.some(Boolean)) continue;
    // A word said twice ("the webinars … the webinar") is one concept: its second time adds nothing.
    const again = seenEntries.has(match.entry);
    span.forEach((_, k) => (covered[match.start + k] = true));
    if (again) continue;
    seenEntries.add(match.entry);
    const terms = new Map<string, number>();
    const own = stems.slice(match.start, match.start + match.length);
    for (const stem of own) addTerm(terms, stem, OWN_TERM_BOOST);
    const phrases = [own];
    // A word that two entries share in this language ("участник": participant and stakeholder)
    // carries both senses: the passages decide.
    const senses = matches.filter((m) => m.start === match.start && m.length === match.length && m.lang === match.lang).map((m) => m.entry);
    for (const entry of new Set(senses)) {
      seenEntries.add(entry);
      for (const expansion of glossary.expansion(entry)) {
        for (const stem of expansion.stems) addTerm(terms, stem, expansion.lang === lang ? OWN_TERM_BOOST : EXPANSION_TERM_BOOST);
        phrases.push(expansion.stems);
      }
    }
    // A name entry, or another entry that names a month, a language or a country ("на русском").
    // An acronym the question writes names a body too ("UNESCO's annex", "el PNUD"): an answer about another body is none.
    const constraint = senses.some((entry) => glossary.idOf(entry).startsWith(NAME_ENTRY_PREFIX)) || own.some((stem) => glossary.isNameStem(lang, stem)) || own.every(acronym);
    const optional = own.every((stem) => typeWords.has(stem));
    const concept: Concept = { label: own.join(' '), terms, crossLingual: true, phrases, constraint, optional };
    if (own.every(acronym)) {
      concept.acronym = concept.body = true;
      // "According to the UNDP note": the body is the source, which a document may not write (a letterhead).
      if (ATTRIBUTION[lang].test(text)) concept.bodyIsSource = true;
    }
    const homeland = [...new Set(senses)].map((entry) => homelandEntryId(glossary.idOf(entry))).find((id) => id !== undefined);
    const country = homeland === undefined ? undefined : glossary.indexOf(homeland);
    if (country !== undefined) concept.homeland = glossary.expansion(country).map((e) => e.stems);
    concepts.push({ position: match.start, concept });
  }
  const seenStems = new Set<string>();
  stems.forEach((stem, i) => {
    if (covered[i] || seenStems.has(stem)) return;
    seenStems.add(stem);
    // A figure, or a name the question gives (an acronym, a capitalised word inside the sentence):
    // which thing is meant. An answer about another one is no answer.
    const figure = /\d/.test(stem) || names.has(stem);
    // A lone Han character outside the glossary (a measure word such as 场 or 次) is seldom what a question is about.
    const loneHan = /^\p{Script=Han}$/u.test(stem);
    const concept: Concept = { label: stem, terms: new Map([[stem, OWN_TERM_BOOST]]), crossLingual: figure, phrases: [[stem]], constraint: figure, optional: typeWords.has(stem) || loneHan };
    if (names.has(stem) && !/^\p{Lu}{2,}$/u.test(names.get(stem) ?? '') && !/\d/.test(stem)) concept.titleWord = true;
    if (/^\p{Lu}{2,}$/u.test(names.get(stem) ?? '')) concept.acronym = true;
    if (!/\d/.test(stem)) concept.nameGroup = groups.get(stem);
    // A name, as the other languages' stemmers cut it.
    const name = names.get(stem);
    if (name !== undefined) {
      for (const other of LANGS) {
        const cut = analyze(name, other);
        if (cut.length === 1 && cut[0] !== stem) {
          addTerm(concept.terms, cut[0] as string, OWN_TERM_BOOST);
          concept.phrases.push(cut);
        }
      }
    }
    // A people's name ("Kenyan", "Indonesian", "Senegalese") is its country's.
    const country = name === undefined ? undefined : demonymCountry(name, glossary);
    if (country !== undefined) {
      for (const expansion of glossary.expansion(country)) {
        for (const t of expansion.stems) addTerm(concept.terms, t, expansion.lang === lang ? OWN_TERM_BOOST : EXPANSION_TERM_BOOST);
        concept.phrases.push(expansion.stems);
      }
      concept.crossLingual = true;
    } else if (name !== undefined && lang === 'en') {
      for (const base of demonymBases(name)) {
        const stems = analyze(base, 'en');
        for (const t of stems) addTerm(concept.terms, t, OWN_TERM_BOOST);
        concept.phrases.push(stems);
      }
    }
    // A word the glossary knows in another form ("участвуют" beside "участвовать") takes that entry's terms.
    if (!figure && !loneHan) {
      for (const entry of glossary.nearEntries(lang, stem)) {
        for (const expansion of glossary.expansion(entry)) {
          for (const t of expansion.stems) addTerm(concept.terms, t, expansion.lang === lang ? OWN_TERM_BOOST : EXPANSION_TERM_BOOST);
          concept.phrases.push(expansion.stems);
        }
        concept.crossLingual = true;
      }
    }
    concepts.push({ position: i, concept });
  });
  // "What was the session about?": its title or topic answers, though the question names neither.
  const topic = glossary.indexOf(TOPIC_ENTRY);
  if (topic !== undefined && !seenEntries.has(topic) && asksAbout(text, lang)) {
    const terms = new Map<string, number>();
    const phrases: string[][] = [];
    for (const expansion of glossary.expansion(topic)) {
      for (const stem of expansion.stems) addTerm(terms, stem, expansion.lang === lang ? OWN_TERM_BOOST : EXPANSION_TERM_BOOST);
      phrases.push(expansion.stems);
    }
    concepts.push({ position: stems.length, concept: { label: TOPIC_ENTRY, terms, crossLingual: true, phrases, constraint: false, optional: false } });
  }
  concepts.sort((a, b) => a.position - b.position);
  // "What does KGGTF stand for?": the acronym is what the answer must hold; the rest of the
  // question ("in the list of abbreviations") is counted where found, never missed.
  const acronyms = new Set([...names].filter(([, word]) => /^\p{Lu}[\p{Lu}\d]+$/u.test(word)).map(([stem]) => stem));
  if (acronyms.size > 0 && asksMeaning(text, lang)) {
    for (const { concept } of concepts) if (!acronyms.has(concept.label)) concept.optional = true;
  }
  return { text, lang, concepts: concepts.map((c) => c.concept) };
}
