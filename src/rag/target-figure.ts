/**
 * "To how many experts will the bank grow?", "à combien", "到多少": a question asking the figure a
 * change leads to. In "raise the number of experts from 30 to 45" the answer is the second figure.
 */
import type { Lang } from '../i18n/index.ts';

const ASKS_TARGET: Record<Lang, RegExp> = {
  en: /\b(?:up )?to how (?:many|much)\b|\bto what (?:number|level|amount)\b/,
  fr: /(?<!\p{L})(?:jusqu['’])?à combien(?!\p{L})|(?<!\p{L})à quel (?:nombre|niveau|montant)(?!\p{L})/u,
  es: /(?<!\p{L})(?:hasta|a) cu[áa]nt[oa]s?(?!\p{L})|(?<!\p{L})a qu[ée] (?:n[úu]mero|nivel|monto)(?!\p{L})/u,
  ru: /до скольк|до какого (?:числа|уровня|количества)/u,
  ar: /إلى كم|الى كم|إلى أي (?:عدد|مستوى)/u,
  zh: /(?:到|至|增至|增加到|扩大到|扩充到|提高到|达到)多少/u,
};

const FIGURE = String.raw`\d[\d\u00a0\u202f .,]*\d|\d`;
/** "from 30 to 45", "de 30 à 45", "de 30 a 45", "с 30 до 45", "من 30 إلى 45", "从30到45", "由30增至45": the second figure. */
const CHANGE = new RegExp(
  String.raw`(?:\bfrom|\bde|\bdel|(?<!\p{L})с|(?<!\p{L})من|从|由)\s*(?:${FIGURE})\s*(?:\p{L}+\s*)?(?:\bto|à|\ba|(?<!\p{L})до|إلى|الى|到|增至|增加到|至)\s*(${FIGURE})`,
  'u',
);

export function asksTarget(question: string, lang: Lang): boolean {
  return ASKS_TARGET[lang].test(question.normalize('NFC').toLowerCase());
}

/** Where the figure a change leads to stands in a text, when the text states a change. */
export function changeTarget(text: string): { start: number; end: number } | undefined {
  const m = CHANGE.exec(text);
  if (!m?.[1] || m.index === undefined) return undefined;
  const start = m.index + m[0].length - m[1].length;
  return { start, end: start + m[1].length };
}
