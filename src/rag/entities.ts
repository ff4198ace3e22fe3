/**
 * Spans of a kind in a sentence or a table row: figures in every locale's form (12 500, 12,500,
 * 12500; 7 %, 7%), amounts of money, percentages, dates written out or numeric, durations,
 * people (a title and a name), organisations, places and languages. The extractive answer leads
 * with such a span when the question expects one.
 *
 * Names of months, languages and countries come from the runtime's own locale data (Intl), in
 * the six languages, so no list of them is kept here.
 */
import { LANGS, type Lang } from '../i18n/index.ts';
import type { AnswerKind } from './question-kind.ts';
import { isYear } from './years.ts';
import { rolePattern } from './roles.ts';
import { FRACTION_WORDS, MONEY_SCALE, NUMBER_WORDS, SCALE, SCALE_WORD } from './number-words.ts';

export interface Span {
  kind: AnswerKind;
  start: number;
  end: number;
  text: string;
  /** How sure the recogniser is that this is of its kind (a bare large number as an amount: less). */
  confidence: number;
}

/** A figure: groups of three digits with a space, a no-break space, a comma or a point; or plain digits; decimals. */
const FIGURE = String.raw`(?:\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+|\d{1,3}(?:,\d{3}(?!\d))+|\d{1,3}(?:\.\d{3}(?!\d))+|\d+)(?:[.,]\d+)?`;
// Not inside a word, a document symbol ("CDIP/25/4", "CE/13/7.IGC"), a file's name ("Annexe_A_0.pdf") or a time of day ("9:00am").
const BEFORE = String.raw`(?<![\p{L}\p{N}/_]|\d:)`;
const AFTER = String.raw`(?![\p{L}\p{N}/_]|:\d)`;
/**
 * Currencies written after a figure, in the six languages: names (longest first: "francs suisses"
 * before "francs"), names with their country ("US dollars", "francs CFA") and codes.
 */
const CURRENCY_AFTER = `(?:${[
  String.raw`(?:US|U\.S\.|United States|Canadian|Australian|New Zealand|Hong Kong|Singapore) dollars?`,
  String.raw`dollars?(?: des [ÉE]tats-Unis| am[ée]ricains| US| des EE\.? ?UU\.?| estadounidenses)?`,
  'Swiss francs?',
  'CFA francs?',
  String.raw`francs? (?:suisses|CFA)`,
  'francs?',
  String.raw`F\s?CFA`,
  'CFA',
  String.raw`pounds?(?: sterling)?`,
  String.raw`livres?(?: sterling)?`,
  String.raw`d[óo]lares(?: de los Estados Unidos| estadounidenses)?`,
  String.raw`francos(?: suizos| CFA)?`,
  String.raw`libras?(?: esterlinas?)?`,
  String.raw`guaran[íi](?:es)?`,
  'euros?',
  'pesos',
  'yen',
  'yuan',
  'renminbi',
  String.raw`rupees?|roupies?|rupias?`,
  'rands?',
  String.raw`shillings?`,
  String.raw`nairas?`,
  String.raw`dirhams?`,
  String.raw`dinars?`,
  String.raw`riyals?`,
  String.raw`рубл\p{L}*`,
  String.raw`франк\p{L}*(?: швейцарских| КФА)?`,
  String.raw`доллар\p{L}*(?: США)?`,
  'евро',
  String.raw`фунт\p{L}* стерлингов`,
  String.raw`иен\p{L}*`,
  String.raw`юан\p{L}*`,
  String.raw`рупи\p{L}*`,
  String.raw`فرنك\p{L}*(?: سويسري| أفريقي)?`,
  String.raw`دولار\p{L}*(?: أمريكي)?`,
  'يورو',
  String.raw`جنيه\p{L}*(?: إسترليني)?`,
  String.raw`ريال\p{L}*`,
  String.raw`درهم|دراهم`,
  String.raw`دينار\p{L}*`,
  // Units of account of development banks and the IMF: "112 229 milliers UC", "39,4 millions d'UA", "SDR 2 million".
  String.raw`U\.?[CA]\.?|unit[ée]s? de compte|units? of account|unidad(?:es)? de cuenta|DTS|SDR|droits de tirage sp[ée]ciaux|special drawing rights?|derechos especiales de giro|СДР|расчетн\p{L}* единиц\p{L}*|وحد(?:ة|ات) (?:ال)?حساب|حقوق السحب الخاصة`,
  '美元|瑞士法郎|西非法郎|非洲法郎|法郎|欧元|英镑|日元|人民币|卢比|兰特|记账单位|特别提款权|元',
  String.raw`CHF|USD|US\$|\$|EUR|€|£|GBP|JPY|CNY|RMB|XOF|XAF|INR|ZAR|KES|NGN|PYG|BRL|MXN`,
].join('|')})`;
const CURRENCY_BEFORE = String.raw`(?:US\$|C\$|A\$|R\$|\$|€|£|¥|₹|CHF|USD|EUR|GBP|JPY|CNY|RMB|XOF|XAF|FCFA|INR|Fr\.|SDR|UA)`;
const CURRENCY_NAMED = new RegExp(`(?<![\\p{L}])(?:${CURRENCY_AFTER}|${CURRENCY_BEFORE})(?![\\p{L}])`, 'iu');

