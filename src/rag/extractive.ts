/**
 * The answer without a model: the sentences of the best passages that cover most of the
 * question, in their order, each followed by the number of its source.
 */
import { analyze } from './analyze.ts';
import type { AnalyzedQuery } from './query.ts';
import { conceptMatched, conceptWeight, type TermStatistics } from './support.ts';
import type { Chunk } from './types.ts';

export const EXTRACTIVE_MAX_SENTENCES = 3;
export const EXTRACTIVE_MAX_CHARS = 900;
/** Later passages' sentences count less: the first passage ranks best. */
const RANK_DECAY = 0.35;

export interface ExtractedSentence {
  text: string;
  chunk: Chunk;
  score: number;
}

function sentencesOf(text: string, lang: string): string[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  return [...segmenter.segment(text)]
    .map((s) => s.segment.replace(/\s+/g, ' ').trim())
    // A question in a document ("How many took part?") is not an answer.
    .filter((s) => s.length >= 12 && !/[?？؟]["»”)]?$/.test(s));
}

export function extractSentences(query: AnalyzedQuery, chunks: Chunk[], stats: TermStatistics): ExtractedSentence[] {
  const weights = query.concepts.map((c) => conceptWeight(c, stats));
  const candidates: (ExtractedSentence & { rank: number; position: number })[] = [];
  chunks.forEach((chunk, rank) => {
    sentencesOf(chunk.text, chunk.lang).forEach((text, position) => {
      const terms = new Set(analyze(text, chunk.lang));
      let score = 0;
      query.concepts.forEach((concept, i) => {
        if (conceptMatched(concept, terms)) score += weights[i] as number;
      });
      if (score > 0) candidates.push({ text, chunk, score: score / (1 + RANK_DECAY * rank), rank, position });
    });
  });
  const chosen: typeof candidates = [];
  let chars = 0;
  for (const candidate of candidates.sort((a, b) => b.score - a.score)) {
    if (chosen.length >= EXTRACTIVE_MAX_SENTENCES) break;
    if (chosen.some((c) => c.text === candidate.text)) continue;
    if (chosen.length > 0 && chars + candidate.text.length > EXTRACTIVE_MAX_CHARS) continue;
    // A sentence much weaker than the best adds noise, not an answer.
    if (chosen.length > 0 && candidate.score < (chosen[0] as ExtractedSentence).score * 0.4) break;
    chosen.push(candidate);
    chars += candidate.text.length;
  }
  return chosen
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .map(({ text, chunk, score }) => ({ text, chunk, score }));
}
