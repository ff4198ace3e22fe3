/**
 * Ordinal numbers in the six languages, 2nd to 99th, written out and in figures: "the 23rd
 * session", "la vingt-troisième session", "la vigesimotercera sesión", "двадцать третьей сессии",
 * "الدورة الثالثة والعشرين", "第二十三届会议". Committees, conferences and assemblies are numbered so;
 * a question names its session in its own language, the document in another. They join the
 * glossary as name entries (`name:ordinal:23`): which session is meant must stand beside the answer.
 * The first is left out: "first" and its translations say far more often "earliest" than a number.
 */
import type { Lang } from '../i18n/index.ts';

const FIRST = 2;
const LAST = 99;

const EN_ONES = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const EN_TEENS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function english(n: number): string[] {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  const digits = `${n}${suffix}`;
  if (n < 10) return [EN_ONES[n] as string, digits];
  if (n < 20) return [EN_TEENS[n - 10] as string, digits];
  const tens = EN_TENS[Math.floor(n / 10)] as string;
  return [n % 10 === 0 ? `${tens.slice(0, -1)}ieth` : `${tens}-${EN_ONES[n % 10]}`, digits];
}

const FR_CARDINALS = ['', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const FR_TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'soixante', 'quatre-vingt', 'quatre-vingt'];

function frenchCardinal(n: number): string {
  if (n <= 16) return FR_CARDINALS[n] as string;
  if (n < 20) return `dix-${FR_CARDINALS[n - 10]}`;
  const ten = Math.floor(n / 10);
  // 70–79 and 90–99 count on from soixante and quatre-vingt by tens.
  const rest = ten === 7 || ten === 9 ? n - ten * 10 + 10 : n % 10;
  const head = FR_TENS[ten] as string;
  if (rest === 0) return ten === 8 ? 'quatre-vingts' : head;
  if ((rest === 1 || rest === 11) && ten !== 8 && ten !== 9) return `${head} et ${frenchCardinal(rest)}`;
  return `${head}-${frenchCardinal(rest)}`;
}

function french(n: number): string[] {
  const cardinal = frenchCardinal(n);
  const cut = cardinal.match(/^(.*?)([a-z]+)$/) as RegExpMatchArray;
  const [, head, last] = cut as unknown as [string, string, string];
  const ordinal = last === 'cinq' ? 'cinquième' : last === 'neuf' ? 'neuvième' : last === 'vingts' ? 'vingtième' : `${last.replace(/e$/, '')}ième`;
  const words = `${head}${ordinal}`;
  return [words, words.replace(/ et /g, '-et-'), `${n}e`, `${n}ème`];
}

const ES_ONES = ['', 'primero', 'segundo', 'tercero', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno'];
const ES_TEENS = ['décimo', 'undécimo', 'duodécimo'];
const ES_TENS = ['', 'décimo', 'vigésimo', 'trigésimo', 'cuadragésimo', 'quincuagésimo', 'sexagésimo', 'septuagésimo', 'octogésimo', 'nonagésimo'];
const plain = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '');

function spanish(n: number): string[] {
  const masculine: string[] = [];
  if (n < 10) masculine.push(ES_ONES[n] as string);
  else if (n <= 12) masculine.push(ES_TEENS[n - 10] as string);
  const ten = ES_TENS[Math.floor(n / 10)] as string;
  if (n % 10 === 0 && n >= 10) masculine.push(ten);
  else if (n > 10) {
    const one = ES_ONES[n % 10] as string;
    // "vigésimo tercero", and the one word "vigesimotercero".
    masculine.push(`${ten} ${one}`, `${plain(ten)}${one}`);
  }
  const feminine = masculine.map((w) => w.replace(/o\b/g, 'a'));
  return [...masculine, ...feminine, `${n}º`, `${n}ª`];
}

const RU_ORDINALS: Record<number, string> = {
  1: 'перв', 2: 'втор', 3: 'трет', 4: 'четвёрт', 5: 'пят', 6: 'шест', 7: 'седьм', 8: 'восьм', 9: 'девят', 10: 'десят',
  11: 'одиннадцат', 12: 'двенадцат', 13: 'тринадцат', 14: 'четырнадцат', 15: 'пятнадцат', 16: 'шестнадцат', 17: 'семнадцат', 18: 'восемнадцат', 19: 'девятнадцат',
  20: 'двадцат', 30: 'тридцат', 40: 'сорок', 50: 'пятидесят', 60: 'шестидесят', 70: 'семидесят', 80: 'восьмидесят', 90: 'девяност',
};
const RU_TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];

/** A Russian ordinal's forms: masculine, and feminine as "сессия" takes it (nominative, oblique). */
function russianForms(stem: string): string[] {
  if (stem === 'трет') return ['третий', 'третья', 'третьей', 'третьего'];
  const stressed = ['втор', 'шест', 'седьм', 'восьм', 'сорок'].includes(stem);
  return [`${stem}${stressed ? 'ой' : 'ый'}`, `${stem}ая`, `${stem}ой`, `${stem}ого`];
}

function russian(n: number): string[] {
  const own = RU_ORDINALS[n];
  // ("23-й" is read as the figure 23 alone: it would make every 23 an ordinal.)
  if (own) return russianForms(own);
  const tens = RU_TENS[Math.floor(n / 10)] as string;
  return russianForms(RU_ORDINALS[n % 10] as string).map((f) => `${tens} ${f}`);
}

const AR_FEMININE = ['', 'الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة', 'السابعة', 'الثامنة', 'التاسعة', 'العاشرة'];
const AR_MASCULINE = ['', 'الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع', 'العاشر'];
const AR_TENS = ['', '', 'العشرين', 'الثلاثين', 'الأربعين', 'الخمسين', 'الستين', 'السبعين', 'الثمانين', 'التسعين'];

function arabic(n: number): string[] {
  if (n <= 10) return [AR_FEMININE[n] as string, AR_MASCULINE[n] as string];
  const one = n % 10;
  const ten = Math.floor(n / 10);
  if (ten === 1) {
    const unit = one === 1 ? ['الحادية', 'الحادي'] : [AR_FEMININE[one] as string, AR_MASCULINE[one] as string];
    return [`${unit[0]} عشرة`, `${unit[1]} عشر`];
  }
  const tens = AR_TENS[ten] as string;
  if (one === 0) return [tens];
  const unit = one === 1 ? ['الحادية', 'الحادي'] : [AR_FEMININE[one] as string, AR_MASCULINE[one] as string];
  return [`${unit[0]} و${tens.slice(2)}`, `${unit[1]} و${tens.slice(2)}`, `${unit[0]} و${tens}`, `${unit[1]} و${tens}`];
}

const ZH_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function chinese(n: number): string[] {
  const ten = Math.floor(n / 10);
  const numeral = `${ten === 0 ? '' : ten === 1 ? '十' : `${ZH_DIGITS[ten]}十`}${ZH_DIGITS[n % 10]}`;
  return [`第${numeral}届`, `第${numeral}次`, `第${numeral}`];
}

const WRITERS: Record<Lang, (n: number) => string[]> = { en: english, fr: french, es: spanish, ru: russian, ar: arabic, zh: chinese };

/** The ordinal `n` in one language, in the forms a text writes it. */
export function ordinalForms(n: number, lang: Lang): string[] {
  return WRITERS[lang](n);
}

/** The ordinals the glossary knows. */
export function ordinalNumbers(): number[] {
  return Array.from({ length: LAST - FIRST + 1 }, (_, i) => FIRST + i);
}
