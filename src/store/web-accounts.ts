/**
 * Web chat accounts: who may sign in to the web page, how (a one-time sign-in link, a password) and
 * the signed-in browsers. A login is the person's user id on the `web` platform; a member's realm
 * is `web`, a guest's `web-guest` (with a people row holding the guest role and its expiry). Sign-in
 * link tokens and session ids are random and only their SHA-256 is stored; passwords are scrypt
 * hashes (`scrypt$N$r$p$salt$hash`, base64url).
 */
import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ForumError } from '../core/errors.ts';
import { grantRole, personRef, type PersonKey } from './people.ts';
import type { Database } from './schema.ts';

/** The realm (workspace) of the web chat's members: the access rules serve it. */
export const WEB_MEMBER_REALM = 'web';
/** The realm of web guests: served only through their people row (role guest, expiry). */
export const WEB_GUEST_REALM = 'web-guest';
export const LOGIN_PATTERN = /^[a-z0-9._@-]{2,64}$/;
/** A login shaped like a UUID could be taken for a browser's local-access identity: refused. */
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const DISPLAY_NAME_MAX_CHARS = 100;
export const PASSWORD_MIN_CHARS = 12;
/** Longer passwords are cut by nobody: they are refused, so that hashing stays cheap. */
export const PASSWORD_MAX_CHARS = 1024;
export const SIGN_IN_LINK_DAYS = 7;
export const SESSION_DAYS = 30;
export const GUEST_DEFAULT_DAYS = 30;
export const GUEST_MAX_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;
const TOKEN_BYTES = 32;
/** A token or session id as issued: 32 random bytes, base64url. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface WebAccount {
  login: string;
  display_name: string;
  kind: 'member' | 'guest';
  password_hash: string | null;
  created_at: Date;
  disabled_at: Date | null;
}

export interface NewWebAccount {
  login: string;
  displayName: string;
  kind: 'member' | 'guest';
  /** A guest's access, in days from `now` (default 30, at most 365). */
  guestDays?: number;
  /** A member who moderates the forum (role moderator in the people table). */
  moderator?: boolean;
  /** Who creates it (`platform:userId`, or `cli:<user>`), for the audit log. */
  by: string;
  now: Date;
}

export interface WebSession {
  account: WebAccount;
  /** The SHA-256 of the session id, as stored: what the CSRF token is bound to. */
  idHash: string;
  expiresAt: Date;
}

const ACCOUNT_COLUMNS = ['login', 'display_name', 'kind', 'password_hash', 'created_at', 'disabled_at'] as const;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** The login as stored (lower case), or a `bad_request` ForumError saying what a login may be. */
export function normalizeLogin(login: string): string {
  const normalized = login.trim().toLowerCase();
  if (!LOGIN_PATTERN.test(normalized)) {
    throw new ForumError('bad_request', 'A login has 2 to 64 characters: letters a–z, digits, and . _ @ -');
  }
  if (UUID_SHAPE.test(normalized)) throw new ForumError('bad_request', 'A login may not have the shape of a UUID.');
  return normalized;
}

/** The people key of an account's person: the realm follows the kind. */
export function webPersonKey(account: Pick<WebAccount, 'login' | 'kind'>): PersonKey {
  return { platform: 'web', workspaceId: account.kind === 'member' ? WEB_MEMBER_REALM : WEB_GUEST_REALM, userId: account.login };
}

export async function findWebAccount(db: Kysely<Database>, login: string): Promise<WebAccount | undefined> {
  return db.selectFrom('web_accounts').select(ACCOUNT_COLUMNS).where('login', '=', login.trim().toLowerCase()).executeTakeFirst();
}

async function existingAccount(db: Kysely<Database>, login: string): Promise<WebAccount> {
  const account = await findWebAccount(db, login);
  if (!account) throw new ForumError('not_found', `There is no web account "${login}".`);
  return account;
}

/**
 * Creates an account. A guest also gets the guest role until `now + guestDays`; a moderator the
 * moderator role (both through `grantRole`, audited). Throws `conflict` when the login is taken,
 * `bad_request` for a bad login, name or number of days.
 */