/** Whether a text names a currency ("(Thousands of United States dollars)", "en francs suisses", "$ million"). */
export function namesCurrency(text: string): boolean {
  return CURRENCY_NAMED.test(text);
}

const PERCENT_AFTER = String.raw`\s?(?:%|٪|pour cent|per ?cent|por ciento|процент\p{L}*|في المائة|في المئة|بالمائة|بالمئة)`;

const TIME_UNIT: Record<Lang, string> = {
  en: 'days?|weeks?|months?|years?|hours?|minutes?',
  fr: 'jours?|journ[ée]es?|semaines?|mois|ans|ann[ée]es?|heures?|minutes?',
  es: 'd[íi]as?|semanas?|mes(?:es)?|a[ñn]os?|horas?|minutos?',
  ru: 'дн\\p{L}*|день|недел\\p{L}*|месяц\\p{L}*|год\\p{L}*|лет|час\\p{L}*|минут\\p{L}*',
  ar: 'يوم|أيام|ايام|يومًا|يوما|أسبوع|أسابيع|شهر|أشهر|شهرا|شهرًا|سنة|سنوات|عام|أعوام|ساعة|ساعات',
  zh: '天|日|周|星期|个月|月|年|小时|分钟',
};
/** How often: "chaque semaine", "every month", "cada año", "ежемесячно", "每周", "كل أسبوع". */
const FREQUENCY = String.raw`(?:chaque|tous les|toutes les) (?:jours?|semaines?|mois|ans?|années?|trimestres?)|(?:every|each) (?:day|week|month|year|quarter)|(?:daily|weekly|monthly|yearly|annually|quarterly)|cada (?:d[íi]a|semana|mes|a[ñn]o|trimestre)|(?:hebdomadaire|mensuel|annuel)(?:le)?(?:ment)?|(?:semanal|mensual|anual)(?:mente)?|ежедневно|еженедельно|ежемесячно|ежегодно|кажд\p{L}* (?:день|неделю|месяц|год)|每(?:天|日|周|星期|月|年|季度)|كل (?:يوم|أسبوع|شهر|سنة|عام)|(?:يوميا|أسبوعيا|شهريا|سنويا)`;
const ONE_UNIT = String.raw`(?:une? (?:journée|jour|semaine|mois|an|année)|an? (?:day|week|month|year)|one (?:day|week|month|year)|una? (?:jornada|día|semana|mes|año)|одн\p{L}* (?:день|недел\p{L}*|месяц\p{L}*|год\p{L}*))`;

