/** The web chat's sign-in: accounts, one-time sign-in links and sessions (migration 0014). */
import type { ColumnType } from 'kysely';

/** A person who signs in to the web chat: a member of the forum, or a guest (with a people row). */
export interface WebAccountsTable {
  /** 2–64 characters of [a-z0-9._@-], lower case: the person's user id on the web platform. */
  login: string;
  display_name: string;
  kind: 'member' | 'guest';
  /** `scrypt$N$r$p$salt$hash` (base64url); null until a password is set (sign-in links only). */
  password_hash: string | null;
  created_at: ColumnType<Date, Date, never>;
  /** Set when the account is disabled: no sign-in, no session. */
  disabled_at: Date | null;
}

/** A one-time sign-in link: only the SHA-256 of its token is kept. */
export interface WebSignInLinksTable {
  token_hash: string;
  login: string;
  created_at: ColumnType<Date, Date, never>;
  expires_at: Date;
  /** Set when the link is used; a used link never works again. */
  used_at: Date | null;
}

/** A signed-in browser: only the SHA-256 of the session id (the cookie's value) is kept. */
export interface WebSessionsTable {
  id_hash: string;
  login: string;
  created_at: ColumnType<Date, Date, never>;
  expires_at: Date;
}
