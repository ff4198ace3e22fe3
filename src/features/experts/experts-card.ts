/** Experts found in the roster as a card: who they are, their areas, languages, region, availability, contact. */
import type { Block, Card } from '../../core/card.ts';
import { messages, type Lang } from '../../i18n/index.ts';
import type { Expert, ExpertMatch } from '../../rag/experts.ts';
import { regionIdOf, regionsMatching, type RegionId } from '../../rag/experts-query.ts';

/** Experts shown on one card. */
export const CARD_EXPERTS = 5;

/** What was searched: the words and the filters, as the person gave them. */
export interface ExpertsSearch {
  text: string;
  langs: Lang[];
  region?: string;
}

/** Separator between area names, which contain commas themselves. */
const AREA_SEPARATOR: Record<Lang, string> = { ar: '؛ ', en: '; ', es: '; ', fr: ' ; ', ru: '; ', zh: '；' };

export function languageNames(codes: readonly Lang[], lang: Lang): string {
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(codes.map((code) => names.of(code) ?? code));
}

export function areaNames(expert: Expert, lang: Lang): string {
  const m = messages(lang);
  return expert.areas.map((area) => m.areas[area]).join(AREA_SEPARATOR[lang]);
}

export function regionName(region: string, lang: Lang): string {
  const id = regionIdOf(region);
  return id ? messages(lang).experts.regions[id] : region;
}

/** The availability in the reader's language, else in English, else in the first language given. */
export function availabilityIn(expert: Expert, lang: Lang): string {
  return expert.availability[lang] ?? expert.availability.en ?? Object.values(expert.availability)[0] ?? '';
}

function expertBlocks(expert: Expert, lang: Lang): Block[] {
  const m = messages(lang).experts;
  return [
    { type: 'text', text: expert.name },
    {
      type: 'fields',
      fields: [
        { label: m.areas, value: areaNames(expert, lang) },
        { label: m.languages, value: languageNames(expert.languages, lang) },
        { label: m.region, value: regionName(expert.region, lang) },
        { label: m.availability, value: availabilityIn(expert, lang) },
        { label: m.contact, value: expert.contact },
      ],
    },
  ];
}

/** The region filter as the reader's name of the region it means, or as typed when it means several or none. */
function filterRegionName(typed: string, lang: Lang): string {
  const ids = regionsMatching(typed);
  return ids.length === 1 ? messages(lang).experts.regions[ids[0] as RegionId] : typed;
}

function filtersLine(search: ExpertsSearch, lang: Lang): string | undefined {
  const m = messages(lang).experts;
  const parts = [
    ...(search.langs.length > 0 ? [m.speaks({ languages: languageNames(search.langs, lang) })] : []),
    ...(search.region ? [m.inRegion({ region: filterRegionName(search.region, lang) })] : []),
  ];
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** The card for a search: up to five experts, or a sentence suggesting broader words. */
export function expertsToCard(matches: ExpertMatch[], search: ExpertsSearch, lang: Lang, rosterSize: number): Card {
  const m = messages(lang).experts;
  const filtered = search.langs.length > 0 || search.region !== undefined;
  if (rosterSize === 0) return { lang, blocks: [{ type: 'text', text: m.empty }] };
  if (matches.length === 0) {
    const query = search.text || [search.region ?? '', ...search.langs].filter(Boolean).join(', ');
    return { lang, blocks: [{ type: 'text', text: filtered ? `${m.none({ query })} ${m.noneFiltered}` : m.none({ query }) }] };
  }
  const blocks: Block[] = [{ type: 'header', text: search.text ? m.title({ query: search.text }) : m.titleAll }];
  const filters = filtersLine(search, lang);
  if (filters) blocks.push({ type: 'context', text: filters });
  matches.slice(0, CARD_EXPERTS).forEach((match, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    blocks.push(...expertBlocks(match.expert, lang));
  });
  if (matches.length > CARD_EXPERTS) blocks.push({ type: 'context', text: m.more({ count: matches.length - CARD_EXPERTS }) });
  return { lang, blocks };
}

/**
 * Blocks to append under an answer the knowledge base could not give: "Experts who may help" and one
 * line per expert (name, areas, contact). Nothing when no expert matches.
 */
export function suggestedExpertsBlocks(matches: ExpertMatch[], lang: Lang): Block[] {
  if (matches.length === 0) return [];
  return [
    { type: 'context', text: messages(lang).experts.suggestTitle },
    { type: 'list', items: matches.map(({ expert }) => `${expert.name} — ${areaNames(expert, lang)} — ${expert.contact}`) },
  ];
}
