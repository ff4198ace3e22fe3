/**
 * Prompt templates from the project's `prompts/` folder: a system part and a user part separated
 * by a line `---user---`, with `{{name}}` placeholders filled in one pass (so a value that itself
 * contains `{{question}}` stays as written).
 */
import { readFile } from 'node:fs/promises';
import { ForumError } from '../../core/errors.ts';
import type { Lang } from '../../i18n/index.ts';
import { projectPath } from '../../paths.ts';

export type PromptName = 'answer' | 'summary' | 'translate-query';

export interface Prompt {
  system: string;
  user: string;
}

/** A passage as the model sees it: numbered, with where it comes from. */
export interface PromptPassage {
  n: number;
  title: string;
  heading: string;
  source: string;
  text: string;
  lang: Lang;
}

const USER_SEPARATOR = /^---user---[ \t]*$/m;
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** Language names in English, for instructions to the model ("Write in French"). */
const LANGUAGE_NAMES: Record<Lang, string> = {
  ar: 'Arabic',
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  ru: 'Russian',
  zh: 'Chinese',
};

export function languageName(lang: Lang): string {
  return LANGUAGE_NAMES[lang];
}

async function readPrompt(name: PromptName): Promise<Prompt> {
  const text = await readFile(projectPath('prompts', `${name}.md`), 'utf8');
  const parts = text.split(USER_SEPARATOR);
  if (parts.length !== 2) {
    throw new ForumError('internal', `prompts/${name}.md must have one line "---user---" between its system and user parts`);
  }
  return { system: (parts[0] as string).trim(), user: (parts[1] as string).trim() };
}

const loaded = new Map<PromptName, Promise<Prompt>>();

/** The template, read once (a failed read is tried again next time). */
export function loadPrompt(name: PromptName): Promise<Prompt> {
  let prompt = loaded.get(name);
  if (!prompt) {
    prompt = readPrompt(name);
    loaded.set(name, prompt);
    void prompt.catch(() => loaded.delete(name));
  }
  return prompt;
}

/** Fills every `{{name}}` in one pass; a placeholder without a value is a bug in the caller. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (_match, key: string) => {
    if (!Object.hasOwn(values, key)) throw new ForumError('internal', `Prompt placeholder {{${key}}} has no value`);
    return values[key] as string;
  });
}

export async function renderPrompt(name: PromptName, values: Readonly<Record<string, string>>): Promise<Prompt> {
  const template = await loadPrompt(name);
  return { system: fillTemplate(template.system, values), user: fillTemplate(template.user, values) };
}

/** Text placed between markers: `<` and `>` escaped, so it cannot close or open a marker. */
export function escapeText(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value.replace(/&/g, '&amp;')).replace(/"/g, '&quot;').replace(/\s+/g, ' ').trim();
}

/** Each passage as `<passage n="1" source="…" title="…" heading="…" lang="fr">…</passage>`. */
export function renderPassages(passages: readonly PromptPassage[]): string {
  return passages
    .map((p) => {
      const attributes = [`n="${p.n}"`, `source="${escapeAttribute(p.source)}"`, `title="${escapeAttribute(p.title)}"`];
      if (p.heading.trim()) attributes.push(`heading="${escapeAttribute(p.heading)}"`);
      attributes.push(`lang="${p.lang}"`);
      return `<passage ${attributes.join(' ')}>\n${escapeText(p.text.trim())}\n</passage>`;
    })
    .join('\n\n');
}
