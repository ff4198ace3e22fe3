/**
 * The person's own chat with the bot, as kept in the store (`src/store/web-chat.ts`): `GET
 * /web/api/chat` gives it back to the page after a reload, with the bot's cards as they are now (a
 * poll drawn again in the person's language, with its counts as they are). What the person types is kept before it is dispatched.
 */
import type express from 'express';
import { textCard } from '../../src/core/card.ts';
import type { Actor, InboundEvent } from '../../src/core/events.ts';
import type { App } from '../../src/main.ts';
import { addChatMessage, chatMessages, pruneChat } from '../../src/store/web-chat.ts';
import { BOT_AUTHOR } from '../../src/store/web-posts.ts';
import { cardsForReader } from '../../src/features/reader-cards.ts';
import { preferredLang } from '../../src/features/preferences/preferred-lang.ts';
import { webIdentityOf } from './auth.ts';
import { botPostIds } from './forum.ts';
import { replyPostId } from './inbound.ts';
import { WebReplyCollector, cardToWebMessage, type WebMessage } from './send.ts';

/** The messages of a person's chat the page shows on load, the latest. */
export const WEB_CHAT_SHOWN_MESSAGES = 100;

/** One message of the chat as the page draws it: the person's text, or the bot's card. */
export type WebChatEntry = (WebMessage & { kind: 'bot' }) | { id: string; kind: 'me'; text: string };

/**
 * Dispatches a person's event from the page, keeping their chat: what they typed (a message) first,
 * then every reply; the chat is cut to its latest messages afterwards.
 */
export async function dispatchKept(app: App, actor: Actor, event: InboundEvent): Promise<{ outcome: string; collector: WebReplyCollector }> {
  const { services, dispatcher } = app;
  const { db } = services.store;
  if (event.type === 'message') await addChatMessage(db, { id: replyPostId(actor.userId, event.id, 'web-chat'), userId: actor.userId, text: event.text }, services.now());
  const collector = new WebReplyCollector({ db, userId: actor.userId, now: services.now });
  const outcome = await dispatcher.handle(event, collector);
  await pruneChat(db, actor.userId);
  return { outcome, collector };
}

export function addChatRoutes(api: express.Router, app: App): void {
  api.get('/chat', async (_req, res) => {
    const { actor } = webIdentityOf(res);
    const posts = await chatMessages(app.services.store.db, actor.userId, WEB_CHAT_SHOWN_MESSAGES);
    // A poll shown in the chat is drawn in the person's language now, with its counts as they are.
    const redrawn = await cardsForReader(app.services, 'web', botPostIds(posts), await preferredLang(app.services, actor));
    const entries = posts.map((post): WebChatEntry =>
      post.author === BOT_AUTHOR ? { ...cardToWebMessage(redrawn.get(post.id) ?? post.card ?? textCard(''), post.id), kind: 'bot' } : { id: post.id, kind: 'me', text: post.text },
    );
    res.json({ messages: entries });
  });
}
