/**
 * Web accounts in use, over real HTTP against the real host: sign-in attempts limited per login and
 * per address, guests served until their expiry (then the polite refusal), moderators, disabled
 * accounts, and forget-me, after which no row names the person.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/core/actions.ts';
import { formatDate, messages } from '../../../src/i18n/index.ts';
import { createWebAccount, disableWebAccount, setPassword } from '../../../src/store/web-accounts.ts';
import { SIGN_IN_MAX_FAILURES_PER_ADDRESS, SIGN_IN_MAX_FAILURES_PER_LOGIN } from '../../../adapters/web/auth.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHost, type Host } from '../../../adapters/host/server.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/log.ts';
import { issueSignInLink } from '../../../src/store/web-accounts.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { WebPerson } from './web-person.ts';
import { openTestStore } from '../../support/pglite-template.ts';

const PASSWORD = 'a long enough passphrase';
const DAY = 24 * 60 * 60 * 1000;
const en = messages('en');

async function account(host: TestHost, login: string, more: { kind?: 'member' | 'guest'; guestDays?: number; moderator?: boolean; now?: Date } = {}): Promise<void> {
  const db = host.app.services.store.db;
  const { kind = 'member', now = new Date(), ...rest } = more;
  await createWebAccount(db, { login, displayName: `Name of ${login}`, kind, ...rest, by: 'test', now });
  await setPassword(db, login, PASSWORD, 'test', new Date());
}

describe('sign-in attempts are limited', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ WEB_LOCAL_ACCESS: 'false' }, { ingestKnowledge: false });
    await account(host, 'amina');
    await account(host, 'bruno');
    await account(host, 'chen');
  });
  afterAll(() => host?.close());

  it('refuses the sixth attempt for a login after five wrong passwords, even with the right one; other logins go on', async () => {
    const french = new WebPerson(host.url, { 'accept-language': 'fr' });
    for (let i = 0; i < SIGN_IN_MAX_FAILURES_PER_LOGIN; i++) expect((await french.signIn('amina', `wrong password ${i}`)).status).toBe(401);
    const limited = await french.signIn('AMINA', PASSWORD);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: 'rate_limited', message: messages('fr').web.tooManyAttempts, lang: 'fr' });
    expect(limited.headers.getSetCookie()).toEqual([]);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    // Another login, from the same address, is not held back.
    expect((await new WebPerson(host.url).signIn('bruno', PASSWORD)).status).toBe(200);
  });

  it('refuses every sign-in from an address after twenty failures', async () => {
    // So far: five wrong passwords and the limited attempt (six failures).
    for (let i = 6; i < SIGN_IN_MAX_FAILURES_PER_ADDRESS; i++) {
      expect((await new WebPerson(host.url).signIn(`nobody-${i}`, 'whatever it is')).status, `attempt ${i + 1}`).toBe(401);
    }
    const limited = await new WebPerson(host.url).signIn('chen', PASSWORD);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { message: string }).message).toBe(en.web.tooManyAttempts);
  });
});

describe('sign-in attempts counted in the store', () => {
  it('are shared by two instances on one database and survive a restart; the one-time link still signs in', async () => {
    const store = await openTestStore();
    const dirs: string[] = [];
    const start = async (): Promise<Host> => {
      const dir = mkdtempSync(path.join(tmpdir(), 'ta-forum-limits-'));
      dirs.push(dir);
      return startHost(loadConfig({ HOST: '127.0.0.1', TA_FORUM_DATA_DIR: dir, WEB_LOCAL_ACCESS: 'false' }, { port: 0 }), silentLogger(), { store });
    };
    const first = await start();
    const second = await start();
    const hosts = [first, second];
    try {
      await createWebAccount(store.db, { login: 'emil', displayName: 'Emil', kind: 'member', by: 'test', now: new Date() });
      await setPassword(store.db, 'emil', PASSWORD, 'test', new Date());
      // Failures spread over both instances count together.
      for (let i = 0; i < SIGN_IN_MAX_FAILURES_PER_LOGIN; i++) {
        const host = i % 2 === 0 ? first : second;
        expect((await new WebPerson(host.url).signIn('emil', `wrong ${i}`)).status).toBe(401);
      }
      expect((await new WebPerson(first.url).signIn('emil', PASSWORD)).status).toBe(429);
      expect((await new WebPerson(second.url).signIn('emil', PASSWORD)).status).toBe(429);
      // A new instance (as after a restart: nothing in its memory) refuses too.
      const third = await start();
      hosts.push(third);
      expect((await new WebPerson(third.url).signIn('emil', PASSWORD)).status).toBe(429);
      // The lock cannot keep the person out: a one-time link still signs them in.
      const token = await issueSignInLink(store.db, 'emil', new Date());
      const emil = new WebPerson(third.url);
      expect((await emil.navigate(`/web/signin/${token}`)).status).toBe(303);
      expect((await emil.session()).account).toMatchObject({ login: 'emil' });
    } finally {
      for (const host of hosts.reverse()) await host.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sign-in attempts behind the proxies TRUST_PROXY names', () => {
  let host: TestHost;
  beforeAll(async () => {
    // The tests' requests come from this machine: it plays the proxy, and says who is behind it.
    host = await startTestHost({ WEB_LOCAL_ACCESS: 'false', TRUST_PROXY: 'loopback' }, { ingestKnowledge: false });
    await account(host, 'dana');
  });
  afterAll(() => host?.close());

  it('counts failures per person’s address, not per proxy', async () => {
    const from = (address: string): WebPerson => new WebPerson(host.url, { 'x-forwarded-for': address });
    for (let i = 0; i < SIGN_IN_MAX_FAILURES_PER_ADDRESS; i++) {
      expect((await from('203.0.113.7').signIn(`nobody-${i}`, 'whatever it is')).status, `attempt ${i + 1}`).toBe(401);
    }
    expect((await from('203.0.113.7').signIn('dana', PASSWORD)).status).toBe(429);
    // Someone else behind the same proxy signs in.
    expect((await from('198.51.100.2').signIn('dana', PASSWORD)).status).toBe(200);
  });
});

describe('web accounts in the chat', () => {
  let host: TestHost;
  const expiredAt = new Date(Date.now() - 2 * DAY);

  beforeAll(async () => {
    host = await startTestHost({ WEB_LOCAL_ACCESS: 'false' }, { ingestKnowledge: false });
    await account(host, 'guest.gone', { kind: 'guest', guestDays: 1, now: new Date(expiredAt.getTime() - DAY) });
    await account(host, 'guest.here', { kind: 'guest', guestDays: 30 });
    await account(host, 'mod.web', { moderator: true });
    await account(host, 'member.web');
    await account(host, 'amina.forgets');
  });
  afterAll(() => host?.close());

  it('gives a guest whose access has ended the polite refusal with the date', async () => {
    const guest = await WebPerson.signedIn(host.url, 'guest.gone', PASSWORD);
    expect((await guest.session()).account).toEqual({ login: 'guest.gone', name: 'Name of guest.gone', kind: 'guest' });
    const reply = await guest.say('help');
    expect(reply.outcome).toBe('refused');
    expect(reply.messages.map((m) => m.text)).toEqual([en.access.guestExpired({ date: formatDate(expiredAt, 'en') })]);
  });

  it('serves a guest before the expiry, as a guest', async () => {
    const guest = await WebPerson.signedIn(host.url, 'guest.here', PASSWORD);
    expect(await guest.answer('help')).toEqual([expect.stringContaining(en.help.title)]);
    expect(await guest.answer('topic queue')).toEqual([en.access.moderatorOnly({ command: 'topic queue' })]);
  });

  it('gives a moderator account the moderators’ commands, and not a member', async () => {
    const moderator = await WebPerson.signedIn(host.url, 'mod.web', PASSWORD);
    expect(await moderator.answer('topic queue')).not.toEqual([en.access.moderatorOnly({ command: 'topic queue' })]);
    const member = await WebPerson.signedIn(host.url, 'member.web', PASSWORD);
    expect(await member.answer('topic queue')).toEqual([en.access.moderatorOnly({ command: 'topic queue' })]);
  });

  it('signs out the browsers of a disabled account', async () => {
    const member = await WebPerson.signedIn(host.url, 'member.web', PASSWORD);
    await member.session();
    await disableWebAccount(host.app.services.store.db, 'member.web', 'test', new Date());
    expect((await member.request('/web/api/session')).status).toBe(401);
    expect((await new WebPerson(host.url).signIn('member.web', PASSWORD)).status).toBe(401);
  });

  it('forgets a web person entirely: account, sessions, links, and every row naming them', async () => {
    const db = host.app.services.store.db;
    const amina = await WebPerson.signedIn(host.url, 'amina.forgets', PASSWORD);
    await amina.answer('lang fr');
    await amina.answer('How does a member state request technical assistance?');
    // The copy is a file that comes with the reply.
    const copy = WebPerson.fileTexts(await amina.say('my-data')).join('\n');
    expect(copy).toContain('webAccount');
    expect(copy).toContain('amina.forgets');
    expect(copy).not.toContain('scrypt');

    const asked = await amina.say('forget-me');
    expect(asked.messages[0]?.html).toContain(`data-action-id="${ACTIONS.forgetConfirm}"`);
    const done = await amina.click(ACTIONS.forgetConfirm, '');
    expect(done.messages.map((m) => m.text)).toEqual([messages('fr').privacy.forgotten]);

    const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db);
    const naming: string[] = [];
    for (const { table_name: table } of tables.rows) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
      for (const row of rows.rows) if (JSON.stringify(row).includes('amina.forgets')) naming.push(`${table}: ${JSON.stringify(row)}`);
    }
    expect(naming).toEqual([]);
    // Signed out with the rest: the page shows the sign-in form again, and the password is gone.
    expect((await amina.request('/web/api/session')).status).toBe(401);
    expect((await new WebPerson(host.url).signIn('amina.forgets', PASSWORD)).status).toBe(401);
  });
});
