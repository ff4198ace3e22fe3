/** Neutral Cards and Forms to Block Kit: Slack's limits, escaping, splitting and modal values. */
import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
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
  SLACK_MODAL_TITLE_MAX_CHARS,
  SLACK_OPTION_TEXT_MAX_CHARS,
  SLACK_PLACEHOLDER_MAX_CHARS,
  SLACK_SECTION_MAX_CHARS,
  SLACK_SECTION_MAX_FIELDS,
  cardToHomeView,
  cardToSlackMessages,
  escapeSlackText,
  formToModal,
  fromSlackActionId,
  modalValues,
  splitToFit,
  escapedCost,
  toSlackActionId,
  type SlackMessage,
} from '../../../adapters/slack/render.ts';
import { ACTIONS } from '../../../src/core/actions.ts';
import type { Form } from '../../../src/core/adapter.ts';
import type { Block, Button, Card } from '../../../src/core/card.ts';
import { ForumError } from '../../../src/core/errors.ts';
import { helpToCard } from '../../../src/features/help/help-card.ts';

const ZWSP = '\u200B';
const NASTY = '<!channel> <!here> <@U123> & *bold* _it_ ~s~ `c`';

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Every string anywhere in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** Every text object of a given type anywhere in a JSON value. */
function textObjects(value: unknown, type: 'mrkdwn' | 'plain_text'): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => textObjects(v, type));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own = record.type === type && typeof record.text === 'string' ? [record.text] : [];
  return [...own, ...Object.values(record).flatMap((v) => textObjects(v, type))];
}

/**
 * A formatting character not wrapped in zero-width spaces, outside code fences (where Slack does not
 * format) and link targets.
 */
