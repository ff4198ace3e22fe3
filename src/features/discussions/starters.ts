/**
 * The library of weekly discussion starters: `prompts/discussions/<area>.<lang>.md`, five or so
 * starters a file, separated by a line `---`; each starter is a `# title` line and one or two short
 * paragraphs. The same starters, in the same order, in each language, so that `<area>-<n>` names one
 * starter across languages. When the moderator's topic queue is empty, the bot may post the next
 * starter that has not been used yet (`pickStarter`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ForumError } from '../../core/errors.ts';
import { projectPath } from '../../paths.ts';
import { CATEGORIES, isCategory, type Category } from '../../rag/types.ts';

/** The languages the library is written in, in the order `loadStarters` sorts them. */
export const STARTER_LANGS = ['en', 'fr', 'es'] as const;
export type StarterLang = (typeof STARTER_LANGS)[number];

/** The language used when a starter is missing in the requested one. */
export const FALLBACK_LANG: StarterLang = 'en';

/** Limits a starter must respect, so that it fits a post and a topic title. */
export const MAX_TITLE_LENGTH = 80;
export const MAX_DESCRIPTION_LENGTH = 600;

export interface Starter {
  /** `<area>-<n>`, n from 1 in file order; the same id in every language. */
  id: string;
  area: Category;
  lang: StarterLang;
  title: string;
  /** One or two paragraphs, separated by a blank line. */
  description: string;
}

export function isStarterLang(value: string): value is StarterLang {
  return (STARTER_LANGS as readonly string[]).includes(value);
}

/** The file a starter comes from, as a moderator would look for it. */
function fileName(area: Category, lang: StarterLang): string {
  return `${area}.${lang}.md`;
}

const SEPARATOR = /^[ \t]*---[ \t]*$/m;
const TITLE = /^# +(\S.*)$/;

/**
 * The starters of one file. Strict: every block between `---` lines must begin with a `# title`
 * line followed by a non-empty description, and respect the length limits; anything else throws a
 * `ForumError('bad_request')` naming the file and the starter.
 */
export function parseStarters(text: string, area: Category, lang: StarterLang): Starter[] {
  const file = fileName(area, lang);
  const blocks = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split(SEPARATOR);
  if (blocks.every((block) => block.trim() === '')) {
    throw new ForumError('bad_request', `${file}: no starters`);
  }
  return blocks.map((block, index) => {
    const n = index + 1;
    const where = `${file}: starter ${n}`;
    const lines = block.trim().split('\n').map((line) => line.trimEnd());
    if (lines.length === 1 && lines[0] === '') {
      throw new ForumError('bad_request', `${where} is empty (two "---" lines in a row, or one at the start or end of the file)`);
    }
    const title = TITLE.exec(lines[0] ?? '')?.[1]?.trim();
    if (title === undefined) {
      throw new ForumError('bad_request', `${where} has no "# title" line (its first line is "${truncate(lines[0] ?? '', 60)}")`);
    }
    if (title.length > MAX_TITLE_LENGTH) {
      throw new ForumError('bad_request', `${where}: the title has ${title.length} characters (at most ${MAX_TITLE_LENGTH})`);
    }
    const body = lines.slice(1);
    const extraTitle = body.findIndex((line) => TITLE.test(line));
    if (extraTitle >= 0) {
      throw new ForumError('bad_request', `${where} has a second "# title" line ("${truncate(body[extraTitle] ?? '', 60)}"): is a "---" line missing?`);
    }
    const description = body.join('\n').trim().replace(/\n{3,}/g, '\n\n');
    if (description === '') {
      throw new ForumError('bad_request', `${where} ("${truncate(title, 60)}") has no description under its title`);
    }
    if (description.length > MAX_DESCRIPTION_LENGTH) {
      throw new ForumError('bad_request', `${where}: the description has ${description.length} characters (at most ${MAX_DESCRIPTION_LENGTH})`);
    }
    return { id: `${area}-${n}`, area, lang, title, description };
  });
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

const FILE = /^([a-z]+)\.([a-z]{2})\.md$/;

/** The number in a starter id (`planning-3` → 3). */
function ordinal(id: string): number {
  return Number(id.slice(id.lastIndexOf('-') + 1));
}

/**
 * Every starter of the library: the files `<area>.<lang>.md` of `dir` whose area is one of the six
 * and whose language is en, fr or es (README.md and anything else are ignored). Sorted by area (the
 * order of CATEGORIES), then number, then language (en, fr, es).
 */
export function loadStarters(dir = projectPath('prompts', 'discussions')): Starter[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new ForumError('not_found', `Cannot read the discussion starters folder ${dir}.`, { cause: error });
  }
  const starters: Starter[] = [];
  for (const name of names) {
    const match = FILE.exec(name);
    const area = match?.[1];
    const lang = match?.[2];
    if (area === undefined || lang === undefined || !isCategory(area) || !isStarterLang(lang)) continue;
    let text: string;
    try {
      text = readFileSync(path.join(dir, name), 'utf8');
    } catch (error) {
      throw new ForumError('bad_request', `Cannot read the discussion starters file ${path.join(dir, name)}.`, { cause: error });
    }
    starters.push(...parseStarters(text, area, lang));
  }
  return starters.sort(
    (a, b) =>
      CATEGORIES.indexOf(a.area) - CATEGORIES.indexOf(b.area) ||
      ordinal(a.id) - ordinal(b.id) ||
      STARTER_LANGS.indexOf(a.lang) - STARTER_LANGS.indexOf(b.lang),
  );
}

