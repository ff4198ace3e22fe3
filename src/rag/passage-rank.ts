/**
 * How much a passage's rank in the retrieval results takes off the scores of its sentences and
 * rows when the answer is chosen (`extractive.ts`; `demoteTiedRows` undoes it to compare a table's
 * rows across its passages).
 */

/** Later passages count less: the first one ranks best. */
const RANK_DECAY = 0.1;
/**
 * …unless retrieval found them about as good: in a long report where most passages hold every word
 * of the question, the seventh may be as near the first as the second is. A passage keeps at least
 * its retrieval score's share of the first's, to this power.
 */
const NEAR_TIE_POWER = 2;

/** What a passage's rank takes off its units' scores: by rank, but no more than its retrieval score falls short of the first's. */
export function passageDecay(rank: number, scores: readonly number[] | undefined): number {
  const byRank = 1 / (1 + RANK_DECAY * rank);
  const first = scores?.[0] ?? 0;
  const own = scores?.[rank] ?? 0;
  return first > 0 && own > 0 ? Math.max(byRank, Math.min(1, own / first) ** NEAR_TIE_POWER) : byRank;
}
