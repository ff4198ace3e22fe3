/**
 * The words of money in questions, in the six languages: what names a sum ("cost", "chiffre
 * d'affaires", "ستكلّف", "营业额"), and what asks by how much one changed.
 */
import type { Lang } from '../i18n/index.ts';
import { analyze, ARABIC_MARKS } from './analyze.ts';

/** Words (stems, prefixes of words) that name money, by language: cost, budget, dépenses, 预算… */
export const MONEY = {
  en: String.raw`turnover|revenue|cost|costs|costed|spend|spent|spending|contribut|budget|price|paid|pay|expens|expenditure|fund|money|dollars?|francs?|euros?|usd|chf|fee|amount|charge|earn|salar|wage|allowance|per diem|stipend|shillings?|pesos?|rupees?|roubles?|rubles?|yuan|pounds? sterling|kroner|kronor|krona|krone|yen`,
  fr: String.raw`chiffres? d'affaires|recettes|co[uû]t|budget|d[ée]pens|vers(?:é|ée|és|ées|er|ement)|montant|prix|pa(?:yer|yé|yée|yés|yant|ie)\b|financ|francs?|dollars?|euros?|argent|somme|frais|enveloppe|factur|rémunér|salaire|honoraires|gagne|couronnes|livres sterling|yens`,
  es: String.raw`facturaci[óo]n|cost|presupuest|gast|aport|monto|importe|precio|pag|financ|francos?|d[óo]lares|euros?|dinero|suma|cobr|sueldo|salario|honorarios|gana|coronas|libras|yenes`,
  ru: String.raw`выручк|средств|сто[иi]|стоимост|бюджет|расход|затрат|потрат|израсход|трат[иья]|сумм|цен|плат|франк|доллар|евро|денег|деньг|финансир|обош|обойд|обход|получа|зарплат|гонорар|оклад|крон|фунт`,
  ar: String.raw`رقم الأعمال|إيراد|تكلف|كلف|تكاليف|ميزاني|نفق|مبلغ|سعر|دفع|فرنك|دولار|يورو|مال|إنفاق|أنفق|صرف|يتقاضى|أجر|راتب|رسوم|كرون|جنيه|تمويل|اعتمادات|مخصصات`,
  zh: String.raw`营业额|营收|销售额|钱|费用|成本|预算|花费|花了|开支|支出|价格|法郎|美元|欧元|资金|金额|经费|耗资|花销|工资|报酬|收费|薪|克朗|英镑|日元`,
};
/**
 * The start of an Arabic word, with the prefixes a noun may take (و/ف, ب/ل/ك, the article) or a
 * verb ("ستكلف", "يكلف": the future's س and the present's letter of person).
 */
export const AR_WORD_START = String.raw`(?<!\p{L})[وف]?(?:س?[يتن](?=\p{L}{3})|[بلك]?(?:ال|ل)?)`;

/**
 * "By how much did the turnover grow", "de combien a progressé", "насколько выросла": a change, given
 * as a sum or as a share of what it was.
 */
const CHANGE: Record<Lang, RegExp> = {
  en: /\b(?:increas|rose|rise|risen|grew|grow|decreas|fell|fall|fallen|dropp?|declin|progress)\w*/,
  fr: /\b(?:progress|augment|hauss|baiss|diminu|recul|cr[uû]\b|chut)\w*/,
  es: /\b(?:aument|creci|creció|crec|disminu|baj|subi|cay|ca[íi]d)\w*/,
  ru: /(?:вырос|выросл|увелич|сниз|уменьш|сократ|рост|упал)/,
  ar: /(?:ارتفع|زاد|زيادة|انخفض|نما|نمو|تراجع|ازداد)/,
  zh: /(?:增长|增加|下降|减少|提高|降低|上升)/,
};

/** Whether a question asks by how much something changed (a share answers as well as a sum). */
export function asksChange(question: string, lang: Lang): boolean {
  return CHANGE[lang].test(question.normalize('NFC').toLowerCase());
}

/** Whether a word (or a stem) names money: cost, budget, dépenses, 预算… */
export function isMoneyWord(word: string, lang: Lang): boolean {
  return new RegExp(lang === 'ar' ? `${AR_WORD_START}(?:${MONEY.ar})` : `^(?:${MONEY[lang]})`, 'u').test(lang === 'ar' ? word.replace(ARABIC_MARKS, '') : word);
}

/**
 * Whether a concept of a question (by its stems) names money: its stems are money words, or the
 * stems of the question's money words as written ("montant" is "mont" once stemmed).
 */
export function isMoneyConcept(label: string, question: string, lang: Lang): boolean {
  const stems = label.split(' ');
  if (stems.every((t) => isMoneyWord(t, lang))) return true;
  const words = lang === 'zh' ? [] : question.normalize('NFC').toLowerCase().split(/[^\p{L}\p{M}'’-]+/u);
  const written = new Set(words.filter((w) => w && isMoneyWord(w, lang)).flatMap((w) => analyze(w, lang)));
  return stems.every((t) => written.has(t));
}
