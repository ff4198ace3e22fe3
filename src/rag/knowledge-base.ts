/**
 * The knowledge base as the features use it: keeps the index in step with the store, retrieves
 * passages for a question and answers it — written by the model from those passages when one is
 * configured, their best sentences otherwise — or abstains when they do not support an answer.
 */
import type { Kysely } from 'kysely';
import { detectLang } from '../core/language.ts';
import { leadLine } from '../i18n/answer-kinds.ts';
import { languageName, messages, quoted, type Lang } from '../i18n/index.ts';
import type { Logger } from '../log.ts';
import type { Database } from '../store/schema.ts';
import { analyze } from './analyze.ts';
import type { Answer, Citation } from './answer-types.ts';
import { EmbeddedIndex } from './embedded-index.ts';
import { extractAnswer, type Extraction } from './extractive.ts';
import type { Glossary } from './glossary.ts';
import type { IndexBackend, Passage } from './index-backend.ts';
import { listDocuments, loadStoredChunks, type StoredChunk } from './knowledge-repo.ts';
import type { AnswerWriter } from './llm/answer-writer.ts';
import type { Embedder } from './llm/embedder.ts';
import type { QueryTranslator } from './llm/translator.ts';
import { questionKind, type AnswerKind } from './question-kind.ts';
import { isFieldRow, isRowLine, rowCells } from './ingest/layout.ts';
import { RETRIEVAL_LIMIT, retrieve, SUPPORT_PASSAGES, type RankedPassage, type Retrieval } from './retrieval.ts';
import { superlativeOf } from './superlative.ts';
import { TermStats } from './term-stats.ts';
import type { Chunk, RetrievalQuery } from './types.ts';

export { RETRIEVAL_LIMIT } from './retrieval.ts';
/** Without a model: below this share of the question supported by a passage, the bot abstains. */
export const MIN_SUPPORT = 0.25;
/** With a model, which judges support itself (it may answer NO_ANSWER): the floor is lower. */
export const MODEL_MIN_SUPPORT = 0.2;
/** Passages given to the model. */
export const MODEL_PASSAGES = 5;
/** An answer from a later language must hold this much more of the question than the one before. */
export const LANGUAGE_TIE_SHARE = 0.85;
/** Passages whose sentences and rows are candidates for an answer without a model. */
export const ANSWER_PASSAGES = 8;
/** A superlative question searches this many times as far, for the passages of tables… */
const TABLE_SEARCH_FACTOR = 3;
/** …and reads at most this many of them beyond the best passages. */
const TABLE_PASSAGES = 4;
/** Sources listed under an abstention. */
export const CLOSEST_SOURCES = 3;
export const EXCERPT_MAX_CHARS = 300;

export interface KnowledgeBaseOptions {
  backend?: IndexBackend;
  embedder?: Embedder;
  /** The embeddings model's name, recorded with each document. */
  embeddingModel?: string;
  writer?: AnswerWriter;
  translator?: QueryTranslator;
  log?: Logger;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_MAX_CHARS ? flat : `${flat.slice(0, EXCERPT_MAX_CHARS - 1).trimEnd()}…`;
}

/** A citation of a passage; its excerpt is the part quoted from it, else the passage's start. */
function toCitation(hit: Pick<RankedPassage, 'chunk' | 'score'>, n: number, quotedText?: string): Citation {
  const { chunk } = hit;
  return {
    n,
    chunkId: chunk.id,
    source: chunk.source,
    title: chunk.title,
    heading: chunk.heading,
    excerpt: excerpt(quotedText ?? chunk.text),
    score: Number(hit.score.toFixed(4)),
    lang: chunk.lang,
  };
}

/** The language a question is written in: detected from its text when it can be, else the reader's. */
export function questionLanguage(question: string, lang: Lang): Lang {
  return detectLang(question) ?? lang;
}

/** The opening of a document read for what all of it is about (its title, a date line, the event). */
export const DOCUMENT_HEAD_CHARS = 240;

function firstChunk(chunks: Chunk[]): Chunk | undefined {
  return chunks.reduce<Chunk | undefined>((a, c) => (!a || c.ordinal < a.ordinal ? c : a), undefined);
}

function headTerms(chunks: Chunk[]): string[] {
  const first = firstChunk(chunks);
  return first ? analyze(`${first.title}\n${first.text.slice(0, DOCUMENT_HEAD_CHARS)}`, first.lang) : [];
}

