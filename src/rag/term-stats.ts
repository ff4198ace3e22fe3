/**
 * Document frequencies of terms over the whole knowledge base, whatever index holds the
 * passages: the support measure weighs a question's words by how rare they are.
 *
 * Kept compact, as it lives as long as the process: each term gets a number once (the vocabulary
 * only grows; a term no passage holds any more keeps its number at frequency 0), frequencies are
 * one typed array, and each document's contribution is one array of (term, passages) pairs.
 */
import { CognateIndex } from './cognates.ts';
import type { TermStatistics } from './support.ts';
import { isYear } from './years.ts';

const EMPTY: ReadonlySet<string> = new Set();
/** A document needs this many passages for a term's share of them to say what it is about. */
const MIN_SHARE_PASSAGES = 5;

export class TermStats implements TermStatistics {
  private readonly termIds = new Map<string, number>();
  private df = new Int32Array(1024);
  /** Per document: pairs of (term number, how many of its passages contain the term), to undo on removal. */
  private readonly byDocument = new Map<number, Uint32Array>();
  private passages = 0;
  private readonly passagesOf = new Map<number, number>();
  /** Per document: the terms of its opening (title, date line, event), which say what every passage of it is about. */
  private readonly heads = new Map<number, ReadonlySet<string>>();
  private readonly leads = new Map<number, ReadonlySet<string>>();
  private readonly fields = new Map<number, ReadonlySet<string>>();
  /** Documents that name a year somewhere. */
  private readonly dated = new Set<number>();
  /** The Latin-letter stems, for Cyrillic cognates. */
  private readonly cognates = new CognateIndex();

  get size(): number {
    return this.passages;
  }

  documentFrequency(stem: string): number {
    const id = this.termIds.get(stem);
    return id === undefined ? 0 : (this.df[id] as number);
  }

  private idOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termIds.size;
      this.termIds.set(term, id);
      this.cognates.add(term);
      if (id >= this.df.length) {
        const grown = new Int32Array(this.df.length * 2);
        grown.set(this.df);
        this.df = grown;
      }
    }
    return id;
  }

  /** Replaces a document's contribution: one term list per passage, and the terms of its opening. */
  setDocument(documentId: number, passageTerms: string[][], headTerms: string[] = [], leadTerms: string[] = [], fieldTerms: string[] = []): void {
    this.removeDocument(documentId);
    if (headTerms.length > 0) this.heads.set(documentId, new Set(headTerms));
    if (leadTerms.length > 0) this.leads.set(documentId, new Set(leadTerms));
    if (fieldTerms.length > 0) this.fields.set(documentId, new Set(fieldTerms));
    const counts = new Map<number, number>();
    for (const terms of passageTerms) {
      if (terms.some(isYear)) this.dated.add(documentId);
      for (const term of new Set(terms)) {
        const id = this.idOf(term);
        counts.set(id, (counts.get(id) ?? 0) + 1);
        (this.df[id] as number)++;
      }
    }
    // Sorted by term number, so that whether a document holds a term is a binary search.
    const pairs = new Uint32Array(counts.size * 2);
    let i = 0;
    for (const [id, n] of [...counts].sort((a, b) => a[0] - b[0])) {
      pairs[i++] = id;
      pairs[i++] = n;
    }
    this.byDocument.set(documentId, pairs);
    this.passagesOf.set(documentId, passageTerms.length);
    this.passages += passageTerms.length;
  }

  /** Whether any passage of the document holds the term. */
  documentHas(documentId: number, stem: string): boolean {
    return this.passagesWith(documentId, stem) > 0;
  }

  /** The share of the document's passages that hold the term (what the document is about is in most of them). */
  documentShare(documentId: number, stem: string): number {
    const total = this.passagesOf.get(documentId) ?? 0;
    // In a document of a few passages every word is in many of them: none stands out.
    return total < MIN_SHARE_PASSAGES ? 0 : this.passagesWith(documentId, stem) / total;
  }

  private passagesWith(documentId: number, stem: string): number {
    const id = this.termIds.get(stem);
    const pairs = this.byDocument.get(documentId);
    if (id === undefined || !pairs) return 0;
    let lo = 0;
    let hi = pairs.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = pairs[mid * 2] as number;
      if (at === id) return pairs[mid * 2 + 1] as number;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Whether any passage of the document names a year: one that names none cannot say another year than the one asked. */
  documentNamesYears(documentId: number): boolean {
    return this.dated.has(documentId);
  }

  /** Stems the documents hold (any passage, now or before) that a Cyrillic stem may be a cognate of. */
  cognatesOf(stem: string): string[] {
    return this.cognates.cognatesOf(stem).filter((t) => this.documentFrequency(t) > 0);
  }

  documentHead(documentId: number): ReadonlySet<string> {
    return this.heads.get(documentId) ?? EMPTY;
  }

  /** The terms of the document's sheet of fields and values (a project's number, title, countries, officer), wherever its passages cut it. */
  documentFields(documentId: number): ReadonlySet<string> {
    return this.fields.get(documentId) ?? EMPTY;
  }

  /** The terms of the document's first passage: the event it reports (its date, its place). */
  documentLead(documentId: number): ReadonlySet<string> {
    return this.leads.get(documentId) ?? EMPTY;
  }

  removeDocument(documentId: number): void {
    this.heads.delete(documentId);
    this.fields.delete(documentId);
    this.leads.delete(documentId);
    this.dated.delete(documentId);
    const pairs = this.byDocument.get(documentId);
    if (!pairs) return;
    for (let i = 0; i < pairs.length; i += 2) (this.df[pairs[i] as number] as number) -= pairs[i + 1] as number;
    this.byDocument.delete(documentId);
    this.passages -= this.passagesOf.get(documentId) ?? 0;
    this.passagesOf.delete(documentId);
  }
}
