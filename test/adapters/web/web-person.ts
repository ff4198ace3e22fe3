/** One person at the web page, over real HTTP: keeps the page's cookie between requests, as a browser does. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { WebForumThread } from '../../../adapters/web/forum.ts';
import { WEB_COOKIE } from '../../../adapters/web/routes.ts';

export interface WebReply {
  outcome: string;
  messages: { id: string; html: string; text: string; lang: string | undefined; dir: string }[];
  lang: string;
  dir: string;
  strings: Record<string, string>;
}

export interface WebSession {
  lang: string;
  dir: string;
  strings: Record<string, string>;
  forumChannel: string | null;
}

export interface ForumPage {
  channel: string;
  threads: WebForumThread[];
}

export class WebPerson {
  cookie: string | undefined;
  constructor(
    private readonly base: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** A person whose cookie holds this id (a moderator named in MODERATORS as `web:<id>`). */
  static withId(base: string, userId: string): WebPerson {
    const person = new WebPerson(base);
    person.cookie = `${WEB_COOKIE}=${userId}`;
    return person;
  }

  /** The person's id, as their cookie carries it (known after their first request). */
  get userId(): string {
    return this.cookie?.split('=')[1] ?? '';
  }

  async request(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const res = await fetch(`${this.base}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}), ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith(`${WEB_COOKIE}=`));
    if (set) this.cookie = set.split(';')[0];
    return res;
  }

  postRaw(path: string, body: string): Promise<Response> {
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  }

  async post(path: 'messages' | 'actions', body: object): Promise<WebReply> {
    const res = await this.postRaw(`/web/api/${path}`, JSON.stringify(body));
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as WebReply;
  }

  say(text: string, eventId: string = randomUUID()): Promise<WebReply> {
    return this.post('messages', { eventId, text });
  }

  /** What the bot answered to a chat message, as plain text. */
  async answer(text: string): Promise<string[]> {
    const reply = await this.say(text);
    expect(reply.outcome).toBe('handled');
    return reply.messages.map((m) => m.text);
  }

  click(actionId: string, value: string): Promise<WebReply> {
    return this.post('actions', { eventId: randomUUID(), actionId, value });
  }

  async session(): Promise<WebSession> {
    const res = await this.request('/web/api/session');
    expect(res.status).toBe(200);
    return (await res.json()) as WebSession;
  }

  async forum(channel: string): Promise<ForumPage> {
    const res = await this.request(`/web/api/forum/${encodeURIComponent(channel)}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as ForumPage;
  }

  replyRaw(channel: string, body: object | string): Promise<Response> {
    return this.postRaw(`/web/api/forum/${encodeURIComponent(channel)}/replies`, typeof body === 'string' ? body : JSON.stringify(body));
  }

  /** Replies in a thread; the answer is the updated thread. */
  async reply(channel: string, threadId: string, text: string, eventId: string = randomUUID()): Promise<{ outcome: string; thread: WebForumThread }> {
    const res = await this.replyRaw(channel, { eventId, threadId, text });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as { outcome: string; thread: WebForumThread };
  }
}
