/**
 * Names that questions use to say which event, year or place they mean — languages, months,
 * countries, the ordinal of a session — in the six languages, made from the runtime's own locale data (Intl) rather than
 * kept by hand. They join the glossary as entries whose ids start with `name:`, so that "the
 * Arabic-language webinar" finds "arabe" and "в апреле" finds "avril"; the answer must then hold
 * the name the question gave (a figure for another language's session is not an answer).
 */
import { LANGS } from '../i18n/index.ts';
import type { GlossaryFile } from './glossary.ts';
import { LANGUAGE_CODES, regionCodes, SHORT_MONTH_WORDS } from './entities.ts';
import { ordinalForms, ordinalNumbers } from './ordinals.ts';

export const NAME_ENTRY_PREFIX = 'name:';

type Entry = GlossaryFile['entries'][number];

function entry(id: string, termsOf: (lang: (typeof LANGS)[number]) => string[]): Entry {
  const terms: Entry['terms'] = {};
  for (const lang of LANGS) {
    const list = [...new Set(termsOf(lang).map((t) => t.trim()).filter((t) => t.length >= 2))];
    if (list.length > 0) terms[lang] = list;
  }
  return { id: `${NAME_ENTRY_PREFIX}${id}`, category: null, terms };
}

function monthNames(lang: (typeof LANGS)[number], month: number): string[] {
  const date = new Date(Date.UTC(2020, month, 15));
  const standalone = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(date);
  // In a date the month may take another form (Russian "апреля"); keep the word next to the day.
  const inDate = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(date).replace(/\d+/g, '').trim();
  // Chinese writes a month with its number as often ("4月"; the analyser keeps it one word).
  if (lang === 'zh') return [standalone, `${month + 1}月`];
  // Reports and tables abbreviate ("Jan. 24-26", "déc. 2012", "сент."), but for the short forms
  // that are words of their own in one of the languages.
  const short = new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' }).format(date).replace(/\.$/, '');
  return [standalone, inDate, ...(SHORT_MONTH_WORDS.has(short.toLowerCase()) ? [] : [short])];
}


/**
 * Other forms under which a language is named: "Russian-speaking" in Russian is one word
 * ("русскоязычный"), French says "russophone", Chinese writes 俄文 as well as 俄语. Kept for the six
 * languages and those most often met beside them.
 */
const LANGUAGE_FORMS: Partial<Record<string, Partial<Record<(typeof LANGS)[number], string[]>>>> = {
  ar: { ru: ['арабоязычный', 'арабском'], fr: ['arabophone'], es: ['arabófono'] },
  zh: { ru: ['китаеязычный', 'китайском'], fr: ['sinophone'], es: ['sinohablante'] },
  en: { ru: ['англоязычный', 'английском'], fr: ['anglophone'], es: ['anglófono', 'anglohablante'] },
  fr: { ru: ['франкоязычный', 'французском'], fr: ['francophone'], es: ['francófono', 'francohablante'] },
  es: { ru: ['испаноязычный', 'испанском'], fr: ['hispanophone'], es: ['hispanohablante', 'hispanoparlante'] },
  ru: { ru: ['русскоязычный', 'русском'], fr: ['russophone'], es: ['rusohablante', 'rusoparlante'] },
  pt: { ru: ['португалоязычный', 'португальском'], fr: ['lusophone'], es: ['lusófono', 'lusohablante'] },
  de: { ru: ['немецкоязычный', 'немецком'], fr: ['germanophone'], es: ['germanohablante'] },
};

function languageTerms(code: string, lang: (typeof LANGS)[number], names: Intl.DisplayNames): string[] {
  const name = names.of(code) ?? '';
  const forms = LANGUAGE_FORMS[code]?.[lang] ?? [];
  // Chinese names a language "…语" or "…文" alike.
  const written = lang === 'zh' && name.endsWith('语') ? [`${name.slice(0, -1)}文`] : [];
  return [name, ...forms, ...written];
}

/**
 * The country whose people a language's name also names ("the Dutch experts", "l'État français"):
 * where a document never names the language, its country stands for it. Only languages whose name
 * is their homeland's adjective (not English, Arabic or Spanish-speaking America's).
 */
const HOMELAND: Readonly<Record<string, string>> = { nl: 'NL', fr: 'FR', es: 'ES', ru: 'RU', zh: 'CN', de: 'DE', it: 'IT', ja: 'JP', pt: 'PT', pl: 'PL', sv: 'SE', el: 'GR', tr: 'TR', ko: 'KR', th: 'TH', vi: 'VN', id: 'ID' };

