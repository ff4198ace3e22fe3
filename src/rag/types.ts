/** The knowledge base's shared vocabulary: assistance areas, parsed documents, chunks, hits. */
import type { Lang } from '../i18n/index.ts';

/** The six assistance areas documents and experts are filed under. */
export const CATEGORIES = ['requests', 'planning', 'policy', 'training', 'evaluation', 'cooperation'] as const;
export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

export const DOCUMENT_FORMATS = ['md', 'txt', 'html', 'pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** A part of a document under one heading path (["Requesting assistance", "Who may ask"]). */
export interface Section {
  headings: string[];
  text: string;
}

/** What a parser makes of a file: text split by headings, and what the file says about itself. */
export interface ParsedDocument {
  format: DocumentFormat;
  /** The document's own title (first heading, HTML <title>, DOCX title, PDF title), when it has one. */
  title: string | undefined;
  sections: Section[];
  /** Values from Markdown front matter (`category`, `lang`, `title`, `url`), when present. */
  meta: Record<string, string>;
}

/** A passage of a document, as indexed and retrieved. */
export interface Chunk {
  /** Stable id: `<documentId>:<ordinal>`. */
  id: string;
  documentId: number;
  ordinal: number;
  /** Where the document came from: its path (relative to where it was ingested from) or URL. */
  source: string;
  title: string;
  /** The heading path of the section, joined with " › ". */
  heading: string;
  text: string;
  lang: Lang;
  category: Category | null;
}

export interface RetrievalQuery {
  text: string;
  /** The language of the question, for its analysis. */
  lang: Lang;
  /** Restrict to documents of these languages / this area. */
  filter?: { langs?: Lang[]; category?: Category };
  limit: number;
}

export interface RetrievalHit {
  chunk: Chunk;
  /** The fused score (higher is better); comparable within one result list only. */
  score: number;
  /** The lexical (BM25) score before fusion, used to judge whether the knowledge base supports an answer. */
  lexicalScore: number;
}
