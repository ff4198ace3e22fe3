/**
 * What the Slack app subscribes to and may do: the single source for the listeners (app.ts) and for
 * the app manifest (manifest.json), which a test holds to these lists.
 */

/** Events, the slash command and interactivity all arrive on this one path. */
export const SLACK_EVENTS_PATH = '/slack/events';
export const SLACK_COMMAND = '/forum';

/**
 * The `message` events the one `message` listener takes: direct messages to the bot (questions),
 * and messages in public and private channels, of which only replies in threads are read (recorded
 * under the weekly topic, never answered).
 */
export const SLACK_MESSAGE_EVENTS = ['message.channels', 'message.groups', 'message.im'] as const;

/** The bot events the listeners handle. */
export const SLACK_BOT_EVENTS = ['app_home_opened', 'app_mention', 'member_joined_channel', ...SLACK_MESSAGE_EVENTS] as const;

/** The message shortcut "Report to moderators" (its `callback_id`). */
export const SLACK_REPORT_SHORTCUT = 'report_message';

/** The shortcuts the app declares; each has a listener. */
export const SLACK_SHORTCUTS = [
  {
    callback_id: SLACK_REPORT_SHORTCUT,
    type: 'message',
    name: 'Report to moderators',
    description: 'Tell the forum’s moderators about this message',
  },
] as const;

/** The bot token scopes the Web API calls and events need, each for a reason. */
export const SLACK_BOT_SCOPES = {
  'app_mentions:read': 'app_mention events',
  'channels:history': 'message.channels events (replies in channel threads, such as under the weekly topic)',
  'channels:read': 'member_joined_channel in public channels; conversations.members of public channels (poll response rates)',
  'chat:write': 'chat.postMessage, chat.update (live poll counts), chat.postEphemeral, chat.delete (the bot’s own posts only)',
  commands: 'the /forum slash command and the “Report to moderators” message shortcut',
  'files:write': 'files.getUploadURLExternal and files.completeUploadExternal: a poll’s CSV export as a file in the person’s direct messages',
  'groups:history': 'message.groups events (replies in private channel threads)',
  'groups:read': 'member_joined_channel in private channels; conversations.members of private channels',
  'im:history': 'message.im events (direct messages to the bot)',
  'im:write': 'conversations.open of a person’s direct messages with the bot (the channel a file is shared in)',
  'users:read': 'users.info, for each person’s Slack language and to know whom an invitation names',
} as const;

export type SlackScope = keyof typeof SLACK_BOT_SCOPES;

/**
 * Web API methods the adapter calls, with the scopes they need (none: the bot token suffices).
 * A method that works on several kinds of conversation lists the scope of each kind the bot uses:
 * `conversations.members` reads public channels with `channels:read`, private ones with
 * `groups:read` (direct and group messages, which would need `im:read` and `mpim:read`, are not asked).
 */
export const SLACK_METHODS: Record<string, readonly SlackScope[]> = {
  'auth.test': [],
  'chat.delete': ['chat:write'],
  'chat.getPermalink': [],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'conversations.members': ['channels:read', 'groups:read'],
  // Only 1:1 direct messages are opened (mpim:write, channels:manage, groups:write are for other kinds).
  'conversations.open': ['im:write'],
  'files.completeUploadExternal': ['files:write'],
  'files.getUploadURLExternal': ['files:write'],
  'users.info': ['users:read'],
  'views.open': [],
  'views.publish': [],
};

/**
 * The Web API client's helpers the adapter calls (`client.filesUploadV2`), with the methods each
 * calls: those methods are in SLACK_METHODS with their scopes. `filesUploadV2` also POSTs the bytes
 * to the URL `files.getUploadURLExternal` returns, which needs no scope.
 */
export const SLACK_CLIENT_HELPERS: Record<string, readonly string[]> = {
  filesUploadV2: ['files.getUploadURLExternal', 'files.completeUploadExternal'],
};
