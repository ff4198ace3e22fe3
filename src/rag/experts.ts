/**
 * The experts roster (`knowledge/experts.json`) and its search. A query is analysed like a
 * question (stems, glossary concepts in six languages) and each concept is looked for in an
 * expert's expertise texts, keywords, region and language names, and areas; concepts weigh by
 * how rare they are in the roster, so the score is the weighted share of the query an expert covers.
 */
import { readJsonFile } from './json-file.ts';
import { statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { detectLang } from '../core/language.ts';
import { LANGS, messages, type Lang } from '../i18n/index.ts';
import { analyze } from './analyze.ts';
import type { Glossary } from './glossary.ts';
import { longestTerms, queryConcepts, regionIdOf, regionMatches, type QueryConcept } from './experts-query.ts';
import { CATEGORIES } from './types.ts';

const localized = z
  .partialRecord(z.enum(LANGS), z.string().min(1))
  .refine((record) => Object.keys(record).length > 0, 'expected a text in at least one language');

const expertSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  areas: z.array(z.enum(CATEGORIES)).min(1),
  expertise: localized,
  keywords: z.array(z.string().min(1)).default([]),
  languages: z.array(z.enum(LANGS)).min(1),
  region: z.string().min(1),
  availability: localized,
  contact: z.string().min(1),
});

const rosterSchema = z
  .object({ version: z.literal(1), note: z.string().optional(), experts: z.array(expertSchema) })
  .superRefine((roster, ctx) => {
    const seen = new Set<string>();
    roster.experts.forEach((expert, i) => {
      if (seen.has(expert.id)) ctx.addIssue({ code: 'custom', path: ['experts', i, 'id'], message: `duplicate id "${expert.id}"` });
      seen.add(expert.id);
    });
  });

export type Expert = z.infer<typeof expertSchema>;
export interface Roster {
  experts: readonly Expert[];
}
export interface ExpertMatch {
  expert: Expert;
  /** Higher is better: the weighted share of the query the expert covers, plus the area boost. */
  score: number;
}
export interface MatchOptions {
  /** Only experts who speak one of these languages. */
  langs?: Lang[];
  /** Only experts of this region (any language, accents ignored, part of a name). */
  region?: string;
  limit?: number;
  /** Below this share of the query, an expert is not returned. */
  minScore?: number;
}

export const EMPTY_ROSTER: Roster = { experts: [] };
export const DEFAULT_LIMIT = 20;
export const MIN_SCORE = 0.25;
/** Suggestions under an answer need a clearer match than a search the person typed. */
export const SUGGEST_MIN_SCORE = 0.4;
export const SUGGEST_LIMIT = 3;
/** Added for an expert filed under an area the query names. */
export const AREA_BOOST = 0.1;
/** A concept found in one field (keywords, expertise, region and languages, areas). */
const FIELD_WEIGHT = 0.6;
/** A glossary term found inside a longer term of another entry weighs less ("evaluation" in "needs evaluation"). */
const INSIDE_TERM_WEIGHT = 0.5;

/** Reads and checks a roster file; a missing file is an empty roster. */
export function loadRoster(file: string): Roster {
  const data = readJsonFile(file, rosterSchema, 'the experts roster');
  return data ? { experts: data.experts } : EMPTY_ROSTER;
}

const rosterCache = new Map<string, { stamp: string; roster: Roster }>();

/** The roster of a knowledge folder, read again only when its file changes. */
export function rosterForKnowledgeDir(knowledgeDir: string): Roster {
  const file = path.join(knowledgeDir, 'experts.json');
  let stamp = 'missing';
  try {
    const stat = statSync(file);
    stamp = `${stat.mtimeMs}:${stat.size}`;
  } catch {
    // Missing: loadRoster decides.
  }
  const cached = rosterCache.get(file);
  if (cached?.stamp === stamp) return cached.roster;
  const roster = loadRoster(file);
  rosterCache.set(file, { stamp, roster });
  return roster;
}

// ---- Analysis of the roster -----------------------------------------------------------------

/** A field's text as stems, with the spans of its multi-word glossary terms (longest first, no overlaps). */
interface Sequence {
  stems: string[];
  spans: { start: number; end: number; entry: number }[];
}

interface IndexedExpert {
  expert: Expert;
  text: Sequence[];
  keywords: Sequence[];
  /** Region and language names, in the six languages. */
  meta: Sequence[];
}

function keywordLangs(keyword: string): Lang[] {
  if (/\p{Script=Arabic}/u.test(keyword)) return ['ar'];
  if (/\p{Script=Cyrillic}/u.test(keyword)) return ['ru'];
  if (/\p{Script=Han}/u.test(keyword)) return ['zh'];
  const detected = detectLang(keyword);
  return detected ? [detected] : ['en', 'fr', 'es'];
}

function sequences(list: string[][], glossary: Glossary): Sequence[] {
  const seen = new Map<string, Sequence>();
  for (const stems of list) {
    if (stems.length === 0) continue;
    const spans = longestTerms(stems, glossary)
      .filter((o) => o.length > 1)
      .map((o) => ({ start: o.start, end: o.start + o.length, entry: o.entry }));
    seen.set(stems.join(' '), { stems, spans });
  }
  return [...seen.values()];
}

function indexExpert(expert: Expert, glossary: Glossary): IndexedExpert {
  const text = Object.entries(expert.expertise).map(([lang, value]) => analyze(value, lang as Lang));
  const keywords = expert.keywords.flatMap((k) => keywordLangs(k).map((lang) => analyze(k, lang)));
  const regionId = regionIdOf(expert.region);
  const meta = [analyze(expert.region, 'en')];
  for (const lang of LANGS) {
    if (regionId) meta.push(analyze(messages(lang).experts.regions[regionId], lang));
    const names = new Intl.DisplayNames([lang], { type: 'language' });
    for (const spoken of expert.languages) meta.push(analyze(names.of(spoken) ?? spoken, lang));
  }
  return { expert, text: sequences(text, glossary), keywords: sequences(keywords, glossary), meta: sequences(meta, glossary) };
}

