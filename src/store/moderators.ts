/**
 * Moderators granted in the store (`people.role = 'moderator'`), next to those of `MODERATORS`:
 * listed, ended (audited, as a grant is), and the web chat's local people — those who used the
 * chat from the server's own machine without signing in, known by the random id of their browser
 * (a UUID), which `ta-forum moderator add local` makes a moderator.
 */
import type { Kysely } from 'kysely';
import { personRef, type PersonKey } from './people.ts';
import type { Database } from './schema.ts';
import { webChatChannel } from './web-chat.ts';
import { WEB_MEMBER_REALM } from './web-accounts.ts';

export interface StoredModerator extends PersonKey {
  displayName: string | null;
  since: Date;
}

/** The local-access browser's id, as the web adapter draws it (`randomUUID`); no login has this shape (`normalizeLogin`). */
const LOCAL_WEB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CHAT_PREFIX = webChatChannel('');

export async function listStoredModerators(db: Kysely<Database>): Promise<StoredModerator[]> {
  const rows = await db
    .selectFrom('people')
    .select(['platform', 'workspace_id', 'user_id', 'display_name', 'updated_at'])
    .where('role', '=', 'moderator')
    .orderBy('platform')
    .orderBy('user_id')
    .execute();
  return rows.map((r) => ({ platform: r.platform, workspaceId: r.workspace_id, userId: r.user_id, displayName: r.display_name, since: r.updated_at }));
}

/** Ends a moderator role granted in the store (the role then follows from the configuration); false when there was none. */
export async function endModeratorRole(db: Kysely<Database>, key: PersonKey, by: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable('people')
      .set({ role: null, updated_at: now })
      .where('platform', '=', key.platform)
      .where('workspace_id', '=', key.workspaceId)
      .where('user_id', '=', key.userId)
      .where('role', '=', 'moderator')
      .executeTakeFirst();
    if (Number(ended.numUpdatedRows) === 0) return false;
    await trx
      .insertInto('audit_log')
      .values({ at: now, actor: by, action: 'role.end', subject: personRef(key), detail: JSON.stringify({ role: 'moderator', workspace: key.workspaceId }) })
      .execute();
    return true;
  });
}

/** The workspaces a person of a platform is known in (their rows in `people`). */
export async function knownWorkspaces(db: Kysely<Database>, platform: string, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('people').select('workspace_id').where('platform', '=', platform).where('user_id', '=', userId).execute();
  return rows.map((r) => r.workspace_id);
}

export interface LocalWebPerson {
  userId: string;
  lastSeen: Date;
}

/**
 * The web chat's local people, the most recent first: ids of local-access browsers that wrote in
 * the chat or have a row in `people` (web accounts' chats, under their logins, are left out).
 */
export async function localWebPeople(db: Kysely<Database>): Promise<LocalWebPerson[]> {
  const chats = await db
    .selectFrom('web_posts')
    .select(['channel_id', (eb) => eb.fn.max('posted_at').as('last')])
    .where('channel_id', 'like', `${CHAT_PREFIX}%`)
    .groupBy('channel_id')
    .execute();
  const people = await db.selectFrom('people').select(['user_id', 'updated_at']).where('platform', '=', 'web').where('workspace_id', '=', WEB_MEMBER_REALM).execute();
  const seen = new Map<string, Date>();
  const note = (userId: string, at: Date): void => {
    if (!LOCAL_WEB_ID.test(userId)) return;
    const before = seen.get(userId);
    if (!before || before < at) seen.set(userId, at);
  };
  for (const chat of chats) note(chat.channel_id.slice(CHAT_PREFIX.length), new Date(chat.last));
  for (const person of people) note(person.user_id, person.updated_at);
  return [...seen].map(([userId, lastSeen]) => ({ userId, lastSeen })).sort((a, b) => b.lastSeen.getTime() - a.lastSeen.getTime());
}
