/** People the bot knows: their language and any role granted in the store. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, PeopleTable, Role } from './schema.ts';

export interface PersonKey {
  platform: string;
  workspaceId: string;
  userId: string;
}

export type Person = Selectable<PeopleTable>;

export async function findPerson(db: Kysely<Database>, key: PersonKey): Promise<Person | undefined> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('platform', '=', key.platform)
    .where('workspace_id', '=', key.workspaceId)
    .where('user_id', '=', key.userId)
    .executeTakeFirst();
}

/** Stores the person's language, creating the person's row when needed. */
export async function setPersonLang(db: Kysely<Database>, key: PersonKey, lang: string, now: Date): Promise<void> {
  await db
    .insertInto('people')
    .values({ platform: key.platform, workspace_id: key.workspaceId, user_id: key.userId, lang, updated_at: now })
    .onConflict((oc) => oc.columns(['platform', 'workspace_id', 'user_id']).doUpdateSet({ lang, updated_at: now }))
    .execute();
}

/** `platform:userId`, the way people are named in the audit log, topics and polls. */
export const personRef = (key: Pick<PersonKey, 'platform' | 'userId'>): string => `${key.platform}:${key.userId}`;

export interface RoleGrant {
  key: PersonKey;
  role: Role;
  guestExpiresAt: Date | null;
  /** A guest allowed to propose topics (false for anyone else). */
  mayPropose?: boolean;
  displayName?: string | undefined;
  /** Who changed it (`platform:userId`), for the audit log. */
  by: string;
  now: Date;
  /** The audit action: a grant, or the end of a guest's access. */
  action?: 'role.grant' | 'role.end';
}

/**
 * Writes a role (with a guest's expiry) and its audit row inside the caller's transaction;
 * `detail` adds to what the audit row says (the request an approval answered, say).
 */
export async function writeRoleGrant(trx: Transaction<Database>, grant: RoleGrant, detail: Record<string, unknown> = {}): Promise<void> {
  const { key, role, guestExpiresAt, by, now, mayPropose = false, displayName, action = 'role.grant' } = grant;
  const name = displayName ? { display_name: displayName } : {};
  await trx
    .insertInto('people')
    .values({
      platform: key.platform,
      workspace_id: key.workspaceId,
      user_id: key.userId,
      role,
      guest_expires_at: guestExpiresAt,
      may_propose: mayPropose,
      ...name,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['platform', 'workspace_id', 'user_id']).doUpdateSet({ role, guest_expires_at: guestExpiresAt, may_propose: mayPropose, ...name, updated_at: now }),
    )
    .execute();
  await trx
    .insertInto('audit_log')
    .values({
      at: now,
      actor: by,
      action,
      subject: personRef(key),
      detail: JSON.stringify({ role, workspace: key.workspaceId, guestExpiresAt: guestExpiresAt?.toISOString() ?? null, mayPropose, ...detail }),
    })
    .execute();
}

/** Grants a role (with a guest's expiry) and records who did it in the audit log, in one transaction. */
export async function grantRole(db: Kysely<Database>, grant: RoleGrant): Promise<void> {
  await db.transaction().execute((trx) => writeRoleGrant(trx, grant));
}

/** Guests, the latest expiry first: those whose access runs and those whose access ended. */
export async function listGuests(db: Kysely<Database>): Promise<Person[]> {
  return db.selectFrom('people').selectAll().where('role', '=', 'guest').orderBy('guest_expires_at', 'desc').execute();
}
