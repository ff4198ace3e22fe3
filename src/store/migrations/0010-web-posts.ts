import { sql, type Kysely } from 'kysely';

/**
 * The web page's discussion channels: the bot's posts (a neutral Card as JSON) and people's replies
 * in their threads. A top-level post has no thread; a reply names its root post. Only the bot
 * starts a thread, and only people's replies are plain text. `seq` orders posts made in the same
 * instant (a fixed clock, or a summary posted in the same millisecond as a reply).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('web_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'text')
    .addColumn('author', 'text', (c) => c.notNull().check(sql`author = 'bot' or author like 'web:%'`))
    .addColumn('card', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('web_posts_card_is_bots', sql`(author = 'bot') = (card is not null)`)
    .addCheckConstraint('web_posts_threads_are_bots', sql`thread_id is not null or author = 'bot'`)
    .execute();
  await db.schema.createIndex('web_posts_channel_thread').on('web_posts').columns(['channel_id', 'thread_id', 'posted_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('web_posts').execute();
}
