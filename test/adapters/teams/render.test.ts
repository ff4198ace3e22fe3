/**
 * Neutral Cards and Forms to Adaptive Cards for Teams: every card checked by the real Adaptive Cards
 * library, Teams' size limit, markdown escaping, and reading back what Teams sends.
 */
import { describe, expect, it } from 'vitest';
import {
  ADAPTIVE_CARD_VERSION,
  TEAMS_ACTION_SET_MAX_ACTIONS,
  TEAMS_CARD_MAX_BYTES,
  TEAMS_FALLBACK_MAX_CHARS,
  actionDataOf,
  cardToAdaptiveCards,
  escapeTeamsMarkdown,
  formToAdaptiveCard,
  fromInvokeValue,
  fromSubmitValue,
  jsonBytes,
  type AdaptiveCardJson,
  type TeamsMessage,
} from '../../../adapters/teams/render.ts';
import { ACTIONS } from '../../../src/core/actions.ts';
import type { Form } from '../../../src/core/adapter.ts';
import type { Block, Button, Card } from '../../../src/core/card.ts';
import { ForumError } from '../../../src/core/errors.ts';
import { pollForm, topicForm } from '../../../src/features/forms/forms.ts';
import { helpToCard } from '../../../src/features/help/help-card.ts';
import { LANGS } from '../../../src/i18n/index.ts';
import { adaptiveCardProblems } from '../../support/adaptive-cards.ts';

const problems = adaptiveCardProblems;

function expectValid(json: AdaptiveCardJson): void {
  expect(problems(json)).toEqual([]);
  expect(json.version).toBe(ADAPTIVE_CARD_VERSION);
  expect(json.msteams).toEqual({ width: 'Full' });
  expect(jsonBytes(json)).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
}

function render(card: Card): TeamsMessage[] {
  const messages = cardToAdaptiveCards(card);
  for (const message of messages) {
    expectValid(message.card);
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.text.length).toBeLessThanOrEqual(TEAMS_FALLBACK_MAX_CHARS);
  }
  return messages;
}

type Element = Record<string, unknown> & { type: string };

function elements(messages: TeamsMessage[]): Element[] {
  return messages.flatMap((m) => m.card.body as Element[]);
}

function actionsOf(messages: TeamsMessage[]): Element[] {
  return elements(messages).flatMap((e) => (e.type === 'ActionSet' ? (e.actions as Element[]) : []));
}

/** Every markdown string of a card: TextBlocks' text and Facts' titles and values. */
function markdownStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(markdownStrings);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own: string[] = [];
  if (record.type === 'TextBlock' && typeof record.text === 'string') own.push(record.text);
  if (record.type === 'FactSet' && Array.isArray(record.facts)) {
    for (const fact of record.facts as { title: string; value: string }[]) own.push(fact.title, fact.value);
  }
  return [...own, ...Object.values(record).flatMap(markdownStrings)];
}

