/**
 * The closing summary of a weekly discussion: its key points, written by the model when one is
 * configured, otherwise the thread's most representative sentences; and how many took part.
 *
 * Without a model, each reply is cut into sentences; greetings, thanks, bare agreement, questions,
 * fragments and sentences naming someone (`@…`, an id) are left out; each remaining sentence is
 * scored by how much of the thread it shares (its terms used by the other participants and by the
 * topic), and the best are taken with no near-duplicates and at most two per author, in the
 * thread's order.
 */
import { detectLang } from '../../core/language.ts';
import { isForumError } from '../../core/errors.ts';
import type { Lang } from '../../i18n/index.ts';
import type { Logger } from '../../log.ts';
import { analyze } from '../../rag/analyze.ts';
import type { DiscussionInput, DiscussionReply, SummaryWriter } from '../../rag/llm/summary-writer.ts';

export type { DiscussionInput, DiscussionReply, SummaryWriter } from '../../rag/llm/summary-writer.ts';

export interface DiscussionSummary {
  /** Key points as plain sentences (no names, ids or markup); empty without replies. */
  points: string[];
  method: 'model' | 'extractive';
  /** Distinct authors of replies. */
  participants: number;
  replies: number;
}

/** Points of an extractive summary, at most, in all and from one author. */
export const SUMMARY_MAX_POINTS = 5;
export const SUMMARY_MAX_POINTS_PER_AUTHOR = 2;
/** A point longer than this is cut at a word boundary (characters, the ellipsis included). */
export const SUMMARY_POINT_MAX_CHARS = 280;
/** A sentence with fewer words, or fewer distinct meaningful terms, is a fragment or small talk. */
export const SUMMARY_MIN_SENTENCE_WORDS = 5;
export const SUMMARY_MIN_SENTENCE_TERMS = 3;
/** A sentence opening with a greeting or thanks and no longer than this (words) says nothing else. */
const SMALL_TALK_MAX_WORDS = 12;
/** How many opening words are looked at for a greeting, thanks or agreement. */
const SMALL_TALK_OPENING_WORDS = 3;
/** The opening clause dropped before a separator ("Merci Marie, …") is at most this long (characters). */
const OPENING_CLAUSE_MAX_CHARS = 60;
/** A reply's language is guessed only from this many words; shorter ones are in the topic's language. */
const DETECT_MIN_WORDS = 8;
/** How much a term of the topic's title or description counts, against one for each other participant. */
const TOPIC_TERM_WEIGHT = 1;
/** A sentence scoring under this share of the best one is off the thread's subject. */
const MIN_RELATIVE_SCORE = 0.15;
/** Two sentences sharing this share of the shorter one's terms say the same thing. */
const NEAR_DUPLICATE_OVERLAP = 0.6;
/** Id parts shorter than this are not looked for in text (they would match ordinary words). */
const AUTHOR_ID_MIN_CHARS = 6;

/** Greetings, thanks and agreement (lower case, accents folded; `d'accord` is `accord`). */
const SMALL_TALK = new Set([
  // fr
  'bonjour', 'bonsoir', 'salut', 'coucou', 'merci', 'cher', 'chers', 'chere', 'cheres', 'bravo', 'accord', 'felicitations', 'exactement',
  // en
  'hello', 'hi', 'hey', 'dear', 'thanks', 'thank', 'greetings', 'agree', 'agreed', 'congratulations', 'welcome', 'exactly',
  // es
  'hola', 'buenos', 'buenas', 'gracias', 'estimado', 'estimados', 'estimada', 'estimadas', 'saludos', 'acuerdo', 'felicidades', 'enhorabuena', 'exacto',
  // ar, ru
  'مرحبا', 'شكرا', 'السلام', 'здравствуйте', 'привет', 'спасибо', 'согласен', 'согласна',
  '+1',
]);

