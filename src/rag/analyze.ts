/**
 * Text analysis for lexical ranking: words, minus stop words, stemmed per language, accents
 * folded. Chinese has no spaces, so it is segmented into words first (Intl.Segmenter).
 * Stems of every language share one term space: a French chunk and a French expansion of an
 * English question meet on the same French stems.
 */
import { stemmer as arStem } from '@orama/stemmers/arabic';
import { stemmer as enStem } from '@orama/stemmers/english';
import { stemmer as esStem } from '@orama/stemmers/spanish';
import { stemmer as frStem } from '@orama/stemmers/french';
import { stemmer as ruStem } from '@orama/stemmers/russian';
import { stopwords as arStop } from '@orama/stopwords/arabic';
import { stopwords as enStop } from '@orama/stopwords/english';
import { stopwords as esStop } from '@orama/stopwords/spanish';
import { stopwords as frStop } from '@orama/stopwords/french';
import { stopwords as ruStop } from '@orama/stopwords/russian';
import { stopwords as zhStop } from '@orama/stopwords/mandarin';
import type { Lang } from '../i18n/index.ts';
import { ordinalForms, ordinalNumbers } from './ordinals.ts';

const STEMMERS: Record<Lang, (word: string) => string> = {
  ar: arStem,
  en: enStem,
  es: esStem,
  fr: frStem,
  ru: ruStem,
  zh: (word) => word,
};

/**
 * Extra words that carry no meaning for retrieval: pronouns and auxiliaries the stop lists lack
 * ("elles", "celles", "سيكون", "لأي"), and in a question politeness, question words the
 * stop lists lack (every case of the Russian ones: "кому", "кем"; "n’importe" in "n’importe
 * quel"), and the hedges of chat ("exactly", "roughly", "in the end").
 */
const QUESTION_NOISE: Record<Lang, string[]> = {
  en: ['please', 'tell', 'know', 'would', 'could', 'like', 'many', 'much', 'when', 'which', 'kind', 'exactly', 'roughly', 'approximately', 'actually', 'really', 'overall', 'anyone', 'someone', 'somebody', 'anybody', 'thanks', 'thank', 'hi', 'hello', 'wondering', 'curious', 'quick', 'question', 'remind', 'recall', 'say', 'said', 'happen', 'happened', 'whose', 'whoever', 'whatever', 'get', 'gets', 'got', 'getting', 'gotten'],
  fr: ['elles', 'celles', 'ceux', 'celle', 'celui', 'est-ce', 'svp', 'merci', 'pouvez', 'voudrais', 'savoir', 'combien', 'quand', 'quel', 'quelle', 'quels', 'quelles', 'exactement', 'environ', 'approximativement', 'vraiment', 'ça', 'cela', 'fait', 'faut', 'quoi', 'donc', 'alors', 'déjà', 'bonjour', 'rappeler', 'rappelez', 'dire', 'dites', 'peux', 'peut', 'final', 'lequel', 'laquelle', 'lesquels', 'lesquelles', 'sait', 'réellement', 'effectivement', 'comment', 'pourquoi', 'auquel', 'auxquels', 'auxquelles', 'duquel', 'desquels', 'comme', 'quiconque', 'importe', 'peuvent', 'pourra', 'pourront', 'pourrait', 'pourraient', 'pouvait', 'pouvaient', 'doit', 'doivent', 'devra', 'devront', 'devrait', 'devraient', 'devait', 'faudra', 'faudrait'],
  es: ['favor', 'gracias', 'puede', 'quisiera', 'saber', 'cuántos', 'cuántas', 'cuánto', 'cuánta', 'cuándo', 'cuál', 'cuáles', 'qué', 'exactamente', 'aproximadamente', 'realmente', 'hola', 'recordar', 'decir', 'dime', 'podría', 'podrían', 'alguien', 'final', 'entonces', 'efectivamente', 'verdad', 'cuyo', 'cuya', 'cuyos', 'cuyas', 'adónde', 'cualquiera', 'quienquiera', 'deberá', 'deberán', 'debería', 'deberían', 'debía'],
  ar: ['سيكون', 'تكون', 'ستكون', 'يكونوا', 'سيكونون', 'نكون', 'سنكون', 'أكون', 'لأي', 'بأي', 'لأية', 'بأية', 'فضلك', 'لو', 'سمحت', 'شكرا', 'بالضبط', 'تقريبا', 'تقريبًا', 'حوالي', 'نحو', 'أخبرني', 'هل', 'يمكن', 'يمكنك', 'أعرف', 'أريد', 'معرفة', 'ماذا', 'لماذا', 'كيف', 'الذي', 'التي', 'فعلا', 'بالفعل', 'حقا', 'لمن', 'عمن', 'ممن', 'أية', 'يجب', 'ينبغي', 'سيتم', 'يتعين', 'يمكنه', 'يمكنهم', 'يستطيع'],
  ru: ['пожалуйста', 'сколько', 'когда', 'именно', 'точно', 'примерно', 'около', 'приблизительно', 'вообще', 'скажите', 'подскажите', 'спасибо', 'какой', 'какая', 'какое', 'какие', 'каком', 'какого', 'какую', 'каких', 'каким', 'каков', 'какова', 'каково', 'каковы', 'который', 'которая', 'которое', 'которые', 'итоге', 'всего', 'ли', 'фактически', 'реально', 'действительно', 'кого', 'кому', 'кем', 'ком', 'чему', 'откуда', 'почему', 'чей', 'чья', 'чьё', 'чьи', 'чьего', 'чьей', 'могут', 'сможет', 'смогут', 'должен', 'должна', 'должно', 'должны', 'следует', 'будут'],
  zh: ['请问', '请', '大约', '大概', '到底', '究竟', '具体', '一下', '谢谢', '多少', '什么', '哪个', '哪些', '哪一', '哪一个', '哪', '哪位', '几', '吗', '呢', '了', '是否', '总共', '一共', '实际上', '真正', '什么样', '为何', '能够', '应该'],
};