/** The first passage's terms: a date, a place or a name there says which event the whole document reports. */
function leadTerms(chunks: Chunk[]): string[] {
  const first = firstChunk(chunks);
  return first ? analyze(first.text, first.lang) : [];
}

/** The terms of a document's lines of fields and values ("Lieu : Pays — Mali et Burkina Faso"): they describe one thing, wherever passages cut them. */
function fieldTerms(chunks: Chunk[]): string[] {
  const lines = new Set(chunks.flatMap((c) => c.text.split('\n').filter((line) => isRowLine(line) && isFieldRow(rowCells(line).cells))));
  const lang = chunks[0]?.lang;
  // More lines are likely several sheets (one per project), which do not describe one thing.
  return lang && lines.size <= FIELD_SHEET_MAX_LINES ? [...new Set([...lines].flatMap((line) => analyze(line, lang)))] : [];
}
const FIELD_SHEET_MAX_LINES = 30;

/** Documents read from the store at a time when the knowledge base loads. */
const LOAD_PAGE_DOCUMENTS = 100;

export class KnowledgeBase {
  readonly backend: IndexBackend;
  readonly stats = new TermStats();
  private readonly langsOfDocument = new Map<number, Lang>();
  private readonly options: KnowledgeBaseOptions;

  constructor(
    private readonly db: Kysely<Database>,
    readonly glossary: Glossary,
    options: KnowledgeBaseOptions = {},
  ) {
    this.options = options;
    this.backend = options.backend ?? new EmbeddedIndex();
  }

  /** The embeddings model passages are embedded with, or null. */
  get embeddingModel(): string | null {
    return this.options.embedder ? (this.options.embeddingModel ?? 'default') : null;
  }

  private passagesOf(chunks: Chunk[], embeddings?: (number[] | null | undefined)[]): Passage[] {
    return chunks.map((chunk, i) => {
      const embedding = embeddings?.[i];
      return {
        chunk,
        terms: analyze(chunk.text, chunk.lang),
        headingTerms: analyze(`${chunk.title} ${chunk.heading}`, chunk.lang),
        ...(embedding ? { embedding } : {}),
      };
    });
  }

  /**
   * At start: term statistics from the store's chunks, and the index brought in step with the
   * store (the embedded index is always filled; Qdrant only when its count differs).
   */
  async load(): Promise<void> {
    const documents = await listDocuments(this.db);
    const chunkCount = documents.reduce((sum, d) => sum + d.chunk_count, 0);
    const refill = this.backend.kind === 'embedded' || (await this.backend.count()) !== chunkCount;
    // Page by page, so the rows read at once (and the memory they take) stay small.
    for (let i = 0; i < documents.length; i += LOAD_PAGE_DOCUMENTS) {
      const ids = documents.slice(i, i + LOAD_PAGE_DOCUMENTS).map((d) => d.id);
      const byDocument = new Map<number, StoredChunk[]>();
      for (const s of await loadStoredChunks(this.db, ids)) {
        const rows = byDocument.get(s.chunk.documentId);
        if (rows) rows.push(s);
        else byDocument.set(s.chunk.documentId, [s]);
      }
      for (const [documentId, rows] of byDocument) {
        const passages = this.passagesOf(rows.map((r) => r.chunk), rows.map((r) => r.embedding));
        const chunks = rows.map((r) => r.chunk);
        this.stats.setDocument(documentId, passages.map((p) => [...p.terms, ...p.headingTerms]), headTerms(chunks), leadTerms(chunks), fieldTerms(chunks));
        this.langsOfDocument.set(documentId, rows[0]?.chunk.lang as Lang);
        if (refill) await this.backend.upsertDocument(documentId, passages);
      }
    }
    this.backend.settle?.();
  }

  /** Dense vectors for passages' texts, when embeddings are configured. */
  async embed(texts: string[]): Promise<number[][] | undefined> {
    return this.options.embedder ? this.options.embedder.embed(texts) : undefined;
  }

  /** Puts one stored document's chunks (and their vectors) into the index. */
  async indexDocument(documentId: number, chunks: Chunk[], embeddings?: number[][]): Promise<void> {
    const passages = this.passagesOf(chunks, embeddings);
    this.stats.setDocument(documentId, passages.map((p) => [...p.terms, ...p.headingTerms]), headTerms(chunks), leadTerms(chunks), fieldTerms(chunks));
    if (chunks[0]) this.langsOfDocument.set(documentId, chunks[0].lang);
    await this.backend.upsertDocument(documentId, passages);
  }