const HAN = /\p{Script=Han}/u;
const QUESTION_END = /[?？؟][\s"'»”)]*$/u;
const LEADING_MARKS = /^(?:[\s>*•‣▪+–—-]+|\d{1,2}[.)]\s+)+/u;
const MARKUP = /\*\*|__|~~|`+/g;
const MENTION = /@|<@/;
const OPENING_CLAUSE = new RegExp(`^[^,:;–—]{1,${OPENING_CLAUSE_MAX_CHARS}}?[,:;–—]\\s*(\\S.*)$`, 'u');

export async function summarizeDiscussion(
  input: DiscussionInput,
  options: { writer?: SummaryWriter; log?: Logger } = {},
): Promise<DiscussionSummary> {
  // The thread's order, whatever order the replies came in (a stable sort keeps ties as given).
  const replies = [...input.replies].sort((a, b) => a.at.getTime() - b.at.getTime());
  const counts = { participants: new Set(replies.map((r) => r.author)).size, replies: replies.length };
  if (replies.length === 0) return { points: [], method: 'extractive', ...counts };
  const thread = { ...input, replies };
  if (options.writer) {
    try {
      const points = await options.writer.write(thread);
      return { points: cleanPoints(points, input.lang), method: 'model', ...counts };
    } catch (error) {
      if (!isForumError(error)) throw error;
      options.log?.warn({ code: error.code, reason: error.message }, 'the model could not summarise the discussion; extractive summary used');
    }
  }
  return { points: extractiveSummary(thread), method: 'extractive', ...counts };
}

/** Model points as plain text, cut when too long. */
function cleanPoints(points: readonly string[], lang: Lang): string[] {
  return points.map((p) => cutAtWord(p.replace(MARKUP, '').replace(/\s+/g, ' ').trim(), SUMMARY_POINT_MAX_CHARS, lang)).filter(Boolean);
}

interface Candidate {
  text: string;
  author: string;
  reply: number;
  position: number;
  terms: Set<string>;
  score: number;
}

/** The thread's most representative sentences, in its order. Deterministic. */
export function extractiveSummary(input: DiscussionInput): string[] {
  const idParts = authorIdParts(input.replies);
  const candidates: Candidate[] = [];
  /** For each term, the authors who used it. */
  const usedBy = new Map<string, Set<string>>();
  const langs = input.replies.map((reply) => replyLang(reply.text, input.lang));
  input.replies.forEach((reply, index) => {
    const lang = langs[index] ?? input.lang;
    for (const term of analyze(reply.text, lang)) {
      const authors = usedBy.get(term) ?? new Set<string>();
      authors.add(reply.author);
      usedBy.set(term, authors);
    }
    sentencesOf(reply.text, lang).forEach((sentence, position) => {
      const text = contentOf(sentence, idParts);
      if (!text) return;
      const terms = new Set(analyze(text, lang));
      if (terms.size < SUMMARY_MIN_SENTENCE_TERMS) return;
      candidates.push({ text, author: reply.author, reply: index, position, terms, score: 0 });
    });
  });
  const topicTerms = new Set(analyze(`${input.title}\n${input.description}`, input.lang));
  for (const candidate of candidates) {
    let shared = 0;
    for (const term of candidate.terms) {
      const authors = usedBy.get(term);
      shared += (authors ? authors.size - (authors.has(candidate.author) ? 1 : 0) : 0) + (topicTerms.has(term) ? TOPIC_TERM_WEIGHT : 0);
    }
    // Closeness to the thread as a whole (a cosine to its term profile), so length alone does not win.
    candidate.score = shared / Math.sqrt(candidate.terms.size);
  }
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.reply - b.reply || a.position - b.position);
  const best = ranked[0]?.score ?? 0;
  const chosen: Candidate[] = [];
  const perAuthor = new Map<string, number>();
  for (const candidate of ranked) {
    if (chosen.length >= SUMMARY_MAX_POINTS || candidate.score < best * MIN_RELATIVE_SCORE) break;
    if ((perAuthor.get(candidate.author) ?? 0) >= SUMMARY_MAX_POINTS_PER_AUTHOR) continue;
    if (chosen.some((c) => overlap(c.terms, candidate.terms) >= NEAR_DUPLICATE_OVERLAP)) continue;
    chosen.push(candidate);
    perAuthor.set(candidate.author, (perAuthor.get(candidate.author) ?? 0) + 1);
  }
  return chosen
    .sort((a, b) => a.reply - b.reply || a.position - b.position)
    .map((c) => cutAtWord(c.text, SUMMARY_POINT_MAX_CHARS, langs[c.reply] ?? input.lang));
}

/** The reply's own language when it is long enough to tell, otherwise the topic's. */
function replyLang(text: string, topicLang: Lang): Lang {
  return wordCount(text) >= DETECT_MIN_WORDS ? (detectLang(text) ?? topicLang) : topicLang;
}

function wordCount(text: string): number {
  // Chinese has no spaces: count about two characters a word.
  return HAN.test(text) ? Math.floor(text.replace(/\s/g, '').length / 2) : text.split(/\s+/).filter(Boolean).length;
}

function sentencesOf(text: string, lang: Lang): string[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  return [...segmenter.segment(text)].map((s) => s.segment.replace(MARKUP, '').replace(/\s+/g, ' ').replace(LEADING_MARKS, '').trim());
}

/** The ids of the authors and their platform-local parts (`slack:U123ABC`, `U123ABC`), to keep out of points. */
function authorIdParts(replies: readonly DiscussionReply[]): string[] {
  const parts = new Set<string>();
  for (const { author } of replies) {
    for (const part of [author, author.slice(author.indexOf(':') + 1)]) if (part.length >= AUTHOR_ID_MIN_CHARS) parts.add(part);
  }
  return [...parts];
}

/**
 * What a sentence says once its greeting or thanks is removed ("Merci Marie, le délai…" gives
 * "Le délai…"), or nothing when it is only small talk, a question, a fragment, or names someone.
 */
function contentOf(sentence: string, idParts: readonly string[]): string | undefined {
  if (MENTION.test(sentence) || idParts.some((id) => sentence.includes(id))) return undefined;
  let text = sentence;
  // An opening clause of small talk may be followed by another ("Bonjour à tous, merci Marie, …").
  for (let pass = 0; pass < 3 && opensWithSmallTalk(text); pass++) {
    const rest = OPENING_CLAUSE.exec(text)?.[1];
    if (rest === undefined) {
      if (wordCount(text) <= SMALL_TALK_MAX_WORDS) return undefined;
      break;
    }
    text = capitalise(rest);
  }
  if (QUESTION_END.test(text) || wordCount(text) < SUMMARY_MIN_SENTENCE_WORDS) return undefined;
  return text;
}

function opensWithSmallTalk(text: string): boolean {
  return text
    .split(/\s+/)
    .slice(0, SMALL_TALK_OPENING_WORDS)
    .some((word) => {
      const bare = word === '+1' ? word : word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/^[dlj]['’]/, '').replace(/[^\p{L}\p{N}]/gu, '');
      return SMALL_TALK.has(bare);
    });
}

function capitalise(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const char = String.fromCodePoint(first);
  return char.toLocaleUpperCase() + text.slice(char.length);
}

/** The share of the smaller set's terms that the other has too. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  const smaller = Math.min(a.size, b.size);
  return smaller === 0 ? 0 : shared / smaller;
}

/** The text cut to at most `maxChars` (the ellipsis included) at a word boundary, when it is longer. */
export function cutAtWord(text: string, maxChars: number, lang: Lang): string {
  if (text.length <= maxChars) return text;
  const limit = maxChars - 1;
  let boundary = 0;
  for (const { index, segment } of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)) {
    if (index + segment.length > limit) break;
    boundary = index + segment.length;
  }
  if (boundary < limit / 2) {
    // One very long word: cut between characters, never inside one.
    boundary = 0;
    for (const { index, segment } of new Intl.Segmenter(lang, { granularity: 'grapheme' }).segment(text)) {
      if (index + segment.length > limit) break;
      boundary = index + segment.length;
    }
  }
  return `${text.slice(0, boundary).replace(/[\s,;:–—-]+$/u, '')}…`;
}
