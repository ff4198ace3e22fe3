import type { Kysely } from 'kysely';

/**
 * Files waiting for a person's consent (Teams' file consent flow), for an hour at most: kept in
 * the store so that a restart does not lose them and any instance can answer the consent. The
 * content is kept as its bytes (a text column would not keep a leading byte-order mark).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pending_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pending_files_expires_at').on('pending_files').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pending_files').execute();
}
