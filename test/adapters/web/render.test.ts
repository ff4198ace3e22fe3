import { describe, expect, it } from 'vitest';
import { cardDir, cardToHtml, escapeHtml, replyToHtml } from '../../../adapters/web/render.ts';
import { cardToWebMessage } from '../../../adapters/web/send.ts';
import { ACTIONS } from '../../../src/core/actions.ts';
import { cardToText, type Block, type Card } from '../../../src/core/card.ts';
import { helpToCard } from '../../../src/features/help/help-card.ts';
import { messages } from '../../../src/i18n/index.ts';

const XSS = '<script>alert("x")</script>';
const XSS_ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';
const ATTR = `" onmouseover='alert(1)' x="`;

/** One block of every type, each carrying hostile text wherever text goes. */
const EVERY_BLOCK: Block[] = [
  { type: 'header', text: `H ${XSS}` },
  { type: 'text', text: `first ${XSS}\nsame paragraph\n\nsecond paragraph` },
  { type: 'fields', fields: [{ label: `L ${XSS}`, value: `V ${XSS}` }] },
  { type: 'list', items: [`item ${XSS}`, 'two'] },
  { type: 'list', items: ['one'], ordered: true },
  { type: 'code', text: `lang <code> ${XSS}` },
  {
    type: 'links',
    links: [
      { label: `Docs ${XSS}`, url: 'https://example.org/a?b=1&c=<2>' },
      { label: 'evil', url: 'javascript:alert(document.cookie)' },
    ],
  },
  {
    type: 'actions',
    buttons: [{ actionId: ACTIONS.langSet, label: `Pick ${XSS}`, value: ATTR, style: 'primary' }],
  },
  { type: 'context', text: `small ${XSS}` },
  { type: 'divider' },
];

describe('escapeHtml', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeHtml('plain text, é, العربية')).toBe('plain text, é, العربية');
  });
});

