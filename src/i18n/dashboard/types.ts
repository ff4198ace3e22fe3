/**
 * The shape of the dashboard's words: every key of the English reference. A message is a plain
 * string, or, where it holds a count, its plural forms (`PluralForms`, the count as `{n}`), one
 * per category of `Intl.PluralRules` the language uses.
 */
import type { PluralForms } from '../plural.ts';
import type { en } from './en.ts';

export type DashboardKey = keyof typeof en;

/** Every language gives every key, plural where English is (the compiler checks each catalog against this). */
export type DashboardMessages = { readonly [K in DashboardKey]: (typeof en)[K] extends string ? string : PluralForms };
