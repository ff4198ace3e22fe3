/**
 * Words of a question that say what kind of answer is asked, not what it is about: the answer's
 * kind ("the date", "the amount"), a comparison ("the most"), a text's coming out ("published").
 */
import type { Lang } from '../i18n/index.ts';
import { PUBLICATION_WORDS } from './dateline.ts';

/**
 * Words that name the kind of answer rather than what it is about ("the date", "the amount", "how
 * many people"): the answer is a date or a figure, and the document need not repeat the word. A
 * question's concept made only of such words (or of a comparison's) counts when a passage holds
 * it, and is not missed when it does not.
 */
const COMPARISON_WORDS: Record<Lang, string[]> = {
  en: ['most', 'least', 'fewest', 'highest', 'lowest', 'largest', 'smallest', 'biggest', 'greatest', 'best', 'worst', 'maximum', 'minimum', 'more', 'less', 'fewer'],
  fr: ['plus', 'moins', 'élevé', 'élevée', 'faible', 'meilleur', 'meilleure', 'pire', 'maximum', 'minimum', 'grand', 'grande', 'petit', 'petite'],
  es: ['más', 'menos', 'mayor', 'menor', 'máximo', 'máxima', 'mínimo', 'mínima', 'mejor', 'peor'],
  ru: ['больше', 'меньше', 'наибольший', 'наименьший', 'самый', 'самая', 'самое', 'максимальный', 'минимальный', 'лучший', 'худший', 'высокий', 'низкий', 'всего'],
  ar: ['أكبر', 'أعلى', 'الأكثر', 'أكثر', 'أقل', 'أدنى', 'الأقل', 'أفضل', 'أسوأ'],
  zh: ['最多', '最少', '最高', '最低', '最大', '最小', '最好', '最差'],
};

const ANSWER_TYPE_WORDS: Record<Lang, string[]> = {
  en: ['date', 'day', 'year', 'month', 'time', 'amount', 'sum', 'figure', 'number', 'total', 'count', 'people', 'person', 'persons', 'percentage', 'percent', 'proportion', 'share', 'name', 'place', 'location', 'language', 'long', 'duration', 'exact', 'money', 'much', 'entity'],
  fr: ['date', 'jour', 'année', 'an', 'mois', 'moment', 'époque', 'montant', 'somme', 'chiffre', 'nombre', 'total', 'tout', 'monde', 'gens', 'personne', 'personnes', 'pourcentage', 'proportion', 'part', 'nom', 'lieu', 'endroit', 'langue', 'temps', 'durée', 'argent', 'entité'],
  es: ['fecha', 'día', 'año', 'mes', 'momento', 'monto', 'importe', 'suma', 'cifra', 'número', 'total', 'cantidad', 'gente', 'personas', 'persona', 'porcentaje', 'proporción', 'parte', 'nombre', 'lugar', 'idioma', 'lengua', 'tiempo', 'duración', 'dinero', 'entidad'],
  ar: ['تاريخ', 'يوم', 'سنة', 'عام', 'شهر', 'وقت', 'مبلغ', 'رقم', 'عدد', 'مجموع', 'إجمالي', 'أشخاص', 'شخص', 'نسبة', 'اسم', 'مكان', 'لغة', 'مدة', 'المال', 'جهة'],
  ru: ['дата', 'день', 'год', 'месяц', 'время', 'сумма', 'цифра', 'число', 'количество', 'итог', 'человек', 'люди', 'людей', 'процент', 'доля', 'имя', 'место', 'язык', 'продолжительность', 'деньги'],
  zh: ['日期', '哪天', '年份', '月份', '时间', '金额', '数字', '数量', '总数', '总额', '人数', '人', '百分比', '比例', '名字', '名称', '地点', '地方', '语言', '多久', '钱'],
};

/**
 * Words of the kind of answer, of a comparison ("the most", "le moins") and of a text's coming out
 * ("when was it published": a dateline answers without the word): found or not, the answer is the same.
 */
export function optionalWords(lang: Lang): string[] {
  return [...ANSWER_TYPE_WORDS[lang], ...COMPARISON_WORDS[lang], ...PUBLICATION_WORDS[lang]];
}