const TITLES = String.raw`(?:M\.|MM\.|Mme|Mmes|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Dra\.?|Pr\.?|Prof\.?|Sr\.|Sra\.|Srta\.|S\.E\.|H\.E\.|Son Excellence|His Excellency|Her Excellency|г-н|г-жа|господин|госпожа|السيد|السيدة|الدكتور|الدكتورة)`;
// A name's word: a capital, letters, and inner apostrophes, hyphens or an initial's point ("J.-P.").
const NAME_WORD = String.raw`[\p{Lu}](?:[\p{L}'’-]|\.(?=[\p{L}-]))*\.?(?<!\p{Ll}{2}\.)`;
const NAME_PARTICLE = String.raw`(?:de|del|de la|da|do|dos|van|von|der|y|bin|ben|el|al|le|la)`;
const PERSON_TITLED = new RegExp(String.raw`${TITLES}\s+${NAME_WORD}(?:\s+(?:${NAME_PARTICLE}\s+)?${NAME_WORD}){0,4}`, 'gu');
/** "Ana Persic, programme specialist": two to four capitalised words before a comma and a lower-case role. */
const PERSON_APPOSITION = new RegExp(String.raw`(?<![\p{L}])${NAME_WORD}(?:\s+(?:${NAME_PARTICLE}\s+)?${NAME_WORD}){1,3}(?=,\s+\p{Ll})`, 'gu');

/** A table's cell that is two to four capitalised words and nothing else ("Principal investigator — Javiera Araya"). */
const CELL_NAME = String.raw`${NAME_WORD}(?:\s+(?:${NAME_PARTICLE}\s+)?${NAME_WORD}){1,3}`;
/** A cell that is a name, or a list of names ("Anne Debrabandere, Blane Harvey and Ying Syuan Huang"). */
const PERSON_CELL = new RegExp(String.raw`(?<=^[^\n]{1,160} — (?:[^\n;]*; )*(?:[^\n:;]{1,120}: )?)${CELL_NAME}(?:(?:,\s*|\s+(?:and|et|y|и|&)\s+)${CELL_NAME})*(?=\s*(?:;|$))`, 'gu');

const ORG_HEADS = String.raw`(?:Division|Département|Department|Departamento|Bureau|Office|Oficina|Secrétariat|Secretariat|Secretaría|Comité|Committee|Académie|Academy|Academia|Ministère|Ministry|Ministerio|Mission|Misión|Organisation|Organization|Organización|Programme|Program|Programa|Conférence|Conference|Conferencia|Union|Unión|Fonds|Fund|Fondo|Banque|Bank|Banco|Institut|Institute|Instituto|Agence|Agency|Agencia|Université|University|Universidad|Centre|Center|Centro|Service|Servicio|Commission|Comisión|Council|Conseil|Consejo)`;
/** "written by Rob Tew", "présenté par Marie Dupont", "elaborado por Ana Gómez": two or three capitalised words after by/par/por (the agent of a passive). */
const PERSON_BY = new RegExp(String.raw`(?<=(?<![\p{L}])(?:by|par|por)\s+)(?!(?:${NAME_WORD}\s+){0,2}(?:${ORG_HEADS}|Group|Groupe|Grupo|Foundation|Fondation|Fundación|Trust|Partnership|Initiative)(?![\p{L}]))${NAME_WORD}(?:\s+(?:${NAME_PARTICLE}\s+)?${NAME_WORD}){1,2}(?![\p{L}]|\s+${NAME_WORD})`, 'gu');
/** Words that end an organisation's name: verbs and conjunctions that follow it in a sentence. */
const ORG_END = String.raw`qui|que|quoi|dont|who|which|that|et|and|y|e|avec|with|con|en coordination|ont|a|à|au|aux|par|by|to|dans|sur|on|est|sont|était|étaient|sera|seront|has|have|had|is|are|was|were|will|ha|han|es|son|fue|fueron|será|se|s’|s'`;
const ORG_NAMED = new RegExp(String.raw`(?<![\p{L}])${ORG_HEADS}(?:\s+(?!(?:${ORG_END})\s)(?:[\p{L}’'-]+)){0,9}?(?=\s*[,.;:()«»“”"]|\s+(?:${ORG_END})\s|$)`, 'gu');
// Three capitals or more (OMPI, UNESCO, CDIP): two are too often something else ("IP", "TA").
const ACRONYM = /(?<![\p{L}\p{N}])(?=[A-Z]{3,8}(?![\p{L}]))(?![IVXLCDM]+(?![\p{L}]))[A-Z]{3,8}/gu;