export interface PickOptions {
  /** The language to post in; a starter missing in it is taken in English. */
  lang: StarterLang;
  /** Ids of the starters already posted. */
  used: ReadonlySet<string>;
  /** Only this area; without it, the area used least so far (ties: the order of CATEGORIES). */
  area?: Category;
}

/**
 * The next starter to post: the first one (by number) not yet used in the requested area, or,
 * without an area, in the area with the fewest used starters so far, moving on to the next area when
 * one is exhausted. `undefined` when every starter has been used.
 */
export function pickStarter(starters: Starter[], options: PickOptions): Starter | undefined {
  const { lang, used, area } = options;
  const byId = new Map<string, Partial<Record<StarterLang, Starter>>>();
  for (const starter of starters) {
    const versions = byId.get(starter.id) ?? {};
    versions[starter.lang] ??= starter;
    byId.set(starter.id, versions);
  }
  const firstUnused = (wanted: Category): Starter | undefined => {
    const ids = [...byId.keys()].filter((id) => areaOf(id) === wanted && !used.has(id)).sort((a, b) => ordinal(a) - ordinal(b));
    for (const id of ids) {
      const versions = byId.get(id);
      const starter = versions?.[lang] ?? versions?.[FALLBACK_LANG];
      if (starter) return starter;
    }
    return undefined;
  };
  if (area !== undefined) return firstUnused(area);

  const usedPerArea = new Map<Category, number>(CATEGORIES.map((category) => [category, 0]));
  for (const id of used) {
    const category = areaOf(id);
    if (category !== undefined) usedPerArea.set(category, (usedPerArea.get(category) ?? 0) + 1);
  }
  const areas = [...CATEGORIES].sort(
    (a, b) => (usedPerArea.get(a) ?? 0) - (usedPerArea.get(b) ?? 0) || CATEGORIES.indexOf(a) - CATEGORIES.indexOf(b),
  );
  for (const category of areas) {
    const starter = firstUnused(category);
    if (starter) return starter;
  }
  return undefined;
}

/** The area a starter id belongs to (`planning-3` → planning), if it names one. */
function areaOf(id: string): Category | undefined {
  const area = id.slice(0, Math.max(0, id.lastIndexOf('-')));
  return isCategory(area) ? area : undefined;
}
