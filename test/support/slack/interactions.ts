/**
 * Slash commands (form fields) and interactions (a form field `payload` holding JSON): a click on a
 * button, a message shortcut, the submission of a modal.
 */
import { API_APP_ID, BOT_ID, BOT_USER_ID, TEAM_DOMAIN, TEAM_ID, VERIFICATION_TOKEN, hookUrl, loadSlackFixture, next, richTextBlocks, triggerId, type Json } from './workspace.ts';

// ---------------------------------------------------------------------------------------------
// Slash commands and interactions
// ---------------------------------------------------------------------------------------------

/** The form fields of a slash command (all strings, as Slack sends them). */
export type SlashCommandFields = Record<
  | 'token'
  | 'team_id'
  | 'team_domain'
  | 'channel_id'
  | 'channel_name'
  | 'user_id'
  | 'user_name'
  | 'command'
  | 'text'
  | 'api_app_id'
  | 'is_enterprise_install'
  | 'response_url'
  | 'trigger_id',
  string
>;

export function slashCommand(options: {
  user: string;
  channel: string;
  text: string;
  responseUrl?: string;
  teamId?: string;
  triggerId?: string;
  userName?: string;
  channelName?: string;
  command?: string;
}): SlashCommandFields {
  const fixture = loadSlackFixture<SlashCommandFields>('slash-command');
  const teamId = options.teamId ?? TEAM_ID;
  return {
    ...fixture,
    team_id: teamId,
    team_domain: TEAM_DOMAIN,
    channel_id: options.channel,
    channel_name: options.channelName ?? (options.channel.startsWith('D') ? 'directmessage' : options.channel.startsWith('G') ? 'privategroup' : 'general'),
    user_id: options.user,
    user_name: options.userName ?? options.user.toLowerCase(),
    command: options.command ?? '/forum',
    text: options.text,
    api_app_id: API_APP_ID,
    is_enterprise_install: 'false',
    response_url: options.responseUrl ?? hookUrl('commands', teamId),
    trigger_id: options.triggerId ?? triggerId(),
  };
}

export interface BlockActionsPayload extends Json {
  type: 'block_actions';
  user: { id: string; username: string; name: string; team_id: string };
  team: { id: string; domain: string };
  container: { type: 'message'; message_ts: string; channel_id: string; is_ephemeral: boolean };
  channel: { id: string; name: string };
  message: Json & { ts: string; thread_ts?: string };
  trigger_id: string;
  response_url: string;
  actions: { type: 'button'; action_id: string; block_id: string; value: string; action_ts: string; text: Json }[];
}

/** A click on a button of one of the bot's messages. */
export function blockAction(options: {
  user: string;
  channel: string;
  messageTs: string;
  actionId: string;
  value: string;
  blockId?: string;
  teamId?: string;
  responseUrl?: string;
  threadTs?: string;
  userName?: string;
}): BlockActionsPayload {
  const fixture = loadSlackFixture<BlockActionsPayload>('block-actions');
  const teamId = options.teamId ?? TEAM_ID;
  const userName = options.userName ?? options.user.toLowerCase();
  const action = fixture.actions[0];
  return {
    ...fixture,
    user: { id: options.user, username: userName, name: userName, team_id: teamId },
    api_app_id: API_APP_ID,
    container: { type: 'message', message_ts: options.messageTs, channel_id: options.channel, is_ephemeral: false },
    trigger_id: triggerId(),
    team: { id: teamId, domain: TEAM_DOMAIN },
    channel: { id: options.channel, name: options.channel.startsWith('D') ? 'directmessage' : 'general' },
    message: { ...fixture.message, team: teamId, ts: options.messageTs, ...(options.threadTs ? { thread_ts: options.threadTs } : {}) },
    response_url: options.responseUrl ?? hookUrl('actions', teamId),
    actions: [
      {
        ...(action as BlockActionsPayload['actions'][number]),
        type: 'button',
        action_id: options.actionId,
        block_id: options.blockId ?? action?.block_id ?? 'actions',
        value: options.value,
        action_ts: `${(Date.now() / 1000).toFixed(6)}`,
      },
    ],
  };
}

export interface MessageShortcutPayload extends Json {
  type: 'message_action';
  callback_id: string;
  trigger_id: string;
  response_url: string;
  message_ts: string;
  team: { id: string; domain: string };
  user: { id: string; username: string; name: string; team_id: string };
  channel: { id: string; name: string };
  message: Json & { ts: string; text: string; user?: string; thread_ts?: string };
}

