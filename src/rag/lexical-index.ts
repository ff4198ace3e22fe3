/**
 * A compact BM25 inverted index over pre-analysed terms. Postings are typed arrays per term
 * (passage slot, weighted term frequency), grown by doubling, so memory stays near 8 bytes a
 * posting and an OR-query is a tight loop over the query terms' postings. Removal marks a slot
 * dead; dead postings are dropped when they reach a quarter of the index.
 */

/** BM25 parameters: term-frequency saturation and length normalisation. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
/** Dead slots allowed, as a share of all slots, before postings are compacted. */
const COMPACT_SHARE = 0.25;

/** One term's postings: the first `length` entries of the two arrays are in use. */
class Postings {
  slots = new Int32Array(2);
  tfs = new Float32Array(2);
  length = 0;

  push(slot: number, tf: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const tfs = new Float32Array(this.length * 2);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.slots[this.length] = slot;
    this.tfs[this.length] = tf;
    this.length++;
  }

  /** Keeps the postings whose slot passes `keep` (all by default), in arrays of exactly their size. */
  filter(keep: (slot: number) => boolean = () => true): void {
    let n = 0;
    for (let i = 0; i < this.length; i++) {
      const slot = this.slots[i] as number;
      if (!keep(slot)) continue;
      this.slots[n] = slot;
      this.tfs[n] = this.tfs[i] as number;
      n++;
    }
    this.slots = this.slots.slice(0, Math.max(n, 1));
    this.tfs = this.tfs.slice(0, Math.max(n, 1));
    this.length = n;
  }
}

export interface LexicalMatch {
  slot: number;
  score: number;
}

export class LexicalIndex {
  private readonly postings = new Map<string, Postings>();
  /** Per slot: the passage's weighted length, or -1 for a dead slot. */
  private readonly lengths: number[] = [];
  private live = 0;
  private totalLength = 0;
  private dead = 0;

  get size(): number {
    return this.live;
  }

  /** Indexes a passage whose terms carry weights (heading terms count more); returns its slot. */
  add(weightedTerms: Map<string, number>): number {
    const slot = this.lengths.length;
    let length = 0;
    for (const [term, tf] of weightedTerms) {
      let list = this.postings.get(term);
      if (!list) {
        list = new Postings();
        this.postings.set(term, list);
      }
      list.push(slot, tf);
      length += tf;
    }
    this.lengths.push(length);
    this.live++;
    this.totalLength += length;
    return slot;
  }

  remove(slot: number): void {
    const length = this.lengths[slot];
    if (length === undefined || length < 0) return;
    this.lengths[slot] = -1;
    this.live--;
    this.totalLength -= length;
    this.dead++;
    if (this.dead > COMPACT_SHARE * this.lengths.length) this.compact();
  }

  /** Releases the spare capacity postings keep for growth (after a bulk load). */
  trim(): void {
    for (const list of this.postings.values()) if (list.length < list.slots.length) list.filter();
  }

  private compact(): void {
    const alive = (slot: number): boolean => (this.lengths[slot] as number) >= 0;
    for (const [term, list] of this.postings) {
      list.filter(alive);
      if (list.length === 0) this.postings.delete(term);
    }
    this.dead = 0;
  }

  /**
   * BM25 over the query terms (each with its boost); `accept` filters slots. Returns the best
   * `limit` matches, best first.
   */
  search(terms: Map<string, number>, limit: number, accept?: (slot: number) => boolean): LexicalMatch[] {
    if (this.live === 0 || limit <= 0) return [];
    return topMatches(this.accumulate(terms, new Map(), 1), limit, accept);
  }

  /** Adds `weight` × this index's BM25 score of each matching slot into `scores`. */
  accumulate(terms: Map<string, number>, scores: Map<number, number>, weight: number): Map<number, number> {
    if (this.live === 0) return scores;
    const n = this.live;
    const avgLength = this.totalLength / n || 1;
    for (const [term, boost] of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const df = list.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const { slots, tfs } = list;
      for (let i = 0; i < df; i++) {
        const slot = slots[i] as number;
        const length = this.lengths[slot] as number;
        if (length < 0) continue;
        const tf = tfs[i] as number;
        const norm = tf + BM25_K1 * (1 - BM25_B + (BM25_B * length) / avgLength);
        scores.set(slot, (scores.get(slot) ?? 0) + (weight * boost * idf * tf * (BM25_K1 + 1)) / norm);
      }
    }
    return scores;
  }
}

/** The best `limit` of accumulated scores, best first (ties by slot, for stable results). */
export function topMatches(scores: Map<number, number>, limit: number, accept?: (slot: number) => boolean): LexicalMatch[] {
  const ranked: LexicalMatch[] = [];
  for (const [slot, score] of scores) if (!accept || accept(slot)) ranked.push({ slot, score });
  ranked.sort((a, b) => b.score - a.score || a.slot - b.slot);
  return ranked.slice(0, limit);
}
