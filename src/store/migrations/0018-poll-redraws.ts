import type { Kysely } from 'kysely';

/**
 * When each poll's messages were last redrawn: several instances on one database take turns, so
 * a poll's messages are updated no more often than the platforms allow, whoever counted the votes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('poll_redraws')
    .addColumn('poll_id', 'text', (c) => c.primaryKey())
    .addColumn('last_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('poll_redraws').execute();
}
