/**
 * `experts <words> [--lang <code>] [--region <name…>]`: the experts of the roster for a subject, in
 * any of the six languages, optionally only those who speak a language or work in a region.
 */
import type { UsageError } from '../../core/commands.ts';
import type { HandlerContext } from '../../core/context.ts';
import { usageToCard } from '../../core/usage-card.ts';
import { isLang, type Lang, type UsageReason } from '../../i18n/index.ts';
import { regionsMatching } from '../../rag/experts-query.ts';
import { matchExpertsInAnyLang, rosterForKnowledgeDir } from '../../rag/experts.ts';
import { expertsToCard, type ExpertsSearch } from './experts-card.ts';

/** Experts looked up for one search: the card shows five and counts the others. */
export const SEARCH_LIMIT = 50;

/** `--lang`, `--region=…`; also with the dash a phone or word processor makes of "--". */
const OPTION = /^(?:--|—|–)(\p{L}[\p{L}-]*)(?:=(.*))?$/u;
const QUOTES = /["“”«»„]/g;

export type ParsedExpertsQuery = { ok: true; search: ExpertsSearch } | { ok: false; error: UsageError };

function fail(reason: UsageReason, detail = ''): ParsedExpertsQuery {
  return { ok: false, error: { topic: 'experts', reason, detail } };
}

/**
 * The region's words after `--region`: the longest run that names a known region, so that
 * `--region latin america impact` keeps "impact" for the search; all of them when none does.
 */
function splitRegion(words: string[]): { region: string; rest: string[] } {
  for (let n = words.length; n > 0; n--) {
    const region = words.slice(0, n).join(' ');
    if (regionsMatching(region, { inPhrase: false }).length > 0) return { region, rest: words.slice(n) };
  }
  return { region: words.join(' '), rest: [] };
}

/** Separates the words of a search from its `--lang` and `--region` options. */
export function parseExpertsQuery(raw: string): ParsedExpertsQuery {
  const words = raw.split(/\s+/).filter(Boolean);
  const text: string[] = [];
  const langs: Lang[] = [];
  let region: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const option = OPTION.exec(word);
    if (!option) {
      text.push(word);
      continue;
    }
    const name = (option[1] as string).toLowerCase();
    if (name === 'lang' || name === 'langs') {
      const value = option[2] || words[++i];
      if (!value) return fail('missing_argument');
      for (const code of value.toLowerCase().split(',').filter(Boolean)) {
        if (!isLang(code)) return fail('bad_lang', code);
        if (!langs.includes(code)) langs.push(code);
      }
    } else if (name === 'region') {
      const values = option[2] ? [option[2]] : [];
      while (i + 1 < words.length && !OPTION.test(words[i + 1] as string)) values.push(words[++i] as string);
      const split = splitRegion(values.map((v) => v.replace(QUOTES, '')).filter(Boolean));
      if (!split.region) return fail('missing_argument');
      region = split.region;
      text.push(...split.rest);
    } else return fail('unknown_option', word);
  }
  const search: ExpertsSearch = { text: text.join(' ').replace(QUOTES, '').trim(), langs, ...(region ? { region } : {}) };
  if (!search.text && langs.length === 0 && !region) return fail('missing_argument');
  return { ok: true, search };
}

export async function handleExperts(ctx: HandlerContext, raw: string): Promise<void> {
  const parsed = parseExpertsQuery(raw);
  if (!parsed.ok) {
    await ctx.replyPrivately(usageToCard(parsed.error, ctx.lang));
    return;
  }
  const { search } = parsed;
  const roster = rosterForKnowledgeDir(ctx.services.config.knowledgeDir);
  // The words may be in another language than the person's (a French term in an English chat).
  const matches = matchExpertsInAnyLang(roster, ctx.services.knowledge.glossary, search.text, ctx.lang, {
    langs: search.langs,
    ...(search.region ? { region: search.region } : {}),
    limit: SEARCH_LIMIT,
  });
  ctx.log.info({ found: matches.length, langs: search.langs, region: search.region }, 'experts searched');
  await ctx.reply(expertsToCard(matches, search, ctx.lang, roster.experts.length));
}
