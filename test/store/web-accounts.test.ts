/** Web chat accounts in the store: creation and roles, sign-in links, passwords, sessions, disabling, retention, forgetting. */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ForumError } from '../../src/core/errors.ts';
import type { Store } from '../../src/store/index.ts';
import { findPerson } from '../../src/store/people.ts';
import { forgetPerson, personalData } from '../../src/store/personal-data.ts';
import { applyRetention } from '../../src/store/retention.ts';
import {
  WEB_GUEST_REALM,
  WEB_MEMBER_REALM,
  checkPassword,
  consumeSignInLink,
  createWebAccount,
  createWebSession,
  deleteWebSession,
  disableWebAccount,
  findWebAccount,
  findWebSession,
  issueSignInLink,
  listWebAccounts,
  setPassword,
  sha256,
  verifyPassword,
} from '../../src/store/web-accounts.ts';
import { describeEngine, storeEngines } from '../support/stores.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-06-15T12:00:00Z');
const later = (days: number): Date => new Date(NOW.getTime() + days * DAY);
const PASSWORD = 'correct horse battery staple';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ForumError) return error.code;
    throw error;
  }
  return undefined;
}

for (const engine of storeEngines()) {
  describeEngine(engine)(`web accounts on ${engine.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await engine.open();
    });
    afterAll(() => store?.close());

    it('creates a member (login in lower case), and refuses a taken login or a bad one', async () => {
      const account = await createWebAccount(store.db, { login: ' Amina.Diallo ', displayName: 'Amina Diallo', kind: 'member', by: 'cli:root', now: NOW });
      expect(account).toEqual({ login: 'amina.diallo', display_name: 'Amina Diallo', kind: 'member', password_hash: null, created_at: NOW, disabled_at: null });
      expect(await codeOf(createWebAccount(store.db, { login: 'AMINA.DIALLO', displayName: 'Another', kind: 'member', by: 'cli:root', now: NOW }))).toBe('conflict');
      for (const login of ['a', 'x'.repeat(65), 'amina diallo', 'amina/1', 'ámina', '0f8fad5b-d9cb-469f-a165-70867728950e']) {
        expect(await codeOf(createWebAccount(store.db, { login, displayName: 'X', kind: 'member', by: 'cli:root', now: NOW })), login).toBe('bad_request');
      }
      expect(await codeOf(createWebAccount(store.db, { login: 'noname', displayName: '  ', kind: 'member', by: 'cli:root', now: NOW }))).toBe('bad_request');
      // A member has no people row of their own until they use the chat; the creation is audited.
      expect(await findPerson(store.db, { platform: 'web', workspaceId: WEB_MEMBER_REALM, userId: 'amina.diallo' })).toBeUndefined();
      const audit = await store.db.selectFrom('audit_log').select(['actor', 'action']).where('subject', '=', 'web:amina.diallo').execute();
      expect(audit).toEqual([{ actor: 'cli:root', action: 'web_account.create' }]);
    });

    it('gives a guest the guest role until the expiry, and a moderator the moderator role, audited', async () => {
      await createWebAccount(store.db, { login: 'guest.one', displayName: 'Guest One', kind: 'guest', guestDays: 10, by: 'web:mod', now: NOW });
      expect(await findPerson(store.db, { platform: 'web', workspaceId: WEB_GUEST_REALM, userId: 'guest.one' })).toMatchObject({ role: 'guest', guest_expires_at: later(10), display_name: 'Guest One' });
      await createWebAccount(store.db, { login: 'mod.one', displayName: 'Mod One', kind: 'member', moderator: true, by: 'web:mod', now: NOW });
      expect(await findPerson(store.db, { platform: 'web', workspaceId: WEB_MEMBER_REALM, userId: 'mod.one' })).toMatchObject({ role: 'moderator', guest_expires_at: null });
      const grants = await store.db.selectFrom('audit_log').select(['subject']).where('action', '=', 'role.grant').orderBy('id').execute();
      expect(grants.map((g) => g.subject)).toEqual(['web:guest.one', 'web:mod.one']);
      expect(await codeOf(createWebAccount(store.db, { login: 'bad.guest', displayName: 'X', kind: 'guest', moderator: true, by: 'x', now: NOW }))).toBe('bad_request');
      expect(await codeOf(createWebAccount(store.db, { login: 'bad.guest', displayName: 'X', kind: 'guest', guestDays: 0, by: 'x', now: NOW }))).toBe('bad_request');
      expect((await listWebAccounts(store.db)).map((a) => [a.login, a.kind])).toEqual([
        ['amina.diallo', 'member'],
        ['guest.one', 'guest'],
        ['mod.one', 'member'],
      ]);
    });

    it('issues one-time sign-in links, keeping only their SHA-256', async () => {
      const token = await issueSignInLink(store.db, 'Amina.Diallo', NOW);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const stored = await store.db.selectFrom('web_sign_in_links').selectAll().where('login', '=', 'amina.diallo').execute();
      expect(stored).toEqual([{ token_hash: sha256(token), login: 'amina.diallo', created_at: NOW, expires_at: later(7), used_at: null }]);
      expect(JSON.stringify(stored)).not.toContain(token);
      expect((await consumeSignInLink(store.db, token, later(1)))?.login).toBe('amina.diallo');
      expect(await consumeSignInLink(store.db, token, later(1))).toBeUndefined();
      // Expired: valid for a day, used on the second.
      const short = await issueSignInLink(store.db, 'amina.diallo', NOW, 1);
      expect(await consumeSignInLink(store.db, short, later(1))).toBeUndefined();
      expect(await consumeSignInLink(store.db, 'not-a-token', NOW)).toBeUndefined();
      expect(await codeOf(issueSignInLink(store.db, 'nobody', NOW))).toBe('not_found');
    });

    it('keeps passwords as scrypt hashes and checks them', async () => {
      expect(await codeOf(setPassword(store.db, 'amina.diallo', 'too short', 'cli:root', NOW))).toBe('bad_request');
      await setPassword(store.db, 'amina.diallo', PASSWORD, 'cli:root', NOW);
      const hash = (await findWebAccount(store.db, 'amina.diallo'))?.password_hash ?? '';
      expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
      expect(await verifyPassword(hash, PASSWORD)).toBe(true);
      expect(await verifyPassword(hash, `${PASSWORD}!`)).toBe(false);
      expect(await verifyPassword('scrypt$3$8$1$AAAA$AAAA', PASSWORD)).toBe(false);
      expect((await checkPassword(store.db, 'AMINA.DIALLO', PASSWORD))?.login).toBe('amina.diallo');
      expect(await checkPassword(store.db, 'amina.diallo', 'wrong password!')).toBeUndefined();
      expect(await checkPassword(store.db, 'nobody', PASSWORD)).toBeUndefined();
      expect(await checkPassword(store.db, 'guest.one', PASSWORD)).toBeUndefined();
    });

    it('opens sessions (only the id’s SHA-256 kept) that end at their expiry, at sign-out or with a new password', async () => {
      const session = await createWebSession(store.db, 'amina.diallo', NOW);
      expect(session.expiresAt).toEqual(later(30));
      const rows = await store.db.selectFrom('web_sessions').selectAll().execute();
      expect(rows).toEqual([{ id_hash: sha256(session.id), login: 'amina.diallo', created_at: NOW, expires_at: later(30) }]);
      expect((await findWebSession(store.db, session.id, later(29)))?.account.login).toBe('amina.diallo');
      expect(await findWebSession(store.db, session.id, later(30))).toBeUndefined();
      await deleteWebSession(store.db, session.id);
      expect(await findWebSession(store.db, session.id, NOW)).toBeUndefined();
      const again = await createWebSession(store.db, 'amina.diallo', NOW);
      await setPassword(store.db, 'amina.diallo', `${PASSWORD} 2`, 'cli:root', NOW);
      expect(await findWebSession(store.db, again.id, NOW)).toBeUndefined();
    });

    it('disables an account: no password, no link, no session', async () => {
      await setPassword(store.db, 'mod.one', PASSWORD, 'cli:root', NOW);
      const session = await createWebSession(store.db, 'mod.one', NOW);
      const link = await issueSignInLink(store.db, 'mod.one', NOW);
      expect(await disableWebAccount(store.db, 'mod.one', 'cli:root', NOW)).toBe(true);
      expect(await disableWebAccount(store.db, 'mod.one', 'cli:root', NOW)).toBe(false);
      expect(await findWebSession(store.db, session.id, NOW)).toBeUndefined();
      expect(await consumeSignInLink(store.db, link, NOW)).toBeUndefined();
      expect(await checkPassword(store.db, 'mod.one', PASSWORD)).toBeUndefined();
      expect(await codeOf(issueSignInLink(store.db, 'mod.one', NOW))).toBe('forbidden');
    });

    it('prunes sign-ins that can no longer be used, and accounts disabled before the retention period', async () => {
      const live = await createWebSession(store.db, 'amina.diallo', later(180));
      await createWebSession(store.db, 'guest.one', NOW);
      await issueSignInLink(store.db, 'guest.one', NOW, 1);
      await applyRetention(store.db, 30, later(200));
      expect((await store.db.selectFrom('web_sessions').select(['id_hash']).execute()).map((r) => r.id_hash)).toEqual([sha256(live.id)]);
      expect(await store.db.selectFrom('web_sign_in_links').select(['login']).execute()).toEqual([]);
      // mod.one was disabled on NOW, more than 30 days before: gone.
      expect((await listWebAccounts(store.db)).map((a) => a.login)).toEqual(['amina.diallo', 'guest.one']);
    });

    it('gives a web person their account in my-data (never the hash), and forgets it all', async () => {
      await createWebSession(store.db, 'guest.one', NOW);
      await issueSignInLink(store.db, 'guest.one', NOW);
      const data = await personalData(store.db, { platform: 'web', userId: 'guest.one' });
      expect(data.webAccount).toEqual([{ login: 'guest.one', display_name: 'Guest One', kind: 'guest', created_at: NOW, disabled_at: null, has_password: false }]);
      expect(data.webSessions).toHaveLength(1);
      expect(data.webSignInLinks).toHaveLength(1);
      expect(JSON.stringify(await personalData(store.db, { platform: 'web', userId: 'amina.diallo' }))).not.toContain('scrypt');

      await forgetPerson(store.db, { platform: 'web', userId: 'guest.one' });
      const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(store.db);
      for (const { table_name: table } of tables.rows) {
        const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(store.db);
        expect(rows.rows.filter((row) => JSON.stringify(row).includes('guest.one')), table).toEqual([]);
      }
      expect((await listWebAccounts(store.db)).map((a) => a.login)).toEqual(['amina.diallo']);
    });
  });
}
