/**
 * "What is the total cost", "the overall budget", "общая сумма", "المجموع", "总额": a table's or a
 * budget's total line answers before any one line of it, which may hold more of the question's
 * other words (each activity's line names the activities; the total line names only the total):
 * the total line is read with the lines above it, which it sums.
 */
import type { Lang } from '../i18n/index.ts';
import { TOTAL } from './ingest/stacked-columns.ts';
import type { Unit } from './units.ts';

/** Words asking for a total, by language. */
const ASKS_TOTAL: Record<Lang, RegExp> = {
  en: /\b(?:total|overall|in all|altogether|grand total|all together|adding up|sum of)\b/i,
  fr: /(?<!\p{L})(?:total(?:e|es|ux)?|au total|en tout|ensemble des|global(?:e|es|aux)?|montant global)(?!\p{L})/iu,
  es: /(?<!\p{L})(?:total(?:es)?|en total|global(?:es)?|en conjunto|suma de)(?!\p{L})/iu,
  ru: /(?:итог|всего|общ(?:ая|ий|ую|ей|ее|ие) (?:сумм|стоимост|объ[её]м|бюджет|расход|затрат)|в целом|суммарн)/iu,
  ar: /(?:مجموع|المجموع|إجمالي|الإجمالي|اجمالي|الاجمالي|الكلي|الكلية)/u,
  zh: /(?:总额|总计|合计|一共|总共|总费用|总成本|总预算|共计|总支出|总开支)/u,
};


/** How many units above a total line it sums (and is read with). */
export const TOTAL_REACH = 8;
/** How much more surely a total line answers a question asking for a total. */
export const TOTAL_FACTOR = 1.5;

export function asksTotal(question: string, lang: Lang): boolean {
  return ASKS_TOTAL[lang].test(question);
}

/** A line that gives a total: it opens with the word ("TOTAL DES COÛTS …", "Total — 2023: 432.6", "Итого", "合计"), as a table's total row does. */
export function isTotalLine(unit: Unit): boolean {
  return TOTAL.test(unit.text.trim());
}
