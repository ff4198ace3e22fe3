/** Reciprocal rank fusion: combines ranked lists by rank alone, so their scores need not be comparable. */

/** The usual constant: it damps the weight of the very first ranks. */
export const RRF_K = 60;

export function reciprocalRankFusion<T>(lists: T[][], keyOf: (item: T) => string, k = RRF_K): { item: T; score: number }[] {
  const fused = new Map<string, { item: T; score: number }>();
  for (const list of lists) {
    list.forEach((item, rank) => {
      const key = keyOf(item);
      const entry = fused.get(key) ?? { item, score: 0 };
      entry.score += 1 / (k + rank + 1);
      fused.set(key, entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
