/**
 * Neutral Cards and Forms to Adaptive Cards 1.5 for Microsoft Teams bots, within Teams' limits
 * (`limits.ts`), and the data Teams sends back when a button is pressed or a form submitted.
 *
 * Safety: every TextBlock and Fact is markdown in Teams, so people's and documents' text is
 * escaped (`escapeTeamsMarkdown`) and cannot format or link; only `links` blocks make links, and
 * only to http(s) URLs. Mentions need `entities`, which we never send. Each line is a TextBlock of
 * its own (Teams' markdown joins single line breaks), which also keeps multi-line markdown
 * constructs from forming.
 */
import type { Block, Button, Card, Field, Link } from '../../src/core/card.ts';
import { cardToText } from '../../src/core/card.ts';
import type { Form, FormField } from '../../src/core/adapter.ts';
import { ForumError } from '../../src/core/errors.ts';
import { RESERVED_INPUT_IDS, type ActionData } from './actions.ts';
import { RTL_LANGS, langFromLocale } from '../../src/i18n/index.ts';
import {
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  ELLIPSIS,
  TEAMS_ACTION_SET_MAX_ACTIONS,
  TEAMS_CARD_MAX_BYTES,
  TEAMS_FALLBACK_MAX_CHARS,
  TEAMS_TEXT_MAX_BYTES,
  chunk,
  escapeTeamsMarkdown,
  jsonBytes,
  markdownJsonCost,
  oneLine,
  splitToFit,
  truncateToFit,
} from './limits.ts';

export * from './limits.ts';
export * from './actions.ts';

export type AdaptiveCardJson = {
  type: 'AdaptiveCard';
  version: typeof ADAPTIVE_CARD_VERSION;
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  body: unknown[];
  actions?: unknown[];
  msteams: { width: 'Full' };
  lang?: string;
  rtl?: boolean;
};

/**
 * One message to post: the card (an `application/vnd.microsoft.card.adaptive` attachment) and its
 * plain fallback, for the activity's `summary` (notifications, clients without cards). It is plain
 * text: sent as the activity's `text`, Teams would show it above the card too.
 */
export interface TeamsMessage {
  text: string;
  card: AdaptiveCardJson;
}


interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: ActionData;
  style?: 'positive' | 'destructive';
  associatedInputs?: 'auto';
}

interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Small' | 'Large';
  weight?: 'Bolder';
  style?: 'heading';
  isSubtle?: true;
  fontType?: 'Monospace';
  spacing?: 'None';
  separator?: true;
}

type TextStyle = Omit<TextBlock, 'type' | 'text' | 'wrap' | 'spacing' | 'separator'>;

type BodyElement =
  | TextBlock
  | { type: 'FactSet'; facts: { title: string; value: string }[]; separator?: true }
  | { type: 'ActionSet'; actions: ExecuteAction[]; separator?: true };

/** A rendered element and the plain text it shows, for the fallback of a continuation message. */
interface Rendered {
  element: BodyElement;
  text: string;
}

const NBSP = '\u00a0';

/** The card around a body: version, full width in Teams, language and direction. */
function shell(lang: string | undefined): AdaptiveCardJson {
  // Adaptive Cards take a 2- or 3-letter language; `rtl` arrived in 1.5.
  const primary = lang?.split(/[-_]/)[0]?.toLowerCase();
  const known = langFromLocale(lang);
  return {
    type: 'AdaptiveCard',
    version: ADAPTIVE_CARD_VERSION,
    $schema: ADAPTIVE_CARD_SCHEMA,
    body: [],
    msteams: { width: 'Full' },
    ...(primary && /^[a-z]{2,3}$/.test(primary) ? { lang: primary } : {}),
    ...(known && RTL_LANGS.has(known) ? { rtl: true } : {}),
  };
}

/**
 * TextBlocks for lines of plain text: long lines split at sentence or word; the first block keeps
 * the default spacing, the others follow without a gap. `prefix` (markdown) starts the first line.
 */
