/**
 * Roles that answer "who" when a document names no person: "the request goes to the moderator",
 * "an external consultant would draft the rules", "el coordinador nacional". A role is found less
 * surely than a name (a titled name answers first at equal coverage), in each document language,
 * with the words that make it precise ("consultant externe", "national coordinator").
 */
import type { Lang } from '../i18n/index.ts';

const ROLE_WORDS: Record<Lang, string> = {
  en: String.raw`moderators?|facilitators?|coordinators?|consultants?|(?:service )?providers?|contractors?|chairs?|chairpersons?|president|directors?|secretar(?:y|ies)|administrators?|focal points?|project managers?|programme managers?|staff members?|rapporteurs?|trainers?|webmasters?|officers?`,
  fr: String.raw`modérat(?:eur|rice)s?|animat(?:eur|rice)s?|coordonnat(?:eur|rice)s?|coordinat(?:eur|rice)s?|consultant(?:e)?s?|prestataires?|président(?:e)?s?|direct(?:eur|rice)s?|secrétaires?|administrat(?:eur|rice)s?|points? focaux|point focal|chefs? de projet|membres? du personnel|fonctionnaires?|rapporteu(?:r|se)s?|format(?:eur|rice)s?|facilitat(?:eur|rice)s?`,
  es: String.raw`moderador(?:a|es|as)?|facilitador(?:a|es|as)?|coordinador(?:a|es|as)?|consultor(?:a|es|as)?|proveedor(?:a|es|as)?|president(?:e|a|es|as)|director(?:a|es|as)?|secretari(?:o|a|os|as)|administrador(?:a|es|as)?|puntos? focal(?:es)?|jef(?:e|a)s? de proyecto|funcionari(?:o|a|os|as)|relator(?:a|es|as)?|formador(?:a|es|as)?`,
  ru: String.raw`модератор\p{L}*|координатор\p{L}*|консультант\p{L}*|председател\p{L}*|директор\p{L}*|секретар\p{L}*|администратор\p{L}*|руководител\p{L}*|сотрудник\p{L}*|докладчик\p{L}*|тренер\p{L}*|поставщик\p{L}*|подрядчик\p{L}*`,
  ar: String.raw`(?:ال)?(?:منسق|ميسر|مشرف|مستشار|رئيس|مدير|أمين|مسؤول|مقرر|مدرب|مزود)(?:ة|ون|ين)?`,
  zh: String.raw`主持人|协调员|协调人|顾问|主席|主任|秘书|管理员|联络人|联络点|项目经理|工作人员|报告员|培训师|供应商|承包商`,
};

/** Words that make a role precise when they follow it (fr, es) or come before it (en, ru). */
const QUALIFIERS: Record<Lang, string> = {
  en: String.raw`external|independent|national|regional|international|local|senior|principal|technical|chief|executive|general`,
  fr: String.raw`externes?|indépendant(?:e)?s?|nationa(?:l|le|ux|les)|régiona(?:l|le|ux|les)|internationa(?:l|le|ux|les)|loca(?:l|le|ux|les)|principa(?:l|le|ux|les)|technique|exécuti(?:f|ve)|généra(?:l|le)`,
  es: String.raw`extern(?:o|a|os|as)|independientes?|nacional(?:es)?|regional(?:es)?|internacional(?:es)?|local(?:es)?|principal(?:es)?|técnic(?:o|a)|ejecutiv(?:o|a)|general`,
  ru: String.raw`внешн\p{L}*|независим\p{L}*|национальн\p{L}*|региональн\p{L}*|международн\p{L}*|местн\p{L}*|старш\p{L}*|главн\p{L}*|исполнительн\p{L}*|генеральн\p{L}*`,
  ar: String.raw`(?:ال)?(?:خارجي|مستقل|وطني|إقليمي|دولي|محلي|تنفيذي|عام)(?:ة|ون|ين)?`,
  zh: String.raw`外部|独立|国家|区域|国际|地方|首席|高级|执行`,
};

const cache = new Map<Lang, RegExp>();

/** A role named in a text written in `lang`, with its qualifier: the pattern (global). */
export function rolePattern(lang: Lang): RegExp {
  let pattern = cache.get(lang);
  if (pattern) return pattern;
  const role = `(?:${ROLE_WORDS[lang]})`;
  const qualifier = `(?:${QUALIFIERS[lang]})`;
  const source =
    lang === 'zh'
      ? `(?:${qualifier})?${role}`
      : lang === 'en' || lang === 'ru'
        ? String.raw`(?<![\p{L}-])(?:${qualifier}\s+)?${role}(?![\p{L}-])`
        : String.raw`(?<![\p{L}-])${role}(?:\s+${qualifier})?(?![\p{L}-])`;
  pattern = new RegExp(source, 'giu');
  cache.set(lang, pattern);
  return pattern;
}