describe('cardToHtml', () => {
  const html = cardToHtml({ blocks: EVERY_BLOCK });

  it('never lets markup from a card through', () => {
    expect(html).not.toContain('<script');
    // The quote that would end the attribute is escaped, so onmouseover stays inside the value.
    expect(html).not.toMatch(/["'] onmouseover/);
    expect(html).toContain(`H ${XSS_ESCAPED}`);
    expect(html).toContain(`<dt>L ${XSS_ESCAPED}</dt><dd>V ${XSS_ESCAPED}</dd>`);
    expect(html).toContain(`<li>item ${XSS_ESCAPED}</li>`);
    expect(html).toContain(`lang &lt;code&gt; ${XSS_ESCAPED}`);
    expect(html).toContain(`Docs ${XSS_ESCAPED}</a>`);
    expect(html).toContain(`Pick ${XSS_ESCAPED}</button>`);
    expect(html).toContain(`small ${XSS_ESCAPED}`);
  });

  it('escapes button values and link addresses inside attributes', () => {
    expect(html).toContain(`data-value="&quot; onmouseover=&#39;alert(1)&#39; x=&quot;"`);
    expect(html).toContain('href="https://example.org/a?b=1&amp;c=%3C2%3E"');
  });

  it('turns only http and https links into anchors', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'not a url']) {
      const out = cardToHtml({ blocks: [{ type: 'links', links: [{ label: 'L', url }] }] });
      expect(out, url).not.toContain('<a ');
      expect(out, url).toContain(`<li>L (${escapeHtml(url)})</li>`);
    }
    const http = cardToHtml({ blocks: [{ type: 'links', links: [{ label: 'L', url: 'http://example.org/' }] }] });
    expect(http).toContain('<a href="http://example.org/" target="_blank" rel="noopener noreferrer">L</a>');
  });

  it('renders every block type', () => {
    expect(html).toMatch(/^<div class="card" dir="ltr">/);
    expect(html).toContain('<h3 class="card-header">');
    expect(html).toContain(`<div class="card-text"><p>first ${XSS_ESCAPED}<br>same paragraph</p><p>second paragraph</p></div>`);
    expect(html).toContain('<dl class="card-fields">');
    expect(html).toContain('<ul class="card-list">');
    expect(html).toContain('<ol class="card-list"><li>one</li></ol>');
    expect(html).toContain('<pre class="card-code" dir="ltr"><code>');
    expect(html).toContain('<ul class="card-links">');
    expect(html).toContain('<div class="card-actions"><button type="button" class="card-button" data-action-id="lang:set"');
    expect(html).toContain('data-style="primary"');
    expect(html).toContain('<p class="card-context">');
    expect(html).toContain('<hr class="card-divider">');
  });

  it('opens only the elements of the blocks, each closed again', () => {
    const tags = [...html.matchAll(/<([a-z0-9]+)[\s>]/g)].map((m) => m[1]);
    expect(new Set(tags)).toEqual(new Set(['div', 'h3', 'p', 'br', 'dl', 'dt', 'dd', 'ul', 'li', 'ol', 'pre', 'code', 'a', 'button', 'hr']));
    for (const tag of ['div', 'h3', 'p', 'dl', 'ul', 'ol', 'li', 'pre', 'code', 'a', 'button']) {
      const open = html.split(new RegExp(`<${tag}[\\s>]`)).length - 1;
      expect(html.split(`</${tag}>`).length - 1, tag).toBe(open);
    }
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  it('marks the language and direction of the card', () => {
    expect(cardToHtml({ lang: 'ar', blocks: [{ type: 'text', text: 'مرحبا' }] })).toBe(
      '<div class="card" lang="ar" dir="rtl"><div class="card-text"><p>مرحبا</p></div></div>',
    );
    expect(cardToHtml({ lang: 'ar-EG', blocks: [] })).toContain('dir="rtl"');
    expect(cardToHtml({ lang: 'fr', blocks: [] })).toBe('<div class="card" lang="fr" dir="ltr"></div>');
    expect(cardToHtml({ lang: `x"${XSS}`, blocks: [] })).toContain(`lang="x&quot;${XSS_ESCAPED}" dir="ltr"`);
    expect(cardDir({ blocks: [] })).toBe('ltr');
    expect(cardDir({ lang: 'zh', blocks: [] })).toBe('ltr');
  });

  it('renders the Arabic help card right to left, with its words escaped but intact', () => {
    const m = messages('ar');
    const html = cardToHtml(helpToCard('ar', 'member'));
    expect(html).toMatch(/^<div class="card" lang="ar" dir="rtl">/);
    expect(html).toContain(`<h3 class="card-header">${escapeHtml(m.help.title)}</h3>`);
    expect(html).toContain(`>${escapeHtml(m.lang.choose)}</button>`);
  });
});

describe('plain-text fallback', () => {
  const card: Card = { lang: 'es', blocks: EVERY_BLOCK };

  it('derives the text from the blocks when the card has no fallback', () => {
    const text = cardToText(card);
    expect(text).toContain(`H ${XSS}`);
    expect(text).toContain(`L ${XSS}: V ${XSS}`);
    expect(text).toContain(`• item ${XSS}`);
    expect(text).toContain('1. one');
    expect(text).toContain('evil <javascript:alert(document.cookie)>');
    expect(text).toContain(`[Pick ${XSS}]`);
  });

  it('uses the fallback when the card has one', () => {
    expect(cardToText({ ...card, fallback: 'Short version' })).toBe('Short version');
  });

  it('is sent with the HTML in each web message', () => {
    const message = cardToWebMessage({ ...card, lang: 'ar', fallback: 'نص' }, 'id-1');
    expect(message).toEqual({ id: 'id-1', html: cardToHtml({ ...card, lang: 'ar' }), text: 'نص', lang: 'ar', dir: 'rtl' });
    expect(cardToWebMessage(card).id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('replyToHtml', () => {
  it('escapes the author and the text, keeps paragraphs, and lets the text set its own direction', () => {
    const html = replyToHtml(`You ${XSS}`, `first ${XSS}\nsame\n\nأهلًا ${ATTR}`, true);
    expect(html).toBe(
      `<div class="reply mine"><p class="reply-author">You ${XSS_ESCAPED}</p><div class="reply-text" dir="auto"><p>first ${XSS_ESCAPED}<br>same</p><p>أهلًا ${escapeHtml(ATTR)}</p></div></div>`,
    );
    expect(html).not.toContain('<script>');
    expect(replyToHtml('Participant 1', 'hi', false)).toMatch(/^<div class="reply">/);
  });
});
