/**
 * Column headers that say what kind of fact a table's cells hold ("Date", "Coût", "Number of grants"),
 * by kind and language: one list, read by the answer's choice of a cell (does this column hold the
 * kind asked?) and by ingestion (which column of a table copied one cell per line a figure belongs to).
 * A word ending in "*" stands for every word it begins ("disburse*": disbursed, disbursements).
 */
import type { Lang } from '../i18n/index.ts';
import { analyze } from './analyze.ts';
import { escape } from './entities.ts';
import type { AnswerKind } from './question-kind.ts';

type HeaderKind = Extract<AnswerKind, 'date' | 'amount' | 'number' | 'duration' | 'language' | 'place' | 'person' | 'organisation'>;

export const KIND_HEADERS: Record<HeaderKind, Record<Lang, readonly string[]>> = {
  date: {
    en: ['date', 'dates', 'when', 'schedule', 'timeline', 'year', 'years', 'period', 'start', 'end', 'deadline'],
    fr: ['date', 'dates', 'échéancier', 'calendrier', 'période', 'année', 'années', 'début', 'fin'],
    es: ['fecha', 'fechas', 'calendario', 'plazo', 'año', 'años', 'periodo', 'período', 'inicio'],
    ru: ['дата', 'сроки', 'срок', 'период', 'год'],
    ar: ['تاريخ', 'التاريخ', 'الموعد', 'الجدول الزمني', 'السنة'],
    zh: ['日期', '时间', '时间表', '年份'],
  },
  amount: {
    en: ['cost', 'costs', 'amount', 'amounts', 'budget', 'resources', 'price', 'total', 'funding', 'usd', 'disburse*', 'paid', 'spent', 'commitment*', 'contribution*', 'allocation*', 'expenditure*'],
    fr: ['coût', 'coûts', 'montant', 'montants', 'budget', 'budgets', 'total', 'ressources', 'prix', 'dépenses', 'dépense', 'financement', 'décaisse*', 'versé*', 'engagement*'],
    es: ['costo', 'coste', 'monto', 'importe', 'presupuesto', 'total', 'recursos', 'precio', 'gastos', 'gasto', 'desembols*', 'pagad*', 'compromiso*', 'contribuci*', 'asignaci*'],
    ru: ['стоимость', 'сумма', 'бюджет', 'ресурсы', 'расходы', 'выплач*', 'взнос*', 'расход*'],
    ar: ['التكلفة', 'المبلغ', 'الميزانية', 'الموارد'],
    zh: ['费用', '金额', '预算', '资源', '成本'],
  },
  number: {
    en: ['number', 'count'],
    fr: ['nombre'],
    es: ['número', 'cantidad'],
    ru: ['количество', 'число'],
    ar: ['عدد', 'العدد'],
    zh: ['数量', '人数', '数目'],
  },
  duration: { en: ['duration', 'length'], fr: ['durée'], es: ['duración'], ru: ['продолжительность', 'длительность'], ar: ['المدة'], zh: ['时长', '期限'] },
  language: { en: ['language'], fr: ['langue'], es: ['idioma', 'lengua'], ru: ['язык'], ar: ['اللغة'], zh: ['语言', '语种'] },
  // A field naming who: its short value is the answer, recognised as a name or not ("Établissement bénéficiaire — Procrasur").
  person: {
    en: ['investigator', 'investigators', 'officer', 'author', 'authors', 'contact person', 'coordinator', 'project leader', 'team leader', 'manager', 'director', 'chair', 'consultant', 'focal point'],
    fr: ['chercheur', 'chercheurs', 'responsable', 'auteur', 'auteurs', 'personne de contact', 'coordonnateur', 'coordinateur', 'chef de projet', 'directeur', 'directrice', 'président', 'consultant', 'point focal'],
    es: ['investigador', 'investigadores', 'responsable', 'autor', 'autores', 'persona de contacto', 'coordinador', 'jefe de proyecto', 'director', 'directora', 'presidente', 'consultor', 'punto focal'],
    ru: ['исследователь', 'ответственный', 'автор', 'авторы', 'контактное лицо', 'координатор', 'руководитель', 'директор', 'председатель', 'консультант'],
    ar: ['الباحث', 'المسؤول', 'المؤلف', 'المنسق', 'المدير', 'الرئيس', 'المستشار', 'جهة الاتصال'],
    zh: ['负责人', '研究员', '作者', '联系人', '协调员', '主任', '主席', '顾问'],
  },
  organisation: {
    en: ['institution', 'organization', 'organisation', 'recipient', 'grantee', 'partner', 'partners', 'agency', 'implementing', 'donor', 'funder'],
    fr: ['établissement', 'institution', 'organisation', 'organisme', 'bénéficiaire', 'partenaire', 'partenaires', 'agence', 'bailleur', 'donateur'],
    es: ['institución', 'organización', 'organismo', 'entidad', 'beneficiario', 'beneficiaria', 'socio', 'socios', 'agencia', 'donante'],
    ru: ['организация', 'учреждение', 'получатель', 'партнер', 'партнёр', 'агентство', 'донор'],
    ar: ['المؤسسة', 'المنظمة', 'الجهة', 'المستفيد', 'الشريك', 'الوكالة', 'المانح'],
    zh: ['机构', '组织', '单位', '受援方', '合作伙伴', '资助方', '捐助方'],
  },
  place: { en: ['country', 'place', 'city', 'region', 'venue'], fr: ['pays', 'lieu', 'ville', 'région'], es: ['país', 'lugar', 'ciudad', 'región'], ru: ['страна', 'место', 'город', 'регион'], ar: ['البلد', 'المكان', 'المدينة', 'المنطقة'], zh: ['国家', '地点', '城市', '地区'] },
};


