/**
 * The answer without a model: the sentences of the best passages that cover most of the
 * question, in their order, each followed by the number of its source.
 */
import { analyze } from './analyze.ts';
import type { AnalyzedQuery } from './query.ts';
import { conceptMatched, conceptWeight, type TermStatistics } from './support.ts';
import type { Lang } from '../i18n/index.ts';
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

/** Fewer words than this is a fragment (a date line, a table header), not a sentence to quote. */
export const MIN_SENTENCE_WORDS = 6;
/** Text without an ending punctuation mark (a list item) is quoted only when it is at least this long. */
const UNPUNCTUATED_MIN_WORDS = 8;
const HAN = /\p{Script=Han}/u;

function wordCount(text: string): number {
  // Chinese has no spaces: count about two characters a word.
  return HAN.test(text) ? Math.floor(text.replace(/\s/g, '').length / 2) : text.split(/\s+/).length;
}

/** The sentences of a text worth quoting: whole sentences, not fragments, not questions. */
function sentencesOf(text: string, lang: Lang): string[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  return [...segmenter.segment(text)]
    .map((s) => s.segment.replace(/\s+/g, ' ').trim())
    .filter((s) => {
      const words = wordCount(s);
      if (words < MIN_SENTENCE_WORDS) return false;
      // A question in a document ("How many took part?") is not an answer.
      if (/[?？؟]["»”)]?$/.test(s)) return false;
      if (/[.!:;…。！)\]"»”]$/.test(s)) return true;
      // Without a final stop: a list item, or a piece of a sentence cut by a page or passage break.
      // A list item starts like one (a capital, a digit, a bullet); a cut piece often starts in
      // lower case ("peuvent pas être imputés…") or ends on a word of no meaning ("… sur le Web ne").
      const last = s.split(/\s+/).at(-1) ?? '';
      return words >= UNPUNCTUATED_MIN_WORDS && !/^\p{Ll}/u.test(s) && analyze(last, lang).length > 0;
    });
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
