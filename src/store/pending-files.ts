/**
 * Files waiting for their person's consent before they are sent (Teams' file consent flow). Taken
 * with one delete, so that of two instances answering the same consent only one uploads the file.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OutgoingFile } from '../core/adapter.ts';
import type { Database } from './schema.ts';

export interface StoredPendingFile {
  id: string;
  file: OutgoingFile;
  userId: string;
  expiresAt: Date;
}

export async function addPendingFile(db: Kysely<Database>, file: OutgoingFile, userId: string, now: Date, ttlMs: number): Promise<StoredPendingFile> {
  await db.deleteFrom('pending_files').where('expires_at', '<=', now).execute();
  const stored = { id: randomUUID(), file, userId, expiresAt: new Date(now.getTime() + ttlMs) };
  await db
    .insertInto('pending_files')
    .values({ id: stored.id, user_id: userId, name: file.name, title: file.title, mime: file.mime, content: Buffer.from(file.content, 'utf8'), expires_at: stored.expiresAt })
    .execute();
  return stored;
}

/** The file, unless it expired or was taken. */
export async function findPendingFile(db: Kysely<Database>, id: string, now: Date): Promise<StoredPendingFile | undefined> {
  const row = await db.selectFrom('pending_files').selectAll().where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
  return row ? { id: row.id, userId: row.user_id, expiresAt: row.expires_at, file: { name: row.name, title: row.title, mime: row.mime, content: Buffer.from(row.content).toString('utf8') } } : undefined;
}

/** Removes the file; true for the one caller that removed it. */
export async function takePendingFile(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('pending_files').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
