/**
 * The `invoke` Teams sends when someone answers a bot's file consent card in their personal chat:
 * `name: 'fileConsent/invoke'`, `value: { type: 'fileUpload', action: 'accept' | 'decline', context,
 * uploadInfo }`, where `context` is the card's `acceptContext` or `declineContext` as the bot wrote
 * it and `uploadInfo` (accepted only) says where to PUT the file in the person's OneDrive and where
 * it will be. Built from the Action.Execute fixture's envelope (ids, tenant, client info).
 */
import { randomUUID } from 'node:crypto';
import { BOT_ACCOUNT, asAccount, clientInfo, frameId, loadTeamsFixture, personFields, place, resolve, type BaseOptions, type Json, type TeamsActivity } from './activity.ts';

export interface FileConsentOptions extends BaseOptions {
  action: 'accept' | 'decline';
  /** The context the consent card carried (`{ fileId }` for this bot). */
  context: Json;
  /** The consent card's message id. */
  replyToId: string;
  /** For `accept`: where the bot uploads (a local server in tests) and the file's name there. */
  upload?: { uploadUrl: string; name: string; contentUrl?: string };
}

/** The OneDrive file Teams names in `uploadInfo` (its unique id and the URL of its content). */
export interface UploadInfo {
  name: string;
  uploadUrl: string;
  contentUrl: string;
  uniqueId: string;
  fileType: string;
}

/** The invoke, with its value typed for the tests that read `uploadInfo` back. */
export type FileConsentInvoke = TeamsActivity & { value: { type: 'fileUpload'; action: 'accept' | 'decline'; context: Json; uploadInfo?: UploadInfo } };

export function fileConsentInvoke(options: FileConsentOptions): FileConsentInvoke {
  const fixture = loadTeamsFixture('invoke-action-execute');
  const resolved = resolve(options);
  const where = place({}, resolved, options.replyToId);
  const upload = options.upload;
  const uploadInfo: UploadInfo | undefined = upload
    ? {
        name: upload.name,
        uploadUrl: upload.uploadUrl,
        contentUrl: upload.contentUrl ?? `https://contoso-my.sharepoint.com/personal/person_contoso_com/Documents/Applications/TA%20Forum/${encodeURIComponent(upload.name)}`,
        uniqueId: randomUUID().toUpperCase(),
        fileType: upload.name.slice(upload.name.lastIndexOf('.') + 1),
      }
    : undefined;
  return {
    ...fixture,
    ...personFields(resolved),
    id: options.id ?? frameId(),
    serviceUrl: options.serviceUrl,
    from: asAccount(resolved.from),
    recipient: { ...BOT_ACCOUNT },
    conversation: where.conversation,
    entities: [clientInfo(resolved.locale, resolved.timezone)],
    channelData: { ...where.channelData, source: { name: 'message' } },
    replyToId: options.replyToId,
    type: 'invoke',
    name: 'fileConsent/invoke',
    value: { type: 'fileUpload', action: options.action, context: options.context, ...(uploadInfo ? { uploadInfo } : {}) },
  };
}