/** What Teams shows for escaped markdown: backslash escapes resolved, non-breaking spaces as spaces. */
function shown(markdown: string): string {
  return markdown.replace(/\\([\\*_~`[\]()#<>+\-.])/g, '$1').replace(/\u00a0/g, ' ');
}

/** Markdown characters that are not escaped (`\x` pairs removed first). */
function unescaped(markdown: string): string[] {
  return [...markdown.replace(/\\[\s\S]/g, '').matchAll(/[*_~`[\]()#<>]/g)].map((m) => m[0]);
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

const INJECTION = '**bold** [x](http://evil) <at>Someone</at> # title _it_ ~s~ `c` {{DATE(2017-02-14T06:00:00Z, SHORT)}}';

/** One block of every type, each carrying hostile text wherever text goes. */
const EVERY_BLOCK: Block[] = [
  { type: 'header', text: `Header ${INJECTION}` },
  { type: 'text', text: `First ${INJECTION}\n- not a list\n1. not numbered\n> not a quote\n\nSecond paragraph` },
  { type: 'divider' },
  { type: 'fields', fields: [{ label: `Label ${INJECTION}`, value: `Value ${INJECTION}` }, { label: 'Status', value: 'open' }] },
  { type: 'list', items: [`item ${INJECTION}`, '- two'] },
  { type: 'list', items: ['one', 'two'], ordered: true },
  { type: 'code', text: 'ta-forum poll "Q?" a | b\n\n    indented *star*' },
  {
    type: 'links',
    links: [
      { label: `Docs ${INJECTION}`, url: 'https://example.org/a (b)?q=1&r=<2>' },
      { label: 'evil', url: 'javascript:alert(document.cookie)' },
    ],
  },
  { type: 'actions', buttons: [{ actionId: ACTIONS.langSet, label: `Pick ${INJECTION}`, value: 'fr', style: 'primary' }] },
  { type: 'context', text: `Small print ${INJECTION}` },
];

describe('cardToAdaptiveCards', () => {
  it('renders every block type as valid Adaptive Card elements', () => {
    const messages = render({ lang: 'en', blocks: EVERY_BLOCK });
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message?.card).toMatchObject({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', lang: 'en' });
    expect(message?.card.rtl).toBeUndefined();
    const body = elements(messages);
    expect(body[0]).toMatchObject({ type: 'TextBlock', size: 'Large', weight: 'Bolder', wrap: true });
    // One TextBlock per line; a divider puts a separator on what follows it.
    expect(body.filter((e) => e.type === 'TextBlock' && String(e.text).startsWith('First'))).toHaveLength(1);
    const facts = body.find((e) => e.type === 'FactSet');
    expect(facts).toMatchObject({ separator: true, facts: [{ title: expect.stringContaining('Label') as unknown }, { title: 'Status', value: 'open' }] });
    expect(body.filter((e) => e.separator === true)).toHaveLength(1);
    const texts = body.filter((e) => e.type === 'TextBlock').map((e) => String(e.text));
    expect(texts).toContain('1\\. one');
    expect(texts).toContain('• \\- two');
    const code = body.filter((e) => e.fontType === 'Monospace').map((e) => String(e.text));
    expect(code).toEqual(['ta-forum poll "Q?" a | b', '\u00a0', '\u00a0\u00a0\u00a0\u00a0indented \\*star\\*']);
    expect(body.at(-1)).toMatchObject({ type: 'TextBlock', size: 'Small', isSubtle: true, wrap: true });
  });

  it('keeps every word of the card, in order', () => {
    const card: Card = { blocks: EVERY_BLOCK.filter((b) => b.type !== 'links' && b.type !== 'actions' && b.type !== 'fields') };
    const rendered = markdownStrings(render(card).map((m) => m.card)).map(shown).join(' ');
    const expected = card.blocks
      .map((b) => ('text' in b ? b.text : 'items' in b ? b.items.map((item, i) => (b.ordered ? `${i + 1}. ${item}` : `• ${item}`)).join(' ') : ''))
      .join(' ');
    expect(words(rendered)).toEqual(words(expected));
  });

  it('escapes markdown so that no formatting, heading, mention or link forms from text', () => {
    const messages = render({ blocks: EVERY_BLOCK.filter((b) => b.type !== 'links') });
    const strings = markdownStrings(messages.map((m) => m.card));
    expect(strings.length).toBeGreaterThan(10);
    for (const s of strings) expect(unescaped(s), s).toEqual([]);
    expect(strings.join('\n')).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/);
    expect(strings).toContain(`First ${escapeTeamsMarkdown(INJECTION)}`);
    expect(strings).toContain('\\- not a list');
    expect(strings).toContain('1\\. not numbered');
    expect(strings).toContain('\\> not a quote');
    // Button titles are plain text in Teams: kept as they are.
    expect(actionsOf(messages)[0]?.title).toBe(`Pick ${INJECTION}`);
  });

  it('escapes markdown characters everywhere and list markers at line starts', () => {
    expect(escapeTeamsMarkdown('**bold** [x](http://evil) <at>Someone</at> # title')).toBe(
      '\\*\\*bold\\*\\* \\[x\\]\\(http://evil\\) \\<at\\>Someone\\</at\\> \\# title',
    );
    expect(escapeTeamsMarkdown('- a\n  + b\n12. c\nx - y 3. z\n\\')).toBe('\\- a\n  \\+ b\n12\\. c\nx - y 3. z\n\\\\');
    expect(shown(escapeTeamsMarkdown(INJECTION))).toBe(INJECTION);
  });

  it('makes links only of http(s) URLs from links blocks, encoded so that they cannot end early', () => {
    const messages = render({
      blocks: [
        {
          type: 'links',
          links: [
            { label: 'Guide [v2] *new*', url: 'https://example.org/a b/(c)\\d?e=f)g' },
            { label: 'evil', url: 'javascript:alert(1)' },
            { label: 'data', url: 'data:text/html,<script>alert(1)</script>' },
            { label: '', url: 'http://example.org/' },
          ],
        },
      ],
    });
    const texts = markdownStrings(messages.map((m) => m.card));
    expect(texts[0]).toBe('[Guide \\[v2\\] \\*new\\*](https://example.org/a%20b/%28c%29/d?e=f%29g)');
    expect(texts[1]).toBe('evil \\(javascript:alert\\(1\\)\\)');
    expect(texts[2]).toBe('data \\(data:text/html,\\<script\\>alert\\(1\\)\\</script\\>\\)');
    expect(texts[3]).toBe('[http://example.org/](http://example.org/)');
    for (const text of texts.slice(1, 3)) expect(unescaped(text)).toEqual([]);
  });

  it('maps buttons to Action.Execute with the action id as verb and in data', () => {
    const buttons: Button[] = [
      { actionId: ACTIONS.langSet, label: 'Français', value: 'fr', style: 'primary' },
      { actionId: ACTIONS.helpShow, label: 'Help', value: '' },
      { actionId: ACTIONS.langSet, label: 'Delete', value: 'x', style: 'danger' },
    ];
    const actions = actionsOf(render({ blocks: [{ type: 'text', text: 'Pick' }, { type: 'actions', buttons }] }));
    expect(actions).toEqual([
      { type: 'Action.Execute', title: 'Français', verb: 'lang:set', data: { actionId: 'lang:set', value: 'fr' }, style: 'positive' },
      { type: 'Action.Execute', title: 'Help', verb: 'help:show', data: { actionId: 'help:show', value: '' } },
      { type: 'Action.Execute', title: 'Delete', verb: 'lang:set', data: { actionId: 'lang:set', value: 'x' }, style: 'destructive' },
    ]);
  });

  it('keeps two feedback buttons with the same action id apart by their data', () => {
    const messages = render({
      blocks: [
        { type: 'text', text: 'Was this helpful?' },
        {
          type: 'actions',
          buttons: [
            { actionId: ACTIONS.qaFeedback, label: 'Yes', value: '12:1' },
            { actionId: ACTIONS.qaFeedback, label: 'No', value: '12:0' },
          ],
        },
      ],
    });
    const [yes, no] = actionsOf(messages);
    expect(yes?.verb).toBe(no?.verb);
    expect(yes?.data).toEqual({ actionId: 'qa:feedback', value: '12:1' });
    expect(no?.data).toEqual({ actionId: 'qa:feedback', value: '12:0' });
  });

  it(`splits more than ${TEAMS_ACTION_SET_MAX_ACTIONS} buttons into several action sets`, () => {
    const buttons = Array.from({ length: 14 }, (_, i): Button => ({ actionId: ACTIONS.langSet, label: `L${i}`, value: String(i) }));
    const sets = elements(render({ blocks: [{ type: 'actions', buttons }] })).filter((e) => e.type === 'ActionSet');
    expect(sets.map((s) => (s.actions as unknown[]).length)).toEqual([6, 6, 2]);
    expect(actionsOf(render({ blocks: [{ type: 'actions', buttons }] })).map((a) => a.title)).toEqual(buttons.map((b) => b.label));
  });

  it('splits a 60 KB answer into messages of at most 24 KB, losing no text, buttons last', () => {
    const sentence = (i: number): string => `Sentence ${i} explains how the *fund* [disburses] grants to partners (see annex ${i % 7}).`;
    const paragraphs = Array.from({ length: 100 }, (_, p) => Array.from({ length: 8 }, (_, s) => sentence(p * 8 + s)).join(' '));
    const text = paragraphs.join('\n\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(60 * 1024);
    const buttons: Button[] = [
      { actionId: ACTIONS.qaFeedback, label: 'Yes', value: '7:1' },
      { actionId: ACTIONS.qaFeedback, label: 'No', value: '7:0' },
    ];
    const messages = render({ blocks: [{ type: 'header', text: 'Answer' }, { type: 'text', text }, { type: 'actions', buttons }] });
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const m of messages) expect(jsonBytes(m.card)).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
    const shownText = messages.flatMap((m) => markdownStrings(m.card)).map(shown);
    expect(words(shownText.join(' '))).toEqual(words(`Answer ${text}`));
    // The buttons follow the end of the answer, in the last message only.
    expect(messages.slice(0, -1).every((m) => !m.card.body.some((e) => (e as Element).type === 'ActionSet'))).toBe(true);
    expect(messages.at(-1)?.card.body.at(-1)).toMatchObject({ type: 'ActionSet' });
    // The first message's fallback is the card's text, capped; the others their own text.
    expect(messages[0]?.text.endsWith('…')).toBe(true);
    expect(messages[1]?.text.startsWith('Sentence')).toBe(true);
  });

  it('splits one enormous line of multi-byte text at sentences and words, within the byte limit', () => {
    const chinese = '资金用于支持合作伙伴的技术援助项目。'.repeat(2500);
    const arabic = Array.from({ length: 3000 }, (_, i) => `كلمة${i}`).join(' ');
    for (const text of [chinese, arabic]) {
      const messages = render({ lang: 'zh', blocks: [{ type: 'text', text }] });
      expect(messages.length).toBeGreaterThan(1);
      const joined = messages.flatMap((m) => markdownStrings(m.card)).map(shown);
      expect(joined.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    }
  });

  it('renders long fields, lists, code and context within the limit, all text kept', () => {
    const long = Array.from({ length: 2500 }, (_, i) => `w${i}`).join(' ');
    const blocks: Block[] = [
      { type: 'fields', fields: [{ label: 'Long', value: long }, ...Array.from({ length: 200 }, (_, i) => ({ label: `F${i}`, value: `value ${i}` }))] },
      { type: 'list', items: Array.from({ length: 400 }, (_, i) => `list item ${i} with some words`) },
      { type: 'code', text: Array.from({ length: 900 }, (_, i) => `  line ${i}`).join('\n') },
      { type: 'context', text: long },
    ];
    const messages = render({ blocks });
    expect(messages.length).toBeGreaterThan(1);
    const all = messages.flatMap((m) => markdownStrings(m.card)).map(shown).join(' ');
    for (const w of ['w0', 'w2499', 'F199', 'value 199', 'list item 399', 'line 899']) expect(all).toContain(w);
    expect(words(all).filter((w) => /^w\d+$/.test(w))).toHaveLength(5000);
  });

  it('sets the language, and right to left for Arabic', () => {
    const [ar] = render({ lang: 'ar', blocks: [{ type: 'text', text: 'مرحبا بكم في المنتدى' }] });
    expect(ar?.card).toMatchObject({ lang: 'ar', rtl: true });
    expect(render({ lang: 'ar-EG', blocks: [{ type: 'text', text: 'مرحبا' }] })[0]?.card).toMatchObject({ lang: 'ar', rtl: true });
    const [fr] = render({ lang: 'fr', blocks: [{ type: 'text', text: 'Bonjour' }] });
    expect(fr?.card.lang).toBe('fr');
    expect(fr?.card.rtl).toBeUndefined();
    expect(render({ blocks: [{ type: 'text', text: 'Hi' }] })[0]?.card.lang).toBeUndefined();
  });

  it('renders the help card of every language and role as valid cards', () => {
    for (const lang of LANGS) {
      for (const role of ['member', 'moderator'] as const) {
        const messages = render(helpToCard(lang, role));
        expect(messages[0]?.card.rtl).toBe(lang === 'ar' ? true : undefined);
        // The command column stays left to right inside Arabic: isolated (LRI … PDI).
        const facts = messages.flatMap((m) => m.card.body as { type: string; facts?: { title: string }[] }[]).flatMap((e) => (e.type === 'FactSet' ? (e.facts ?? []) : []));
        const ask = facts.find((f) => f.title.includes('ask \\<question\\>'));
        expect(ask?.title).toBe(lang === 'ar' ? '\u2066ask \\<question\\>\u2069' : 'ask \\<question\\>');
      }
    }
  });

  it('gives an empty card one message with a fallback, and caps long fallbacks with "…"', () => {
    expect(render({ blocks: [] })).toEqual([{ text: '…', card: expect.objectContaining({ body: [] }) as unknown }]);
    expect(render({ blocks: [{ type: 'divider' }, { type: 'text', text: '  ' }] })[0]?.card.body).toEqual([]);
    const [message] = render({ blocks: [{ type: 'text', text: 'x'.repeat(5000) }] });
    expect(message?.text).toHaveLength(TEAMS_FALLBACK_MAX_CHARS);
    expect(message?.text.endsWith('…')).toBe(true);
    expect(render({ fallback: 'Custom', blocks: [{ type: 'text', text: 'Body' }] })[0]?.text).toBe('Custom');
  });
});

describe('formToAdaptiveCard', () => {
  const form: Form = {
    actionId: ACTIONS.pollCreateSubmit,
    title: 'New *poll*',
    submitLabel: 'Create',
    value: 'C123',
    fields: [
      { id: 'question', label: 'Question', kind: 'text', required: true, placeholder: 'What…?' },
      { id: 'options', label: 'Options', kind: 'textarea', required: true },
      { id: 'kind', label: 'Kind', kind: 'select', required: false, options: [{ label: 'Single', value: 'single' }, { label: 'Multi', value: 'multi' }] },
    ],
  };

  it('renders inputs and one Action.Execute submit that validate', () => {
    const card = formToAdaptiveCard(form);
    expectValid(card);
    expect(card.body).toEqual([
      expect.objectContaining({ type: 'TextBlock', text: 'New \\*poll\\*', size: 'Large', weight: 'Bolder' }),
      { type: 'Input.Text', id: 'question', label: 'Question', isRequired: true, errorMessage: 'Question', placeholder: 'What…?' },
      { type: 'Input.Text', id: 'options', label: 'Options', isRequired: true, errorMessage: 'Options', isMultiline: true },
      {
        type: 'Input.ChoiceSet',
        id: 'kind',
        label: 'Kind',
        isRequired: false,
        style: 'compact',
        choices: [{ title: 'Single', value: 'single' }, { title: 'Multi', value: 'multi' }],
      },
    ]);
    expect(card.actions).toEqual([
      { type: 'Action.Execute', title: 'Create', verb: 'poll:create', data: { actionId: 'poll:create', value: 'C123' }, associatedInputs: 'auto', style: 'positive' },
    ]);
  });

  it('takes a required message, a language, and Action.Submit for dialogs', () => {
    const card = formToAdaptiveCard({ ...form, value: undefined }, { lang: 'ar', requiredMessage: 'مطلوب', submitAction: 'Action.Submit' });
    expectValid(card);
    expect(card).toMatchObject({ lang: 'ar', rtl: true });
    expect(card.body[1]).toMatchObject({ errorMessage: 'مطلوب' });
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: 'Create', data: { actionId: 'poll:create', value: '' }, associatedInputs: 'auto', style: 'positive' },
    ]);
  });

  it("renders the product's forms in every language", () => {
    for (const lang of LANGS) {
      for (const f of [topicForm(lang), pollForm(lang)]) {
        const card = formToAdaptiveCard(f, { lang });
        expectValid(card);
        const ids = card.body.flatMap((e) => ((e as Element).type.startsWith('Input.') ? [(e as Element).id] : []));
        expect(ids).toEqual(f.fields.map((field) => field.id));
      }
    }
  });

  it('refuses field ids that would collide with the action data, and selects without options', () => {
    for (const id of ['actionId', 'value', '', 'question']) {
      const fields = [...form.fields, { id, label: 'X', kind: 'text' as const, required: false }];
      expect(() => formToAdaptiveCard({ ...form, fields })).toThrow(ForumError);
    }
    expect(() => formToAdaptiveCard({ ...form, fields: [{ id: 'k', label: 'K', kind: 'select', required: true, options: [] }] })).toThrow(ForumError);
  });
});

describe('reading what Teams sends back', () => {
  // An `invoke` activity named `adaptiveCard/action`: its `value`, as Teams sends it.
  const invoke = {
    action: { type: 'Action.Execute', verb: 'qa:feedback', data: { actionId: 'qa:feedback', value: '12:1' }, id: 'ac-1d3c7b2e' },
    trigger: 'manual',
  };

  it('reads an Action.Execute press', () => {
    expect(fromInvokeValue(invoke)).toEqual({ actionId: 'qa:feedback', value: '12:1', formValues: {} });
    expect(actionDataOf(invoke)).toEqual({ actionId: 'qa:feedback', value: '12:1', formValues: {} });
  });

  it('reads an Action.Execute form submission, the inputs merged into data', () => {
    const value = {
      action: {
        type: 'Action.Execute',
        verb: 'topic:propose',
        data: { actionId: 'topic:propose', value: '', title: 'Grant reporting', description: 'How do we…', count: 3, nested: { a: 'b' } },
      },
      trigger: 'manual',
    };
    expect(fromInvokeValue(value)).toEqual({
      actionId: 'topic:propose',
      value: '',
      formValues: { title: 'Grant reporting', description: 'How do we…' },
    });
    // The verb names the action, whatever an input put in data.
    expect(fromInvokeValue({ action: { type: 'Action.Execute', verb: 'poll:create', data: { actionId: 'x', question: 'Q' } } })).toEqual({
      actionId: 'poll:create',
      value: '',
      formValues: { question: 'Q' },
    });
    expect(fromInvokeValue({ action: { type: 'Action.Execute', data: { actionId: 'help:show' } } })?.actionId).toBe('help:show');
  });

  it('reads an Action.Submit from a message and from a dialog', () => {
    // A `message` activity's `value`: the action's data with the inputs merged in.
    const message = { actionId: 'poll:create', value: 'C1', question: 'Which day?', options: 'Mon\nTue', kind: 'single' };
    expect(fromSubmitValue(message)).toEqual({
      actionId: 'poll:create',
      value: 'C1',
      formValues: { question: 'Which day?', options: 'Mon\nTue', kind: 'single' },
    });
    expect(actionDataOf(message)?.formValues.kind).toBe('single');
    // A `task/submit` invoke's `value`.
    const dialog = { data: { actionId: 'topic:propose', value: '', title: 'T', msteams: { type: 'task/submit' } }, context: { theme: 'dark' } };
    expect(fromSubmitValue(dialog)).toEqual({ actionId: 'topic:propose', value: '', formValues: { title: 'T' } });
    expect(fromSubmitValue({ actionId: 'lang:set', value: 5 })).toEqual({ actionId: 'lang:set', value: '', formValues: {} });
  });

  it('returns undefined for anything else, and never throws', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    const garbage: unknown[] = [
      undefined,
      null,
      42,
      'qa:feedback',
      [],
      [invoke],
      {},
      { action: null },
      { action: 'Action.Execute' },
      { action: { type: 'Action.Submit', verb: 'qa:feedback', data: {} } },
      { action: { type: 'Action.Execute', verb: '', data: { actionId: 7 } } },
      { action: { type: 'Action.Execute', verb: 42 } },
      { actionId: '' },
      { actionId: 7, value: 'x' },
      { data: 'qa:feedback' },
      { data: { value: 'x' } },
      hostile,
      { action: hostile },
    ];
    for (const value of garbage) {
      expect(() => actionDataOf(value)).not.toThrow();
      expect(actionDataOf(value)).toBeUndefined();
      expect(fromInvokeValue(value)).toBeUndefined();
      expect(fromSubmitValue(value)).toBeUndefined();
    }
    const polluted = fromSubmitValue(JSON.parse('{"actionId":"poll:create","__proto__":"x","constructor":"y"}'));
    expect(polluted?.formValues.constructor).toBe('y');
    expect(Object.getPrototypeOf(polluted?.formValues)).toBe(Object.prototype);
  });
});
