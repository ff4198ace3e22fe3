/**
 * Files for one person in Teams, by the file consent flow of bots in personal chats: the bot posts
 * a file consent card (name, size, description); when the person accepts, Teams sends the invoke
 * `fileConsent/invoke` with an upload URL in their OneDrive, the bot PUTs the bytes there and posts
 * a file info card pointing at the uploaded file. Declined, the person is told the file was not sent.
 *
 * A file waits for its answer in memory, one hour at most: an answer after that, or after a restart,
 * gets a sentence asking the person to ask again. Only the person the file was prepared for may
 * accept or decline it.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Activity, Attachment } from 'botbuilder';
import type { OutgoingFile } from '../../src/core/adapter.ts';
import { ForumError } from '../../src/core/errors.ts';
import { messages, type Lang } from '../../src/i18n/index.ts';
import type { Kysely } from 'kysely';
import { addPendingFile, findPendingFile, takePendingFile } from '../../src/store/pending-files.ts';
import type { Database } from '../../src/store/schema.ts';

/** The card that asks the person to accept a file, and the card of an uploaded file. */
export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';
/** The invoke Teams sends when the person accepts or declines a file consent card. */
export const FILE_CONSENT_INVOKE = 'fileConsent/invoke';
/** How long a file waits for the person's answer. */
export const PENDING_FILE_TTL_MS = 60 * 60 * 1000;
/** The upload must be done before Teams stops waiting for the invoke's answer (15 seconds). */
const UPLOAD_TIMEOUT_MS = 10_000;
/** Plain HTTP uploads only to this machine (tests, local development); Teams' upload URLs are https. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A file waiting for its person's answer. */
export interface PendingFile {
  /** The id carried by the consent card's accept and decline contexts. */
  id: string;
  file: OutgoingFile;
  /** The file's UTF-8 bytes, as they will be uploaded. */
  bytes: Buffer;
  /** The person it is for: their Entra object id, else their Teams id (as events name them). */
  userId: string;
  expiresAt: number;
}

/** The files waiting for an answer, in the store (any instance answers; a restart keeps them), each kept `ttlMs`. */
export class PendingFiles {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly ttlMs = PENDING_FILE_TTL_MS,
  ) {}

  async add(file: OutgoingFile, userId: string): Promise<PendingFile> {
    const stored = await addPendingFile(this.db, file, userId, this.now(), this.ttlMs);
    return { id: stored.id, file, bytes: Buffer.from(file.content, 'utf8'), userId, expiresAt: stored.expiresAt.getTime() };
  }

  /** The file, unless it expired or was never (or is no longer) held. */
  async get(id: string): Promise<PendingFile | undefined> {
    const stored = await findPendingFile(this.db, id, this.now());
    return stored ? { id, file: stored.file, bytes: Buffer.from(stored.file.content, 'utf8'), userId: stored.userId, expiresAt: stored.expiresAt.getTime() } : undefined;
  }

  /** Removes the file; true for the one caller that removed it (another instance may answer the same consent). */
  take(id: string): Promise<boolean> {
    return takePendingFile(this.db, id);
  }
}

/** The consent card's attachment: the file's name, its size and the file's title as description. */
export function fileConsentAttachment(pending: PendingFile): Attachment {
  const context = { fileId: pending.id };
  return {
    contentType: FILE_CONSENT_CARD,
    name: pending.file.name,
    content: { description: pending.file.title, sizeInBytes: pending.bytes.length, acceptContext: context, declineContext: context },
  };
}

/** What Teams sends in a `fileConsent/invoke`'s value. */
interface FileConsentValue {
  type?: string;
  action?: string;
  context?: { fileId?: unknown };
  uploadInfo?: { name?: string; uploadUrl?: string; contentUrl?: string; uniqueId?: string; fileType?: string };
}

function uploadError(message: string): ForumError {
  return new ForumError('platform_error', `Teams file upload: ${message}`);
}

/** PUTs the bytes in one piece to the upload URL Teams gave (a OneDrive upload session). */
export function uploadBytes(uploadUrl: string, bytes: Buffer): Promise<void> {
  let target: URL;
  try {
    target = new URL(uploadUrl);
  } catch {
    return Promise.reject(uploadError('the upload URL is not a URL'));
  }
  const plain = target.protocol === 'http:';
  if (!(target.protocol === 'https:' || (plain && LOOPBACK_HOSTS.has(target.hostname)))) return Promise.reject(uploadError('the upload URL is not https'));
  const headers: Record<string, string> = { 'Content-Length': String(bytes.length) };
  if (bytes.length > 0) headers['Content-Range'] = `bytes 0-${bytes.length - 1}/${bytes.length}`;
  return new Promise<void>((resolve, reject) => {
    const onResponse = (res: IncomingMessage): void => {
      res.resume();
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve();
        else reject(uploadError(`answered ${status}`));
      });
    };
    const req = (plain ? httpRequest : httpsRequest)(target, { method: 'PUT', headers, timeout: UPLOAD_TIMEOUT_MS }, onResponse);
    req.on('timeout', () => req.destroy(uploadError('timed out')));
    req.on('error', (error) => reject(error instanceof ForumError ? error : uploadError(error.message)));
    req.end(bytes);
  });
}

/** What answering a consent needs from the connection. */
export interface FileConsentParts {
  files: PendingFiles;
  /** Sends an activity in the chat the consent came from. */
  send: (activity: Partial<Activity>) => Promise<unknown>;
  /** Says a sentence there, as a card. */
  say: (text: string) => Promise<void>;
  /** The language of the person who answered. */
  lang: Lang;
  /** Logs why an upload failed. */
  warn: (error: unknown, fileId: string) => void;
}

/** The person an activity comes from, as events name them. */
export function actorOf(activity: Partial<Activity>): string {
  return activity.from?.aadObjectId ?? activity.from?.id ?? '';
}

/**
 * Answers a `fileConsent/invoke`: uploads and shows the file when accepted, says it was not sent
 * when declined; an unknown or expired file, or someone else's, gets a sentence. The invoke itself
 * is answered 200 by the caller.
 */
export async function answerFileConsent(activity: Partial<Activity>, { files, send, say, lang, warn }: FileConsentParts): Promise<void> {
  const m = messages(lang).files;
  const value = (activity.value ?? {}) as FileConsentValue;
  const fileId = typeof value.context?.fileId === 'string' ? value.context.fileId : '';
  const pending = fileId ? await files.get(fileId) : undefined;
  if (!pending) return say(m.expired);
  if (pending.userId !== actorOf(activity)) return say(m.notYours);
  if (!(await files.take(pending.id))) return say(m.expired);
  if (value.action !== 'accept') return say(m.declined({ file: pending.file.name }));
  const info = value.uploadInfo;
  try {
    if (!info?.uploadUrl || !info.contentUrl) throw uploadError('no upload URL in the consent');
    await uploadBytes(info.uploadUrl, pending.bytes);
  } catch (error) {
    warn(error, pending.id);
    return say(m.uploadFailed({ file: pending.file.name }));
  }
  const name = info.name || pending.file.name;
  const fileType = info.fileType || (name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '');
  await send({
    type: 'message',
    summary: pending.file.title,
    attachments: [{ contentType: FILE_INFO_CARD, contentUrl: info.contentUrl, name, content: { uniqueId: info.uniqueId, fileType } }],
  });
}
