/**
 * The moderators' dashboard's words in six languages, apart from the bot's own catalog: the page
 * receives them whole (`GET /web/api/dashboard/session`) and the dashboard's API answers with them.
 */
import { RTL_LANGS, type Lang } from '../langs.ts';
import { plural } from '../plural.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { ru } from './ru.ts';
import { zh } from './zh.ts';
import type { DashboardKey, DashboardMessages } from './types.ts';

export type { DashboardKey, DashboardMessages } from './types.ts';

const CATALOGS: Record<Lang, DashboardMessages> = { ar, en, es, fr, ru, zh };

/** The dashboard's words in `lang`. */
export function dashboardMessages(lang: Lang): DashboardMessages {
  return CATALOGS[lang];
}

/** The page's direction in `lang`. */
export function dashboardDir(lang: Lang): 'ltr' | 'rtl' {
  return RTL_LANGS.has(lang) ? 'rtl' : 'ltr';
}

/** A message with its `{name}` marks filled in; a mark without a value stays as it is. */
export function fillDashboard(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (mark, name: string) => (name in values ? String(values[name]) : mark));
}

/** One message of the dashboard in `lang`, filled in; a count's message in the form for `values.n`. */
export function dashboardText(lang: Lang, key: DashboardKey, values: Record<string, string | number> = {}): string {
  const message = dashboardMessages(lang)[key];
  if (typeof message === 'string') return fillDashboard(message, values);
  return fillDashboard(plural(lang, Number(values.n), message), values);
}