/**
 * Stop-list words that are meaningful in this field's questions, accents folded: "Estado miembro",
 * "el país solicitante"; and the words of order and position in time — first, last, next,
 * previous, start, end, example — which say which session or edition is meant ("la próxima
 * sesión", "الندوة الأولى"). (English "may" stays a stop word: the modal is far more common
 * than the month, which a date's figures still give.)
 */
const KEEP: Record<Lang, ReadonlySet<string>> = {
  en: new Set(),
  fr: new Set(),
  es: new Set(['estado', 'estados', 'pais', 'proximo', 'proxima', 'siguiente', 'anterior', 'primero', 'primera', 'primer', 'ultimo', 'ultima', 'fin', 'ejemplo']),
  ar: new Set(['المقبل', 'السابق', 'الماضي', 'الاول', 'الاولى', 'الأول', 'الأولى', 'نهاية']),
  ru: new Set(),
  zh: new Set(['开始']),
};

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Prepositions of time, place and means that the libraries' lists lack: they say how, not what ("since May 2015"). */
const PREPOSITIONS: Record<Lang, string[]> = {
  en: ['since', 'within', 'among', 'amongst', 'via', 'despite', 'upon', 'throughout', 'till'],
  fr: ['depuis', 'pendant', 'durant', 'parmi', 'lors', 'dès', 'jusque'],
  es: [],
  // (Nouns of compound prepositions, in the one case they take there: "в ходе", "в рамках", "в целях", "в отношении".)
  ru: ['согласно', 'течение', 'посредством', 'ходе', 'рамках', 'целях', 'отношении'],
  ar: [],
  zh: [],
};

const STOPWORDS: Record<Lang, ReadonlySet<string>> = {
  ar: new Set([...arStop.filter((w) => !KEEP.ar.has(w) && !KEEP.ar.has(fold(w))), ...QUESTION_NOISE.ar, ...PREPOSITIONS.ar].map(fold)),
  en: new Set([...enStop.filter((w) => !KEEP.en.has(fold(w))), ...QUESTION_NOISE.en, ...PREPOSITIONS.en].map(fold)),
  es: new Set([...esStop.filter((w) => !KEEP.es.has(fold(w))), ...QUESTION_NOISE.es, ...PREPOSITIONS.es].map(fold)),
  fr: new Set([...frStop, ...QUESTION_NOISE.fr, ...PREPOSITIONS.fr].map(fold)),
  ru: new Set([...ruStop, ...QUESTION_NOISE.ru, ...PREPOSITIONS.ru].map(fold)),
  zh: new Set([...zhStop.filter((w) => !KEEP.zh.has(w)), ...QUESTION_NOISE.zh, ...PREPOSITIONS.zh]),
};

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const HAN = /\p{Script=Han}/u;
const zhSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The first word of a Chinese text, as the segmenter cuts it ("人到场" → "人"). */
export function firstHanWord(text: string): string | undefined {
  for (const part of zhSegmenter.segment(text)) if (part.isWordLike) return part.segment;
  return undefined;
}

/** French and Italian elisions: l'assistance -> assistance. */
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]/;

/** Words repeat a great deal: each language keeps the terms it has already worked out. */
const TERM_CACHE_MAX = 200_000;
const termCache: Record<Lang, Map<string, string | null>> = {
  ar: new Map(),
  en: new Map(),
  es: new Map(),
  fr: new Map(),
  ru: new Map(),
  zh: new Map(),
};