/** A message shortcut (“Report to moderators”) used on a message; `author` undefined for a bot's message. */
export function messageShortcut(options: {
  user: string;
  channel: string;
  messageTs: string;
  text: string;
  author?: string;
  threadTs?: string;
  callbackId?: string;
  responseUrl?: string;
  teamId?: string;
}): MessageShortcutPayload {
  const fixture = loadSlackFixture<MessageShortcutPayload>('message-action');
  const teamId = options.teamId ?? TEAM_ID;
  const userName = options.user.toLowerCase();
  const message: MessageShortcutPayload['message'] = { ...fixture.message, ts: options.messageTs, text: options.text, team: teamId, blocks: richTextBlocks(options.text) };
  delete message.thread_ts;
  delete message.parent_user_id;
  delete message.user;
  const name = options.channel.startsWith('D') ? 'directmessage' : options.channel.startsWith('G') ? 'privategroup' : 'general';
  return {
    ...fixture,
    action_ts: `${(Date.now() / 1000).toFixed(6)}`,
    team: { id: teamId, domain: TEAM_DOMAIN },
    user: { id: options.user, username: userName, name: userName, team_id: teamId },
    channel: { id: options.channel, name },
    callback_id: options.callbackId ?? fixture.callback_id,
    trigger_id: triggerId(),
    response_url: options.responseUrl ?? hookUrl('app', teamId),
    message_ts: options.messageTs,
    message: {
      ...message,
      ...(options.author ? { user: options.author } : { bot_id: BOT_ID, subtype: 'bot_message' }),
      ...(options.threadTs ? { thread_ts: options.threadTs, parent_user_id: BOT_USER_ID } : {}),
    },
  };
}

/** A global shortcut (from the shortcuts menu, on no message), as Slack POSTs it: `type: 'shortcut'`. */
export function globalShortcut(options: { user: string; callbackId: string; teamId?: string }): Json {
  const teamId = options.teamId ?? TEAM_ID;
  const userName = options.user.toLowerCase();
  return {
    type: 'shortcut',
    token: VERIFICATION_TOKEN,
    action_ts: `${(Date.now() / 1000).toFixed(6)}`,
    team: { id: teamId, domain: TEAM_DOMAIN },
    user: { id: options.user, username: userName, team_id: teamId },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: options.callbackId,
    trigger_id: triggerId(),
  };
}

export interface ViewSubmissionPayload extends Json {
  type: 'view_submission';
  team: { id: string; domain: string };
  user: { id: string; username: string; name: string; team_id: string };
  trigger_id: string;
  view: Json & {
    id: string;
    callback_id: string;
    private_metadata: string;
    state: { values: Record<string, Record<string, { type: 'plain_text_input'; value: string | null }>> };
  };
}

/**
 * The submission of a modal whose input blocks are one `plain_text_input` per field: the block id and
 * the action id are both the field id.
 */
export function viewSubmission(options: {
  user: string;
  callbackId: string;
  privateMetadata: string;
  values: Record<string, string | null>;
  teamId?: string;
  viewId?: string;
  userName?: string;
}): ViewSubmissionPayload {
  const fixture = loadSlackFixture<ViewSubmissionPayload>('view-submission');
  const teamId = options.teamId ?? TEAM_ID;
  const userName = options.userName ?? options.user.toLowerCase();
  const [inputBlock] = fixture.view.blocks as Json[];
  const viewId = options.viewId ?? `V0${next().toString(36).toUpperCase().padStart(9, '0')}`;
  const fields = Object.entries(options.values);
  return {
    ...fixture,
    team: { id: teamId, domain: TEAM_DOMAIN },
    user: { id: options.user, username: userName, name: userName, team_id: teamId },
    api_app_id: API_APP_ID,
    trigger_id: triggerId(),
    view: {
      ...fixture.view,
      id: viewId,
      team_id: teamId,
      blocks: fields.map(([id]) => ({
        ...inputBlock,
        block_id: id,
        label: { type: 'plain_text', text: id, emoji: true },
        element: { ...(inputBlock?.element as Json), action_id: id },
      })),
      private_metadata: options.privateMetadata,
      callback_id: options.callbackId,
      state: { values: Object.fromEntries(fields.map(([id, value]) => [id, { [id]: { type: 'plain_text_input', value } }])) },
      hash: `${Math.floor(Date.now() / 1000)}.${next().toString(16).padStart(8, '0')}`,
      root_view_id: viewId,
      app_installed_team_id: teamId,
    },
  };
}
