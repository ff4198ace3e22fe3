/**
 * The knowledge base as the features use it: retrieve passages for a question and answer it,
 * grounded in those passages, or abstain when they do not support an answer.
 */
import type { Kysely } from 'kysely';
import type { Lang } from '../i18n/index.ts';
import type { Database } from '../store/schema.ts';
import type { Answer, Citation } from './answer-types.ts';
import { EmbeddedIndex, type LexicalHit } from './embedded-index.ts';
import { extractSentences } from './extractive.ts';
import type { Glossary } from './glossary.ts';
import { loadChunks } from './knowledge-repo.ts';
import { analyzeQuery, type AnalyzedQuery } from './query.ts';
import { coverage } from './support.ts';
import type { Chunk, RetrievalQuery } from './types.ts';

/** Passages retrieved per question. */
export const RETRIEVAL_LIMIT = 8;
/** Passages an answer may draw from. */
export const ANSWER_PASSAGES = 3;
/** Below this share of the question supported by a passage, the bot abstains. */
export const MIN_SUPPORT = 0.5;
/** Passages in the question's own language rank this much higher: answers quote them first. */
export const SAME_LANGUAGE_BOOST = 1.3;
/** Sources listed under an abstention. */
export const CLOSEST_SOURCES = 3;
export const EXCERPT_MAX_CHARS = 300;

export interface Retrieval {
  query: AnalyzedQuery;
  hits: LexicalHit[];
  /** The best share of the question that one of the top passages supports. */
  support: number;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_MAX_CHARS ? flat : `${flat.slice(0, EXCERPT_MAX_CHARS - 1).trimEnd()}…`;
}

function toCitation(hit: LexicalHit, n: number): Citation {
  const { chunk } = hit;
  return {
    n,
    chunkId: chunk.id,
    source: chunk.source,
    title: chunk.title,
    heading: chunk.heading,
    excerpt: excerpt(chunk.text),
    score: Number(hit.score.toFixed(4)),
    lang: chunk.lang,
  };
}

export class KnowledgeBase {
  readonly index = new EmbeddedIndex();

  constructor(
    private readonly db: Kysely<Database>,
    readonly glossary: Glossary,
  ) {}

  /** Loads every chunk of the store into the index. */
  async load(): Promise<void> {
    this.index.add(await loadChunks(this.db));
  }

  /** Brings the index up to date after documents were written or replaced. */
  async reindexDocuments(documentIds: number[]): Promise<void> {
    this.index.removeDocuments(documentIds);
    this.index.add(await loadChunks(this.db, documentIds));
  }

  /** Replaces one document's chunks in the index with these (already stored) ones. */
  indexDocument(documentId: number, chunks: Chunk[]): void {
    this.index.removeDocuments([documentId]);
    this.index.add(chunks);
  }

  removeDocuments(documentIds: number[]): void {
    this.index.removeDocuments(documentIds);
  }

  retrieve(question: string, lang: Lang, options: Partial<Pick<RetrievalQuery, 'filter' | 'limit'>> = {}): Retrieval {
    const query = analyzeQuery(question, lang, this.glossary);
    const limit = options.limit ?? RETRIEVAL_LIMIT;
    const hits = this.index
      .search(query, { limit: limit * 2, ...(options.filter ? { filter: options.filter } : {}) })
      .map((h) => (h.chunk.lang === lang ? { ...h, score: h.score * SAME_LANGUAGE_BOOST } : h))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
    const support = Math.max(
      0,
      ...hits.slice(0, ANSWER_PASSAGES).map((h) => coverage(query, h.matched, this.index, h.chunk.lang === lang)),
    );
    return { query, hits, support };
  }

  /** An answer grounded in the retrieved passages, or an abstention with the closest sources. */
  answer(question: string, lang: Lang): Promise<Answer> {
    return Promise.resolve(this.extractiveAnswer(question, lang));
  }

  /** The sentences of the best passages that answer the question, cited; or an abstention. */
  extractiveAnswer(question: string, lang: Lang): Answer {
    const { query, hits, support } = this.retrieve(question, lang);
    const retrieval = hits.map((h) => ({ source: h.chunk.source, chunkId: h.chunk.id, score: Number(h.score.toFixed(4)) }));
    const base = { question, language: lang, retrieval, support: Number(support.toFixed(3)) };
    const abstain = (): Answer => ({
      ...base,
      answered: false,
      mode: 'abstained',
      answer: '',
      citations: hits.slice(0, CLOSEST_SOURCES).map((h, i) => toCitation(h, i + 1)),
    });
    if (hits.length === 0 || support < MIN_SUPPORT) return abstain();
    const passages = hits.slice(0, ANSWER_PASSAGES);
    const sentences = extractSentences(query, passages.map((h) => h.chunk), this.index);
    if (sentences.length === 0) return abstain();
    const numbers = new Map<string, number>();
    const citations: Citation[] = [];
    const parts = sentences.map((s) => {
      let n = numbers.get(s.chunk.id);
      if (n === undefined) {
        n = citations.length + 1;
        numbers.set(s.chunk.id, n);
        const hit = passages.find((h) => h.chunk.id === s.chunk.id) as LexicalHit;
        citations.push(toCitation(hit, n));
      }
      return `${s.text} [${n}]`;
    });
    return { ...base, answered: true, mode: 'extractive', answer: parts.join(' '), citations };
  }
}
