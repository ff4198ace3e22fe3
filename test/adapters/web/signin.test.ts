/**
 * Sign-in to the web chat over real HTTP against the real host: passwords, one-time links, the
 * session cookie's flags, sign-out, the CSRF token on every change, and local access on and off.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, WEB_COOKIE, createWebRouter, type WebLocals } from '../../../adapters/web/routes.ts';
import { silentLogger } from '../../../src/log.ts';
import { messages } from '../../../src/i18n/index.ts';
import { createWebAccount, issueSignInLink, setPassword } from '../../../src/store/web-accounts.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { WebPerson } from './web-person.ts';

const PASSWORD = 'a long enough passphrase';
const en = messages('en');
const DAY = 24 * 60 * 60 * 1000;


describe('web sign-in, local access off', () => {
  let host: TestHost;
  const db = () => host.app.services.store.db;

  beforeAll(async () => {
    host = await startTestHost({ WEB_LOCAL_ACCESS: 'false', WEB_EMBED_ORIGINS: 'https://www.example.org' }, { ingestKnowledge: false });
    await createWebAccount(db(), { login: 'amina', displayName: 'Amina Diallo', kind: 'member', by: 'test', now: new Date() });
    await setPassword(db(), 'amina', PASSWORD, 'test', new Date());
    await createWebAccount(db(), { login: 'bruno', displayName: 'Bruno Costa', kind: 'member', by: 'test', now: new Date() });
  });
  afterAll(() => host?.close());

  it('refuses the API from this machine too (401, in the person’s language) and shows the page', async () => {
    const res = await fetch(`${host.url}/web/api/session`, { headers: { 'accept-language': 'fr' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'unauthorized', message: messages('fr').web.signInNeeded, lang: 'fr', dir: 'ltr', strings: messages('fr').web });
    expect(res.headers.getSetCookie()).toEqual([]);
    const page = await fetch(`${host.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self' https://www.example.org",
    );
    expect(await page.text()).toContain('id="signin-form"');
  });

  it('signs in with the right password: an httpOnly, SameSite=Lax session cookie over http', async () => {
    const person = new WebPerson(host.url);
    const res = await person.signIn('Amina', PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; Expires=`));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure|Partitioned/);
    const session = await person.session();
    expect(session).toMatchObject({ lang: 'en', account: { login: 'amina', name: 'Amina Diallo', kind: 'member' }, csrf: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as string });
    // The chat knows her by her login.
    expect(await person.answer('help')).toEqual([expect.stringContaining(en.help.title)]);
    expect(person.cookies.has(WEB_COOKIE)).toBe(false);
  });

  it('marks the cookie SameSite=None; Secure; Partitioned over https (the embedded widget)', async () => {
    const res = await new WebPerson(host.url).signIn('amina', PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '';
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; Partitioned/);
    expect(cookie).toMatch(/; SameSite=None/);
  });

  it('refuses a wrong password, an unknown login and a malformed request, never saying which', async () => {
    for (const [login, password] of [['amina', 'not the password'], ['nobody', PASSWORD], ['bruno', PASSWORD]] as const) {
      const res = await new WebPerson(host.url, { 'accept-language': 'es' }).signIn(login, password);
      expect(res.status, login).toBe(401);
      expect(await res.json()).toEqual({ error: 'signin_failed', message: messages('es').web.signInFailed, lang: 'es' });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    const empty = await new WebPerson(host.url).request('/web/api/signin', { method: 'POST', body: '{"login":""}', headers: { 'content-type': 'application/json', origin: host.url } });
    expect(empty.status).toBe(400);
  });

  it('refuses a sign-in posted by another site or without an Origin (login CSRF)', async () => {
    for (const origin of ['https://evil.example', 'null', undefined]) {
      const res = await fetch(`${host.url}/web/api/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
        body: JSON.stringify({ login: 'amina', password: PASSWORD }),
      });
      expect(res.status, String(origin)).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'csrf', message: en.web.csrfFailed });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('signs in once with a sign-in link, then refuses it; refuses an expired one', async () => {
    const token = await issueSignInLink(db(), 'bruno', new Date());
    // A link preview (no navigation) shows a page and does not use the link up.
    const preview = await new WebPerson(host.url).request(`/web/signin/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.headers.getSetCookie()).toEqual([]);

    const bruno = new WebPerson(host.url);
    const first = await bruno.navigate(`/web/signin/${token}`);
    expect(first.status).toBe(303);
    expect(first.location).toBe('/');
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    expect(bruno.signedInCookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await bruno.session()).account).toEqual({ login: 'bruno', name: 'Bruno Costa', kind: 'member' });

    const again = new WebPerson(host.url);
    const reused = await again.navigate(`/web/signin/${token}`);
    expect(reused.status).toBe(303);
    expect(reused.location).toBe('/?signin=invalid');
    expect(again.signedInCookie).toBeUndefined();

    const old = await issueSignInLink(db(), 'bruno', new Date(Date.now() - 8 * DAY));
    const expired = await again.navigate(`/web/signin/${old}?embed=1`);
    expect(expired.location).toBe('/?signin=invalid&embed=1');
    expect(again.signedInCookie).toBeUndefined();
    expect((await again.navigate('/web/signin/nonsense')).location).toBe('/?signin=invalid');
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const person = await WebPerson.signedIn(host.url, 'amina', PASSWORD);
    await person.session();
    const cookie = person.cookieHeader;
    const res = await person.signOut();
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=;`))).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(person.signedInCookie).toBeUndefined();
    expect((await person.request('/web/api/session')).status).toBe(401);
    // The old cookie, kept by someone, is worth nothing.
    expect((await fetch(`${host.url}/web/api/session`, { headers: { cookie } })).status).toBe(401);
  });

  it('refuses a change without the CSRF token or with a wrong one (403, in the person’s language)', async () => {
    const person = await WebPerson.signedIn(host.url, 'amina', PASSWORD, { 'accept-language': 'fr' });
    const body = () => JSON.stringify({ eventId: randomUUID(), text: 'help' });
    const other = await WebPerson.signedIn(host.url, 'amina', PASSWORD);
    const othersToken = (await other.session()).csrf;
    const tokens: Record<string, string>[] = [{}, { 'x-csrf-token': 'wrong' }, { 'x-csrf-token': othersToken }];
    for (const headers of tokens) {
      const res = await person.request('/web/api/messages', { method: 'POST', body: body(), headers: { 'content-type': 'application/json', ...headers } });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: 'csrf', message: messages('fr').web.csrfFailed, lang: 'fr' });
    }
    const ok = await person.postRaw('/web/api/messages', body());
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { outcome: string }).outcome).toBe('handled');
    // Sign-out is a change too.
    expect((await person.request('/web/api/signout', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(403);
  });

  it('takes a request through a proxy as not local, and the session cookie still works through it', async () => {
    const res = await fetch(`${host.url}/web/api/session`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(res.status).toBe(401);
    const person = await WebPerson.signedIn(host.url, 'amina', PASSWORD, { 'x-forwarded-for': '203.0.113.9' });
    expect((await person.session()).account?.login).toBe('amina');
  });
});

describe('local access (WEB_LOCAL_ACCESS, on by default)', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({}, { ingestKnowledge: false });
    await createWebAccount(host.app.services.store.db, { login: 'amina', displayName: 'Amina Diallo', kind: 'member', by: 'test', now: new Date() });
    await setPassword(host.app.services.store.db, 'amina', PASSWORD, 'test', new Date());
  });
  afterAll(() => host?.close());

  it('serves this machine without sign-in, one person per browser, with a CSRF token as well', async () => {
    const local = new WebPerson(host.url);
    const session = await local.session();
    expect(session.account).toBeNull();
    expect(local.userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await local.answer('help')).toEqual([expect.stringContaining(en.help.title)]);
    const res = await local.request('/web/api/messages', { method: 'POST', body: JSON.stringify({ eventId: randomUUID(), text: 'help' }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(403);
  });

  it('is not local access for a request naming another host (a proxy’s public name, a rebound domain)', async () => {
    // Node's fetch sets Host itself: a plain HTTP request names it.
    const statusFor = (name: string): Promise<number> =>
      new Promise((resolve, reject) => {
        http.get(`${host.url}/web/api/session`, { headers: { host: name } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject);
      });
    for (const name of ['forum.example.org', 'evil.example:8080', 'localhost.example.org']) expect(await statusFor(name), name).toBe(401);
    for (const name of ['localhost', 'localhost:3978', '127.0.0.1:9']) expect(await statusFor(name), name).toBe(200);
  });

  it('lets a signed-in account win over local access on the same browser', async () => {
    const person = new WebPerson(host.url);
    await person.session();
    expect((await person.signIn('amina', PASSWORD)).status).toBe(200);
    expect((await person.session()).account?.login).toBe('amina');
    await person.signOut();
    expect((await person.session()).account).toBeNull();
  });
});

describe('more API routers behind the sign-in (the moderators’ dashboard)', () => {
  let host: TestHost;
  let server: Server;
  let url = '';

  beforeAll(async () => {
    host = await startTestHost({ WEB_LOCAL_ACCESS: 'false' }, { ingestKnowledge: false });
    await createWebAccount(host.app.services.store.db, { login: 'amina', displayName: 'Amina Diallo', kind: 'member', by: 'test', now: new Date() });
    await setPassword(host.app.services.store.db, 'amina', PASSWORD, 'test', new Date());
    const extra = express.Router();
    extra.use(express.json({ limit: '1mb' }));
    extra.get('/whoami', (_req, res) => res.json((res.locals as WebLocals).webActor));
    extra.post('/echo', (req, res) => res.json({ size: JSON.stringify(req.body).length }));
    const app = express();
    app.use(createWebRouter(host.app, silentLogger(), { apiRouters: { '/extra': extra } }));
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.close();
    await host?.close();
  });

  it('gives them the person (res.locals.webActor), refuses strangers, and checks the CSRF token', async () => {
    expect((await fetch(`${url}/web/api/extra/whoami`)).status).toBe(401);
    const amina = await WebPerson.signedIn(url, 'amina', PASSWORD);
    const who = await amina.request('/web/api/extra/whoami');
    expect(await who.json()).toMatchObject({ platform: 'web', workspaceId: 'web', userId: 'amina', displayName: 'Amina Diallo' });
    const unsigned = await amina.request('/web/api/extra/echo', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(unsigned.status).toBe(403);
    // Their bodies are theirs to parse: larger than the chat's own 32 KB limit.
    const big = await amina.postRaw('/web/api/extra/echo', JSON.stringify({ text: 'x'.repeat(100_000) }));
    expect(big.status).toBe(200);
  });
});
