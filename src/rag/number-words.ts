/**
 * Numbers written in words in the six languages, and the words that scale a figure ("8 million",
 * "huit millions", "مليون", "万"): what `entities.ts` reads as counts, durations and sums.
 */
import type { Lang } from '../i18n/index.ts';

/** Words that multiply the figure or number word before them ("8 million", "huit millions", "восьми миллионов"). */
export const SCALE_WORD = String.raw`millions?|milliards?|milliers?|mille|billions?|thousands?|millones|mill[óo]n|mil|миллион\p{L}*|миллиард\p{L}*|тысяч\p{L}*|млн|млрд|مليون|ملايين|مليار\p{L}*|ألف|万|亿`;
export const SCALE = String.raw`(?:\s?(?:${SCALE_WORD}))?`;
/** The same before a currency, which French and Spanish join with "de" ("12 millions de dollars", "3 millones de euros"). */
export const MONEY_SCALE = String.raw`(?:\s?(?:${SCALE_WORD})(?:\s(?:de|d['’]))?)?`;

const AR_UNITS = 'أحد|إحدى|واحد|واحدة|اثنا|اثني|اثنتا|اثنتي|اثنان|اثنين|ثلاث|ثلاثة|أربع|أربعة|خمس|خمسة|ست|ستة|سبع|سبعة|ثماني|ثمانية|ثمان|تسع|تسعة';
const AR_TENS = 'عشرين|عشرون|ثلاثين|ثلاثون|أربعين|أربعون|خمسين|خمسون|ستين|ستون|سبعين|سبعون|ثمانين|ثمانون|تسعين|تسعون';

export const NUMBER_WORDS: Record<Lang, string> = {
  // (The numbers of two words are written whole: "twenty-five", "vingt-cinq", "treinta y cinco", "тринадцать".)
  en: '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozens?|a dozen|hundreds',
  fr: "(?:vingt|trente|quarante|cinquante|soixante)(?:-(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf)| et (?:un|une|onze))|quatre-vingt(?:-(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf)|s)?|dix-sept|dix-huit|dix-neuf|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille|dizaines?|douzaines?|quinzaines?|vingtaines?|trentaines?|cinquantaines?|centaines?|milliers?",
  es: '(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa) y (?:un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)|veinti(?:un|una|uno|dós|dos|trés|tres|cuatro|cinco|séis|seis|siete|ocho|nueve)|dieci(?:séis|seis|siete|ocho|nueve)|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|mil|docenas?|decenas?|centenares',
  ru: '\\p{L}+надцат\\p{L}*|дв[аеу]х?|тр[её]х?|три|четыр\\p{L}*|пят\\p{L}*|шест\\p{L}*|сем[иь]|восьм\\p{L}*|восем\\p{L}*|девят\\p{L}*|десят\\p{L}*|двенадцат\\p{L}*|двадцат\\p{L}*|тридцат\\p{L}*|сорок\\p{L}*|пятьдесят\\p{L}*|сто|сотн\\p{L}*|тысяч\\p{L}*|десятк\\p{L}*',
  // (A number of two words first: "ثلاثة عشر" is thirteen, "خمسة وعشرون" twenty-five — not three, not five.)
  ar: `(?:${AR_UNITS}) (?:عشر|عشرة)|(?:${AR_UNITS}) و(?:${AR_TENS})|اثنان|اثنين|اثنتين|ثلاث|ثلاثة|أربع|أربعة|خمس|خمسة|ست|ستة|سبع|سبعة|ثماني|ثمانية|ثمان|تسع|تسعة|عشر|عشرة|${AR_TENS}|مائة|مئة|ألف|آلاف`,
  zh: '[两二三四五六七八九十百千万]+',
};

/** "Two thirds", "deux tiers", 三分之二: a share, not a count. */
export const FRACTION_WORDS = String.raw`thirds?|quarters?|fifths?|halves|tiers|quarts?|cinquièmes?|tercios?|cuartos?|quintos?|трет\p{L}*|четверт\p{L}*|分之`;
