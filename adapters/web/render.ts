/** Neutral Cards to HTML for the web chat. Every piece of text is escaped; nothing is trusted. */
import type { Block, Button, Card } from '../../src/core/card.ts';
import { RTL_LANGS, langFromLocale } from '../../src/i18n/index.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] as string);
}

/** Only web links may become anchors; anything else is shown as text. */
function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function buttonToHtml(button: Button): string {
  const style = button.style ? ` data-style="${button.style}"` : '';
  return `<button type="button" class="card-button" data-action-id="${escapeHtml(button.actionId)}" data-value="${escapeHtml(button.value)}"${style}>${escapeHtml(button.label)}</button>`;
}

function blockToHtml(block: Block): string {
  switch (block.type) {
    case 'header':
      return `<h3 class="card-header">${escapeHtml(block.text)}</h3>`;
    case 'text':
      return `<div class="card-text">${paragraphs(block.text)}</div>`;
    case 'fields':
      return `<dl class="card-fields">${block.fields
        .map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`)
        .join('')}</dl>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag} class="card-list">${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'code':
      return `<pre class="card-code" dir="ltr"><code>${escapeHtml(block.text)}</code></pre>`;
    case 'links':
      return `<ul class="card-links">${block.links
        .map((l) => {
          const href = safeUrl(l.url);
          return href
            ? `<li><a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(l.label)}</a></li>`
            : `<li>${escapeHtml(l.label)} (${escapeHtml(l.url)})</li>`;
        })
        .join('')}</ul>`;
    case 'actions':
      return `<div class="card-actions">${block.buttons.map(buttonToHtml).join('')}</div>`;
    case 'context':
      return `<p class="card-context">${escapeHtml(block.text)}</p>`;
    case 'divider':
      return '<hr class="card-divider">';
    default: {
      const unreachable: never = block;
      return unreachable;
    }
  }
}

/** The direction of a card's language (a BCP 47 tag: `ar` and `ar-EG` are both right to left). */
export function cardDir(card: Card): 'rtl' | 'ltr' {
  const lang = langFromLocale(card.lang);
  return lang && RTL_LANGS.has(lang) ? 'rtl' : 'ltr';
}

export function cardToHtml(card: Card): string {
  const lang = card.lang ? ` lang="${escapeHtml(card.lang)}"` : '';
  return `<div class="card"${lang} dir="${cardDir(card)}">${card.blocks.map(blockToHtml).join('')}</div>`;
}

/**
 * A person's reply in a discussion thread: who (a label, never an id) and their plain text, escaped.
 * The text's direction follows its own script (`dir="auto"`): replies come in any language.
 */
export function replyToHtml(author: string, text: string, mine: boolean): string {
  return `<div class="reply${mine ? ' mine' : ''}"><p class="reply-author">${escapeHtml(author)}</p><div class="reply-text" dir="auto">${paragraphs(text)}</div></div>`;
}
