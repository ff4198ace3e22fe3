/**
 * The web page as a discussion channel: the weekly topic the bot posted in a web channel of
 * DISCUSSION_CHANNELS, with its thread, and people's replies in it; the bot's other posts there
 * (polls, notices) are listed apart, so they never take the topic's place. A reply is stored as a web post
 * and dispatched as a `thread_reply` event, so the discussions feature records it exactly as it
 * records a reply in a Slack or Teams thread.
 */
import type express from 'express';
import type { Request, Response } from 'express';
import type { Config } from '../../src/config.ts';
import { BOT_AUTHOR, addReply, deleteReply, findThreadRoot, latestThreads, webAuthor, webThread, type ChannelThread, type WebPost } from '../../src/store/web-posts.ts';
import { topicOfThread } from '../../src/store/topic-replies.ts';
import { textCard, type Card } from '../../src/core/card.ts';
import { cardsForReader } from '../../src/features/reader-cards.ts';
import { preferredLang } from '../../src/features/preferences/preferred-lang.ts';
import { messages, type Lang } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/log.ts';
import type { App } from '../../src/main.ts';
import type { Actor } from '../../src/core/events.ts';
import { webIdentityOf } from './auth.ts';
import { WEB_REPLY_MAX_CHARS, channelParam, replyBody, replyPostId, replyToEvent, textTooLong, tooLongAnswer } from './inbound.ts';
import { replyToHtml } from './render.ts';
import { WebReplyCollector, cardToWebMessage } from './send.ts';

/** Weekly topics a channel's page shows: this week's and a few before it. */
export const WEB_FORUM_MAX_THREADS = 3;
/** Other top-level posts (polls, notices) the page shows beside the topic, the latest first. */
export const WEB_FORUM_MAX_POSTS = 5;
/** Posts shown in one thread, the latest kept when there are more. */
export const WEB_THREAD_MAX_POSTS = 200;

/** The web channels of DISCUSSION_CHANNELS, in their order. */
export function forumChannels(config: Pick<Config, 'discussionChannels'>): string[] {
  return config.discussionChannels.filter((c) => c.platform === 'web').map((c) => c.id);
}

/** The channel the page shows: the first web entry of DISCUSSION_CHANNELS, or none. */
export function pageForumChannel(config: Pick<Config, 'discussionChannels'>): string | null {
  return forumChannels(config)[0] ?? null;
}

/** One post of a thread as the page shows it: HTML rendered (and escaped) here. */
export interface WebThreadEntry {
  id: string;
  kind: 'bot' | 'reply';
  /** The requester's own reply. */
  mine: boolean;
  /** Who wrote a reply: "You" or an anonymous "Participant n"; '' for the bot's posts. */
  author: string;
  html: string;
  text: string;
  lang: string | undefined;
  dir: 'ltr' | 'rtl' | 'auto';
  postedAt: string;
}

export interface WebForumThread {
  id: string;
  /** A weekly topic (the page's topic of the week, or an earlier one), or another post: a poll, a notice. */
  kind: 'topic' | 'post';
  post: WebThreadEntry;
  /** The thread in order: people's replies and the bot's cards (the closing summary). */
  replies: WebThreadEntry[];
}

/** The bot's cards drawn for one reader (`cardsForReader`), by post id: they take the stored card's place. */
export type ReaderCards = ReadonlyMap<string, Card>;

function botEntry(post: WebPost, redrawn: ReaderCards): WebThreadEntry {
  const message = cardToWebMessage(redrawn.get(post.id) ?? post.card ?? textCard(''), post.id);
  return { ...message, kind: 'bot', mine: false, author: '', postedAt: post.postedAt.toISOString() };
}

/**
 * A thread for one reader, in the reader's language. Other people are numbered by their first reply
 * in the thread (the same number for every reader); their ids never leave the server.
 */
export function threadToWeb(thread: ChannelThread, viewerId: string, lang: Lang, redrawn: ReaderCards = new Map()): WebForumThread {
  const words = messages(lang).web;
  const viewer = webAuthor(viewerId);
  const numbers = new Map<string, number>();
  const replies = thread.posts.map((post): WebThreadEntry => {
    if (post.author === BOT_AUTHOR) return botEntry(post, redrawn);
    if (!numbers.has(post.author)) numbers.set(post.author, numbers.size + 1);
    const mine = post.author === viewer;
    const author = mine ? words.you : `${words.participant} ${numbers.get(post.author) ?? 0}`;
    return { id: post.id, kind: 'reply', mine, author, html: replyToHtml(author, post.text, mine), text: post.text, lang: undefined, dir: 'auto', postedAt: post.postedAt.toISOString() };
  });
  return { id: thread.root.id, kind: thread.topic ? 'topic' : 'post', post: botEntry(thread.root, redrawn), replies };
}

