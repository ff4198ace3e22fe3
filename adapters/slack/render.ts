/**
 * Neutral Cards and Forms to Slack Block Kit: messages, the App Home view and modals, always within
 * Slack's limits (`limits.ts`).
 *
 * Safety: user and document text never mentions anyone and never formats. It goes into `plain_text`
 * objects wherever Block Kit allows, escaped (`&`, `<`, `>`) as well so that no string of the
 * payload holds `<!channel>`, `<@U123>` or a link. Where mrkdwn is needed (links, code) it is
 * escaped, formatting characters are neutralised, `verbatim` stops Slack's own linking and
 * mentioning of bare text, and only http(s) URLs become links.
 */
import type {
  ActionsBlock,
  Button as SlackButton,
  ContextBlock,
  HomeView,
  InputBlock,
  KnownBlock,
  MrkdwnElement,
  ModalView,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
} from '@slack/types';
import type { Block, Button, Card, Link } from '../../src/core/card.ts';
import { cardToText } from '../../src/core/card.ts';
import type { Form, FormField } from '../../src/core/adapter.ts';
import { ForumError } from '../../src/core/errors.ts';
import {
  ELLIPSIS,
  SLACK_ACTIONS_MAX_ELEMENTS,
  SLACK_ACTION_ID_MAX_CHARS,
  SLACK_BUTTON_LABEL_MAX_CHARS,
  SLACK_BUTTON_VALUE_MAX_CHARS,
  SLACK_CONTEXT_ELEMENT_MAX_CHARS,
  SLACK_CONTEXT_MAX_ELEMENTS,
  SLACK_FALLBACK_MAX_CHARS,
  SLACK_FIELD_MAX_CHARS,
  SLACK_HEADER_MAX_CHARS,
  SLACK_HOME_MAX_BLOCKS,
  SLACK_INPUT_LABEL_MAX_CHARS,
  SLACK_MAX_BLOCKS,
  SLACK_MODAL_BUTTON_MAX_CHARS,
  SLACK_MODAL_MAX_BLOCKS,
  SLACK_MODAL_TITLE_MAX_CHARS,
  SLACK_OPTION_TEXT_MAX_CHARS,
  SLACK_OPTION_VALUE_MAX_CHARS,
  SLACK_PLACEHOLDER_MAX_CHARS,
  SLACK_PRIVATE_METADATA_MAX_CHARS,
  SLACK_SECTION_MAX_CHARS,
  SLACK_SECTION_MAX_FIELDS,
  SLACK_SELECT_MAX_OPTIONS,
  chunk,
  codeCost,
  escapeCode,
  escapeSlackText,
  escapedCost,
  mrkdwnCost,
  neutralizeMrkdwn,
  oneLine,
  splitToFit,
  truncateToFit,
} from './limits.ts';

export * from './limits.ts';

/** One message to post: Slack's top-level `text` (notifications, fallback) and its blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** A rendered block and the plain text it shows, for the fallback of a continuation message. */
interface Rendered {
  block: KnownBlock;
  text: string;
}

/**
 * Block Kit wants `action_id`s unique within a block, and our buttons often share one
 * (`qa:feedback` twice): each button's gets its position on the card.
 */
export function toSlackActionId(actionId: string, index: number): string {
  return `${actionId}#${index}`;
}

/** The action id a button was given, from the `action_id` Slack sends back. */
export function fromSlackActionId(slackActionId: string): string {
  return slackActionId.replace(/#\d+$/, '');
}

function plain(text: string): PlainTextElement {
  return { type: 'plain_text', text: escapeSlackText(text), emoji: true };
}

/** Plain text truncated so that its escaped form fits in `max`. */
function plainWithin(text: string, max: number): PlainTextElement {
  return plain(truncateToFit(text, max, escapedCost));
}

function mrkdwn(text: string): MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

/** Only web links may become links; anything else is shown as text. */
function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    // `|` would end the URL inside `<url|label>`; `<` and `>` are already percent-encoded.
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href.replace(/\|/g, '%7C') : undefined;
  } catch {
    return undefined;
  }
}

