/**
 * What extraction yields: the candidates (a unit of a passage, scored, with the span that answers
 * in it) and the answer made of the best of them.
 */
import type { LeadKind } from '../i18n/answer-kinds.ts';
import type { Span } from './entities.ts';
import type { Chunk } from './types.ts';
import type { Unit } from './units.ts';

export interface AnswerUnit {
  text: string;
  chunk: Chunk;
}

export interface Extraction {
  /** The answer itself, as written in the source, when the question expects a span. */
  lead: string | undefined;
  /** What the lead is: a span's kind, or a row picked by a superlative. */
  leadKind: LeadKind | undefined;
  /** The units quoted, in order; the first holds the answer. */
  units: AnswerUnit[];
  /**
   * A second answer nearly as good, from another unit (the budget planned and the money spent):
   * quoted after the first, so that a reader whose question meant the other one still finds it.
   */
  alternative?: { lead: string | undefined; leadKind: LeadKind | undefined; unit: AnswerUnit } | undefined;
  score: number;
  /** The share of the question the chosen unit holds, with its surroundings. */
  coverage: number;
  /** The same, comparable between answers from passages of different languages. */
  plainCoverage: number;
  /** The best candidate's score in each passage, by chunk id (for ranking passages by their evidence). */
  passageScores: Map<string, number>;
}

export interface Candidate {
  unit: Unit;
  units: Unit[];
  chunk: Chunk;
  rank: number;
  /** What the passage's rank took off its units' scores (1: nothing; see `passageDecay`). */
  decay: number;
  score: number;
  coverage: number;
  /** The same with untranslated words weighing in full, whatever the passage's language: comparable across languages. */
  plainCoverage: number;
  span: Span | undefined;
  /** A row among several of one table that hold the question equally well (see demoteTiedRows). */
  tied?: boolean;
  /** A row of such a table that holds the question less than the tied ones. */
  below?: boolean;
  /** The sentence naming the person a pronoun opening the unit stands for (its answer's name). */
  antecedent?: Unit;
}
