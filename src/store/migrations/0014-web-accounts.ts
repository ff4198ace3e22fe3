import { sql, type Kysely } from 'kysely';

/** Tables whose rows name a web person by workspace: the web realm is now `web` (it was `local`). */
const WEB_REALM_TABLES = ['people', 'questions', 'answer_feedback', 'usage_events'] as const;

/**
 * Sign-in for the web chat: accounts (members and guests), one-time sign-in links and sessions, the
 * last two kept only as SHA-256 hashes. The web chat's members move from the `local` realm to `web`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('web_accounts')
    .addColumn('login', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('member', 'guest')`))
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('disabled_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('web_sign_in_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull().references('web_accounts.login').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('web_sign_in_links_login').on('web_sign_in_links').column('login').execute();
  await db.schema
    .createTable('web_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull().references('web_accounts.login').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('web_sessions_login').on('web_sessions').column('login').execute();
  await db.schema.createIndex('web_sessions_expires_at').on('web_sessions').column('expires_at').execute();
  for (const table of WEB_REALM_TABLES) {
    await sql`update ${sql.table(table)} set workspace_id = 'web' where platform = 'web' and workspace_id = 'local'`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of WEB_REALM_TABLES) {
    await sql`update ${sql.table(table)} set workspace_id = 'local' where platform = 'web' and workspace_id = 'web'`.execute(db);
  }
  await db.schema.dropTable('web_sessions').execute();
  await db.schema.dropTable('web_sign_in_links').execute();
  await db.schema.dropTable('web_accounts').execute();
}
