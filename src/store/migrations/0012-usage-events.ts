import type { Kysely } from 'kysely';

/**
 * The record of how the forum is used: one row per event (a question asked and whether it was
 * answered, feedback, a topic posted, a reply counted, a poll answered, a member joined), with the
 * platform and workspace it happened in. `person` is null where the event must not point to anyone
 * (an anonymous poll's vote), and is cleared when a person asks to be forgotten: counts remain.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('usage_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('person', 'text')
    .addColumn('subject', 'text')
    .execute();
  await db.schema.createIndex('usage_events_at').on('usage_events').columns(['at', 'kind']).execute();
  await db.schema.createIndex('usage_events_person').on('usage_events').column('person').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('usage_events').execute();
}