/** The ids of the bot's posts among `posts`. */
export function botPostIds(posts: readonly WebPost[]): string[] {
  return posts.filter((p) => p.author === BOT_AUTHOR).map((p) => p.id);
}

/** `GET /forum/:channel` and `POST /forum/:channel/replies` on the web API router. */
export function addForumRoutes(api: express.Router, app: App, log: Logger): void {
  const { services, dispatcher } = app;
  const { db } = services.store;

  function refuse(res: Response, status: 400 | 403 | 404, lang: Lang): void {
    const error = status === 400 ? 'bad_request' : status === 403 ? 'forbidden' : 'not_found';
    res.status(status).json({ error, message: status === 403 ? messages(lang).web.replyRefused : messages(lang).web.failed });
  }

  /** The person (resolved before the API routes), their language, and the channel when it is one of the page's. */
  async function open(req: Request, res: Response): Promise<{ actor: Actor; userId: string; lang: Lang; channel: string | undefined }> {
    const { actor } = webIdentityOf(res);
    const lang = await preferredLang(services, actor);
    const parsed = channelParam.safeParse(req.params.channel);
    const channel = parsed.success && forumChannels(services.config).includes(parsed.data) ? parsed.data : undefined;
    return { actor, userId: actor.userId, lang, channel };
  }

  api.get('/forum/:channel', async (req, res) => {
    const { userId, lang, channel } = await open(req, res);
    if (!channel) return refuse(res, 404, lang);
    // Topics and other posts are read apart, so that polls and notices never push this week's topic off the page.
    const topics = await latestThreads(db, channel, { maxThreads: WEB_FORUM_MAX_THREADS, maxPosts: WEB_THREAD_MAX_POSTS, topics: true });
    const posts = await latestThreads(db, channel, { maxThreads: WEB_FORUM_MAX_POSTS, maxPosts: WEB_THREAD_MAX_POSTS, topics: false });
    const threads = [...topics, ...posts];
    // Polls and topics in the reader's language, with the counts as they are now.
    const redrawn = await cardsForReader(services, 'web', botPostIds(threads.flatMap((t) => [t.root, ...t.posts])), lang);
    res.json({ channel, threads: threads.map((t) => threadToWeb(t, userId, lang, redrawn)) });
  });

  api.post('/forum/:channel/replies', async (req, res) => {
    const { actor, userId, lang, channel } = await open(req, res);
    if (!channel) return refuse(res, 404, lang);
    const parsed = replyBody.safeParse(req.body);
    if (!parsed.success) {
      log.info({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'bad web reply');
      if (textTooLong(parsed.error.issues)) return void res.status(400).json(tooLongAnswer(WEB_REPLY_MAX_CHARS, lang));
      return refuse(res, 400, lang);
    }
    const body = parsed.data;
    const root = await findThreadRoot(db, channel, body.threadId);
    if (!root) {
      log.info('web reply to an unknown thread');
      return refuse(res, 400, lang);
    }
    const postId = replyPostId(userId, body.eventId);
    const now = services.now();
    const created = await addReply(db, { id: postId, channelId: channel, threadId: root.id, userId, text: body.text }, now);
    // Never answered: a thread reply only gets recorded by the discussions feature.
    const outcome = await dispatcher.handle(replyToEvent(body, actor, channel, postId, now), new WebReplyCollector());
    // Refused by the forum's access rules, or an event id already used for something else: not kept.
    if (outcome === 'refused' || (outcome === 'duplicate' && created)) {
      await deleteReply(db, postId, userId);
      return refuse(res, outcome === 'refused' ? 403 : 400, lang);
    }
    const thread = await webThread(db, channel, root.id, WEB_THREAD_MAX_POSTS);
    if (!thread) return refuse(res, 400, lang);
    const topic = (await topicOfThread(db, 'web', channel, root.id)) !== undefined;
    const redrawn = await cardsForReader(services, 'web', botPostIds([thread.root, ...thread.posts]), lang);
    res.json({ outcome, thread: threadToWeb({ ...thread, topic }, userId, lang, redrawn) });
  });
}