/**
 * A town: a capitalised word after the preposition that says where ("tenus à Rabat", "held in
 * Geneva", "celebrado en Lima", "в Женеве"); recognised less surely than a country's name.
 */
const LOCALITY: Partial<Record<Lang, RegExp>> = {
  fr: /(?<=(?:^|\s)à\s)\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?(?![\p{L}-])/gu,
  en: /(?<=(?:^|\s)(?:in|at)\s)\p{Lu}\p{Ll}{2,}(?:\s\p{Lu}\p{Ll}+)?(?![\p{L}-])/gu,
  es: /(?<=(?:^|\s)en\s)\p{Lu}\p{Ll}{2,}(?:\s\p{Lu}\p{Ll}+)?(?![\p{L}-])/gu,
  ru: /(?<=(?:^|\s)во?\s)\p{Lu}\p{Ll}{2,}(?![\p{L}-])/gu,
};

/** What follows a label: at most two words, then a dash or a colon. */
const LABEL_AFTER = /^(?:\s+[\p{L}’'-]+){0,2}\s*(?:—|:)/u;
/** How surely a role named without a person answers "who". */
const ROLE_CONFIDENCE = 0.5;

/** An e-mail address, a web address, a telephone number. */
const CONTACT = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?:\/\/[^\s)»"”]+|www\.[^\s)»"”]+|\+\d[\d ().-]{6,}\d/gu;

type Names = { monthPattern: string; languages: RegExp; places: RegExp };
const namesByLang = new Map<Lang, Names>();

/** A text matched as it is inside a regular expression. */
export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(words: Iterable<string>): string {
  return [...new Set([...words].filter((w) => w.length >= 2))]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
}

/** Codes of the languages named in documents of the field (the six, and others often cited). */
export const LANGUAGE_CODES = [...LANGS, 'pt', 'de', 'it', 'ja', 'ko', 'hi', 'sw', 'tr', 'fa', 'nl', 'pl', 'uk', 'bn', 'id', 'ms', 'th', 'vi', 'ur', 'am', 'ha', 'yo', 'he', 'el', 'sv'];
const REGION_WORDS: Partial<Record<Lang, string[]>> = {
  en: ['Africa', 'Asia', 'Asia-Pacific', 'Asia and the Pacific', 'Latin America', 'the Caribbean', 'Europe', 'Arab States', 'Arab countries', 'Pacific', 'Middle East', 'North America', 'Central Asia'],
  fr: ['Afrique', 'Asie', 'Asie-Pacifique', 'Asie et Pacifique', 'Amérique latine', 'Caraïbes', 'Europe', 'États arabes', 'pays arabes', 'Pacifique', 'Moyen-Orient', 'Amérique du Nord', 'Asie centrale'],
  es: ['África', 'Asia', 'Asia-Pacífico', 'Asia y el Pacífico', 'América Latina', 'el Caribe', 'Europa', 'Estados Árabes', 'países árabes', 'Pacífico', 'Oriente Medio', 'América del Norte'],
  ru: ['Африк', 'Ази', 'Азиатско-Тихоокеанск', 'Латинск', 'Карибск', 'Европ', 'арабск', 'Тихоокеанск'],
  ar: ['أفريقيا', 'إفريقيا', 'آسيا', 'آسيا والمحيط الهادئ', 'أمريكا اللاتينية', 'الكاريبي', 'أوروبا', 'الدول العربية', 'البلدان العربية'],
  zh: ['非洲', '亚洲', '亚太', '亚洲及太平洋', '拉丁美洲', '加勒比', '欧洲', '阿拉伯国家', '太平洋'],
};

let regions: string[] | undefined;
const WORLD_REGIONS = ['002', '005', '009', '011', '013', '014', '015', '017', '018', '019', '021', '029', '030', '034', '035', '039', '053', '142', '143', '145', '150', '151', '154', '155', '202', '419'];

/** ISO 3166 codes: every pair of capital letters the runtime has a name for. */
export function regionCodes(): string[] {
  if (regions) return regions;
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const codes: string[] = [];
  const notPlaces = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (names.of(code) && !notPlaces.has(code)) codes.push(code);
    }
  }
  // The world's regions (UN M49): Africa, Latin America, the Caribbean, Asia…
  regions = [...codes, ...WORLD_REGIONS];
  return regions;
}