function formattingOutsideCode(mrkdwn: string): boolean {
  const outside = mrkdwn.replace(/```[\s\S]*?```/g, '').replace(/<https?:\/\/[^|>\s]+\|/g, '<');
  return [...outside.matchAll(/[*_~`]/g)].some((m) => outside[m.index - 1] !== ZWSP || outside[m.index + 1] !== ZWSP);
}

/** Checks every limit of Block Kit we rely on, and the safety rules, on a list of blocks. */
function checkBlocks(blocks: KnownBlock[], maxBlocks: number): void {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  for (const block of blocks) {
    switch (block.type) {
      case 'section':
        expect(block.text ?? block.fields).toBeDefined();
        if (block.text) {
          expect(block.text.text.length).toBeGreaterThan(0);
          expect(block.text.text.length).toBeLessThanOrEqual(SLACK_SECTION_MAX_CHARS);
        }
        if (block.fields) {
          expect(block.fields.length).toBeLessThanOrEqual(SLACK_SECTION_MAX_FIELDS);
          for (const f of block.fields) expect(f.text.length).toBeLessThanOrEqual(SLACK_FIELD_MAX_CHARS);
        }
        break;
      case 'header':
        expect(block.text.text.length).toBeGreaterThan(0);
        expect(block.text.text.length).toBeLessThanOrEqual(SLACK_HEADER_MAX_CHARS);
        break;
      case 'actions': {
        expect(block.elements.length).toBeGreaterThan(0);
        expect(block.elements.length).toBeLessThanOrEqual(SLACK_ACTIONS_MAX_ELEMENTS);
        const ids = block.elements.map((e) => ('action_id' in e ? e.action_id : undefined));
        expect(new Set(ids).size).toBe(ids.length);
        for (const e of block.elements) {
          expect(e.type).toBe('button');
          if (e.type !== 'button') continue;
          expect(e.text.text.length).toBeGreaterThan(0);
          expect(e.text.text.length).toBeLessThanOrEqual(SLACK_BUTTON_LABEL_MAX_CHARS);
          expect((e.value ?? '').length).toBeLessThanOrEqual(SLACK_BUTTON_VALUE_MAX_CHARS);
          expect((e.action_id ?? '').length).toBeLessThanOrEqual(SLACK_ACTION_ID_MAX_CHARS);
        }
        break;
      }
      case 'context':
        expect(block.elements.length).toBeGreaterThan(0);
        expect(block.elements.length).toBeLessThanOrEqual(SLACK_CONTEXT_MAX_ELEMENTS);
        for (const e of block.elements) {
          expect('text' in e).toBe(true);
          if ('text' in e) expect(e.text.length).toBeLessThanOrEqual(SLACK_CONTEXT_ELEMENT_MAX_CHARS);
        }
        break;
      case 'divider':
        break;
      default:
        throw new Error(`unexpected block ${block.type}`);
    }
  }
  for (const text of strings(blocks)) {
    expect(text).not.toMatch(/<[!@#]/);
  }
  for (const text of textObjects(blocks, 'mrkdwn')) {
    // The only `<` left in mrkdwn opens a web link.
    expect(text.replace(/<https?:\/\/[^|>\s]+\|[^>]*>/g, '')).not.toContain('<');
    expect(formattingOutsideCode(text)).toBe(false);
  }
}

function checkMessages(messages: SlackMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) {
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.text.length).toBeLessThanOrEqual(SLACK_FALLBACK_MAX_CHARS);
    expect(message.text).not.toMatch(/<[!@#]/);
    checkBlocks(message.blocks, SLACK_MAX_BLOCKS);
  }
  // action_ids are unique across every message of a card, not only within a block.
  const ids = messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => ('action_id' in e ? e.action_id : '')) : [])));
  expect(new Set(ids).size).toBe(ids.length);
}

function allBlocks(messages: SlackMessage[]): KnownBlock[] {
  return messages.flatMap((m) => m.blocks);
}

function sectionTexts(messages: SlackMessage[]): string[] {
  return allBlocks(messages).flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
}

const squash = (text: string): string => text.replace(/\s+/g, '');

/** A deterministic generator, so that failures reproduce. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function words(rand: () => number, count: number): string {
  const vocabulary = ['pump', 'solar', '&', '<b>', 'a_b', '*x*', '~y~', '`z`', '<!channel>', 'énergie', '水泵', '😀', 'https://x.org', 'end.', 'Why?', '\n', '\n\n'];
  return Array.from({ length: count }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(' ');
}

function randomCard(seed: number): Card {
  const rand = random(seed);
  const blocks: Block[] = [];
  const size = (n: number): number => 1 + Math.floor(rand() * n);
  const count = 20 + Math.floor(rand() * 120);
  for (let i = 0; i < count; i++) {
    const kind = Math.floor(rand() * 9);
    if (kind === 0) blocks.push({ type: 'header', text: words(rand, size(80)) });
    else if (kind === 1) blocks.push({ type: 'text', text: words(rand, size(2000)) });
    else if (kind === 2) blocks.push({ type: 'fields', fields: Array.from({ length: size(25) }, () => ({ label: words(rand, size(5)), value: words(rand, size(600)) })) });
    else if (kind === 3) blocks.push({ type: 'list', items: Array.from({ length: size(200) }, () => words(rand, size(40))), ordered: rand() < 0.5 });
    else if (kind === 4) blocks.push({ type: 'code', text: words(rand, size(1500)) });
    else if (kind === 5) {
      blocks.push({
        type: 'links',
        links: Array.from({ length: size(60) }, (_, j) => ({ label: words(rand, size(30)), url: j % 3 === 0 ? 'javascript:alert(1)' : `https://example.org/${j}?a=1&b=<2>|x` })),
      });
    } else if (kind === 6) {
      blocks.push({
        type: 'actions',
        buttons: Array.from({ length: size(60) }, (_, j) => ({ actionId: ACTIONS.qaFeedback, label: words(rand, size(30)), value: `q${j}:1`, ...(j % 2 ? { style: 'primary' as const } : {}) })),
      });
    } else if (kind === 7) blocks.push({ type: 'context', text: words(rand, size(5000)) });
    else blocks.push({ type: 'divider' });
  }
  return { blocks };
}

