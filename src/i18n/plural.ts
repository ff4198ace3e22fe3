/**
 * Counts in the reader's language. Each language has its own plural categories (Arabic six,
 * Russian four, Chinese one): `Intl.PluralRules` picks the category of a count, and the catalogue
 * gives the words of each category it uses, `{n}` standing for the count. A category a language
 * uses but a phrase leaves out falls back to `other`.
 */
import type { Lang } from './langs.ts';

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const RULES = new Map<Lang, Intl.PluralRules>();

function rulesOf(lang: Lang): Intl.PluralRules {
  let rules = RULES.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    RULES.set(lang, rules);
  }
  return rules;
}

/** The words for `count` things in `lang`: `plural('en', 1, { one: '{n} reply', other: '{n} replies' })` is "1 reply". */
export function plural(lang: Lang, count: number, forms: PluralForms): string {
  const form = forms[rulesOf(lang).select(count)] ?? forms.other;
  return form.replaceAll('{n}', String(count));
}
