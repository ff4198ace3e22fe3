/** The compact BM25 index: scores, boosts, filters, removal and compaction. */
import { describe, expect, it } from 'vitest';
import { BM25_B, BM25_K1, LexicalIndex } from '../../src/rag/lexical-index.ts';

const terms = (...words: string[]): Map<string, number> => {
  const map = new Map<string, number>();
  for (const w of words) map.set(w, (map.get(w) ?? 0) + 1);
  return map;
};

function bm25(tf: number, df: number, n: number, length: number, avgLength: number): number {
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * length) / avgLength));
}

describe('LexicalIndex', () => {
  it('scores by BM25 and ranks the best first', () => {
    const index = new LexicalIndex();
    const a = index.add(terms('webinar', 'webinar', 'cost'));
    const b = index.add(terms('webinar', 'survey', 'survey', 'rate'));
    index.add(terms('request', 'letter'));
    const avg = (3 + 4 + 2) / 3;
    const results = index.search(new Map([['webinar', 1]]), 10);
    expect(results.map((r) => r.slot)).toEqual([a, b]);
    expect(results[0]?.score).toBeCloseTo(bm25(2, 2, 3, 3, avg), 10);
    expect(results[1]?.score).toBeCloseTo(bm25(1, 2, 3, 4, avg), 10);
  });

  it('applies query boosts, filters and the limit', () => {
    const index = new LexicalIndex();
    const a = index.add(terms('cost'));
    const b = index.add(terms('survey'));
    expect(index.search(new Map([['cost', 1], ['survey', 3]]), 10).map((r) => r.slot)).toEqual([b, a]);
    expect(index.search(new Map([['cost', 1], ['survey', 3]]), 10, (slot) => slot !== b).map((r) => r.slot)).toEqual([a]);
    expect(index.search(new Map([['cost', 1], ['survey', 3]]), 1)).toHaveLength(1);
    expect(index.search(new Map([['absent', 1]]), 10)).toEqual([]);
  });

  it('forgets removed passages, before and after compaction, and keeps scoring the rest', () => {
    const index = new LexicalIndex();
    const slots = Array.from({ length: 100 }, (_, i) => index.add(terms('common', `word${i}`)));
    for (const slot of slots.slice(0, 40)) index.remove(slot);
    expect(index.size).toBe(60);
    const found = index.search(new Map([['common', 1]]), 1000).map((r) => r.slot);
    expect(found).toHaveLength(60);
    expect(found.every((slot) => slot >= 40)).toBe(true);
    expect(index.search(new Map([['word3', 1]]), 10)).toEqual([]);
    expect(index.search(new Map([['word77', 1]]), 10).map((r) => r.slot)).toEqual([77]);
    index.remove(77);
    index.remove(77);
    expect(index.size).toBe(59);
  });
});
