import type { Kysely } from 'kysely';

/**
 * The replies under each weekly topic's posts (for the closing summary and the reply counts), and
 * the summary a topic was closed with. A reply is keyed by the platform's own message id, so a
 * redelivered or doubly reported message is stored once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('topic_replies')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('topic_id', 'bigint', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('topic_replies_pkey', ['platform', 'conversation_id', 'message_id'])
    .execute();
  await db.schema.createIndex('topic_replies_topic').on('topic_replies').column('topic_id').execute();
  await db.schema.createIndex('topic_replies_author').on('topic_replies').column('author').execute();
  await db.schema
    .alterTable('topics')
    .addColumn('summary', 'text')
    .execute();
  await db.schema.alterTable('topics').addColumn('closed_at', 'timestamptz').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('topics').dropColumn('closed_at').execute();
  await db.schema.alterTable('topics').dropColumn('summary').execute();
  await db.schema.dropTable('topic_replies').execute();
}
