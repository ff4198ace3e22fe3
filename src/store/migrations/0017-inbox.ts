import { sql, type Kysely } from 'kysely';

/**
 * The durable inbox: what a platform sent, written before the acknowledgement and taken by a worker
 * (`src/store/inbox.ts`), and what was already posted for each row, so that a row run again after a
 * crash or a failure does not post its answers twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inbox')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('event_key', 'text', (c) => c.notNull().unique())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'done', 'parked')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('done_at', 'timestamptz')
    .execute();
  // The worker's question: pending rows of a platform, soonest first.
  await db.schema
    .createIndex('inbox_pending')
    .on('inbox')
    .columns(['platform', 'next_attempt_at'])
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema.createIndex('inbox_done_at').on('inbox').column('done_at').execute();
  await db.schema
    .createTable('inbox_posts')
    .addColumn('inbox_id', 'bigint', (c) => c.notNull().references('inbox.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('message_id', 'text')
    // The reference the post returned (where it went: an update of it needs the conversation too).
    .addColumn('ref', 'jsonb')
    .addColumn('posted_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('inbox_posts_pkey', ['inbox_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('inbox_posts').execute();
  await db.schema.dropTable('inbox').execute();
}
