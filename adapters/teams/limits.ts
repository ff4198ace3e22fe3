/**
 * Microsoft Teams' limits for bot cards, and the text tools that keep Adaptive Cards within them:
 * escaping the markdown subset Teams renders in TextBlocks and Facts, and measuring text as it will
 * be sent (UTF-8 bytes of the serialized JSON).
 *
 * Teams refuses a bot message above about 28 KB (`413 MessageSizeTooBig`; the documented figure
 * has varied between 28, 40 and 100 KB, so we keep to the smallest). Our cards stay under 24 KB of
 * JSON, leaving room for the activity around them and its fallback text.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format
 */
import type { Cost } from '../slack/limits.ts';

// The platform-neutral text tools are shared with the Slack adapter.
export { ELLIPSIS, chunk, costOf, oneLine, splitToFit, truncateToFit, type Cost } from '../slack/limits.ts';

/** The Adaptive Card schema version we write (Teams desktop, web and mobile render 1.5). */
export const ADAPTIVE_CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** Bytes of one card: UTF-8 of `JSON.stringify(card)`, the whole card. */
export const TEAMS_CARD_MAX_BYTES = 24 * 1024;
/**
 * Characters (UTF-16 code units) of a message's plain fallback text (our choice: at most 3 KB of
 * UTF-8, so that card, fallback and activity stay under Teams' 28 KB; notifications show far less).
 */
export const TEAMS_FALLBACK_MAX_CHARS = 1000;
/** Actions of one ActionSet (Teams shows at most 6; more go to further ActionSets). */
export const TEAMS_ACTION_SET_MAX_ACTIONS = 6;
/**
 * JSON bytes of the escaped text of one TextBlock (our choice: longer text is split at paragraph,
 * line, sentence or word, so that any element fits in a message with room to spare).
 */
export const TEAMS_TEXT_MAX_BYTES = 8 * 1024;

/** Characters that can start or end formatting, links or headings anywhere in a line. */
const MARKDOWN_SPECIAL = /[\\*_~`[\]()#<>]/g;
/** A list item's marker at the start of a line: `-`, `+`, `1.` (`*` is escaped everywhere). */
const LINE_START_BULLET = /^([ \t\u00a0]*)([-+])/gm;
const LINE_START_NUMBER = /^([ \t\u00a0]*)(\d+)\./gm;

/**
 * Text that Teams shows as it is: markdown characters backslash-escaped (`\ * _ ~ ` [ ] ( ) # < >`
 * everywhere, `-`, `+` and `1.` at the start of a line), so that people's and documents' words
 * cannot bold, link, quote, head or list. Backslash escapes are CommonMark's, which Teams follows.
 * Mentions need an `entities` entry in Teams, which we never send, so `<at>…</at>` stays text.
 * Escaping `(` `)` also keeps Teams' `{{DATE(…)}}` functions from forming.
 */
export function escapeTeamsMarkdown(text: string): string {
  return text
    .replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`)
    .replace(LINE_START_BULLET, '$1\\$2')
    .replace(LINE_START_NUMBER, '$1$2\\.');
}

/** UTF-8 bytes of a value's JSON: what the card's size limit counts. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

const JSON_SHORT_ESCAPES = new Set(['"', '\b', '\f', '\r', '\t']);

/** JSON bytes of one character inside a string. */
function jsonCharBytes(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (ch === '\\') return 2;
  if (JSON_SHORT_ESCAPES.has(ch)) return 2;
  if (code < 0x20) return 6;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdfff) return 6; // a lone surrogate, written as `\udXXX`
  return code > 0xffff ? 4 : 3;
}

/**
 * JSON bytes one character of plain text takes once escaped for markdown. A line break counts the
 * escape the next line may need (`\-`).
 */
export const markdownJsonCost: Cost = (ch) => {
  if (ch === '\n') return 2 + 2;
  return jsonCharBytes(ch) + (ch.length === 1 && '\\*_~`[]()#<>'.includes(ch) ? 2 : 0);
};