export async function createWebAccount(db: Kysely<Database>, a: NewWebAccount): Promise<WebAccount> {
  const login = normalizeLogin(a.login);
  const displayName = a.displayName.trim();
  if (displayName.length === 0 || displayName.length > DISPLAY_NAME_MAX_CHARS) {
    throw new ForumError('bad_request', `A name has 1 to ${DISPLAY_NAME_MAX_CHARS} characters.`);
  }
  if (a.kind === 'guest' && a.moderator) throw new ForumError('bad_request', 'A guest cannot be a moderator.');
  const days = a.guestDays ?? GUEST_DEFAULT_DAYS;
  if (a.kind === 'guest' && (!Number.isInteger(days) || days < 1 || days > GUEST_MAX_DAYS)) {
    throw new ForumError('bad_request', `A guest's access lasts 1 to ${GUEST_MAX_DAYS} days.`);
  }
  const account = await db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('web_accounts')
      .values({ login, display_name: displayName, kind: a.kind, password_hash: null, created_at: a.now, disabled_at: null })
      .onConflict((oc) => oc.column('login').doNothing())
      .returning(ACCOUNT_COLUMNS)
      .executeTakeFirst();
    if (!created) throw new ForumError('conflict', `The login "${login}" is already taken.`);
    await trx
      .insertInto('audit_log')
      .values({ at: a.now, actor: a.by, action: 'web_account.create', subject: personRef({ platform: 'web', userId: login }), detail: JSON.stringify({ kind: a.kind }) })
      .execute();
    return created;
  });
  const role = a.kind === 'guest' ? 'guest' : a.moderator ? 'moderator' : undefined;
  if (role) {
    try {
      await grantRole(db, {
        key: webPersonKey(account),
        role,
        guestExpiresAt: role === 'guest' ? new Date(a.now.getTime() + days * DAY_MS) : null,
        displayName,
        by: a.by,
        now: a.now,
      });
    } catch (error) {
      await db.deleteFrom('web_accounts').where('login', '=', login).execute();
      throw error;
    }
  }
  return account;
}

export async function listWebAccounts(db: Kysely<Database>): Promise<WebAccount[]> {
  return db.selectFrom('web_accounts').select(ACCOUNT_COLUMNS).orderBy('login').execute();
}

/**
 * A one-time sign-in link's token for the account, valid `validDays` days; only its SHA-256 is
 * stored. Refused (`forbidden`) for a disabled account, `not_found` for an unknown one.
 */
export async function issueSignInLink(db: Kysely<Database>, login: string, now: Date, validDays = SIGN_IN_LINK_DAYS): Promise<string> {
  const account = await existingAccount(db, login);
  if (account.disabled_at) throw new ForumError('forbidden', `The web account "${account.login}" is disabled.`);
  if (!Number.isFinite(validDays) || validDays <= 0) throw new ForumError('bad_request', 'A sign-in link is valid for a positive number of days.');
  const token = newToken();
  // Links used or expired are of no use to anyone: they go when a new one is made.
  await db
    .deleteFrom('web_sign_in_links')
    .where('login', '=', account.login)
    .where((eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '<=', now)]))
    .execute();
  await db
    .insertInto('web_sign_in_links')
    .values({ token_hash: sha256(token), login: account.login, created_at: now, expires_at: new Date(now.getTime() + validDays * DAY_MS), used_at: null })
    .execute();
  return token;
}

/**
 * Uses a sign-in link: the account when the token is known, unused, unexpired and its account
 * enabled; otherwise undefined. A token works once: the update that marks it used is the claim.
 */
export async function consumeSignInLink(db: Kysely<Database>, token: string, now: Date): Promise<WebAccount | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const claimed = await db
    .updateTable('web_sign_in_links')
    .set({ used_at: now })
    .where('token_hash', '=', sha256(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['login'])
    .executeTakeFirst();
  if (!claimed) return undefined;
  const account = await findWebAccount(db, claimed.login);
  return account && !account.disabled_at ? account : undefined;
}

// scrypt: N = 2^15, r = 8, p = 1 (about 32 MiB and a few tens of milliseconds per hash).
const SCRYPT = { N: 32768, r: 8, p: 1 } as const;
const SCRYPT_KEY_BYTES = 32;
const SCRYPT_SALT_BYTES = 16;
const SCRYPT_MAX_N = 1 << 20;

function scryptAsync(password: string, salt: Buffer, options: { N: number; r: number; p: number }): Promise<Buffer> {
  const params: ScryptOptions = { ...options, maxmem: 256 * options.N * options.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, SCRYPT_KEY_BYTES, params, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT_SALT_BYTES);
  const hash = await scryptAsync(password, salt, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** Whether the password matches the stored hash; false for anything malformed. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  const valid = scheme === 'scrypt' && Number.isInteger(N) && N > 1 && N <= SCRYPT_MAX_N && (N & (N - 1)) === 0 && Number.isInteger(R) && R >= 1 && R <= 32 && Number.isInteger(P) && P >= 1 && P <= 16;
  if (!valid || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  if (expected.length !== SCRYPT_KEY_BYTES) return false;
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), { N, r: R, p: P });
  return timingSafeEqual(actual, expected);
}

/** Refuses a password that is too short or too long (`bad_request`). */
export function checkNewPassword(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_CHARS) throw new ForumError('bad_request', `A password has at least ${PASSWORD_MIN_CHARS} characters.`);
  if (length > PASSWORD_MAX_CHARS) throw new ForumError('bad_request', `A password has at most ${PASSWORD_MAX_CHARS} characters.`);
}