describe('escapeSlackText', () => {
  it('escapes the three characters Slack reserves, ampersand first', () => {
    expect(escapeSlackText('<!here> & <@U1> &amp;')).toBe('&lt;!here&gt; &amp; &lt;@U1&gt; &amp;amp;');
  });
});

describe('splitting long text', () => {
  it('cuts a 10,000-character answer with citations into sections of at most 3,000 characters, losing nothing', () => {
    const sentence = (i: number): string => `Solar pumps need a controller sized for the array [${(i % 5) + 1}] and a dry-run sensor. `;
    const paragraphs = Array.from({ length: 30 }, (_, p) => Array.from({ length: 4 + (p % 3) }, (_, s) => sentence(p + s)).join('').trim());
    // One paragraph with no break at all, longer than a section.
    paragraphs.splice(10, 0, 'x'.repeat(3500));
    let answer = paragraphs.join('\n\n');
    while (answer.length < 10_000) answer += `\n\n${sentence(answer.length)}`;
    const messages = cardToSlackMessages({ blocks: [{ type: 'text', text: answer }, { type: 'context', text: 'Sources: [1] Pumps guide' }] });
    checkMessages(messages);
    const texts = sectionTexts(messages);
    expect(texts.length).toBeGreaterThanOrEqual(4);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(SLACK_SECTION_MAX_CHARS);
    expect(squash(texts.map(unescape).join(''))).toBe(squash(answer));
    // Cuts fall on paragraph breaks where they can: the citations stay whole.
    for (const t of texts) expect(t).not.toMatch(/\[\d?$|^\d?\]/);
  });

  it('measures the escaped text: 2,500 ampersands become more than one section', () => {
    const texts = sectionTexts(cardToSlackMessages({ blocks: [{ type: 'text', text: '&'.repeat(2500) }] }));
    expect(texts.length).toBe(5);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(SLACK_SECTION_MAX_CHARS);
    expect(texts.map(unescape).join('')).toBe('&'.repeat(2500));
  });

  it('prefers line, then sentence, then word boundaries', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i} ${'w'.repeat(40)}`).join('\n');
    for (const piece of splitToFit(lines, 300, escapedCost)) expect(piece).toMatch(/^line \d+ w+$/m);
    const prose = Array.from({ length: 50 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    for (const piece of splitToFit(prose, 100, escapedCost)) expect(piece).toMatch(/^Sentence number \d+ .*here\.$/);
    const wordsOnly = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const pieces = splitToFit(wordsOnly, 50, escapedCost);
    expect(pieces.join(' ')).toBe(wordsOnly);
    expect(splitToFit('😀'.repeat(100), 7, escapedCost).join('')).toBe('😀'.repeat(100));
  });

  it('keeps code in fences the text cannot close, with its indentation, across sections', () => {
    const code = Array.from({ length: 300 }, (_, i) => `    step(${i}) # \`\`\` <!here> *not bold*`).join('\n');
    const messages = cardToSlackMessages({ blocks: [{ type: 'code', text: code }] });
    checkMessages(messages);
    const texts = sectionTexts(messages);
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) {
      expect(t.startsWith('```\n') && t.endsWith('\n```')).toBe(true);
      expect(t.slice(3, -3)).not.toContain('``');
    }
    const back = texts.map((t) => unescape(t.slice(4, -4)).replaceAll(ZWSP, '')).join('\n');
    expect(back).toBe(code);
  });
});