/** Short month names that are also words ("mar", the sea; "ago", before now; "sept", seven). */
export const SHORT_MONTH_WORDS: ReadonlySet<string> = new Set(['mar', 'ago', 'sept']);

function namesFor(lang: Lang): Names {
  let names = namesByLang.get(lang);
  if (names) return names;
  const months = new Set<string>();
  for (let m = 0; m < 12; m++) {
    const date = new Date(Date.UTC(2020, m, 15));
    for (const options of [{ month: 'long' }, { month: 'short' }, { day: 'numeric', month: 'long' }] as const) {
      const text = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).format(date).replace(/\d+/g, '').replace(/[.\s]+$/g, '').trim();
      if (text && !/^\d/.test(text)) months.add(text.toLowerCase());
    }
  }
  const languageNames = new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' });
  const languages = LANGUAGE_CODES.flatMap((code) => {
    const name = languageNames.of(code);
    return name ? [name] : [];
  });
  const regionNames = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  const places = [...regionCodes().flatMap((code) => regionNames.of(code) ?? []), ...(REGION_WORDS[lang] ?? [])];
  const tail = lang === 'ru' ? String.raw`\p{L}*` : '';
  names = {
    monthPattern: alternation(months),
    languages: new RegExp(`(?<![\\p{L}])(?:${alternation(languages.map((l) => (lang === 'ru' ? l.slice(0, -2) : l)))})${tail}(?![\\p{L}])`, 'giu'),
    places: new RegExp(`(?<![\\p{L}])(?:${alternation(places)})${tail}(?![\\p{L}])`, 'gu'),
  };
  namesByLang.set(lang, names);
  return names;
}

function capitalisedMonths(): string[] {
  return Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2020, m, 15))));
}

type PatternName = 'amount' | 'amountBefore' | 'percentage' | 'duration' | 'date' | 'month' | 'figure' | 'numberWord';
const compiled = new Map<Lang, Record<PatternName, RegExp>>();

