/**
 * How the experts search reads what is typed: the five regions of the roster under their English,
 * French and Spanish names; the words that name an assistance area; the words of a search that
 * say nothing about its subject ("find an expert in …"); and the query's concepts, glossary terms
 * expanded into six languages as `analyzeQuery` does.
 */
import { LANGS, type Lang } from '../i18n/index.ts';
import { analyze } from './analyze.ts';
import type { Glossary } from './glossary.ts';
import { CATEGORIES, type Category } from './types.ts';

/** A glossary synonym other than the preferred term of its language weighs less. */
const SYNONYM_WEIGHT = 0.6;

export const REGIONS = {
  africa: 'Africa',
  'arab-states': 'Arab States',
  'asia-pacific': 'Asia and the Pacific',
  'europe-central-asia': 'Europe and Central Asia',
  'latin-america-caribbean': 'Latin America and the Caribbean',
} as const;
export type RegionId = keyof typeof REGIONS;

/** Other names of each region in English, French and Spanish, normalised (see `normalise`). */
const REGION_ALIASES: Record<RegionId, string[]> = {
  africa: ['afrique', 'african', 'africain', 'africano', 'sub saharan africa', 'afrique subsaharienne', 'africa subsahariana'],
  'arab-states': [
    'arab countries', 'arab region', 'arab world', 'etats arabes', 'pays arabes', 'region arabe', 'monde arabe',
    'estados arabes', 'paises arabes', 'mundo arabe',
  ],
  'asia-pacific': ['asia pacific', 'asie et pacifique', 'asie et le pacifique', 'asie pacifique', 'asia y el pacifico', 'asia pacifico'],
  'europe-central-asia': [
    'central asia', 'eastern europe', 'europe et asie centrale', 'asie centrale', 'europe de l est', 'europa y asia central',
    'asia central', 'europa oriental', 'europa del este',
  ],
  'latin-america-caribbean': [
    'latin america', 'caribbean', 'south america', 'central america', 'amerique latine et caraibes',
    'amerique latine et les caraibes', 'amerique latine', 'caraibes', 'amerique du sud', 'amerique centrale',
    'america latina y el caribe', 'america latina', 'latinoamerica', 'caribe', 'america del sur', 'centroamerica',
  ],
};

/** Lower case, accents folded, punctuation as spaces. */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const REGION_IDS = Object.keys(REGIONS) as RegionId[];
const namesOf = (id: RegionId): string[] => [normalise(REGIONS[id]), ...REGION_ALIASES[id]];

/** The region a roster entry names, when it is one of the five. */
export function regionIdOf(region: string): RegionId | undefined {
  const name = normalise(region);
  return REGION_IDS.find((id) => namesOf(id).includes(name));
}

/** The regions a typed name can mean: a name or part of one from a word on ("africa", "amérique latine", "asia"), or a phrase containing one. */
export function regionsMatching(input: string, options: { inPhrase?: boolean } = {}): RegionId[] {
  const typed = normalise(input);
  if (typed.length < 3) return [];
  const inPhrase = options.inPhrase ?? true;
  return REGION_IDS.filter((id) =>
    namesOf(id).some((name) => ` ${name}`.includes(` ${typed}`) || (inPhrase && ` ${typed} `.includes(` ${name} `))),
  );
}

/** Whether a roster entry's region is the one typed (a region outside the five: part of its name). */
export function regionMatches(region: string, input: string): boolean {
  const id = regionIdOf(region);
  if (id && regionsMatching(input).includes(id)) return true;
  const typed = normalise(input);
  return typed.length >= 3 && ` ${normalise(region)}`.includes(` ${typed}`);
}

/** Words that name an area (besides its identifier); a query concept equal to one names the area. */
const AREA_TERMS: Record<Lang, Record<Category, string[]>> = {
  en: {
    requests: ['requests', 'request for assistance', 'needs assessment'],
    planning: ['planning', 'strategic planning', 'project design'],
    policy: ['policy', 'policies', 'legislation', 'legislative advice', 'regulatory advice'],
    training: ['training', 'capacity building'],
    evaluation: ['evaluation', 'monitoring', 'monitoring and evaluation', 'impact'],
    cooperation: ['cooperation', 'partnerships', 'coordination'],
  },
  fr: {
    requests: ['demandes', "demande d'assistance", 'évaluation des besoins'],
    planning: ['planification', 'planification stratégique'],
    policy: ['politique', 'politiques', 'législation', 'conseil législatif'],
    training: ['formation', 'renforcement des capacités'],
    evaluation: ['évaluation', 'suivi', 'suivi et évaluation'],
    cooperation: ['coopération', 'partenariats', 'coordination'],
  },
  es: {
    requests: ['solicitudes', 'solicitud de asistencia', 'evaluación de necesidades'],
    planning: ['planificación', 'planificación estratégica'],
    policy: ['política', 'políticas', 'legislación'],
    training: ['formación', 'capacitación', 'fortalecimiento de capacidades'],
    evaluation: ['evaluación', 'seguimiento', 'seguimiento y evaluación'],
    cooperation: ['cooperación', 'alianzas', 'coordinación'],
  },
  ar: { requests: ['الطلبات'], planning: ['التخطيط'], policy: ['السياسات'], training: ['التدريب'], evaluation: ['التقييم'], cooperation: ['التعاون'] },
  ru: { requests: ['запросы'], planning: ['планирование'], policy: ['политика'], training: ['обучение'], evaluation: ['оценка'], cooperation: ['сотрудничество'] },
  zh: { requests: ['申请', '请求'], planning: ['规划'], policy: ['政策'], training: ['培训'], evaluation: ['评估'], cooperation: ['合作'] },
};