  async removeDocuments(documentIds: number[]): Promise<void> {
    for (const id of documentIds) {
      this.stats.removeDocument(id);
      this.langsOfDocument.delete(id);
    }
    await this.backend.removeDocuments(documentIds);
  }

  retrieve(question: string, lang: Lang, options: Partial<Pick<RetrievalQuery, 'filter' | 'limit'>> = {}): Promise<Retrieval> {
    const { embedder, translator, log } = this.options;
    return retrieve(
      {
        backend: this.backend,
        glossary: this.glossary,
        stats: this.stats,
        corpusLangs: () => [...new Set(this.langsOfDocument.values())],
        ...(embedder ? { embedder } : {}),
        ...(translator ? { translator } : {}),
        ...(log ? { log } : {}),
      },
      question,
      lang,
      options,
    );
  }

  /**
   * An answer grounded in the retrieved passages, or an abstention with the closest sources. `lang`
   * is the reader's language (the answer's framing); the question is read in the language it is
   * written in, when that can be told.
   */
  async answer(question: string, lang: Lang): Promise<Answer> {
    const asked = questionLanguage(question, lang);
    // A superlative compares a table's rows, whose passage may hold few of the question's other
    // words ("which session had the most attendees": a table of figures under a bare heading).
    const compares = superlativeOf(question, asked) !== undefined;
    const found = await this.retrieve(question, asked, compares ? { limit: RETRIEVAL_LIMIT * TABLE_SEARCH_FACTOR } : {});
    const kind = questionKind(question, asked);
    // The answer from the language whose passages hold the best one (the asker's on a near tie).
    let extraction: Extraction | undefined;
    for (const quotedLang of this.quotedLanguages(found, asked)) {
      const candidate = this.extract(found, kind, quotedLang, compares);
      // A superlative is answered by the row a comparison picks, in whatever language, not by a sentence that only names what is compared.
      if (candidate && (!extraction || candidate.plainCoverage > extraction.plainCoverage / LANGUAGE_TIE_SHARE || (compares && candidate.leadKind === 'row' && extraction.leadKind !== 'row'))) extraction = candidate;
    }
    // Passages ranked by the evidence their sentences and rows hold: the model reads the best first too.
    const ranked = extraction ? rankByEvidence(found, extraction) : found;
    const retrieval = { ...ranked, hits: ranked.hits.slice(0, RETRIEVAL_LIMIT) };
    const { writer, log } = this.options;
    if (writer && retrieval.hits.length > 0 && retrieval.support >= MODEL_MIN_SUPPORT) {
      try {
        return await this.modelAnswer(writer, question, lang, retrieval);
      } catch (error) {
        log?.warn({ err: error }, 'the language model failed; answering from the passages without it');
      }
    }
    if (!extraction || retrieval.support < MIN_SUPPORT) return this.abstain(question, lang, found);
    return this.extractiveAnswer(question, lang, retrieval, extraction);
  }

  /**
   * One language per answer, tried in this order: the asker's when a passage in it supports the
   * question, then those of the supporting passages by rank (no answer is lost for the sake of
   * the language).
   */
  private quotedLanguages(r: Retrieval, lang: Lang): Lang[] {
    const top = r.hits.slice(0, SUPPORT_PASSAGES);
    const supporting = top.filter((h) => h.support >= MIN_SUPPORT).map((h) => h.chunk.lang);
    return [...new Set([...(supporting.includes(lang) ? [lang] : []), ...supporting, ...top.map((h) => h.chunk.lang)])];
  }

  private extract(r: Retrieval, kind: AnswerKind | undefined, quotedLang: Lang, compares = false): Extraction | undefined {
    const inLang = r.hits.filter((h) => h.chunk.lang === quotedLang);
    const passages = inLang.slice(0, ANSWER_PASSAGES);
    // For a superlative, the passages of tables further down are read too (after the best ones).
    if (compares) passages.push(...inLang.slice(ANSWER_PASSAGES).filter((h) => h.chunk.text.split('\n').filter(isRowLine).length >= 2).slice(0, TABLE_PASSAGES));
    return extractAnswer(r.query, kind, passages.map((h) => h.chunk), this.stats, passages.map((h) => h.score));
  }

