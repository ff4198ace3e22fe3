/**
 * The web adapter's sending side. The page waits for the answer to each request, so the replies
 * to one event are collected and returned in the HTTP response.
 */
import { randomUUID } from 'node:crypto';
import type { Adapter, MessageRef } from '../../src/core/adapter.ts';
import { cardToText, type Card } from '../../src/core/card.ts';
import type { InboundEvent } from '../../src/core/events.ts';
import { cardDir, cardToHtml } from './render.ts';

export interface WebMessage {
  id: string;
  html: string;
  text: string;
  lang: string | undefined;
  dir: 'ltr' | 'rtl';
}

export function cardToWebMessage(card: Card, id: string = randomUUID()): WebMessage {
  return { id, html: cardToHtml(card), text: cardToText(card), lang: card.lang, dir: cardDir(card) };
}

/** An adapter for one request: it keeps what the core replies. The chat is private, so no ephemeral replies. */
export class WebReplyCollector implements Adapter {
  readonly platform = 'web' as const;
  readonly messages: WebMessage[] = [];

  reply(event: InboundEvent, card: Card): Promise<MessageRef> {
    const message = cardToWebMessage(card);
    this.messages.push(message);
    return Promise.resolve({ platform: 'web', conversation: event.conversation, messageId: message.id });
  }
}
