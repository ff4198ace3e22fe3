import { sql, type Kysely } from 'kysely';

/**
 * Guests: whether a guest may propose topics (the moderator allows it when inviting), and the
 * requests members make for a guest to be invited, which a moderator approves or declines once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('may_propose', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
  await db.schema
    .createTable('guest_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'approved', 'declined')`))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('guest_requests_status').on('guest_requests').columns(['status', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('guest_requests').execute();
  await db.schema.alterTable('people').dropColumn('may_propose').execute();
}