/** One line of mrkdwn for a link, within a section. */
function linkLine(link: Link): string {
  const href = safeUrl(link.url);
  const label = oneLine(link.label) || link.url;
  if (href) {
    const target = escapeSlackText(href);
    const room = SLACK_SECTION_MAX_CHARS - target.length - 3;
    if (room > SLACK_SECTION_MAX_CHARS / 10) return `<${target}|${neutralizeMrkdwn(truncateToFit(label, room, mrkdwnCost))}>`;
  }
  return neutralizeMrkdwn(truncateToFit(`${label} (${link.url})`, SLACK_SECTION_MAX_CHARS, mrkdwnCost));
}

function sections(text: string): Rendered[] {
  return splitToFit(text, SLACK_SECTION_MAX_CHARS, escapedCost).map((piece) => ({
    block: { type: 'section', text: plain(piece) },
    text: piece,
  }));
}

function buttonToSlack(button: Button, index: number): SlackButton {
  if (button.value.length > SLACK_BUTTON_VALUE_MAX_CHARS) {
    throw new ForumError('internal', `Button value of ${button.value.length} characters for ${button.actionId} (Slack allows ${SLACK_BUTTON_VALUE_MAX_CHARS})`);
  }
  const actionId = toSlackActionId(button.actionId, index);
  if (actionId.length > SLACK_ACTION_ID_MAX_CHARS) throw new ForumError('internal', `Action id too long: ${actionId.slice(0, 40)}…`);
  return {
    type: 'button',
    action_id: actionId,
    text: plainWithin(oneLine(button.label) || ELLIPSIS, SLACK_BUTTON_LABEL_MAX_CHARS),
    ...(button.value ? { value: button.value } : {}),
    ...(button.style ? { style: button.style } : {}),
  };
}

/** Buttons are numbered across a whole card, so that every `action_id` of a message is unique. */
interface ButtonCounter {
  next: number;
}

function blockToSlack(block: Block, counter: ButtonCounter): Rendered[] {
  switch (block.type) {
    case 'header': {
      const text = oneLine(block.text);
      return text ? [{ block: { type: 'header', text: plainWithin(text, SLACK_HEADER_MAX_CHARS) }, text }] : [];
    }
    case 'text':
      return sections(block.text);
    case 'list':
      return sections(block.items.map((item, i) => (block.ordered ? `${i + 1}. ${item}` : `• ${item}`)).join('\n'));
    case 'code': {
      const fences = '```\n\n```'.length;
      return splitToFit(block.text, SLACK_SECTION_MAX_CHARS - fences, codeCost, 'newlines').map((piece) => ({
        block: { type: 'section', text: mrkdwn(`\`\`\`\n${escapeCode(piece)}\n\`\`\``) },
        text: piece,
      }));
    }
    case 'fields': {
      const fields = block.fields
        .map((f) => [f.label, f.value].filter((part) => part.trim().length > 0).join('\n'))
        .filter((text) => text.length > 0);
      return chunk(fields, SLACK_SECTION_MAX_FIELDS).map((group) => ({
        block: { type: 'section', fields: group.map((text) => plainWithin(text, SLACK_FIELD_MAX_CHARS)) },
        text: group.join('\n'),
      }));
    }
    case 'links': {
      const lines = block.links.map((link) => ({ mrkdwn: linkLine(link), text: `${link.label} <${link.url}>` }));
      const groups: (typeof lines)[] = [];
      let size = 0;
      for (const line of lines) {
        const last = groups.at(-1);
        if (last && size + 1 + line.mrkdwn.length <= SLACK_SECTION_MAX_CHARS) {
          last.push(line);
          size += 1 + line.mrkdwn.length;
        } else {
          groups.push([line]);
          size = line.mrkdwn.length;
        }
      }
      return groups.map((group) => ({
        block: { type: 'section', text: mrkdwn(group.map((l) => l.mrkdwn).join('\n')) } satisfies SectionBlock,
        text: group.map((l) => l.text).join('\n'),
      }));
    }
    case 'actions': {
      const buttons = block.buttons.map((button) => ({ button, index: counter.next++ }));
      return chunk(buttons, SLACK_ACTIONS_MAX_ELEMENTS).map((group) => ({
        block: { type: 'actions', elements: group.map(({ button, index }) => buttonToSlack(button, index)) } satisfies ActionsBlock,
        text: group.map(({ button }) => `[${button.label}]`).join(' '),
      }));
    }
    case 'context': {
      const pieces = splitToFit(block.text, SLACK_CONTEXT_ELEMENT_MAX_CHARS, escapedCost);
      return chunk(pieces, SLACK_CONTEXT_MAX_ELEMENTS).map((group) => ({
        block: { type: 'context', elements: group.map(plain) } satisfies ContextBlock,
        text: group.join(' '),
      }));
    }
    case 'divider':
      return [{ block: { type: 'divider' }, text: '' }];
    default: {
      const unreachable: never = block;
      return unreachable;
    }
  }
}