const indexCache = new WeakMap<Roster, WeakMap<Glossary, IndexedExpert[]>>();

function indexRoster(roster: Roster, glossary: Glossary): IndexedExpert[] {
  const byGlossary = indexCache.get(roster) ?? new WeakMap<Glossary, IndexedExpert[]>();
  indexCache.set(roster, byGlossary);
  let index = byGlossary.get(glossary);
  if (!index) {
    index = roster.experts.map((e) => indexExpert(e, glossary));
    byGlossary.set(glossary, index);
  }
  return index;
}

/** How well a field holds a concept: the best phrase's weight, halved inside a longer glossary term. */
function fieldScore(field: Sequence[], c: QueryConcept): number {
  let best = 0;
  for (const seq of field) {
    for (const phrase of c.phrases) {
      if (phrase.weight <= best) continue;
      const p = phrase.stems;
      outer: for (let i = 0; i + p.length <= seq.stems.length; i++) {
        for (let k = 0; k < p.length; k++) if (seq.stems[i + k] !== p[k]) continue outer;
        const end = i + p.length;
        const inside = c.entry !== undefined && seq.spans.some((s) => s.entry !== c.entry && s.start <= i && end <= s.end && s.end - s.start > p.length);
        best = Math.max(best, inside ? phrase.weight * INSIDE_TERM_WEIGHT : phrase.weight);
        if (!inside) break;
      }
    }
  }
  return best;
}

/** How well an expert covers one concept, from 0 to 1: each field where it is found adds to it (0.6, 0.84, 0.94…). */
function strength(concept: QueryConcept, e: IndexedExpert): number {
  const area = concept.areas.some((a) => e.expert.areas.includes(a)) ? 1 : 0;
  const fields = [fieldScore(e.keywords, concept), fieldScore(e.text, concept), fieldScore(e.meta, concept), area];
  return 1 - fields.reduce((miss, f) => miss * (1 - FIELD_WEIGHT * f), 1);
}

const byScoreThenName = (a: ExpertMatch, b: ExpertMatch): number => b.score - a.score || a.expert.name.localeCompare(b.expert.name);

/** Experts for a search, best first; nothing below the minimal score. With no words, only filters: those experts by name. */
export function matchExperts(roster: Roster, glossary: Glossary, query: string, lang: Lang, options: MatchOptions = {}): ExpertMatch[] {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const minScore = options.minScore ?? MIN_SCORE;
  const index = indexRoster(roster, glossary);
  const keep = (e: IndexedExpert): boolean =>
    (!options.langs?.length || e.expert.languages.some((l) => options.langs?.includes(l))) &&
    (!options.region || regionMatches(e.expert.region, options.region));
  const concepts = queryConcepts(query, lang, glossary);
  if (concepts.length === 0) {
    if (!options.langs?.length && !options.region) return [];
    return index
      .filter(keep)
      .map((e) => ({ expert: e.expert, score: 0 }))
      .sort((a, b) => a.expert.name.localeCompare(b.expert.name))
      .slice(0, limit);
  }
  const strengths = concepts.map((c) => index.map((e) => strength(c, e)));
  // A concept few experts cover tells them apart; one nobody covers weighs most.
  const weights = strengths.map((row) => Math.log(1 + (index.length + 1) / (row.filter((s) => s > 0).length + 1)));
  const total = weights.reduce((a, b) => a + b, 0);
  const named = new Set(concepts.flatMap((c) => c.areas));
  const matches: ExpertMatch[] = [];
  index.forEach((e, i) => {
    if (!keep(e)) return;
    const covered = strengths.reduce((sum, row, c) => sum + (row[i] as number) * (weights[c] as number), 0) / total;
    if (covered < minScore) return;
    const boost = e.expert.areas.some((a) => named.has(a)) ? AREA_BOOST : 0;
    matches.push({ expert: e.expert, score: Number((covered + boost).toFixed(3)) });
  });
  return matches.sort(byScoreThenName).slice(0, limit);
}

/**
 * A search of a few words, whose language cannot be told for sure ("évaluation d'impact" typed in
 * an English chat): read in each likely language (the detected one, the reader's, English, French,
 * Spanish), each expert keeping its best score.
 */
export function matchExpertsInAnyLang(roster: Roster, glossary: Glossary, query: string, readerLang: Lang, options: MatchOptions = {}): ExpertMatch[] {
  const detected = detectLang(query);
  const langs = new Set<Lang>([...(detected ? [detected] : []), readerLang, 'en', 'fr', 'es']);
  const best = new Map<string, ExpertMatch>();
  for (const lang of langs) {
    for (const match of matchExperts(roster, glossary, query, lang, { ...options, limit: roster.experts.length })) {
      if ((best.get(match.expert.id)?.score ?? -1) < match.score) best.set(match.expert.id, match);
    }
  }
  return [...best.values()].sort(byScoreThenName).slice(0, options.limit ?? DEFAULT_LIMIT);
}

/** A few experts to suggest under a question the knowledge base could not answer (stricter than a search). */
export function expertsForQuestion(roster: Roster, glossary: Glossary, question: string, lang: Lang, limit = SUGGEST_LIMIT): ExpertMatch[] {
  return matchExperts(roster, glossary, question, lang, { limit, minScore: SUGGEST_MIN_SCORE });
}