/** Arabic short vowels, shadda, sukun and the tatweel: written or not, the word is the same (and they are not letters, so they would cut it). */
export const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;

/**
 * Arabic clitics the stemmer leaves: "and"/"so" before the article (والأدوات, فالمشاركون), and a
 * preposition before a word starting with hamza on alif (لإطلاق, بأن, كأداة), which no Arabic word
 * starts with of itself. A bare و, ب, ل or ك may be the word's own first letter, so it stays.
 */
const ARABIC_ON_FIGURE = /(?<![\p{L}])(?:[وفب]?ال|لل)(?=\p{Nd})/gu;
const ARABIC_CLITIC = /^(?:[وف](?=(?:ال|لل|بال|كال)\p{L}{2})|[لبك](?=[أإآ]\p{L}{2}))/u;

function computeTerm(raw: string, lang: Lang): string | null {
  let word = raw.toLowerCase().replace(ELISION, '');
  if (lang === 'ar') word = word.replace(ARABIC_CLITIC, '');
  if (word.length < 2 && !/\d/.test(word)) return null;
  if (STOPWORDS[lang].has(fold(word))) return null;
  word = word.replace(/['’]/g, '');
  return fold(STEMMERS[lang](word));
}

function latinTerm(raw: string, lang: Lang): string | undefined {
  const cache = termCache[lang];
  let term = cache.get(raw);
  if (term === undefined) {
    term = computeTerm(raw, lang);
    if (cache.size >= TERM_CACHE_MAX) cache.clear();
    cache.set(raw, term);
  }
  return term ?? undefined;
}

function hanTerms(text: string, out: string[]): void {
  // A month written with its number ("4月") is one word, not the figure 4.
  for (const part of zhSegmenter.segment(text)) {
    if (!part.isWordLike) continue;
    const word = part.segment.toLowerCase();
    if (word === '月' && out.length > 0 && /^\d{1,2}$/.test(out.at(-1) ?? '')) {
      out[out.length - 1] = `${out.at(-1) ?? ''}月`;
      continue;
    }
    if (HAN.test(word)) {
      if (!STOPWORDS.zh.has(word)) out.push(word);
    } else {
      // Latin words inside Chinese text (acronyms, numbers) are analysed as English.
      const term = latinTerm(word, 'en');
      if (term) out.push(term);
    }
  }
}

/**
 * Figures written with groups of three (12 500, 12,500, 12.500, with any space) are one term, the
 * digits alone, so that every locale's way of writing a number meets the others.
 */
const GROUPED_FIGURE = /(?<![\p{N}.,])\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+(?![\p{N}]|[.,]\d)/gu;

/**
 * A decimal figure (20.9, 20,9 — one or two decimals, not a group of three) is one term, the same
 * in every locale's form ("20d9"), rather than two figures that match any 20 and any 9.
 */
const DECIMAL_FIGURE = /(?<![\p{N}.,])(\d+)[.,](\d{1,2})(?![\p{N}]|[.,]\d)/gu;

/**
 * A date written in figures — day.month.year ("1.3.52", "01.03.1952") or year-month-day
 * ("1952-03-01") — is also read written out in the text's language ("1 March 1952"), so that
 * it meets a question that names the month and the year. A two-digit year is of this century up
 * to ten years ahead, else of the last.
 */
const DOTTED_DATE = /(?<![\p{N}.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\p{N}]|[.,]\d)/gu;
const ISO_DATE = /(?<![\p{N}-])(\d{4})-(\d{2})-(\d{2})(?![\p{N}])/gu;
const monthNames = new Map<string, string[]>();

function monthName(month: number, lang: Lang): string {
  let names = monthNames.get(lang);
  if (!names) {
    const format = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
    names = Array.from({ length: 12 }, (_, m) => format.format(Date.UTC(2000, m, 1)));
    monthNames.set(lang, names);
  }
  return names[month - 1] ?? '';
}

function writtenDate(day: string, month: string, year: string, lang: Lang): string | undefined {
  const d = Number(day);
  const m = Number(month);
  if (d < 1 || d > 31 || m < 1 || m > 12) return undefined;
  const soon = (new Date().getUTCFullYear() % 100) + 10;
  const y = year.length === 4 ? year : `${Number(year) <= soon ? 20 : 19}${year}`;
  return `${d} ${monthName(m, lang)} ${y}`;
}

function writeDatesOut(text: string, lang: Lang): string {
  return text
    .replace(DOTTED_DATE, (all, d: string, m: string, y: string) => `${all} ${writtenDate(d, m, y, lang) ?? ''}`)
    .replace(ISO_DATE, (all, y: string, m: string, d: string) => `${all} ${writtenDate(d, m, y, lang) ?? ''}`);
}

/**
 * A part, a tier or an annex numbered in Roman figures ("Tier I countries", "Annexe III", "Fase II",
 * "Раздел IV"): the number, as a figure, so that "Tier I" is not "Tier II" (and "I" is no pronoun).
 * Only after the words that number such parts, in the languages written in Latin or Cyrillic.
 */
const NUMBERED_PART =
  /(?<![\p{L}])((?:tier|phase|category|annex|part|chapter|title|level|grade|group|window|pillar|component|track|stage|round|cycle|volume|section|table|schedule|article|option|scenario|type|class|lot|catégorie|annexe|partie|chapitre|titre|niveau|groupe|volet|pilier|composante|étape|tableau|fase|categoría|anexo|parte|capítulo|título|nivel|grupo|componente|etapa|ronda|ciclo|sección|cuadro|artículo|opción|tipo|clase|lote|этап|категория|приложение|часть|глава|раздел|уровень|группа|компонент|цикл|том|таблица|статья|вариант|тип|класс)s?)\s+(XX|XIX|XVIII|XVII|XVI|XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?![\p{L}\p{N}])/giu;
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

function romanValue(numeral: string): number {
  let total = 0;
  for (let k = 0; k < numeral.length; k++) {
    const value = ROMAN[numeral[k] as string] ?? 0;
    const next = ROMAN[numeral[k + 1] as string] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/**
 * An ordinal written in Arabic or Chinese words ("الثانية عشرة", "第十二届") as one term, its
 * number's ("ordinal12"): its words are stop words, or stems of other numbers ("الثالثة عشرة" is
 * not "الثالثة"), or cut apart by the segmenter; every text and question reads them alike.
 */
const ordinalReaders = new Map<'ar' | 'zh', { pattern: RegExp; values: Map<string, number> }>();
function ordinalsAsTerms(text: string, lang: 'ar' | 'zh'): string {
  let reader = ordinalReaders.get(lang);
  if (!reader) {
    const values = new Map(ordinalNumbers().flatMap((n) => ordinalForms(n, lang).map((form) => [form, n] as const)));
    const forms = [...values.keys()].sort((x, y) => y.length - x.length).join('|');
    reader = { pattern: new RegExp(lang === 'ar' ? `(?<!\\p{L})(?:${forms})(?!\\p{L})` : `(?:${forms})`, 'gu'), values };
    ordinalReaders.set(lang, reader);
  }
  const { pattern, values } = reader;
  return text.replace(pattern, (phrase) => ` ordinal${values.get(phrase) ?? 0} `);
}

/** The terms of a text for the index, in order (repeated terms repeat). */
export function analyze(text: string, lang: Lang): string[] {
  const out: string[] = [];
  const normalised = writeDatesOut(text.normalize('NFKC'), lang)
    .replace(NUMBERED_PART, (all, word: string, numeral: string) => (numeral === numeral.toUpperCase() ? `${word} ${romanValue(numeral)}` : all))
    .replace(ARABIC_MARKS, '')
    // The article (or a preposition with it) written onto a figure ("الـ28 الأعضاء"): the figure alone.
    .replace(ARABIC_ON_FIGURE, '')
    .replace(GROUPED_FIGURE, (figure) => figure.replace(/\D/g, ''))
    .replace(DECIMAL_FIGURE, '$1d$2');
  const spelled = lang === 'ar' ? ordinalsAsTerms(normalised, 'ar') : normalised;
  if (lang === 'zh' || HAN.test(spelled)) {
    const han = ordinalsAsTerms(spelled, 'zh');
    // Segment the Han runs; other runs go through the language's own analysis.
    // (A decimal figure, "20d9", stays whole, out of the Han run.)
    for (const run of han.split(/(\p{Script=Han}(?:[\p{Script=Han}\s]|\p{N}(?!\p{N}*d\p{N}))*)/u)) {
      if (!run) continue;
      if (HAN.test(run)) hanTerms(run, out);
      else for (const m of run.matchAll(WORD)) {
        const term = latinTerm(m[0], lang === 'zh' ? 'en' : lang);
        if (term) out.push(term);
      }
    }
    return out;
  }
  for (const match of spelled.matchAll(WORD)) {
    const term = latinTerm(match[0], lang);
    if (term) out.push(term);
  }
  return out;
}

/** The stems of lists of words by language, each language's analysed once, when first asked for. */
export function stemsOfWords(words: Record<Lang, readonly string[]>): (lang: Lang) => ReadonlySet<string> {
  const cache = new Map<Lang, ReadonlySet<string>>();
  return (lang) => {
    let stems = cache.get(lang);
    if (!stems) cache.set(lang, (stems = new Set(words[lang].flatMap((w) => analyze(w, lang)))));
    return stems;
  };
}
