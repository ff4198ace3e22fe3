/**
 * The closing summary of a weekly discussion, written by the model from the thread's replies.
 * The replies go to the model as data between markers, numbered, with their authors replaced by
 * "Participant 1", "Participant 2"…: no platform user id ever leaves the bot.
 */
import type OpenAI from 'openai';
import { complete, invalidModelReply } from './client.ts';
import type { Lang } from '../../i18n/index.ts';
import { escapeText, languageName, renderPrompt } from './prompts.ts';

export interface DiscussionReply {
  /** An opaque person id (`slack:U123`); never shown, never sent to the model. */
  author: string;
  text: string;
  at: Date;
}

export interface DiscussionInput {
  title: string;
  description: string;
  /** The topic's language: the summary is written in it. */
  lang: Lang;
  replies: DiscussionReply[];
}


export interface SummaryWriter {
  /** The summary's key points as plain sentences; empty when the replies hold nothing to summarise. */
  write(input: DiscussionInput): Promise<string[]>;
}

/** How many points the model is asked for, and how long the whole summary may be (words). */
export const SUMMARY_MODEL_MIN_POINTS = 3;
export const SUMMARY_MODEL_MAX_POINTS = 6;
export const SUMMARY_MODEL_MAX_WORDS = 200;
/** The replies sent to the model, in characters: all of them, and one reply at most / at least. */
export const SUMMARY_PROMPT_REPLIES_MAX_CHARS = 40_000;
export const SUMMARY_PROMPT_REPLY_MAX_CHARS = 2_000;
export const SUMMARY_PROMPT_REPLY_MIN_CHARS = 300;
/** The topic's description as sent to the model, in characters. */
export const SUMMARY_PROMPT_DESCRIPTION_MAX_CHARS = 2_000;

/** The model's word for "nothing to summarise", possibly quoted or followed by more. */
const NO_SUMMARY = /^[\s"'`*]*NO_SUMMARY(?![A-Za-z0-9_])/i;
/** A bullet line: `- `, `* `, `• `, `– ` or `1. ` / `1) `, then the point. */
const BULLET_LINE = /^\s*(?:[-*•‣▪–—+]|\d{1,2}[.)])\s+(.+)$/u;
/** Markdown emphasis and code marks, which a plain point does not carry. */
const MARKUP = /\*\*|__|`+/g;

/** Text cut to at most `maxChars`, at the last blank before the limit when there is one. */
function cutText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const head = text.slice(0, maxChars - 1);
  const blank = head.search(/\s\S*$/);
  return `${(blank > maxChars / 2 ? head.slice(0, blank) : head).trimEnd()}…`;
}

/** "Participant n" for each author, numbered in order of their first reply. */
export function pseudonyms(replies: readonly DiscussionReply[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const reply of replies) {
    if (!names.has(reply.author)) names.set(reply.author, `Participant ${names.size + 1}`);
  }
  return names;
}

/**
 * Each reply as `<reply n="1" participant="Participant 2">…</reply>`, escaped. A long thread gets a
 * fair share of the budget per reply; replies beyond the budget are counted, not sent.
 */
export function renderReplies(replies: readonly DiscussionReply[]): string {
  const names = pseudonyms(replies);
  const share = Math.floor(SUMMARY_PROMPT_REPLIES_MAX_CHARS / Math.max(replies.length, 1));
  const perReply = Math.min(SUMMARY_PROMPT_REPLY_MAX_CHARS, Math.max(SUMMARY_PROMPT_REPLY_MIN_CHARS, share));
  const blocks: string[] = [];
  let total = 0;
  for (const [index, reply] of replies.entries()) {
    const text = escapeText(cutText(reply.text.trim(), perReply));
    if (total + text.length > SUMMARY_PROMPT_REPLIES_MAX_CHARS) {
      blocks.push(`(${replies.length - index} later replies are not shown.)`);
      break;
    }
    total += text.length;
    blocks.push(`<reply n="${index + 1}" participant="${names.get(reply.author) ?? 'Participant'}">\n${text}\n</reply>`);
  }
  return blocks.join('\n\n');
}

/**
 * The points of the model's reply: one per bullet line, bullet and emphasis marks removed, lines
 * that are not bullets (a preface) ignored. NO_SUMMARY is an empty summary; a reply with no bullet
 * at all cannot be used.
 */
export function parseSummary(reply: string): string[] {
  const trimmed = reply.trim();
  if (trimmed === '') throw invalidModelReply('the summary is empty');
  if (NO_SUMMARY.test(trimmed)) return [];
  const points: string[] = [];
  for (const line of trimmed.split(/\r?\n/)) {
    const match = BULLET_LINE.exec(line);
    const point = match?.[1]?.replace(MARKUP, '').replace(/\s+/g, ' ').trim();
    if (point) points.push(point);
  }
  if (points.length === 0) throw invalidModelReply('the summary has no bullet points');
  return points.slice(0, SUMMARY_MODEL_MAX_POINTS);
}

export function openAISummaryWriter(client: OpenAI, chatModel: string): SummaryWriter {
  return {
    async write({ title, description, lang, replies }) {
      if (replies.length === 0) return [];
      const prompt = await renderPrompt('summary', {
        language: languageName(lang),
        title: escapeText(title.replace(/\s+/g, ' ').trim()),
        description: escapeText(cutText(description.trim(), SUMMARY_PROMPT_DESCRIPTION_MAX_CHARS)),
        replies: renderReplies(replies),
        replyCount: String(replies.length),
        participantCount: String(pseudonyms(replies).size),
        minPoints: String(SUMMARY_MODEL_MIN_POINTS),
        maxPoints: String(SUMMARY_MODEL_MAX_POINTS),
        maxWords: String(SUMMARY_MODEL_MAX_WORDS),
      });
      const { text: reply, refused } = await complete(client, chatModel, prompt);
      if (refused) throw invalidModelReply('the model refused to summarise');
      return parseSummary(reply);
    },
  };
}
