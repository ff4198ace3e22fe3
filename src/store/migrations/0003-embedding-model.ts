import type { Kysely } from 'kysely';

/** Which embeddings model a document's chunks were embedded with (null: none), so a change re-embeds it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('documents').addColumn('embedding_model', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('documents').dropColumn('embedding_model').execute();
}