function lineBlocks(lines: string[], style: TextStyle, options: { prefix?: string; code?: boolean } = {}): Rendered[] {
  const rendered: Rendered[] = [];
  for (const [i, line] of lines.entries()) {
    // A blank line (of code) is kept as a non-breaking space.
    const pieces = line.length === 0 ? [''] : splitToFit(line, TEAMS_TEXT_MAX_BYTES, markdownJsonCost, options.code ? 'newlines' : 'whitespace');
    for (const [j, piece] of pieces.entries()) {
      let text = escapeTeamsMarkdown(piece);
      // Markdown drops leading spaces; code keeps its indentation in non-breaking spaces.
      if (options.code) text = text.replace(/^[ \t]+/, (space) => space.replace(/ /g, NBSP).replace(/\t/g, NBSP.repeat(4)));
      if (i === 0 && j === 0 && options.prefix) text = options.prefix + text;
      const spacing = rendered.length > 0 ? { spacing: 'None' as const } : {};
      rendered.push({ element: { type: 'TextBlock', text: text || NBSP, wrap: true, ...style, ...spacing }, text: piece });
    }
  }
  return rendered;
}

/** Paragraphs (separated by a blank line) of trimmed, non-empty lines. */
function paragraphs(text: string): string[][] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.split('\n').map((line) => line.trim()).filter((line) => line.length > 0))
    .filter((lines) => lines.length > 0);
}

function textBlocks(text: string, style: TextStyle = {}): Rendered[] {
  return paragraphs(text).flatMap((lines) => lineBlocks(lines, style));
}

/** Only web links may become links; `(`, `)`, `\` and spaces percent-encoded so the URL cannot end early. */
function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    // `\` could escape the closing parenthesis.
    return parsed.href.replace(/[()\\\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  } catch {
    return undefined;
  }
}

function linkBlocks(links: Link[]): Rendered[] {
  return links.flatMap((link, i): Rendered[] => {
    const label = oneLine(link.label) || link.url;
    const plain = `${label} <${link.url}>`;
    const href = safeUrl(link.url);
    const markdown = href ? `[${escapeTeamsMarkdown(label)}](${href})` : undefined;
    const spacing = i > 0 ? { spacing: 'None' as const } : {};
    if (markdown && jsonBytes(markdown) <= TEAMS_TEXT_MAX_BYTES) {
      return [{ element: { type: 'TextBlock', text: markdown, wrap: true, ...spacing }, text: plain }];
    }
    // Not a web link, or too long for one block: shown as text.
    return lineBlocks([oneLine(`${label} (${link.url})`)], {}).map((r, j) => (j === 0 ? { ...r, element: { ...r.element, ...spacing } } : r));
  });
}

function factBlocks(fields: Field[]): Rendered[] {
  const rendered: Rendered[] = [];
  let facts: { title: string; value: string }[] = [];
  let texts: string[] = [];
  const flush = (): void => {
    if (facts.length > 0) rendered.push({ element: { type: 'FactSet', facts }, text: texts.join('\n') });
    facts = [];
    texts = [];
  };
  for (const field of fields) {
    const label = oneLine(field.label);
    const value = oneLine(field.value);
    if (!label && !value) continue;
    const fact = { title: escapeTeamsMarkdown(label), value: escapeTeamsMarkdown(value) };
    const size = jsonBytes(fact);
    if (size > TEAMS_TEXT_MAX_BYTES / 2) {
      // Too long for a fact: the label in bold, the value as text.
      flush();
      rendered.push(...lineBlocks([label], { weight: 'Bolder' }), ...textBlocks(field.value));
      continue;
    }
    if (jsonBytes(facts) + size > TEAMS_TEXT_MAX_BYTES) flush();
    facts.push(fact);
    texts.push(`${field.label}: ${field.value}`);
  }
  flush();
  return rendered;
}

function buttonToAction(button: Button): ExecuteAction {
  const style = button.style === 'primary' ? 'positive' : button.style === 'danger' ? 'destructive' : undefined;
  return {
    type: 'Action.Execute',
    title: oneLine(button.label) || ELLIPSIS,
    verb: button.actionId,
    data: { actionId: button.actionId, value: button.value },
    ...(style ? { style } : {}),
  };
}