describe('cardToSlackMessages', () => {
  it('isolates the help card’s commands left to right inside Arabic text, and leaves English as it is', () => {
    const fieldTexts = (card: Card): string[] =>
      cardToSlackMessages(card)
        .flatMap((m) => m.blocks)
        .flatMap((b) => (b.type === 'section' && 'fields' in b ? (b.fields ?? []).map((f) => f.text) : []));
    const arabic = fieldTexts(helpToCard('ar', 'member'));
    const ask = arabic.find((t) => t.includes('ask &lt;question&gt;'));
    expect(ask?.startsWith('\u2066ask &lt;question&gt;\u2069\n')).toBe(true);
    expect(fieldTexts(helpToCard('en', 'member')).find((t) => t.includes('ask &lt;question&gt;'))?.startsWith('ask &lt;question&gt;\n')).toBe(true);
  });

  it('splits 120 blocks into messages of at most 50, in order', () => {
    const blocks: Block[] = Array.from({ length: 120 }, (_, i) => ({ type: 'text', text: `Paragraph ${i}` }));
    const messages = cardToSlackMessages({ blocks });
    checkMessages(messages);
    expect(messages.length).toBe(3);
    expect(sectionTexts(messages)).toEqual(blocks.map((_, i) => `Paragraph ${i}`));
    // The first message's fallback is the card's; the others' their own text.
    expect(messages[0]?.text).toContain('Paragraph 0');
    expect(messages[1]?.text.startsWith('Paragraph 50')).toBe(true);
    expect(messages[1]?.text).not.toContain('Paragraph 0\n');
  });

  it('keeps buttons in the message of the block they follow', () => {
    const blocks: Block[] = [
      ...Array.from({ length: 49 }, (_, i): Block => ({ type: 'text', text: `Paragraph ${i}` })),
      { type: 'actions', buttons: [{ actionId: ACTIONS.qaFeedback, label: 'Yes', value: 'q:1' }] },
    ];
    const messages = cardToSlackMessages({ blocks: [{ type: 'text', text: 'Intro' }, ...blocks] });
    checkMessages(messages);
    const last = messages.at(-1)?.blocks ?? [];
    expect(last.map((b) => b.type)).toEqual(['section', 'actions']);
  });

  it('truncates a 400-character header and a 200-character label with an ellipsis', () => {
    const messages = cardToSlackMessages({
      blocks: [
        { type: 'header', text: 'H'.repeat(400) },
        { type: 'actions', buttons: [{ actionId: ACTIONS.helpShow, label: 'L'.repeat(200), value: '' }] },
      ],
    });
    checkMessages(messages);
    const [header, actions] = messages[0]?.blocks ?? [];
    expect(header?.type === 'header' && header.text.text).toBe(`${'H'.repeat(SLACK_HEADER_MAX_CHARS - 1)}…`);
    const button = actions?.type === 'actions' ? actions.elements[0] : undefined;
    expect(button?.type === 'button' && button.text.text).toBe(`${'L'.repeat(SLACK_BUTTON_LABEL_MAX_CHARS - 1)}…`);
  });

  it('puts 40 buttons in actions blocks of at most 25, with unique action ids that round-trip', () => {
    const buttons: Button[] = Array.from({ length: 40 }, (_, i) => ({
      actionId: i % 2 ? ACTIONS.qaFeedback : ACTIONS.langSet,
      label: `B${i}`,
      value: `v${i}`,
      ...(i === 0 ? { style: 'primary' as const } : i === 1 ? { style: 'danger' as const } : {}),
    }));
    const messages = cardToSlackMessages({ blocks: [{ type: 'actions', buttons }] });
    checkMessages(messages);
    const actions = allBlocks(messages).filter((b) => b.type === 'actions');
    expect(actions.map((b) => b.elements.length)).toEqual([25, 15]);
    const elements = actions.flatMap((b) => b.elements);
    elements.forEach((e, i) => {
      if (e.type !== 'button') throw new Error('not a button');
      expect(fromSlackActionId(e.action_id ?? '')).toBe(buttons[i]?.actionId);
      expect(e.value).toBe(`v${i}`);
    });
    const [first, second] = elements;
    expect(first?.type === 'button' && first.style).toBe('primary');
    expect(second?.type === 'button' && second.style).toBe('danger');
  });

  it('hands button values back verbatim: they are never shown', () => {
    const [message] = cardToSlackMessages({ blocks: [{ type: 'actions', buttons: [{ actionId: ACTIONS.helpShow, label: 'x', value: 'a&b <c>' }] }] });
    const [block] = message?.blocks ?? [];
    const button = block?.type === 'actions' ? block.elements[0] : undefined;
    expect(button?.type === 'button' && button.value).toBe('a&b <c>');
  });

  it('encodes and decodes action ids', () => {
    expect(toSlackActionId('qa:feedback', 3)).toBe('qa:feedback#3');
    expect(fromSlackActionId(toSlackActionId('qa:feedback', 12))).toBe('qa:feedback');
    expect(fromSlackActionId('lang:set')).toBe('lang:set');
    expect(fromSlackActionId('odd#id')).toBe('odd#id');
  });

  it('throws on a button value Slack would refuse, and accepts the largest it allows', () => {
    const card = (value: string): Card => ({ blocks: [{ type: 'actions', buttons: [{ actionId: ACTIONS.qaFeedback, label: 'x', value }] }] });
    expect(() => cardToSlackMessages(card('v'.repeat(SLACK_BUTTON_VALUE_MAX_CHARS + 1)))).toThrow(ForumError);
    try {
      cardToSlackMessages(card('v'.repeat(2001)));
    } catch (error) {
      expect(error instanceof ForumError && error.code).toBe('internal');
    }
    checkMessages(cardToSlackMessages(card('v'.repeat(SLACK_BUTTON_VALUE_MAX_CHARS))));
  });

  it('lets no text mention anyone or format, in any block', () => {
    const card: Card = {
      blocks: [
        { type: 'header', text: NASTY },
        { type: 'text', text: NASTY },
        { type: 'fields', fields: [{ label: NASTY, value: NASTY }] },
        { type: 'list', items: [NASTY, NASTY], ordered: true },
        { type: 'code', text: NASTY },
        { type: 'links', links: [{ label: NASTY, url: 'https://example.org/a_b?x=1&y=<!here>' }, { label: NASTY, url: '<!channel>' }] },
        { type: 'actions', buttons: [{ actionId: ACTIONS.helpShow, label: NASTY, value: 'q-1:1' }] },
        { type: 'context', text: NASTY },
      ],
    };
    const messages = cardToSlackMessages(card);
    checkMessages(messages);
    const json = JSON.stringify(messages);
    expect(json).not.toMatch(/<[!@#]/);
    expect(json).toContain('&lt;!channel&gt;');
    const mrkdwn = textObjects(messages, 'mrkdwn');
    expect(mrkdwn.length).toBe(2);
    for (const text of mrkdwn) {
      // Outside a code fence no pair survives; inside one Slack does not format, and only
      // backticks (which could close the fence) are broken up, so copied code stays intact.
      const outside = text.replace(/^```\n[\s\S]*\n```$/, '');
      expect(outside).not.toMatch(/\*bold\*|_it_|~s~|`c`/);
      expect(text).not.toContain('`c`');
    }
    expect(mrkdwn.some((text) => text.startsWith('```') && text.includes('*bold* _it_ ~s~'))).toBe(true);
    // Plain text stays plain; mrkdwn asks Slack not to link or mention on its own.
    const blocks = allBlocks(messages);
    const section = blocks.find((b) => b.type === 'section' && b.text?.type === 'mrkdwn');
    expect(section?.type === 'section' && section.text?.type === 'mrkdwn' && section.text.verbatim).toBe(true);
    expect(textObjects(messages, 'plain_text').length).toBeGreaterThan(5);
    expect(cardToHomeView(card).blocks).toEqual(blocks);
  });

  it('makes links of web URLs only', () => {
    const messages = cardToSlackMessages({
      blocks: [
        {
          type: 'links',
          links: [
            { label: 'Pump guide', url: 'https://example.org/pumps?a=1&b=2' },
            { label: 'Evil', url: 'javascript:alert(document.cookie)' },
            { label: 'Pipe', url: 'https://example.org/a|b' },
          ],
        },
      ],
    });
    checkMessages(messages);
    const [text] = textObjects(messages, 'mrkdwn');
    expect(text).toContain('<https://example.org/pumps?a=1&amp;b=2|Pump guide>');
    expect(text).toContain('<https://example.org/a%7Cb|Pipe>');
    expect(text).not.toContain('<javascript');
    expect(text).toContain('Evil (javascript:alert(document.cookie))');
  });

  it('always carries fallback text within the cap', () => {
    for (const card of [
      { blocks: [] },
      { blocks: [{ type: 'divider' } as const] },
      { blocks: [{ type: 'text', text: '<&>'.repeat(5000) } as const] },
      { blocks: [{ type: 'text', text: 'body' } as const], fallback: 'F'.repeat(10_000) },
    ] satisfies Card[]) {
      checkMessages(cardToSlackMessages(card));
    }
    const [message] = cardToSlackMessages({ blocks: [{ type: 'text', text: NASTY }] });
    expect(message?.text).toBe(escapeSlackText(NASTY));
  });

  it('stays within every limit on big random-ish cards', () => {
    for (const seed of [1, 2, 3, 42, 2024]) {
      const card = randomCard(seed);
      const messages = cardToSlackMessages(card);
      checkMessages(messages);
      const home = cardToHomeView(card);
      expect(home.type).toBe('home');
      checkBlocks(home.blocks as KnownBlock[], SLACK_HOME_MAX_BLOCKS);
    }
  });
});

describe('cardToHomeView', () => {
  it('ends with an ellipsis beyond 100 blocks', () => {
    const blocks: Block[] = Array.from({ length: 150 }, (_, i) => ({ type: 'text', text: `P${i}` }));
    const home = cardToHomeView({ blocks });
    expect(home.blocks.length).toBe(SLACK_HOME_MAX_BLOCKS);
    expect(home.blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'plain_text', text: '…', emoji: true }] });
  });
});

