/** People the bot knows: their language and any role granted in the store. */
import type { Kysely, Selectable } from 'kysely';
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

/** Grants a role (with a guest's expiry) and records who did it in the audit log, in one transaction. */
export async function grantRole(
  db: Kysely<Database>,
  grant: { key: PersonKey; role: Role; guestExpiresAt: Date | null; by: string; now: Date },
): Promise<void> {
  const { key, role, guestExpiresAt, by, now } = grant;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('people')
      .values({
        platform: key.platform,
        workspace_id: key.workspaceId,
        user_id: key.userId,
        role,
        guest_expires_at: guestExpiresAt,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['platform', 'workspace_id', 'user_id']).doUpdateSet({ role, guest_expires_at: guestExpiresAt, updated_at: now }),
      )
      .execute();
    await trx
      .insertInto('audit_log')
      .values({
        at: now,
        actor: by,
        action: 'role.grant',
        subject: `${key.platform}:${key.workspaceId}:${key.userId}`,
        detail: JSON.stringify({ role, guestExpiresAt: guestExpiresAt?.toISOString() ?? null }),
      })
      .execute();
  });
}
