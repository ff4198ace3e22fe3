/**
 * One person at the web page, over real HTTP: keeps the page's cookies between requests and sends
 * the CSRF token (from GET /web/api/session) with every change, as the page does.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { expect } from 'vitest';
import type { WebForumThread } from '../../../adapters/web/forum.ts';
import type { WebFile } from '../../../adapters/web/send.ts';
import { CSRF_HEADER, SESSION_COOKIE, WEB_COOKIE } from '../../../adapters/web/routes.ts';

export interface WebReply {
  outcome: string;
  messages: { id: string; html: string; text: string; lang: string | undefined; dir: string }[];
  /** Files for the person (`my-data`, `poll export`), to download from the page. */
  files: WebFile[];
  lang: string;
  dir: string;
  strings: Record<string, string>;
}

export interface WebSession {
  lang: string;
  dir: string;
  strings: Record<string, string>;
  forumChannel: string | null;
  csrf: string;
  account: { login: string; name: string; kind: 'member' | 'guest' } | null;
}

export interface ForumPage {
  channel: string;
  threads: WebForumThread[];
}

export class WebPerson {
  /** Cookies by name, as a browser keeps them. */
  readonly cookies = new Map<string, string>();
  /** The CSRF token of the current session; fetched before the first change. */
  csrf: string | undefined;
  constructor(
    readonly base: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** A local-access person whose cookie holds this id (a moderator named in MODERATORS as `web:<id>`). */
  static withId(base: string, userId: string): WebPerson {
    const person = new WebPerson(base);
    person.cookies.set(WEB_COOKIE, userId);
    return person;
  }

  /** A person signed in with a password (the host must know the account). */
  static async signedIn(base: string, login: string, password: string, headers: Record<string, string> = {}): Promise<WebPerson> {
    const person = new WebPerson(base, headers);
    const res = await person.signIn(login, password);
    expect(res.status, await res.clone().text()).toBe(200);
    return person;
  }

  /** The local-access person's id, as their cookie carries it (known after their first request). */
  get userId(): string {
    return this.cookies.get(WEB_COOKIE) ?? '';
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const res = await fetch(`${this.base}${path}`, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { ...this.headers, ...(this.cookies.size > 0 ? { cookie: this.cookieHeader } : {}), ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
    this.keepCookies(res.headers.getSetCookie());
    return res;
  }

  /**
   * A browser's navigation to a page of the bot (a sign-in link), with the headers browsers send on
   * one (Node's fetch always says `Sec-Fetch-Mode: cors`). Redirects are not followed.
   */
  navigate(path: string): Promise<{ status: number; location: string | undefined; headers: http.IncomingHttpHeaders }> {
    const headers = { ...this.headers, 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', ...(this.cookies.size > 0 ? { cookie: this.cookieHeader } : {}) };
    return new Promise((resolve, reject) => {
      http
        .get(`${this.base}${path}`, { headers }, (res) => {
          res.resume();
          this.keepCookies(res.headers['set-cookie'] ?? []);
          resolve({ status: res.statusCode ?? 0, location: res.headers.location, headers: res.headers });
        })
        .on('error', reject);
    });
  }

  private keepCookies(setCookies: string[]): void {
    for (const set of setCookies) {
      const [pair = '', ...attributes] = set.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1] ?? '').getTime() <= Date.now());
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Signs in with a password from the page (its Origin); the next change fetches a new token. */
  signIn(login: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
    this.csrf = undefined;
    return this.request('/web/api/signin', {
      method: 'POST',
      body: JSON.stringify({ login, password }),
      headers: { 'content-type': 'application/json', origin: this.base, ...headers },
    });
  }

  /** A change with the session's CSRF token (fetched first when not known yet). */
  async postRaw(path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
    this.csrf ??= (await this.session()).csrf;
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/json', [CSRF_HEADER]: this.csrf, ...headers } });
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

  /** The text of the files that came with an answer (their bytes read as UTF-8). */
  static fileTexts(reply: WebReply): string[] {
    return reply.files.map((f) => Buffer.from(f.contentBase64, 'base64').toString('utf8'));
  }

  click(actionId: string, value: string): Promise<WebReply> {
    return this.post('actions', { eventId: randomUUID(), actionId, value });
  }

  async session(): Promise<WebSession> {
    const res = await this.request('/web/api/session');
    expect(res.status, await res.clone().text()).toBe(200);
    const session = (await res.json()) as WebSession;
    this.csrf = session.csrf;
    return session;
  }

  async signOut(): Promise<Response> {
    const res = await this.postRaw('/web/api/signout', '{}');
    this.csrf = undefined;
    return res;
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

  /** True when the person holds a signed-in session cookie. */
  get signedInCookie(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }
}
