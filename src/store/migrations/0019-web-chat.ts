import { sql, type Kysely } from 'kysely';

/**
 * A web person's own conversation with the bot is kept, so that it survives a page reload: what
 * they typed and the bot's cards, in `web_posts` under the channel `direct:<userId>` (the web
 * conversation's channel id). What a person types there is a top-level post of theirs, which only
 * the bot could write in a discussion channel.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('web_posts').dropConstraint('web_posts_threads_are_bots').execute();
  await db.schema
    .alterTable('web_posts')
    .addCheckConstraint('web_posts_threads_are_bots', sql`thread_id is not null or author = 'bot' or channel_id like 'direct:%'`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from web_posts where channel_id like 'direct:%'`.execute(db);
  await db.schema.alterTable('web_posts').dropConstraint('web_posts_threads_are_bots').execute();
  await db.schema.alterTable('web_posts').addCheckConstraint('web_posts_threads_are_bots', sql`thread_id is not null or author = 'bot'`).execute();
}
