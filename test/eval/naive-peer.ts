/**
 * The naive peer `npm run eval` prints beside the bot: plain BM25 over 600-character pieces of
 * each document, accents folded, no stemming, no stop words, no cross-language help. Its answer
 * is the one sentence of the best piece that shares most words with the question; it abstains
 * when no sentence shares two words with it. It stands for "a keyword search", the least the
 * bot must beat.
 */
const PIECE_CHARS = 600;
const K1 = 1.2;
const B = 0.75;
/** The peer answers only when its best sentence shares at least this many words with the question. */
const MIN_SHARED_WORDS = 2;

export interface PeerAnswer {
  answered: boolean;
  answer: string;
  /** Document names of the best pieces, best first (one per piece). */
  ranking: string[];
}

interface Piece {
  doc: string;
  text: string;
  tf: Map<string, number>;
  length: number;
}

export function words(text: string): string[] {
  return (text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function pieces(doc: string, text: string): Piece[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const out: Piece[] = [];
  let start = 0;
  while (start < flat.length) {
    let end = Math.min(flat.length, start + PIECE_CHARS);
    if (end < flat.length) {
      const space = flat.lastIndexOf(' ', end);
      if (space > start + PIECE_CHARS / 2) end = space;
    }
    const pieceText = flat.slice(start, end);
    const tf = new Map<string, number>();
    const ws = words(pieceText);
    for (const w of ws) tf.set(w, (tf.get(w) ?? 0) + 1);
    out.push({ doc, text: pieceText, tf, length: ws.length });
    start = end + 1;
  }
  return out;
}

export class NaivePeer {
  private readonly pieces: Piece[] = [];
  private readonly df = new Map<string, number>();
  private averageLength = 1;

  constructor(documents: { name: string; text: string }[]) {
    for (const d of documents) this.pieces.push(...pieces(d.name, d.text));
    for (const p of this.pieces) for (const w of p.tf.keys()) this.df.set(w, (this.df.get(w) ?? 0) + 1);
    this.averageLength = this.pieces.reduce((s, p) => s + p.length, 0) / Math.max(1, this.pieces.length);
  }

  answer(question: string): PeerAnswer {
    const q = [...new Set(words(question))];
    const n = this.pieces.length;
    const scored = this.pieces
      .map((p) => {
        let score = 0;
        for (const w of q) {
          const tf = p.tf.get(w);
          if (!tf) continue;
          const df = this.df.get(w) ?? 0;
          const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
          score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * p.length) / this.averageLength));
        }
        return { p, score };
      })
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score);
    const ranking = scored.map((s) => s.p.doc);
    const top = scored[0]?.p;
    if (!top) return { answered: false, answer: '', ranking };
    const qs = new Set(q);
    let best = '';
    let bestShared = 0;
    for (const s of top.text.split(/(?<=[.!?;:。！？؟])\s+/)) {
      const shared = new Set(words(s).filter((w) => qs.has(w))).size;
      if (shared > bestShared) {
        best = s;
        bestShared = shared;
      }
    }
    return bestShared >= MIN_SHARED_WORDS ? { answered: true, answer: best, ranking } : { answered: false, answer: '', ranking };
  }
}
