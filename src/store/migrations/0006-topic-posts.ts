import type { Kysely } from 'kysely';

/** Where each topic was posted (platform, conversation, message): its threads, for replies and the close. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('topic_posts')
    .addColumn('topic_id', 'bigint', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('topic_posts_pkey', ['topic_id', 'platform', 'conversation_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('topic_posts').execute();
}