/** The id of the country entry a language entry's name also stands for, if any. */
export function homelandEntryId(languageEntryId: string): string | undefined {
  const code = languageEntryId.startsWith(`${NAME_ENTRY_PREFIX}language:`) ? languageEntryId.slice(`${NAME_ENTRY_PREFIX}language:`.length) : undefined;
  const region = code ? HOMELAND[code] : undefined;
  return region ? `${NAME_ENTRY_PREFIX}region:${region}` : undefined;
}

/**
 * Parts of the world that questions name to say which call, office or session they mean ("the
 * Pacific call", "для Тихоокеанского региона", "los expertos africanos"), with their adjectives:
 * `Intl` names countries, not these. A figure for the Caribbean is no answer about the Pacific.
 */
const WORLD_AREAS: Record<string, Record<(typeof LANGS)[number], string[]>> = {
  africa: { en: ['Africa', 'African'], fr: ['Afrique', 'africain', 'africaine'], es: ['África', 'africano', 'africana'], ru: ['Африка', 'африканский'], ar: ['أفريقيا', 'إفريقيا', 'الأفريقية', 'الأفريقي'], zh: ['非洲'] },
  asia: { en: ['Asia', 'Asian'], fr: ['Asie', 'asiatique'], es: ['Asia', 'asiático', 'asiática'], ru: ['Азия', 'азиатский'], ar: ['آسيا', 'الآسيوية', 'الآسيوي'], zh: ['亚洲'] },
  pacific: { en: ['Pacific'], fr: ['Pacifique'], es: ['Pacífico'], ru: ['Тихий океан', 'тихоокеанский'], ar: ['المحيط الهادئ', 'الهادئ'], zh: ['太平洋'] },
  caribbean: { en: ['Caribbean'], fr: ['Caraïbes', 'caribéen', 'caribéenne'], es: ['Caribe', 'caribeño', 'caribeña'], ru: ['Карибский', 'Карибы', 'Карибского'], ar: ['الكاريبي', 'البحر الكاريبي'], zh: ['加勒比'] },
  'latin-america': { en: ['Latin America', 'Latin American'], fr: ['Amérique latine', 'latino-américain'], es: ['América Latina', 'latinoamericano', 'latinoamericana'], ru: ['Латинская Америка', 'латиноамериканский'], ar: ['أمريكا اللاتينية'], zh: ['拉丁美洲', '拉美'] },
  europe: { en: ['Europe'], fr: ['Europe'], es: ['Europa'], ru: ['Европа'], ar: ['أوروبا'], zh: ['欧洲'] },
  'middle-east': { en: ['Middle East'], fr: ['Moyen-Orient'], es: ['Oriente Medio', 'Oriente Próximo'], ru: ['Ближний Восток'], ar: ['الشرق الأوسط'], zh: ['中东'] },
  'sub-saharan-africa': { en: ['sub-Saharan Africa', 'sub-Saharan'], fr: ['Afrique subsaharienne', 'subsaharienne', 'subsaharien', 'Afrique sub-saharienne'], es: ['África subsahariana', 'subsahariana', 'subsahariano'], ru: ['Африка южнее Сахары', 'Африка к югу от Сахары'], ar: ['أفريقيا جنوب الصحراء', 'إفريقيا جنوب الصحراء', 'جنوب الصحراء الكبرى'], zh: ['撒哈拉以南非洲', '撒哈拉以南'] },
  'west-africa': { en: ['West Africa', 'West African'], fr: ["Afrique de l'Ouest", 'ouest-africain', 'ouest-africaine'], es: ['África Occidental', 'África del Oeste'], ru: ['Западная Африка'], ar: ['غرب أفريقيا', 'غرب إفريقيا'], zh: ['西非'] },
  'east-africa': { en: ['East Africa', 'Eastern Africa', 'East African'], fr: ["Afrique de l'Est", 'Afrique orientale'], es: ['África Oriental', 'África del Este'], ru: ['Восточная Африка'], ar: ['شرق أفريقيا', 'شرق إفريقيا'], zh: ['东非'] },
  'north-africa': { en: ['North Africa', 'North African'], fr: ['Afrique du Nord', 'nord-africain'], es: ['África del Norte', 'Norte de África'], ru: ['Северная Африка'], ar: ['شمال أفريقيا', 'شمال إفريقيا'], zh: ['北非'] },
  'central-africa': { en: ['Central Africa'], fr: ['Afrique centrale'], es: ['África Central'], ru: ['Центральная Африка'], ar: ['وسط أفريقيا', 'وسط إفريقيا'], zh: ['中部非洲'] },
  sahel: { en: ['Sahel'], fr: ['Sahel', 'sahélien', 'sahélienne'], es: ['Sahel', 'saheliano'], ru: ['Сахель'], ar: ['منطقة الساحل', 'الساحل الأفريقي'], zh: ['萨赫勒'] },
  'south-asia': { en: ['South Asia', 'South Asian'], fr: ['Asie du Sud'], es: ['Asia Meridional', 'Asia del Sur'], ru: ['Южная Азия'], ar: ['جنوب آسيا'], zh: ['南亚'] },
  'south-east-asia': { en: ['South-East Asia', 'Southeast Asia'], fr: ['Asie du Sud-Est'], es: ['Sudeste Asiático', 'Asia Sudoriental'], ru: ['Юго-Восточная Азия'], ar: ['جنوب شرق آسيا'], zh: ['东南亚'] },
  'eastern-europe': { en: ['Eastern Europe', 'East European'], fr: ['Europe de l’Est', "Europe de l'Est", 'Europe orientale'], es: ['Europa Oriental', 'Europa del Este'], ru: ['Восточная Европа', 'восточноевропейский'], ar: ['أوروبا الشرقية', 'شرق أوروبا'], zh: ['东欧'] },
  'central-asia': { en: ['Central Asia'], fr: ['Asie centrale'], es: ['Asia Central'], ru: ['Центральная Азия'], ar: ['آسيا الوسطى'], zh: ['中亚'] },
  'central-america': { en: ['Central America'], fr: ['Amérique centrale'], es: ['Centroamérica', 'América Central'], ru: ['Центральная Америка'], ar: ['أمريكا الوسطى'], zh: ['中美洲'] },
  mediterranean: { en: ['Mediterranean'], fr: ['Méditerranée', 'méditerranéen', 'méditerranéens'], es: ['Mediterráneo', 'mediterránea'], ru: ['Средиземноморье', 'средиземноморский'], ar: ['البحر الأبيض المتوسط', 'البحر المتوسط'], zh: ['地中海'] },
};