function patternsFor(lang: Lang): Record<PatternName, RegExp> {
  let p = compiled.get(lang);
  if (p) return p;
  const month = namesFor(lang).monthPattern;
  const day = String.raw`\d{1,2}(?:er|º|°|-?го)?`;
  const year = String.raw`(?:19|20)\d{2}`;
  const written = [
    String.raw`(?:du |from |del |с )?${day}(?:\s?(?:au|to|al|-|–|по)\s?${day})?\s(?:de\s)?(?:${month})\.?(?:,?\s(?:de\s|del\s)?${year}(?:\sг\.?)?)?`,
    String.raw`(?:${month})\.?\s${day}(?:\s?[-–]\s?${day})?(?:,?\s${year})?`,
    String.raw`(?:${month})\.?(?:\s?[-–]\s?(?:${month})\.?)?\s(?:de\s|del\s)?${year}`,
    String.raw`\d{1,2}[./]\d{1,2}[./]${year}|${year}-\d{2}-\d{2}`,
    // A day and month with a year of two digits, slashes only ("22/09/07"): a day up to 31, a month up to 12.
    String.raw`(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/\d{2}(?![\d/])`,
    String.raw`${year}(?:\s?[-–/]\s?(?:${year}|\d{2}))?`,
  ].join('|');
  p = {
    // (A currency sign that a figure follows is that figure's: "April 2024 $285,000" is no "2024 $".)
    amount: new RegExp(`${BEFORE}${FIGURE}${MONEY_SCALE}\\s?${CURRENCY_AFTER}(?![\\p{L}])(?!\\s?\\p{Nd})`, 'giu'),
    amountBefore: new RegExp(`${CURRENCY_BEFORE}\\s?${FIGURE}${SCALE}${AFTER}`, 'gu'),
    percentage: new RegExp(`${BEFORE}(?:${FIGURE}${PERCENT_AFTER}|百分之[\\d一二三四五六七八九十]+)`, 'giu'),
    duration: new RegExp(`${BEFORE}(?:(?:${FIGURE}|${NUMBER_WORDS[lang]})\\s?(?:${TIME_UNIT[lang]})(?![\\p{L}])|${ONE_UNIT})|(?<![\\p{L}])(?:${FREQUENCY})(?![\\p{L}])`, 'giu'),
    // Chinese dates stand between Han characters, which are letters: no word boundary around them.
    date: new RegExp(`${BEFORE}(?:${written})${AFTER}|(?<!\\p{N})(?:${year}年(?:\\d{1,2}月)?(?:\\d{1,2}日)?|\\d{1,2}月\\d{1,2}日)`, 'giu'),
    // English months are written with a capital ("May", not the verb "may").
    month: new RegExp(`(?<![\\p{L}])(?:${lang === 'en' ? alternation(capitalisedMonths()) : month})(?![\\p{L}])`, lang === 'en' ? 'gu' : 'giu'),
    figure: new RegExp(`${BEFORE}${FIGURE}${SCALE}${AFTER}`, 'gu'),
    // Not inside a compound or an ordinal ("vingt-cinquième", "twenty-first").
    numberWord: new RegExp(`(?<![\\p{L}-])(?:${NUMBER_WORDS[lang]})(?:\\s(?:${SCALE_WORD}))?(?![\\p{L}-])(?!\\s+(?:et|and|y)\\s+\\p{L}+(?:ième|th|avo|ava|º))(?!\\s?(?:${FRACTION_WORDS}))`, 'giu'),
  };
  compiled.set(lang, p);
  return p;
}

function collect(text: string, pattern: RegExp, kind: AnswerKind, confidence: number, out: Span[]): void {
  for (const m of text.matchAll(pattern)) {
    const value = m[0].trim();
    if (!value) continue;
    const start = (m.index ?? 0) + m[0].indexOf(value);
    out.push({ kind, start, end: start + value.length, text: value, confidence });
  }
}

/** Words after which a figure numbers a part of a text (a reference), in the six languages. */
const REFERENCE_BEFORE = /(?<![\p{L}])(?:paragraphe|paragraph|párrafo|para\.|§|article|art\.|artículo|section|sección|annexe|annex|anexo|page|página|chapitre|chapter|capítulo|point|punto|résolution|resolution|resolución|décision|decision|decisión|document|documento|n°|no\.|núm\.|vol\.|volume|tome|p\.|pp\.|т\.|с\.|пункт\p{L}*|стать\p{L}*|раздел\p{L}*|приложени\p{L}*|резолюци\p{L}*|решени\p{L}*|الفقرة|المادة|القرار|第)\s*$/iu;
/** "Article IV, 1": the figure after a Roman numeral and its comma numbers a paragraph of it. */
const ROMAN_REFERENCE_BEFORE = /\b[IVXL]{1,6}[,.]\s?$/;
/** A bare figure this large, with its groups of three, is likely money in a budget table. */
const LARGE_FIGURE = /^[1-9]\d{0,2}(?:[ \u00a0\u202f,.]\d{3})+(?:[.,]\d{2})?$/;

