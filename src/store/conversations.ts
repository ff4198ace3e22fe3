/**
 * Conversations the bot may post to without being asked. An adapter stores its platform's reference
 * when the bot is installed or added, and marks it inactive when the bot is removed (or the platform
 * answers that it is gone), so posts stop instead of failing forever.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ConversationsTable, Database } from './schema.ts';

export type StoredConversation = Selectable<ConversationsTable>;

export interface ConversationRecord {
  platform: string;
  conversationId: string;
  workspaceId: string;
  kind: string;
  /** The platform's reference, as JSON-serialisable data. */
  reference: unknown;
}

/** Stores (or refreshes) a conversation's reference; it is active again. */
export async function saveConversation(db: Kysely<Database>, record: ConversationRecord, now: Date): Promise<void> {
  const reference = JSON.stringify(record.reference);
  await db
    .insertInto('conversations')
    .values({
      platform: record.platform,
      conversation_id: record.conversationId,
      workspace_id: record.workspaceId,
      kind: record.kind,
      reference,
      active: true,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['platform', 'conversation_id']).doUpdateSet({ reference, workspace_id: record.workspaceId, kind: record.kind, active: true, updated_at: now }),
    )
    .execute();
}

export async function setConversationActive(db: Kysely<Database>, platform: string, conversationId: string, active: boolean, now: Date): Promise<void> {
  await db
    .updateTable('conversations')
    .set({ active, updated_at: now })
    .where('platform', '=', platform)
    .where('conversation_id', '=', conversationId)
    .execute();
}

export async function findConversation(db: Kysely<Database>, platform: string, conversationId: string): Promise<StoredConversation | undefined> {
  return db.selectFrom('conversations').selectAll().where('platform', '=', platform).where('conversation_id', '=', conversationId).executeTakeFirst();
}

/** The conversations a platform can still post to. */
export async function activeConversations(db: Kysely<Database>, platform: string): Promise<StoredConversation[]> {
  return db.selectFrom('conversations').selectAll().where('platform', '=', platform).where('active', '=', true).orderBy('conversation_id').execute();
}