function blockToTeams(block: Block): Rendered[] {
  switch (block.type) {
    case 'header':
      return lineBlocks([oneLine(block.text)].filter((t) => t.length > 0), { size: 'Large', weight: 'Bolder', style: 'heading' });
    case 'text':
      return textBlocks(block.text);
    case 'context':
      return textBlocks(block.text, { size: 'Small', isSubtle: true });
    case 'fields':
      return factBlocks(block.fields);
    case 'list':
      return block.items.flatMap((item, i) => {
        const lines = item.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
        const plainPrefix = block.ordered ? `${i + 1}. ` : '• ';
        return lineBlocks(lines, {}, { prefix: escapeTeamsMarkdown(plainPrefix) }).map((r, j) =>
          j === 0 ? { element: { ...r.element, ...(i > 0 ? { spacing: 'None' as const } : {}) }, text: plainPrefix + r.text } : r,
        );
      });
    case 'code': {
      const lines = block.text.replace(/^\n+|\s+$/g, '').split('\n');
      return lines.some((line) => line.trim()) ? lineBlocks(lines.map((line) => line.trimEnd()), { fontType: 'Monospace' }, { code: true }) : [];
    }
    case 'links':
      return linkBlocks(block.links);
    case 'actions':
      return chunk(block.buttons, TEAMS_ACTION_SET_MAX_ACTIONS).map((group) => ({
        element: { type: 'ActionSet', actions: group.map(buttonToAction) },
        text: group.map((b) => `[${b.label}]`).join(' '),
      }));
    case 'divider':
      return [];
    default: {
      const unreachable: never = block;
      return unreachable;
    }
  }
}

/** Every block rendered; a divider becomes `separator` on the element after it. */
function renderBlocks(blocks: Block[]): Rendered[] {
  const rendered: Rendered[] = [];
  let separator = false;
  for (const block of blocks) {
    if (block.type === 'divider') {
      separator = rendered.length > 0;
      continue;
    }
    const items = blockToTeams(block);
    const first = items[0];
    if (separator && first) {
      items[0] = { ...first, element: { ...first.element, separator: true } };
      separator = false;
    }
    rendered.push(...items);
  }
  return rendered;
}

/** Elements that stay in one message: buttons with what they follow, a header with what it heads. */
function units(rendered: Rendered[]): Rendered[][] {
  const result: Rendered[][] = [];
  for (const item of rendered) {
    const last = result.at(-1);
    const previous = last?.at(-1)?.element;
    const heads = previous?.type === 'TextBlock' && previous.style === 'heading';
    if (last && (item.element.type === 'ActionSet' || heads)) last.push(item);
    else result.push([item]);
  }
  return result;
}

/** Whole units into bodies of at most `budget` bytes; a unit larger than a body is cut. */
function pack(rendered: Rendered[], budget: number): Rendered[][] {
  const bodies: Rendered[][] = [];
  let current: Rendered[] = [];
  let size = 0;
  const add = (item: Rendered, bytes: number): void => {
    current.push(item);
    size += bytes;
  };
  const close = (): void => {
    if (current.length > 0) bodies.push(current);
    current = [];
    size = 0;
  };
  for (const unit of units(rendered)) {
    // Each element costs its JSON and a comma.
    const sizes = unit.map((item) => jsonBytes(item.element) + 1);
    const total = sizes.reduce((a, b) => a + b, 0);
    if (size + total > budget) close();
    if (total <= budget) {
      unit.forEach((item, i) => add(item, sizes[i] ?? 0));
      continue;
    }
    unit.forEach((item, i) => {
      const bytes = sizes[i] ?? 0;
      if (size + bytes > budget) close();
      add(item, bytes);
    });
  }
  close();
  return bodies;
}

/** Plain, capped, never empty. */
function fallbackText(text: string): string {
  const trimmed = text.trim();
  return trimmed ? truncateToFit(trimmed, TEAMS_FALLBACK_MAX_CHARS, (ch) => ch.length) : ELLIPSIS;
}