/** A share written in words ("two thirds", "la moitié", "половина", "ثلثي", "三分之二"): a percentage. */
const SHARE_WORDS: Record<Lang, RegExp> = {
  en: /(?<![\p{L}-])(?:(?:one|two|three|four|a)[ -](?:half|thirds?|quarters?|fifths?)|half|halves)(?![\p{L}-])/giu,
  fr: /(?<![\p{L}-])(?:moitié|(?:un|deux|trois|quatre) (?:tiers|quarts?|cinquièmes?))(?![\p{L}-])/giu,
  es: /(?<![\p{L}-])(?:mitad|(?:un|dos|tres|cuatro) (?:tercios?|quintos?)|(?:tres) cuartos)(?![\p{L}-])/giu,
  ru: /(?<![\p{L}-])(?:половин\p{L}*|(?:одн\p{L}*|две|три|четыре) (?:трет\p{L}*|четверт\p{L}*|пят\p{L}*)|треть|четверть)(?![\p{L}-])/giu,
  ar: /(?<![\p{L}])(?:ال)?(?:نصف|ثلثي|ثلثا|ثلث|ربع|ثلاثة أرباع)(?![\p{L}])/gu,
  zh: /一半|半数|过半|[一二三四五六七八九十]分之[一二三四五六七八九]/gu,
};

/** A figure, then "and", "or", "to" or a dash, then a figure with its unit. */
const SHARED_UNIT = /^\s*(?:and|or|to|et|ou|à|y|e|o|a|и|или|до|و|أو|إلى|和|及|或|至|[-–—])\s*/u;
const SHARED_KINDS: ReadonlySet<AnswerKind> = new Set(['percentage', 'amount', 'duration']);
const SHARED_UNIT_CONFIDENCE = 0.9;

