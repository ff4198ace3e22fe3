/**
 * `ta-forum experts`: the experts roster searched from the command line, as `experts <query>` in chat.
 * It needs no database: only the knowledge folder's `experts.json` and `glossary.json`.
 * Output goes to standard output (the card's text, or one JSON object per expert); logs to standard error.
 */
import { glossaryFor } from '../main.ts';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { cardToText } from '../core/card.ts';
import { ForumError } from '../core/errors.ts';
import { detectLang } from '../core/language.ts';
import { isLang, type Lang } from '../i18n/index.ts';
import { expertsToCard } from '../features/experts/experts-card.ts';
import { SEARCH_LIMIT } from '../features/experts/handle-experts.ts';
import { loadRoster, matchExpertsInAnyLang, type ExpertMatch } from '../rag/experts.ts';
import { commandEnv, writeLine as write, type CliIo } from './io.ts';

export interface ExpertsCommandOptions {
  json?: boolean;
  /** Only experts who speak this language; several as a comma-separated list ("fr,es"). */
  lang?: string;
  /** Only experts of this region, in English, French or Spanish, or part of its name. */
  region?: string;
}

function parseLangs(value: string | undefined): Lang[] {
  const langs: Lang[] = [];
  for (const code of (value ?? '').toLowerCase().split(',').map((c) => c.trim()).filter(Boolean)) {
    if (!isLang(code)) throw new ForumError('config_invalid', `--lang expects ar, en, es, fr, ru or zh (comma-separated for several), not "${code}".`);
    if (!langs.includes(code)) langs.push(code);
  }
  return langs;
}

/** The JSON object of one expert found. */
export function expertMatchToJson({ expert, score }: ExpertMatch): Record<string, unknown> {
  return {
    id: expert.id,
    name: expert.name,
    score,
    areas: expert.areas,
    languages: expert.languages,
    region: expert.region,
    availability: expert.availability,
    contact: expert.contact,
  };
}

export function runExperts(io: CliIo, query: string, options: ExpertsCommandOptions): Promise<void> {
  const langs = parseLangs(options.lang);
  const region = options.region?.trim() || undefined;
  const text = query.trim();
  if (!text && langs.length === 0 && !region) {
    throw new ForumError('config_invalid', 'experts needs words describing a subject, --lang or --region.');
  }
  const config = loadConfig(commandEnv(io), {}, io.cwd);
  const glossary = glossaryFor(config);
  const roster = loadRoster(path.join(config.knowledgeDir, 'experts.json'));
  const lang = detectLang(text) ?? config.defaultLang;
  const matches = matchExpertsInAnyLang(roster, glossary, text, lang, { langs, ...(region ? { region } : {}), limit: SEARCH_LIMIT });
  if (options.json) for (const match of matches) write(io, JSON.stringify(expertMatchToJson(match)));
  else write(io, cardToText(expertsToCard(matches, { text, langs, ...(region ? { region } : {}) }, lang, roster.experts.length)));
  return Promise.resolve();
}
