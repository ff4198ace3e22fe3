import { sql, type Kysely } from 'kysely';

/**
 * Polls: the question and its options, where each was posted (one tally however many channels), and
 * the votes. One vote per person is the store's rule, not a handler's: a single-choice or rating
 * ballot is keyed by (poll, voter) and written with one upsert; a multiple-choice pick is keyed by
 * (poll, voter, option). For an anonymous poll the voter is a keyed hash, never the person's id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('polls')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('options', 'jsonb', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('single', 'multi', 'rating')`))
    .addColumn('anonymous', 'boolean', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('creator', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('closes_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'text')
    .execute();
  await db.schema.createIndex('polls_open_closes').on('polls').columns(['status', 'closes_at']).execute();
  await db.schema
    .createTable('poll_posts')
    .addColumn('poll_id', 'bigint', (c) => c.notNull().references('polls.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('poll_posts_pkey', ['poll_id', 'platform', 'conversation_id'])
    .execute();
  await db.schema
    .createTable('poll_ballots')
    .addColumn('poll_id', 'bigint', (c) => c.notNull().references('polls.id').onDelete('cascade'))
    .addColumn('voter', 'text', (c) => c.notNull())
    .addColumn('option', 'integer', (c) => c.notNull())
    .addColumn('voted_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('poll_ballots_pkey', ['poll_id', 'voter'])
    .execute();
  await db.schema
    .createTable('poll_choices')
    .addColumn('poll_id', 'bigint', (c) => c.notNull().references('polls.id').onDelete('cascade'))
    .addColumn('voter', 'text', (c) => c.notNull())
    .addColumn('option', 'integer', (c) => c.notNull())
    .addColumn('voted_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('poll_choices_pkey', ['poll_id', 'voter', 'option'])
    .execute();
  // The key of anonymous voters' hashes, made once and shared by every instance on the database.
  await db.schema
    .createTable('forum_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('forum_secrets').execute();
  await db.schema.dropTable('poll_choices').execute();
  await db.schema.dropTable('poll_ballots').execute();
  await db.schema.dropTable('poll_posts').execute();
  await db.schema.dropTable('polls').execute();
}