function renderBlocks(blocks: Block[]): Rendered[] {
  const counter: ButtonCounter = { next: 0 };
  return blocks.flatMap((block) => blockToSlack(block, counter));
}

/** Escaped and capped; never empty (Slack wants text with every message). */
function fallbackText(text: string): string {
  const trimmed = text.trim();
  return trimmed ? escapeSlackText(truncateToFit(trimmed, SLACK_FALLBACK_MAX_CHARS, escapedCost)) : ELLIPSIS;
}

/**
 * Blocks that must stay in one message: buttons with what they follow, a header with what it
 * heads.
 */
function units(rendered: Rendered[]): Rendered[][] {
  const result: Rendered[][] = [];
  for (const item of rendered) {
    const last = result.at(-1);
    const previous = last?.at(-1);
    if (last && previous && (item.block.type === 'actions' || previous.block.type === 'header')) last.push(item);
    else result.push([item]);
  }
  return result;
}

/** Whole units into messages of at most `max` blocks; a unit larger than a message is cut. */
function pack(rendered: Rendered[], max: number): Rendered[][] {
  const messages: Rendered[][] = [];
  let current: Rendered[] = [];
  for (const unit of units(rendered)) {
    if (current.length + unit.length > max && current.length > 0) {
      messages.push(current);
      current = [];
    }
    if (unit.length > max) {
      const parts = chunk(unit, max);
      current = parts.pop() ?? [];
      messages.push(...parts);
    } else {
      current.push(...unit);
    }
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

/**
 * A card as Slack messages: one, or several when its blocks do not fit in one. The first carries
 * the card's plain text as fallback; the others the text of their own blocks.
 */
export function cardToSlackMessages(card: Card): SlackMessage[] {
  const messages = pack(renderBlocks(card.blocks), SLACK_MAX_BLOCKS);
  const first = fallbackText(cardToText(card));
  if (messages.length === 0) return [{ text: first, blocks: [] }];
  return messages.map((items, i) => ({
    text: i === 0 ? first : fallbackText(items.map((r) => r.text).filter((t) => t.length > 0).join('\n\n')),
    blocks: items.map((r) => r.block),
  }));
}

/** A card as the App Home tab; beyond Slack's 100 blocks it ends with "…". */
export function cardToHomeView(card: Card): HomeView {
  let blocks = renderBlocks(card.blocks).map((r) => r.block);
  if (blocks.length > SLACK_HOME_MAX_BLOCKS) {
    blocks = [...blocks.slice(0, SLACK_HOME_MAX_BLOCKS - 1), { type: 'context', elements: [plain(ELLIPSIS)] }];
  }
  return { type: 'home', blocks };
}

function checkId(id: string, what: string): string {
  if (id.length === 0 || id.length > SLACK_ACTION_ID_MAX_CHARS) {
    throw new ForumError('internal', `${what} must have 1 to ${SLACK_ACTION_ID_MAX_CHARS} characters: ${id.slice(0, 40)}`);
  }
  return id;
}

function optionToSlack(option: { label: string; value: string }): PlainTextOption {
  if (option.value.length > SLACK_OPTION_VALUE_MAX_CHARS) {
    throw new ForumError('internal', `Select option value of ${option.value.length} characters (Slack allows ${SLACK_OPTION_VALUE_MAX_CHARS})`);
  }
  return { text: plainWithin(oneLine(option.label) || option.value, SLACK_OPTION_TEXT_MAX_CHARS), value: option.value };
}

function fieldToInput(field: FormField): InputBlock {
  const id = checkId(field.id, 'A form field id');
  const placeholder = field.placeholder ? { placeholder: plainWithin(oneLine(field.placeholder), SLACK_PLACEHOLDER_MAX_CHARS) } : {};
  const base = { type: 'input', block_id: id, optional: !field.required, label: plainWithin(field.label, SLACK_INPUT_LABEL_MAX_CHARS) } as const;
  switch (field.kind) {
    case 'text':
      return { ...base, element: { type: 'plain_text_input', action_id: id, ...placeholder } };
    case 'textarea':
      return { ...base, element: { type: 'plain_text_input', action_id: id, multiline: true, ...placeholder } };
    case 'select': {
      const options = field.options ?? [];
      if (options.length === 0 || options.length > SLACK_SELECT_MAX_OPTIONS) {
        throw new ForumError('internal', `Select ${id} has ${options.length} options (Slack allows 1 to ${SLACK_SELECT_MAX_OPTIONS})`);
      }
      return { ...base, element: { type: 'static_select', action_id: id, options: options.map(optionToSlack), ...placeholder } };
    }
    default: {
      const unreachable: never = field.kind;
      return unreachable;
    }
  }
}

/** A form as a modal: one input block per field, whose `block_id` and `action_id` are the field's id. */
export function formToModal(form: Form, options: { closeLabel: string }): ModalView {
  const metadata = form.value ?? '';
  if (metadata.length > SLACK_PRIVATE_METADATA_MAX_CHARS) {
    throw new ForumError('internal', `Form value of ${metadata.length} characters (Slack allows ${SLACK_PRIVATE_METADATA_MAX_CHARS})`);
  }
  if (form.fields.length > SLACK_MODAL_MAX_BLOCKS) {
    throw new ForumError('internal', `Form of ${form.fields.length} fields (Slack allows ${SLACK_MODAL_MAX_BLOCKS} blocks)`);
  }
  return {
    type: 'modal',
    callback_id: checkId(form.actionId, 'A form action id'),
    title: plainWithin(oneLine(form.title), SLACK_MODAL_TITLE_MAX_CHARS),
    submit: plainWithin(oneLine(form.submitLabel), SLACK_MODAL_BUTTON_MAX_CHARS),
    close: plainWithin(oneLine(options.closeLabel), SLACK_MODAL_BUTTON_MAX_CHARS),
    private_metadata: metadata,
    blocks: form.fields.map(fieldToInput),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function elementValue(element: unknown): string | undefined {
  if (!isRecord(element)) return undefined;
  if (element.type === 'plain_text_input') return typeof element.value === 'string' ? element.value : '';
  if (element.type === 'static_select') {
    const selected = element.selected_option;
    return isRecord(selected) && typeof selected.value === 'string' ? selected.value : '';
  }
  return undefined;
}

/** A map of block ids to action ids to elements that have a `type`: the shape of `view.state.values`. */
function looksLikeValues(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    Object.values(value).some((block) => isRecord(block) && Object.values(block).some((el) => isRecord(el) && typeof el.type === 'string'))
  );
}

/**
 * The values of a `view_submission`, by action id ('' for an empty input): from `view.state.values`,
 * `view.state` or the `view` (judged by shape, so fields called `state` or `values` are read right).
 * Anything malformed is skipped; it never throws.
 */
export function modalValues(state: unknown): Record<string, string> {
  const candidates = isRecord(state) ? [isRecord(state.state) ? state.state.values : undefined, state.values, state] : [];
  const values = candidates.find(looksLikeValues);
  if (!values) return {};
  const entries: [string, string][] = [];
  for (const block of Object.values(values)) {
    if (!isRecord(block)) continue;
    for (const [actionId, element] of Object.entries(block)) {
      const value = elementValue(element);
      if (value !== undefined) entries.push([actionId, value]);
    }
  }
  // fromEntries defines own properties: an action id of `__proto__` cannot reach the prototype.
  return Object.fromEntries(entries);
}