  private base(question: string, lang: Lang, r: Retrieval): Omit<Answer, 'answered' | 'mode' | 'answer' | 'citations'> {
    const retrieval = r.hits.map((h) => ({ source: h.chunk.source, chunkId: h.chunk.id, score: Number(h.score.toFixed(4)) }));
    return { question, language: lang, retrieval, support: Number(r.support.toFixed(3)) };
  }

  private abstain(question: string, lang: Lang, r: Retrieval): Answer {
    const citations = r.hits.slice(0, CLOSEST_SOURCES).map((h, i) => toCitation(h, i + 1));
    return { ...this.base(question, lang, r), answered: false, mode: 'abstained', answer: '', citations };
  }

  private async modelAnswer(writer: AnswerWriter, question: string, lang: Lang, r: Retrieval): Promise<Answer> {
    const passages = r.hits.slice(0, MODEL_PASSAGES);
    const result = await writer.write({
      question,
      lang,
      passages: passages.map((h, i) => ({ n: i + 1, title: h.chunk.title, heading: h.chunk.heading, source: h.chunk.source, text: h.chunk.text, lang: h.chunk.lang })),
    });
    if (result.kind === 'no_answer') return this.abstain(question, lang, r);
    // Keep the model's numbering: [n] in its text is the n-th passage it was given.
    const citations = result.cited.flatMap((n) => {
      const hit = passages[n - 1];
      return hit ? [toCitation(hit, n)] : [];
    });
    return { ...this.base(question, lang, r), answered: true, mode: 'model', answer: result.text, citations };
  }

  /**
   * The answer without a model: the fact first (as written in the source), then the unit it stands
   * in, quoted and cited; when the source is in another language, a line in the asker's language
   * says so.
   */
  private extractiveAnswer(question: string, lang: Lang, r: Retrieval, extraction: Extraction): Answer {
    const numbers = new Map<string, number>();
    const citations: Citation[] = [];
    const cite = (chunk: Chunk): number => {
      let n = numbers.get(chunk.id);
      if (n === undefined) {
        n = citations.length + 1;
        numbers.set(chunk.id, n);
        const hit = r.hits.find((h) => h.chunk.id === chunk.id) ?? { chunk, score: 0 };
        const quotedUnits = [...extraction.units, ...(extraction.alternative ? [extraction.alternative.unit] : [])];
        const text = quotedUnits.filter((u) => u.chunk.id === chunk.id).map((u) => u.text).join(' ');
        citations.push(toCitation(hit, n, text));
      }
      return n;
    };
    const source = extraction.units[0]?.chunk.lang ?? lang;
    const lines: string[] = [];
    if (extraction.lead) lines.push(extraction.leadKind ? leadLine(extraction.leadKind, extraction.lead, lang) : extraction.lead);
    if (source !== lang) lines.push(messages(lang).ask.quotedFrom({ language: languageName(source, lang) }));
    const [first, ...rest] = extraction.units;
    if (first) lines.push(`${rest.length === 0 ? quoted(first.text, lang) : first.text} [${cite(first.chunk)}]`);
    for (const unit of rest) lines.push(`${unit.text} [${cite(unit.chunk)}]`);
    const other = extraction.alternative;
    if (other) {
      const separator = lang === 'zh' ? '' : ' ';
      lines.push(other.lead ? `${messages(lang).ask.alsoFound}${separator}${other.lead}` : messages(lang).ask.alsoFound);
      lines.push(`${quoted(other.unit.text, lang)} [${cite(other.unit.chunk)}]`);
    }
    return { ...this.base(question, lang, r), answered: true, mode: 'extractive', answer: lines.join('\n'), citations };
  }
}

/** How much a passage's best candidate answer lifts its rank (its lexical score times 1 + this × the candidate's score). */
export const EVIDENCE_WEIGHT = 2;

/**
 * Passages ranked by their lexical score lifted by the evidence their best sentence or row holds
 * (the question's words beside a span of the expected kind); the score shown is that rank's.
 */
function rankByEvidence(r: Retrieval, extraction: Extraction): Retrieval {
  const hits = r.hits
    .map((h) => ({ ...h, score: h.score * (1 + EVIDENCE_WEIGHT * (extraction.passageScores.get(h.chunk.id) ?? 0)) }))
    .sort((a, b) => b.score - a.score);
  return { ...r, hits };
}
