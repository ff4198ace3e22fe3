/** The web chat's JSON API, over real HTTP against the real host (in-memory store). */
import { randomUUID } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_COOKIE } from '../../../adapters/web/routes.ts';
import { LANGS, messages } from '../../../src/i18n/index.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { WebPerson } from './web-person.ts';

/** A 400-class answer: JSON with a fixed sentence, and nothing of the server's insides. */
async function expectCleanError(res: Response, status: number, lang: 'en' | 'fr' = 'en'): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await res.text();
  expect(text).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts\b|Error|stack/);
  expect(JSON.parse(text)).toEqual({ error: 'bad_request', message: messages(lang).web.failed });
}

describe('web chat API', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost();
  });
  afterAll(() => host?.close());

  it('serves the chat page with its script', async () => {
    const page = await fetch(`${host.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<script type="module" src="chat.js"></script>');
    const script = await fetch(`${host.url}/chat.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('/web/api/session');
  });

  it('gives the page English words by default and sets a private cookie', async () => {
    const person = new WebPerson(host.url);
    const res = await person.request('/web/api/session');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${WEB_COOKIE}=`)) ?? '';
    expect(cookie).toMatch(new RegExp(`^${WEB_COOKIE}=[0-9a-f-]{36};`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    // Local access (this machine): no account, and the token every change must carry.
    expect(await res.json()).toEqual({ lang: 'en', dir: 'ltr', strings: messages('en').web, forumChannel: null, csrf: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as string, account: null });
    // The cookie is kept: no new one on the next request.
    const again = await person.request('/web/api/session');
    expect(again.headers.getSetCookie()).toEqual([]);
  });

  it('follows Accept-Language for a new person', async () => {
    const session = await new WebPerson(host.url, { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' }).session();
    expect(session).toMatchObject({ lang: 'fr', dir: 'ltr', strings: messages('fr').web, forumChannel: null });
  });

  it('answers `help` in Spanish after `lang es`, and remembers the choice', async () => {
    const person = new WebPerson(host.url);
    const set = await person.say('lang es');
    expect(set.outcome).toBe('handled');
    expect(set.lang).toBe('es');
    expect(set.strings).toEqual(messages('es').web);
    expect(set.messages.map((m) => m.text)).toEqual([messages('es').lang.set]);

    const help = await person.say('help');
    expect(help).toMatchObject({ outcome: 'handled', lang: 'es', dir: 'ltr' });
    expect(help.messages).toHaveLength(1);
    expect(help.messages[0]?.text).toContain(messages('es').help.title);
    expect(help.messages[0]?.html).toContain('<div class="card" lang="es" dir="ltr">');
    expect(help.messages[0]?.html).toContain(`<h3 class="card-header">${messages('es').help.title}</h3>`);

    expect((await person.session()).lang).toBe('es');
    // Someone else, without the cookie, is not affected.
    expect((await new WebPerson(host.url).session()).lang).toBe('en');
  });

  it('ignores a request sent twice with the same eventId', async () => {
    const person = new WebPerson(host.url);
    const eventId = randomUUID();
    const first = await person.say('help', eventId);
    expect(first.outcome).toBe('handled');
    expect(first.messages).toHaveLength(1);
    const second = await person.say('help', eventId);
    expect(second.outcome).toBe('duplicate');
    expect(second.messages).toEqual([]);
    expect(second.lang).toBe('en');
  });

  it('switches to Arabic, right to left, with the language buttons', async () => {
    const person = new WebPerson(host.url);
    const picker = await person.click('lang:set', '');
    expect(picker.outcome).toBe('handled');
    for (const code of LANGS) expect(picker.messages[0]?.html).toContain(`data-value="${code}"`);

    const reply = await person.click('lang:set', 'ar');
    expect(reply).toMatchObject({ outcome: 'handled', lang: 'ar', dir: 'rtl', strings: messages('ar').web });
    expect(reply.messages[0]).toMatchObject({ text: messages('ar').lang.set, lang: 'ar', dir: 'rtl' });
    expect(await person.session()).toMatchObject({ lang: 'ar', dir: 'rtl', strings: messages('ar').web, forumChannel: null });
  });

  it('accepts a message of exactly 4000 characters', async () => {
    const reply = await new WebPerson(host.url).say('x'.repeat(4000));
    expect(reply.outcome).toBe('handled');
  });

  describe('rejects bad requests with a plain 400', () => {
    const person = (): WebPerson => new WebPerson(host.url);
    const cases: [string, string][] = [
      ['malformed JSON', '{"eventId": '],
      ['a JSON array', '[]'],
      ['a missing eventId', JSON.stringify({ text: 'help' })],
      ['an eventId that is not a UUID', JSON.stringify({ eventId: 'abc', text: 'help' })],
      ['empty text', JSON.stringify({ eventId: randomUUID(), text: '' })],
      ['blank text', JSON.stringify({ eventId: randomUUID(), text: '   \n ' })],
      ['text that is not a string', JSON.stringify({ eventId: randomUUID(), text: 42 })],
    ];
    for (const [name, body] of cases) {
      it(name, async () => {
        await expectCleanError(await person().postRaw('/web/api/messages', body), 400);
      });
    }

    it('an action without an actionId', async () => {
      const res = await person().postRaw('/web/api/actions', JSON.stringify({ eventId: randomUUID(), value: 'ar' }));
      await expectCleanError(res, 400);
    });

    it('in the language of the request', async () => {
      const french = new WebPerson(host.url, { 'accept-language': 'fr' });
      await expectCleanError(await french.postRaw('/web/api/messages', '{oops'), 400, 'fr');
      await expectCleanError(await french.postRaw('/web/api/messages', JSON.stringify({ text: 'x' })), 400, 'fr');
    });

  });

  describe('says a message is too long, in the person’s language, rather than “check your connection”', () => {
    async function expectTooLong(res: Response, status: number, lang: 'en' | 'fr'): Promise<void> {
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: string; message: string; max: number };
      expect(body).toEqual({ error: 'too_long', message: messages(lang).web.tooLong.replace('{max}', lang === 'fr' ? '4\u202f000' : '4,000'), max: 4000 });
      expect(body.message).not.toBe(messages(lang).web.failed);
    }

    it('a text of 4001 characters (400)', async () => {
      await expectTooLong(await new WebPerson(host.url).postRaw('/web/api/messages', JSON.stringify({ eventId: randomUUID(), text: 'x'.repeat(4001) })), 400, 'en');
      const french = new WebPerson(host.url, { 'accept-language': 'fr' });
      await expectTooLong(await french.postRaw('/web/api/messages', JSON.stringify({ eventId: randomUUID(), text: 'é'.repeat(5000) })), 400, 'fr');
    });

    it('a body over the size limit (413)', async () => {
      const body = JSON.stringify({ eventId: randomUUID(), text: 'x'.repeat(40_000) });
      await expectTooLong(await new WebPerson(host.url).postRaw('/web/api/messages', body), 413, 'en');
    });
  });
});

/** A non-internal address of this machine that can be bound and reached without a scope id. */
function externalAddress(): string | undefined {
  const all = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  const usable = all.filter((a) => !a.internal && !a.address.startsWith('fe80:'));
  return (usable.find((a) => a.family === 'IPv4') ?? usable[0])?.address;
}

const external = externalAddress();
if (!external) {
  console.warn('Skipping the non-loopback web chat test: this machine has only loopback network interfaces.');
}

describe.skipIf(!external)(`web chat from a non-loopback address (${external ?? 'none'})`, () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ HOST: external ?? '' }, { ingestKnowledge: false });
  });
  afterAll(() => host?.close());

  it('serves the page (it holds nothing), and answers the API only after sign-in: 401 in the request language', async () => {
    for (const path of ['/', '/chat.js', '/forum.js', '/signin.js', '/web/widget.js']) {
      expect((await fetch(`${host.url}${path}`)).status, path).toBe(200);
    }
    for (const path of ['/web/api/session', '/web/api/forum/forum']) {
      const res = await fetch(`${host.url}${path}`, { headers: { 'accept-language': 'es' } });
      expect(res.status, path).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'unauthorized', message: messages('es').web.signInNeeded, lang: 'es', strings: messages('es').web });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    const post = await fetch(`${host.url}/web/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ eventId: randomUUID(), text: 'help' }),
    });
    expect(post.status).toBe(401);
    expect(post.headers.getSetCookie()).toEqual([]);
  });

  it('still answers the health check', async () => {
    expect((await fetch(`${host.url}/healthz`)).status).toBe(200);
  });

  it('guards only its own paths: other paths pass through to the rest of the server', async () => {
    // An adapter mounted after the web chat (Slack, Teams) must not be refused by its guard.
    expect((await fetch(`${host.url}/slack/events`)).status).toBe(404);
  });
});

const hasIpv6Loopback = Object.values(networkInterfaces()).some((list) => list?.some((a) => a.address === '::1'));
if (!hasIpv6Loopback) console.warn('Skipping the IPv6 host test: this machine has no ::1 interface.');

describe.skipIf(!hasIpv6Loopback)('host on IPv6 loopback', () => {
  it('gives a usable URL and serves the chat', async () => {
    const host = await startTestHost({ HOST: '::1' });
    try {
      expect(host.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
      expect((await new WebPerson(host.url).session()).lang).toBe('en');
    } finally {
      await host.close();
    }
  });
});
