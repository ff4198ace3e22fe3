/**
 * "Ensuite, Mme Ana Persic, spécialiste…, a présenté… Elle a donné des exemples… tels que le
 * Programme L'Oréal-UNESCO": the sentence that says what was done names its doer by a pronoun,
 * and the name stands in a sentence before it. "Who" asked of such a sentence is answered by that
 * name: the person a nearby sentence before it names (the nearest, at most three sentences back).
 */
import type { Lang } from '../i18n/index.ts';
import { findSpans, type Span } from './entities.ts';
import type { Unit } from './units.ts';

/** A sentence opening on a subject pronoun of a person, by language. */
const PERSON_PRONOUN: Record<Lang, RegExp> = {
  en: /^(?:He|She)\s/,
  fr: /^(?:Il|Elle)\s/,
  es: /^(?:Él|Ella)\s/,
  ru: /^(?:Он|Она)\s/,
  ar: /^(?:هو|هي)\s/,
  zh: /^[他她]/,
};
/** How many sentences back the name may stand. */
const ANTECEDENT_REACH = 3;
/** A name recognised at least this surely (a title and a name, or a name before its role). */
const ANTECEDENT_MIN_CONFIDENCE = 0.7;
/** How close a name found before the sentence stands to what it says (less than a name in it). */
export const ANTECEDENT_CLOSENESS = 0.8;

/** The person a pronoun opening the unit stands for, with the unit that names them; undefined when it opens on none. */
export function antecedentOf(units: Unit[], i: number, lang: Lang): { span: Span; unit: Unit } | undefined {
  const unit = units[i];
  if (!unit || !PERSON_PRONOUN[lang].test(unit.text)) return undefined;
  for (let j = i - 1; j >= Math.max(0, i - ANTECEDENT_REACH); j--) {
    const before = units[j] as Unit;
    const person = findSpans(before.text, lang).find((s) => s.kind === 'person' && s.confidence >= ANTECEDENT_MIN_CONFIDENCE);
    if (person) return { span: person, unit: before };
  }
  return undefined;
}
