/**
 * The neutral Card: what features return and adapters render (Block Kit, Adaptive Cards, HTML).
 * All text is plain: renderers escape it for their platform. Every card has a plain-text fallback.
 */
import type { ActionId } from './actions.ts';

export interface Button {
  actionId: ActionId;
  label: string;
  /** Opaque value handed back with the click (ids, choices); never shown. */
  value: string;
  style?: 'primary' | 'danger';
}

export interface Field {
  label: string;
  value: string;
}

export interface Link {
  label: string;
  url: string;
}

export type Block =
  | { type: 'header'; text: string }
  /** Paragraphs of plain text; a blank line separates paragraphs. */
  | { type: 'text'; text: string }
  | { type: 'fields'; fields: Field[] }
  | { type: 'list'; items: string[]; ordered?: boolean }
  /** Preformatted text (command syntax, code); shown in a monospace font. */
  | { type: 'code'; text: string }
  | { type: 'links'; links: Link[] }
  | { type: 'actions'; buttons: Button[] }
  /** Small print under the main content. */
  | { type: 'context'; text: string }
  | { type: 'divider' };

export interface Card {
  blocks: Block[];
  /** Text for notifications and clients that cannot show cards; derived from the blocks when absent. */
  fallback?: string;
  /** The language of the card's words (BCP 47), for renderers that set it (HTML `lang`, right-to-left). */
  lang?: string;
}

/** A card of one paragraph. */
export function textCard(text: string, lang?: string): Card {
  return { blocks: [{ type: 'text', text }], ...(lang ? { lang } : {}) };
}

function blockToText(block: Block): string {
  switch (block.type) {
    case 'header':
      return block.text;
    case 'text':
    case 'context':
    case 'code':
      return block.text;
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
    case 'list':
      return block.items.map((item, i) => (block.ordered ? `${i + 1}. ${item}` : `• ${item}`)).join('\n');
    case 'links':
      return block.links.map((l) => `${l.label} <${l.url}>`).join('\n');
    case 'actions':
      return block.buttons.map((b) => `[${b.label}]`).join(' ');
    case 'divider':
      return '';
    default: {
      const unreachable: never = block;
      return unreachable;
    }
  }
}

/** The plain-text rendering of a card: its fallback when set, otherwise every block in order. */
export function cardToText(card: Card): string {
  if (card.fallback) return card.fallback;
  return card.blocks
    .map(blockToText)
    .filter((part) => part.length > 0)
    .join('\n\n');
}
