/**
 * The web adapter's sending side. The page waits for the answer to each request, so the replies
 * to one event, and the files for its person, are collected and returned in the HTTP response; the
 * person's chat is also kept in the store, so that the page shows it again after a reload.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Adapter, MessageRef, OutgoingFile } from '../../src/core/adapter.ts';
import { cardToText, type Card } from '../../src/core/card.ts';
import { ForumError } from '../../src/core/errors.ts';
import type { InboundEvent } from '../../src/core/events.ts';
import type { Database } from '../../src/store/schema.ts';
import { addChatCard } from '../../src/store/web-chat.ts';
import { cardDir, cardToHtml } from './render.ts';

/** The most file bytes (UTF-8) one answer carries; beyond, the caller shows the content another way. */
export const WEB_FILES_MAX_BYTES = 2 * 1024 * 1024;

export interface WebMessage {
  id: string;
  html: string;
  text: string;
  lang: string | undefined;
  dir: 'ltr' | 'rtl';
}

/** A file for the page to offer as a download: its bytes (UTF-8 of the content) in base64. */
export interface WebFile {
  name: string;
  title: string;
  mime: string;
  size: number;
  contentBase64: string;
}

export function cardToWebMessage(card: Card, id: string = randomUUID()): WebMessage {
  return { id, html: cardToHtml(card), text: cardToText(card), lang: card.lang, dir: cardDir(card) };
}

/**
 * An adapter for one request: it keeps what the core replies. The chat is private to its person
 * (and so is the answer to their request): no ephemeral replies, and files come with the replies.
 */
export class WebReplyCollector implements Adapter {
  readonly platform = 'web' as const;
  readonly fileDelivery = 'reply' as const;
  readonly messages: WebMessage[] = [];
  readonly files: WebFile[] = [];
  private fileBytes = 0;

  /** With `chat`, each reply is also kept in the person's chat (files are not: they come once). */
  constructor(private readonly chat?: { db: Kysely<Database>; userId: string; now: () => Date }) {}

  async reply(event: InboundEvent, card: Card): Promise<MessageRef> {
    const message = cardToWebMessage(card);
    this.messages.push(message);
    // Kept under the message's id, so a poll shown here is redrawn in place after a vote.
    if (this.chat) await addChatCard(this.chat.db, { id: message.id, userId: this.chat.userId, card }, this.chat.now());
    return { platform: 'web', conversation: event.conversation, messageId: message.id };
  }

  sendFile(_event: InboundEvent, file: OutgoingFile): Promise<void> {
    const bytes = Buffer.from(file.content, 'utf8');
    if (this.fileBytes + bytes.length > WEB_FILES_MAX_BYTES) {
      return Promise.reject(new ForumError('platform_error', `web chat: a file of ${bytes.length} bytes is over the answer's limit`));
    }
    this.fileBytes += bytes.length;
    this.files.push({ name: file.name, title: file.title, mime: file.mime, size: bytes.length, contentBase64: bytes.toString('base64') });
    return Promise.resolve();
  }
}
