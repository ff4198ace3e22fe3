/**
 * Slack's Block Kit limits, and the text tools that keep rendered text within them: escaping,
 * neutralising mrkdwn, splitting long text at natural boundaries and truncating with "…".
 *
 * Lengths are measured in UTF-16 code units (JavaScript's `length`), never fewer than Slack's
 * characters, and after escaping: `&` becomes five characters, and Slack counts what it receives.
 * Figures from https://docs.slack.dev/reference/block-kit (blocks, elements, composition objects,
 * views).
 */

/** Blocks in one message (`chat.postMessage`). */
export const SLACK_MAX_BLOCKS = 50;
/** Characters of a section's `text`. */
export const SLACK_SECTION_MAX_CHARS = 3000;
/** Items of a section's `fields`. */
export const SLACK_SECTION_MAX_FIELDS = 10;
/** Characters of each item of a section's `fields`. */
export const SLACK_FIELD_MAX_CHARS = 2000;
/** Characters of a header block's text. */
export const SLACK_HEADER_MAX_CHARS = 150;
/** Elements of an actions block. */
export const SLACK_ACTIONS_MAX_ELEMENTS = 25;
/** Characters of a button's label. */
export const SLACK_BUTTON_LABEL_MAX_CHARS = 75;
/** Characters of a button's value. */
export const SLACK_BUTTON_VALUE_MAX_CHARS = 2000;
/** Characters of an `action_id` (and of a `block_id`, a `callback_id`). */
export const SLACK_ACTION_ID_MAX_CHARS = 255;
/** Elements of a context block. */
export const SLACK_CONTEXT_MAX_ELEMENTS = 10;
/** Characters of each text element of a context block (our reading of the text-object limit). */
export const SLACK_CONTEXT_ELEMENT_MAX_CHARS = 2000;
/** Characters of a message's top-level `text` (our choice: notifications show little of it). */
export const SLACK_FALLBACK_MAX_CHARS = 3000;

/** Characters of a modal's title, submit label and close label. */
export const SLACK_MODAL_TITLE_MAX_CHARS = 24;
export const SLACK_MODAL_BUTTON_MAX_CHARS = 24;
/** Characters of an input block's label. */
export const SLACK_INPUT_LABEL_MAX_CHARS = 2000;
/** Characters of an input element's placeholder. */
export const SLACK_PLACEHOLDER_MAX_CHARS = 150;
/** Options of a static select. */
export const SLACK_SELECT_MAX_OPTIONS = 100;
/** Characters of an option's text. */
export const SLACK_OPTION_TEXT_MAX_CHARS = 75;
/** Characters of an option's value. */
export const SLACK_OPTION_VALUE_MAX_CHARS = 150;
/** Blocks in a modal. */
export const SLACK_MODAL_MAX_BLOCKS = 100;
/** Characters of a view's `private_metadata`. */
export const SLACK_PRIVATE_METADATA_MAX_CHARS = 3000;
/** Blocks in the App Home tab. */
export const SLACK_HOME_MAX_BLOCKS = 100;

export const ELLIPSIS = '…';
const ZWSP = '\u200B';

/** The length one character takes once rendered. */
export type Cost = (ch: string) => number;

const SLACK_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Slack's escaping: `&`, `<` and `>` become entities, so no text can form `<!channel>`, `<!here>`,
 * `<@U123>` or a link.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/[&<>]/g, (ch) => SLACK_ESCAPES[ch] as string);
}

/**
 * Escaped, and every mrkdwn formatting character (`*` `_` `~` `` ` ``) set between zero-width
 * spaces: it can then neither open nor close bold, italic, strike or code, whether Slack reads the
 * zero-width space as a space or as a letter.
 */
export function neutralizeMrkdwn(text: string): string {
  return escapeSlackText(text).replace(/[*_~`]/g, (ch) => `${ZWSP}${ch}${ZWSP}`);
}

/** Escaped, with backticks between zero-width spaces: the text of a ``` block, which cannot close it. */
export function escapeCode(text: string): string {
  return escapeSlackText(text).replace(/`/g, `${ZWSP}\`${ZWSP}`);
}

export const escapedCost: Cost = (ch) => (ch === '&' ? 5 : ch === '<' || ch === '>' ? 4 : ch.length);
export const mrkdwnCost: Cost = (ch) => escapedCost(ch) + ('*_~`'.includes(ch) ? 2 : 0);
export const codeCost: Cost = (ch) => escapedCost(ch) + (ch === '`' ? 2 : 0);

export function costOf(text: string, cost: Cost): number {
  let total = 0;
  for (const ch of text) total += cost(ch);
  return total;
}

/** The longest prefix (in code units, never splitting a surrogate pair) whose cost is at most `max`. */
function fittingPrefix(text: string, max: number, cost: Cost): number {
  let total = 0;
  let end = 0;
  for (const ch of text) {
    total += cost(ch);
    if (total > max) break;
    end += ch.length;
  }
  return end;
}

/** `text` if it fits in `max`, else its longest fitting prefix followed by "…". */
export function truncateToFit(text: string, max: number, cost: Cost = escapedCost): string {
  if (costOf(text, cost) <= max) return text;
  return text.slice(0, fittingPrefix(text, max - cost(ELLIPSIS), cost)).trimEnd() + ELLIPSIS;
}

/** Text on one line: runs of whitespace (newlines too) become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Where text may be cut, best first; `after`: the cut follows the match (a sentence's full stop). */
const BOUNDARIES: { pattern: RegExp; after: boolean }[] = [
  { pattern: /\n[ \t]*\n/g, after: false },
  { pattern: /\n/g, after: false },
  { pattern: /[.!?。！？…](?=\s)|[。！？]/g, after: true },
  { pattern: /\s/g, after: false },
];

/**
 * Where to cut `text`, whose first `limit` code units fit: the last paragraph break, else line
 * break, else sentence end, else space, provided it keeps at least a third of what fits (a cut
 * near the start would make a tiny piece); else `limit` itself.
 */
function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  const minimum = Math.max(1, Math.floor(limit / 3));
  for (const { pattern, after } of BOUNDARIES) {
    let best = -1;
    for (const m of window.matchAll(pattern)) {
      const at = after ? m.index + m[0].length : m.index;
      if (at <= limit) best = at;
    }
    if (best >= minimum) return best;
  }
  return limit;
}

/**
 * `text` in pieces whose cost is at most `max`, cut at paragraph, then line, then sentence, then
 * word boundaries. The pieces joined back give `text` again, apart from whitespace at the cuts
 * (`trim: 'newlines'` drops only line breaks there, so that indentation of code survives).
 */
export function splitToFit(text: string, max: number, cost: Cost, trim: 'whitespace' | 'newlines' = 'whitespace'): string[] {
  const trimEnd = (s: string): string => (trim === 'whitespace' ? s.trimEnd() : s.replace(/\n+$/, ''));
  const trimStart = (s: string): string => (trim === 'whitespace' ? s.trimStart() : s.replace(/^\n+/, ''));
  const pieces: string[] = [];
  let rest = text;
  while (costOf(rest, cost) > max) {
    const limit = fittingPrefix(rest, max, cost);
    // A limit of 0 cannot happen with the costs above (at most 5) and Slack's limits (at least 24).
    const cut = limit > 0 ? cutPoint(rest, limit) : 1;
    const piece = trimEnd(rest.slice(0, cut));
    if (piece.trim().length > 0) pieces.push(piece);
    rest = trimStart(rest.slice(cut));
  }
  if (rest.trim().length > 0) pieces.push(rest);
  return pieces;
}

/** `items` in consecutive groups of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}
