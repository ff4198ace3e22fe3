import type { Kysely } from 'kysely';

/** A topic's title and description in other languages than its own (one row per language). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('topic_translations')
    .addColumn('topic_id', 'bigint', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('topic_translations_pkey', ['topic_id', 'lang'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('topic_translations').execute();
}