/** Sets (or replaces) the account's password; its sessions end, so every browser signs in again. */
export async function setPassword(db: Kysely<Database>, login: string, password: string, by: string, now: Date): Promise<void> {
  checkNewPassword(password);
  const account = await existingAccount(db, login);
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('web_accounts').set({ password_hash: hash }).where('login', '=', account.login).execute();
    await trx.deleteFrom('web_sessions').where('login', '=', account.login).execute();
    await trx.insertInto('audit_log').values({ at: now, actor: by, action: 'web_account.password', subject: personRef({ platform: 'web', userId: account.login }) }).execute();
  });
}

/** A hash to check against when the login is unknown, so that the answer takes as long. */
let decoyHash: Promise<string> | undefined;

/** The account when the login and password are right and the account is enabled; otherwise undefined. */
export async function checkPassword(db: Kysely<Database>, login: string, password: string): Promise<WebAccount | undefined> {
  const account = LOGIN_PATTERN.test(login.trim().toLowerCase()) ? await findWebAccount(db, login) : undefined;
  if (password.length > PASSWORD_MAX_CHARS * 4) return undefined;
  if (!account?.password_hash) {
    await verifyPassword(await (decoyHash ??= hashPassword(newToken())), password);
    return undefined;
  }
  const right = await verifyPassword(account.password_hash, password);
  return right && !account.disabled_at ? account : undefined;
}

/** A new session for the account: its id (the cookie's value; only its SHA-256 is stored) and expiry. */
export async function createWebSession(db: Kysely<Database>, login: string, now: Date, days = SESSION_DAYS): Promise<{ id: string; expiresAt: Date }> {
  const id = newToken();
  const expiresAt = new Date(now.getTime() + days * DAY_MS);
  await db.deleteFrom('web_sessions').where('login', '=', login).where('expires_at', '<=', now).execute();
  await db.insertInto('web_sessions').values({ id_hash: sha256(id), login, created_at: now, expires_at: expiresAt }).execute();
  return { id, expiresAt };
}

/** The session with this id, unexpired, of an enabled account; otherwise undefined. */
export async function findWebSession(db: Kysely<Database>, id: string, now: Date): Promise<WebSession | undefined> {
  if (!TOKEN_PATTERN.test(id)) return undefined;
  const idHash = sha256(id);
  const row = await db
    .selectFrom('web_sessions')
    .innerJoin('web_accounts', 'web_accounts.login', 'web_sessions.login')
    .select(['web_accounts.login', 'web_accounts.display_name', 'web_accounts.kind', 'web_accounts.password_hash', 'web_accounts.created_at', 'web_accounts.disabled_at', 'web_sessions.expires_at'])
    .where('web_sessions.id_hash', '=', idHash)
    .where('web_sessions.expires_at', '>', now)
    .where('web_accounts.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { expires_at: expiresAt, ...account } = row;
  return { account, idHash, expiresAt };
}

export async function deleteWebSession(db: Kysely<Database>, id: string): Promise<void> {
  if (!TOKEN_PATTERN.test(id)) return;
  await db.deleteFrom('web_sessions').where('id_hash', '=', sha256(id)).execute();
}

/**
 * Disables the account: no sign-in any more, its sessions and sign-in links go. Returns false when
 * it was already disabled; `not_found` for an unknown login.
 */
export async function disableWebAccount(db: Kysely<Database>, login: string, by: string, now: Date): Promise<boolean> {
  const account = await existingAccount(db, login);
  if (account.disabled_at) return false;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('web_accounts').set({ disabled_at: now }).where('login', '=', account.login).execute();
    await trx.deleteFrom('web_sessions').where('login', '=', account.login).execute();
    await trx.deleteFrom('web_sign_in_links').where('login', '=', account.login).execute();
    await trx.insertInto('audit_log').values({ at: now, actor: by, action: 'web_account.disable', subject: personRef({ platform: 'web', userId: account.login }) }).execute();
  });
  return true;
}

const SECRET_BYTES = 32;

/** A secret of the web chat (the CSRF tokens' key), made once and kept in the store. */
export async function webSecret(db: Kysely<Database>, name: 'web_csrf_key'): Promise<string> {
  await db
    .insertInto('forum_secrets')
    .values({ name, value: randomBytes(SECRET_BYTES).toString('hex') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('forum_secrets').select(['value']).where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}

/** A keyed token bound to `binding` (a session's hash, a browser's id), base64url. */
export function boundToken(key: string, binding: string): string {
  return createHmac('sha256', key).update(binding).digest('base64url');
}

/** Compares two tokens in constant time. */
export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
