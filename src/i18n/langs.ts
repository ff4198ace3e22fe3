/** The languages of the bot's own words: the six UN languages. */
export const LANGS = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** Languages written right to left. */
export const RTL_LANGS: ReadonlySet<Lang> = new Set<Lang>(['ar']);

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** The supported language of a BCP 47 tag (`fr-CA` -> `fr`, `zh-Hans-CN` -> `zh`), if any. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLang(primary) ? primary : undefined;
}
