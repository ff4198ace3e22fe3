import type { Kysely } from 'kysely';

/** Whether an empty queue is filled from the library of discussion starters at the slot. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('topic_schedule').addColumn('use_starters', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('topic_schedule').dropColumn('use_starters').execute();
}
