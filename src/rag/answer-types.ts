/** An answer from the knowledge base, as chat, the command line and the evaluation see it. */
import type { Lang } from '../i18n/index.ts';

export interface Citation {
  /** The number the answer text refers to: [1], [2]… */
  n: number;
  chunkId: string;
  source: string;
  title: string;
  heading: string;
  excerpt: string;
  score: number;
  /** The language the cited document is written in. */
  lang: Lang;
}

export interface RetrievedPassage {
  source: string;
  chunkId: string;
  score: number;
}

export interface Answer {
  question: string;
  language: Lang;
  answered: boolean;
  /** How the answer was made: sentences from the documents, or written by the model. */
  mode: 'extractive' | 'model' | 'abstained';
  /** The answer's text with [n] citation marks; empty when the bot abstained. */
  answer: string;
  /** The sources the answer cites; when the bot abstained, the closest documents, if any. */
  citations: Citation[];
  /** The top passages in rank order. */
  retrieval: RetrievedPassage[];
  /** The share of the question the best passage supports (0..1). */
  support: number;
}
