/**
 * What the Slack app subscribes to and may do: the single source for the listeners (app.ts) and for
 * the app manifest (manifest.json), which a test holds to these lists.
 */

/** Events, the slash command and interactivity all arrive on this one path. */
export const SLACK_EVENTS_PATH = '/slack/events';
export const SLACK_COMMAND = '/forum';

/** The bot events the listeners handle. */
export const SLACK_BOT_EVENTS = ['app_home_opened', 'app_mention', 'member_joined_channel', 'message.im'] as const;

/** The bot token scopes the Web API calls and events need, each for a reason. */
export const SLACK_BOT_SCOPES = {
  'app_mentions:read': 'app_mention events',
  'channels:read': 'member_joined_channel in public channels; conversations.members for response rates',
  'chat:write': 'chat.postMessage, chat.update, chat.postEphemeral',
  commands: 'the /forum slash command',
  'groups:read': 'member_joined_channel in private channels; their members',
  'im:history': 'message.im events (direct messages to the bot)',
  'users:read': 'users.info, for each person’s Slack language',
} as const;

export type SlackScope = keyof typeof SLACK_BOT_SCOPES;

/** Web API methods the adapter calls, with the scope each needs (none: the bot token suffices). */
export const SLACK_METHODS: Record<string, SlackScope | null> = {
  'auth.test': null,
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'conversations.members': 'channels:read',
  'users.info': 'users:read',
  'views.open': null,
  'views.publish': null,
};