function checkSize(card: AdaptiveCardJson): AdaptiveCardJson {
  const bytes = jsonBytes(card);
  if (bytes > TEAMS_CARD_MAX_BYTES) {
    throw new ForumError('internal', `Adaptive Card of ${bytes} bytes (we keep cards under ${TEAMS_CARD_MAX_BYTES})`);
  }
  return card;
}

/**
 * A card as Teams messages: one, or several when its JSON would pass `TEAMS_CARD_MAX_BYTES`
 * (buttons stay with the content they follow). The first carries the card's plain text as
 * fallback; the others the text of their own elements.
 */
export function cardToAdaptiveCards(card: Card): TeamsMessage[] {
  const empty = shell(card.lang);
  const bodies = pack(renderBlocks(card.blocks), TEAMS_CARD_MAX_BYTES - jsonBytes(empty));
  const first = fallbackText(cardToText(card));
  if (bodies.length === 0) return [{ text: first, card: empty }];
  return bodies.map((items, i) => ({
    text: i === 0 ? first : fallbackText(items.map((r) => r.text).filter((t) => t.length > 0).join('\n\n')),
    card: checkSize({ ...empty, body: items.map((r) => r.element) }),
  }));
}



function fieldToInput(field: FormField, requiredMessage: string | undefined): Record<string, unknown> {
  const base = {
    id: field.id,
    label: oneLine(field.label),
    isRequired: field.required,
    ...(field.required ? { errorMessage: requiredMessage ?? oneLine(field.label) } : {}),
    ...(field.placeholder ? { placeholder: oneLine(field.placeholder) } : {}),
  };
  switch (field.kind) {
    case 'text':
      return { type: 'Input.Text', ...base };
    case 'textarea':
      return { type: 'Input.Text', ...base, isMultiline: true };
    case 'select': {
      const options = field.options ?? [];
      if (options.length === 0) throw new ForumError('internal', `Select ${field.id} has no options`);
      return { type: 'Input.ChoiceSet', ...base, style: 'compact', choices: options.map((o) => ({ title: oneLine(o.label) || o.value, value: o.value })) };
    }
    default: {
      const unreachable: never = field.kind;
      return unreachable;
    }
  }
}

export interface FormCardOptions {
  /** The language of the form's words (sets `lang`, and `rtl` for Arabic). */
  lang?: string;
  /** Shown under a required input left empty; the field's label when absent. */
  requiredMessage?: string;
  /**
   * `Action.Execute` (default) for a card in a conversation; `Action.Submit` for a card in a
   * dialog (task module), where Teams sends `task/submit` and does not run Universal Actions.
   */
  submitAction?: 'Action.Execute' | 'Action.Submit';
}

/**
 * A form as a card: the title as a heading, one input per field (`id` = the field's id), and one
 * submit action whose data is `{ actionId, value }`, with every input's value merged in by Teams.
 */
export function formToAdaptiveCard(form: Form, options: FormCardOptions = {}): AdaptiveCardJson {
  const ids = new Set<string>();
  for (const field of form.fields) {
    if (!field.id || RESERVED_INPUT_IDS.has(field.id) || ids.has(field.id)) {
      throw new ForumError('internal', `Form ${form.actionId}: field id "${field.id.slice(0, 40)}" is empty, reserved or repeated`);
    }
    ids.add(field.id);
  }
  const data: ActionData = { actionId: form.actionId, value: form.value ?? '' };
  const title = oneLine(form.submitLabel) || ELLIPSIS;
  const submit =
    options.submitAction === 'Action.Submit'
      ? { type: 'Action.Submit', title, data, associatedInputs: 'auto', style: 'positive' }
      : ({ type: 'Action.Execute', title, verb: form.actionId, data, associatedInputs: 'auto', style: 'positive' } satisfies ExecuteAction);
  const heading = lineBlocks([oneLine(form.title)].filter((t) => t.length > 0), { size: 'Large', weight: 'Bolder', style: 'heading' });
  return checkSize({
    ...shell(options.lang),
    body: [...heading.map((r) => r.element), ...form.fields.map((field) => fieldToInput(field, options.requiredMessage))],
    actions: [submit],
  });
}