/** Entries for months, languages, countries or territories and ordinals (sessions), in the six languages. */
export function nameEntries(): Entry[] {
  const entries: Entry[] = [];
  for (let m = 0; m < 12; m++) entries.push(entry(`month:${m + 1}`, (lang) => monthNames(lang, m)));
  const languageNames = new Map(LANGS.map((l) => [l, new Intl.DisplayNames([l], { type: 'language', fallback: 'none' })]));
  for (const code of LANGUAGE_CODES) entries.push(entry(`language:${code}`, (lang) => languageTerms(code, lang, languageNames.get(lang) as Intl.DisplayNames)));
  for (const code of regionCodes()) entries.push(entry(`region:${code}`, (lang) => [regionName(code, lang)]));
  for (const [id, terms] of Object.entries(WORLD_AREAS)) entries.push(entry(`area:${id}`, (lang) => terms[lang]));
  for (const n of ordinalNumbers()) entries.push(entry(`ordinal:${n}`, (lang) => ordinalForms(n, lang)));
  return entries;
}

const CASED: ReadonlySet<(typeof LANGS)[number]> = new Set(['en', 'fr', 'es', 'ru']);
const regionNamers = new Map<string, Intl.DisplayNames>();

/** A country's or territory's name in a language, from `Intl` ('' when it has none). */
function regionName(code: string, lang: (typeof LANGS)[number]): string {
  let namer = regionNamers.get(lang);
  if (!namer) {
    namer = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    regionNamers.set(lang, namer);
  }
  return namer.of(code) ?? '';
}

export function writesName(entryId: string, text: string, lang: (typeof LANGS)[number]): boolean {
  const prefix = `${NAME_ENTRY_PREFIX}region:`;
  if (!entryId.startsWith(prefix) || !CASED.has(lang)) return true;
  const name = regionName(entryId.slice(prefix.length), lang).toLowerCase();
  if (!name || /\s/.test(name)) return true;
  const inLowerCase = (word: string): boolean => (name.length >= 5 ? word.startsWith(name.slice(0, -1)) : word === name);
  return (text.match(/\p{L}[\p{L}'’-]*/gu) ?? []).some((word) => (/^\p{Lu}/u.test(word) && word.toLowerCase().startsWith(name.slice(0, 3))) || inLowerCase(word.toLowerCase()));
}
