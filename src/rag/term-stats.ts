/**
 * Document frequencies of terms over the whole knowledge base, whatever index holds the
 * passages: the support measure weighs a question's words by how rare they are.
 */
import type { TermStatistics } from './support.ts';

export class TermStats implements TermStatistics {
  private readonly df = new Map<string, number>();
  /** Per document: how many of its passages contain each term, to undo on removal. */
  private readonly byDocument = new Map<number, Map<string, number>>();
  private passages = 0;
  private readonly passagesOf = new Map<number, number>();

  get size(): number {
    return this.passages;
  }

  documentFrequency(stem: string): number {
    return this.df.get(stem) ?? 0;
  }

  /** Replaces a document's contribution: one term list per passage. */
  setDocument(documentId: number, passageTerms: string[][]): void {
    this.removeDocument(documentId);
    const counts = new Map<string, number>();
    for (const terms of passageTerms) {
      for (const term of new Set(terms)) {
        counts.set(term, (counts.get(term) ?? 0) + 1);
        this.df.set(term, (this.df.get(term) ?? 0) + 1);
      }
    }
    this.byDocument.set(documentId, counts);
    this.passagesOf.set(documentId, passageTerms.length);
    this.passages += passageTerms.length;
  }

  removeDocument(documentId: number): void {
    const counts = this.byDocument.get(documentId);
    if (!counts) return;
    for (const [term, n] of counts) {
      const next = (this.df.get(term) ?? 0) - n;
      if (next > 0) this.df.set(term, next);
      else this.df.delete(term);
    }
    this.byDocument.delete(documentId);
    this.passages -= this.passagesOf.get(documentId) ?? 0;
    this.passagesOf.delete(documentId);
  }
}
