/**
 * Files for one person (a poll's CSV export): the person's direct-message channel with the bot
 * (`conversations.open`), then Slack's upload flow — `files.getUploadURLExternal`, the bytes POSTed
 * to the URL it returns, `files.completeUploadExternal` shared in that channel — which the Web API
 * client's `filesUploadV2` runs (the upload URL is absolute: a configured `slackApiUrl` changes the
 * methods' host only).
 */
import type { OutgoingFile } from '../../src/core/adapter.ts';
import { ForumError } from '../../src/core/errors.ts';
import { slackCall, type SlackErrorCodes } from './errors.ts';
import type { SlackSending } from './send.ts';

/** The name `slackCall` logs for the three calls of `filesUploadV2` together. */
const FILE_UPLOAD_CALL = 'filesUploadV2';

/** Slack's refusals of an upload that are a workspace's policy, not a fault (logged as warnings). */
const UPLOAD_ERRORS = {
  file_uploads_disabled: 'forbidden',
  file_uploads_except_images_disabled: 'forbidden',
  file_type_not_allowed: 'forbidden',
  file_upload_size_restricted: 'forbidden',
} as const satisfies SlackErrorCodes;

/** The id of the person's direct-message channel with the bot (opened if it was not). */
async function directChannelOf(sending: SlackSending, userId: string): Promise<string> {
  const result = await slackCall(sending.log, 'conversations.open', () => sending.client.conversations.open({ users: userId }));
  const channelId = result.channel?.id;
  if (!channelId) throw new ForumError('platform_error', 'Slack conversations.open returned no channel');
  return channelId;
}

/**
 * Uploads a file into the person's direct messages with the bot, under its title. The content is
 * sent as its UTF-8 bytes, exactly (a BOM included). Slack reads the type from the name's extension.
 * A rate limit on any step starts the flow again; an upload never completed is discarded by Slack.
 */
export async function sendFileToPerson(sending: SlackSending, userId: string, file: OutgoingFile): Promise<void> {
  const channelId = await directChannelOf(sending, userId);
  const bytes = Buffer.from(file.content, 'utf8');
  await slackCall(
    sending.log,
    FILE_UPLOAD_CALL,
    () => sending.client.filesUploadV2({ channel_id: channelId, file: bytes, filename: file.name, title: file.title }),
    { errorCodes: UPLOAD_ERRORS },
  );
}