/** Words of a search that say nothing about its subject. */
const NOISE_WORDS: Partial<Record<Lang, string[]>> = {
  en: ['expert', 'experts', 'expertise', 'specialist', 'specialists', 'consultant', 'someone', 'somebody', 'anyone', 'find', 'looking', 'need', 'person', 'people', 'help'],
  fr: ['expert', 'experts', 'expertise', 'spécialiste', 'spécialistes', 'consultant', "quelqu'un", 'cherche', 'trouver', 'besoin', 'personne', 'personnes', 'aide'],
  es: ['experto', 'expertos', 'experta', 'expertas', 'especialista', 'especialistas', 'consultor', 'alguien', 'busco', 'buscar', 'encontrar', 'necesito', 'persona', 'personas', 'ayuda'],
  ru: ['эксперт', 'эксперты', 'экспертов', 'специалист', 'специалисты', 'найти'],
  ar: ['خبير', 'خبراء', 'الخبراء'],
  zh: ['专家', '找'],
};

let vocabulary: { areas: Map<string, Category>; noise: Set<string> } | undefined;

/** Area words as stem phrases (joined by spaces) to their area, and the stems of words without meaning here. */
export function expertsVocabulary(): { areas: Map<string, Category>; noise: Set<string> } {
  if (!vocabulary) {
    const areas = new Map<string, Category>(CATEGORIES.map((c) => [analyze(c, 'en').join(' '), c]));
    for (const lang of LANGS) {
      for (const c of CATEGORIES) for (const term of AREA_TERMS[lang][c]) areas.set(analyze(term, lang).join(' '), c);
    }
    const noise = new Set(LANGS.flatMap((lang) => (NOISE_WORDS[lang] ?? []).flatMap((word) => analyze(word, lang))));
    vocabulary = { areas, noise };
  }
  return vocabulary;
}

/** The glossary terms of a text, longest first, without overlaps (as `analyzeQuery` reads a question). */
export function longestTerms(stems: string[], glossary: Glossary): { entry: number; start: number; length: number }[] {
  const covered = new Array<boolean>(stems.length).fill(false);
  const found = [...glossary.occurrences(stems)].sort((a, b) => b.length - a.length || a.start - b.start);
  const entries = new Set<number>();
  return found.filter((o) => {
    if (covered.slice(o.start, o.start + o.length).some(Boolean) || entries.has(o.entry)) return false;
    covered.fill(true, o.start, o.start + o.length);
    entries.add(o.entry);
    return true;
  });
}

export interface QueryConcept {
  /** Stem phrases to look for, each with its weight: the words typed and the preferred terms 1, synonyms less. */
  phrases: { stems: string[]; weight: number }[];
  /** The glossary entry, for a term: it counts less inside a longer term of another entry ("evaluation" in "needs evaluation"). */
  entry: number | undefined;
  areas: Category[];
}

function concept(phrases: QueryConcept['phrases'], entry: number | undefined): QueryConcept {
  const { areas } = expertsVocabulary();
  const named = new Set<Category>();
  for (const p of phrases) {
    const area = p.weight === 1 ? areas.get(p.stems.join(' ')) : undefined;
    if (area) named.add(area);
  }
  return { phrases: phrases.filter((p) => p.stems.length > 0), entry, areas: [...named] };
}

/** The query's concepts, as `analyzeQuery` finds them: glossary terms (longest first) in six languages, then other words. */
export function queryConcepts(query: string, lang: Lang, glossary: Glossary): QueryConcept[] {
  const { noise } = expertsVocabulary();
  const stems = analyze(query, lang);
  const covered = new Array<boolean>(stems.length).fill(false);
  const concepts: { position: number; own: string[]; concept: QueryConcept }[] = [];
  for (const o of longestTerms(stems, glossary)) {
    covered.fill(true, o.start, o.start + o.length);
    const own = stems.slice(o.start, o.start + o.length);
    const preferred = new Set<Lang>();
    const phrases = [{ stems: own, weight: 1 }];
    for (const t of glossary.expansion(o.entry)) {
      phrases.push({ stems: t.stems, weight: preferred.has(t.lang) ? SYNONYM_WEIGHT : 1 });
      preferred.add(t.lang);
    }
    concepts.push({ position: o.start, own, concept: concept(phrases, o.entry) });
  }
  const words = new Set<string>();
  stems.forEach((stem, i) => {
    if (covered[i] || words.has(stem)) return;
    words.add(stem);
    concepts.push({ position: i, own: [stem], concept: concept([{ stems: [stem], weight: 1 }], undefined) });
  });
  return concepts
    .filter((c) => !c.own.every((stem) => noise.has(stem)))
    .sort((a, b) => a.position - b.position)
    .map((c) => c.concept);
}