const headerStems = new Map<string, string[][]>();

/** Whether a header's analysed terms hold one of the kind's header words. */
export function headerNamesKind(headerTerms: ReadonlySet<string>, kind: AnswerKind | undefined, lang: Lang): boolean {
  if (kind === undefined || !(kind in KIND_HEADERS)) return false;
  const key = `${kind}:${lang}`;
  let words = headerStems.get(key);
  if (!words) {
    words = KIND_HEADERS[kind as HeaderKind][lang].map((w) => analyze(w.replace(/\*$/, ''), lang)).filter((stems) => stems.length > 0);
    headerStems.set(key, words);
  }
  return words.some((stems) => stems.every((t) => headerTerms.has(t)));
}

/**
 * One pattern matching, as a whole word, a header word of the kind in any of the given languages or one
 * of `abbreviations` ("n°", "US$"), or anywhere one of `signs` ("$").
 */
function kindPattern(kind: HeaderKind, langs: readonly Lang[], abbreviations: readonly string[], signs: readonly string[] = []): RegExp {
  const words = [...new Set(langs.flatMap((l) => KIND_HEADERS[kind][l]))].map((w) => (w.endsWith('*') ? `${escape(w.slice(0, -1))}\\p{L}*` : escape(w)));
  const anywhere = signs.length > 0 ? `|${signs.map(escape).join('|')}` : '';
  return new RegExp(`(?<!\\p{L})(?:${[...words, ...abbreviations.map(escape)].join('|')})(?!\\p{L})${anywhere}`, 'iu');
}

/** Header patterns of the languages whose tables are read at ingestion (written left to right, words spaced). */
const SPACED: readonly Lang[] = ['en', 'fr', 'es', 'ru'];
export const DATE_COLUMN = kindPattern('date', SPACED, []);
export const AMOUNT_COLUMN = kindPattern('amount', SPACED, ['us$'], ['$', '€']);
export const COUNT_COLUMN = kindPattern('number', SPACED, ['n°', 'nº', 'no.']);