/** Every span of every kind in a text written in `lang`, in order of position. */
export function findSpans(text: string, lang: Lang): Span[] {
  const p = patternsFor(lang);
  const names = namesFor(lang);
  const spans: Span[] = [];
  collect(text, p.amount, 'amount', 1, spans);
  collect(text, p.amountBefore, 'amount', 1, spans);
  collect(text, p.percentage, 'percentage', 1, spans);
  collect(text, SHARE_WORDS[lang], 'percentage', 0.8, spans);
  collect(text, p.duration, 'duration', 1, spans);
  collect(text, p.date, 'date', 1, spans);
  for (const m of text.matchAll(p.month)) {
    const start = m.index ?? 0;
    // "sept ateliers": seven, not September (a month alone, without a day or a year).
    if (SHORT_MONTH_WORDS.has(m[0].toLowerCase())) continue;
    if (!spans.some((s) => s.start < start + m[0].length && start < s.end)) spans.push({ kind: 'date', start, end: start + m[0].length, text: m[0], confidence: 0.7 });
  }
  const taken = (start: number, end: number): boolean => spans.some((s) => s.start < end && start < s.end);
  for (const m of text.matchAll(p.figure)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    if (isYear(m[0])) continue;
    // "paragraph 7.5", "article 14", "Resolution 4": a reference, not a quantity.
    const before = text.slice(Math.max(0, start - 24), start);
    if (REFERENCE_BEFORE.test(before) || ROMAN_REFERENCE_BEFORE.test(before)) continue;
    // A figure inside a code or a document's symbol ("decision 1/CP.21", "DA-BAMA-00616", "Add.1", "P-5") counts nothing.
    if (inCode(text, start, end)) continue;
    // "by 20 and 65 per cent", "de 20 à 30 %", "на 20 и 65 процентов": the figure shares the unit of the one after it.
    const joined = SHARED_UNIT.exec(text.slice(end));
    const unitOfNext = joined ? spans.find((s) => s.start === end + (joined[0]?.length ?? 0) && SHARED_KINDS.has(s.kind)) : undefined;
    if (unitOfNext) {
      spans.push({ kind: unitOfNext.kind, start, end, text: m[0], confidence: SHARED_UNIT_CONFIDENCE });
      continue;
    }
    spans.push({ kind: 'number', start, end, text: m[0], confidence: 1 });
    if (LARGE_FIGURE.test(m[0])) spans.push({ kind: 'amount', start, end, text: m[0], confidence: 0.6 });
  }
  for (const m of text.matchAll(p.numberWord)) {
    const start = m.index ?? 0;
    if (!taken(start, start + m[0].length)) spans.push({ kind: 'number', start, end: start + m[0].length, text: m[0], confidence: 0.8 });
  }
  collect(text, CONTACT, 'contact', 1, spans);
  collect(text, PERSON_TITLED, 'person', 1, spans);
  collect(text, PERSON_APPOSITION, 'person', 0.7, spans);
  collect(text, PERSON_CELL, 'person', 0.7, spans);
  collect(text, PERSON_BY, 'person', 0.6, spans);
  // A role ("au modérateur", "an external consultant") where no name is: a person, less surely.
  const roles: Span[] = [];
  collect(text, rolePattern(lang), 'person', ROLE_CONFIDENCE, roles);
  // Not a field's or a row's label ("Administrateur responsable — S. Gagnon", "Coordinator: …"): that names the value after it.
  spans.push(...roles.filter((r) => !taken(r.start, r.end) && !LABEL_AFTER.test(text.slice(r.end, r.end + 40))));
  collect(text, ORG_NAMED, 'organisation', 0.9, spans);
  collect(text, ACRONYM, 'organisation', 0.6, spans);
  collect(text, names.places, 'place', 1, spans);
  collect(text, names.languages, 'language', 1, spans);
  const locality = LOCALITY[lang];
  if (locality) {
    const named: Span[] = [];
    collect(text, locality, 'place', 0.6, named);
    spans.push(...named.filter((n) => !taken(n.start, n.end)));
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Whether the figure at start..end is part of a token that joins letters and figures by "/", "-" or "." (a code, a symbol). */
function inCode(text: string, start: number, end: number): boolean {
  const left = /[^\s«»"“”(),;:]*$/u.exec(text.slice(0, start))?.[0] ?? '';
  const right = /^[^\s«»"“”(),;:]*/u.exec(text.slice(end))?.[0] ?? '';
  const token = `${left}${text.slice(start, end)}${right}`.replace(/[.]$/, '');
  return /\p{L}/u.test(token) && /[-/.]/.test(`${left.slice(-1)}${right.slice(0, 1)}`) && !/^\p{Sc}|\p{Sc}$/u.test(token);
}

/** The kinds a question's expected kind accepts (a count may be a share; a sum of money is not a count). */
/** Words that make a duration a time: "twelve months after the mission", "within six weeks", "dans les trois mois". */
const RELATIVE_AFTER = /^\s*(?:(?:after|before|later|earlier|following|après|avant|plus tard|suivant|à compter|después|antes|más tarde|a partir|tras|после|до|спустя|بعد|قبل)(?![\p{L}])|之?后|以后|之?前|以前|以?内)/iu;
const RELATIVE_BEFORE = /(?:within|in the|in the next|in the first|no later than|dans les|dans un délai de|sous|en los|dentro de|en un plazo de|в течение|через|за|خلال|في غضون|在)\s*$/iu;

/** Whether a duration in a text says when (a time relative to something), not only how long. */
export function durationIsTime(text: string, span: Span): boolean {
  return RELATIVE_AFTER.test(text.slice(span.end, span.end + 24)) || RELATIVE_BEFORE.test(text.slice(Math.max(0, span.start - 24), span.start));
}

export function acceptedKinds(kind: AnswerKind): AnswerKind[] {
  if (kind === 'number') return ['number', 'percentage'];
  // "When is it done?" — "twelve months after the mission" answers as well as a date.
  if (kind === 'date') return ['date', 'duration'];
  // "Who decides?" — a committee or an office answers as well as a person (an acronym alone does not).
  if (kind === 'person') return ['person', 'organisation'];
  return [kind];
}