describe('formToModal', () => {
  const form: Form = {
    actionId: ACTIONS.helpShow,
    title: 'Ask the moderators a question about pumps',
    submitLabel: 'Send it to the moderators now',
    value: 'q-123',
    fields: [
      { id: 'question', label: 'Q'.repeat(2500), kind: 'textarea', required: true, placeholder: 'P'.repeat(300) },
      { id: 'name', label: 'Name <@U1>', kind: 'text', required: false },
      {
        id: 'area',
        label: 'Area',
        kind: 'select',
        required: true,
        options: [
          { label: 'Energy', value: 'energy' },
          { label: 'O'.repeat(100), value: 'long' },
        ],
      },
    ],
  };

  it('builds a modal within its limits', () => {
    const modal = formToModal(form, { closeLabel: 'Cancel and close this window' });
    expect(modal.type).toBe('modal');
    expect(modal.callback_id).toBe(ACTIONS.helpShow);
    expect(modal.private_metadata).toBe('q-123');
    for (const text of [modal.title, modal.submit, modal.close]) {
      expect(text?.type).toBe('plain_text');
      expect(text?.text.length).toBeLessThanOrEqual(SLACK_MODAL_TITLE_MAX_CHARS);
      expect(text?.text.endsWith('…')).toBe(true);
    }
    expect(SLACK_MODAL_BUTTON_MAX_CHARS).toBe(24);
    expect(modal.blocks.length).toBe(3);
    const [question, name, area] = modal.blocks as KnownBlock[];
    if (question?.type !== 'input' || name?.type !== 'input' || area?.type !== 'input') throw new Error('not inputs');
    expect(question).toMatchObject({ block_id: 'question', optional: false, element: { type: 'plain_text_input', action_id: 'question', multiline: true } });
    expect(question.label.text.length).toBeLessThanOrEqual(SLACK_INPUT_LABEL_MAX_CHARS);
    expect(question.element.type === 'plain_text_input' && question.element.placeholder?.text.length).toBe(SLACK_PLACEHOLDER_MAX_CHARS);
    expect(name).toMatchObject({ block_id: 'name', optional: true, element: { type: 'plain_text_input', action_id: 'name' } });
    expect(name.element.type === 'plain_text_input' && name.element.multiline).toBeFalsy();
    expect(JSON.stringify(modal)).not.toMatch(/<[!@#]/);
    if (area.element.type !== 'static_select') throw new Error('not a select');
    expect(area.element.action_id).toBe('area');
    expect(area.element.options?.map((o) => o.value)).toEqual(['energy', 'long']);
    for (const o of area.element.options ?? []) expect(o.text.text.length).toBeLessThanOrEqual(SLACK_OPTION_TEXT_MAX_CHARS);
  });

  it('refuses what Slack would refuse: long metadata, option values, too many options', () => {
    const opts = { closeLabel: 'Close' };
    expect(() => formToModal({ ...form, value: 'm'.repeat(3001) }, opts)).toThrow(ForumError);
    expect(formToModal({ ...form, value: 'm'.repeat(3000) }, opts).private_metadata).toHaveLength(3000);
    expect(formToModal({ ...form, value: undefined }, opts).private_metadata).toBe('');
    const select = (options: { label: string; value: string }[]): Form => ({ ...form, fields: [{ id: 's', label: 'S', kind: 'select', required: true, options }] });
    expect(() => formToModal(select([{ label: 'x', value: 'v'.repeat(151) }]), opts)).toThrow(ForumError);
    expect(() => formToModal(select(Array.from({ length: 101 }, (_, i) => ({ label: `${i}`, value: `${i}` }))), opts)).toThrow(ForumError);
    expect(() => formToModal(select(Array.from({ length: 100 }, (_, i) => ({ label: `${i}`, value: `${i}` }))), opts)).not.toThrow();
  });
});

describe('modalValues', () => {
  it('reads the state of a real view_submission', () => {
    // As Slack sends it in `view.state` of a view_submission payload.
    const view = {
      id: 'V0123ABC',
      team_id: 'T0123',
      type: 'modal',
      callback_id: 'help:show',
      private_metadata: 'q-123',
      state: {
        values: {
          question: { question: { type: 'plain_text_input', value: 'How big a <!channel> pump?' } },
          name: { name: { type: 'plain_text_input', value: null } },
          area: {
            area: {
              type: 'static_select',
              selected_option: { text: { type: 'plain_text', text: 'Energy', emoji: true }, value: 'energy' },
            },
          },
          lang: { lang: { type: 'static_select', selected_option: null } },
        },
      },
    };
    const expected = { question: 'How big a <!channel> pump?', name: '', area: 'energy', lang: '' };
    expect(modalValues(view.state)).toEqual(expected);
    expect(modalValues(view.state.values)).toEqual(expected);
    expect(modalValues(view)).toEqual(expected);
    // Field ids that look like the wrapping keys are still read as fields.
    const awkward = {
      state: { state: { type: 'plain_text_input', value: 'Ohio' } },
      values: { values: { type: 'static_select', selected_option: { value: 'v' } } },
    };
    expect(modalValues(awkward)).toEqual({ state: 'Ohio', values: 'v' });
    expect(modalValues({ values: awkward })).toEqual({ state: 'Ohio', values: 'v' });
  });

  it('survives garbage', () => {
    for (const garbage of [null, undefined, 42, 'text', [], [1, 2], { values: null }, { values: 7 }, { values: { a: null, b: 3, c: [] } }]) {
      expect(modalValues(garbage)).toEqual({});
    }
    const odd = modalValues({
      values: {
        a: { a: { type: 'plain_text_input', value: 5 } },
        b: { b: { type: 'static_select', selected_option: { value: 9 } } },
        c: { c: { type: 'datepicker', selected_date: '2025-01-01' } },
        d: { d: null, e: 'x' },
        p: JSON.parse('{"__proto__": {"type": "plain_text_input", "value": "own"}}') as unknown,
      },
    });
    expect(odd.a).toBe('');
    expect(odd.b).toBe('');
    expect('c' in odd).toBe(false);
    // An action id of `__proto__` is an own key, not the object's prototype.
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(odd, '__proto__')?.value).toBe('own');
  });
});
