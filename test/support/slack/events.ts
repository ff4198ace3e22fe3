/**
 * Events API payloads as Slack POSTs them: the `event_callback` envelope, the message events
 * (`app_mention`, direct, channel and thread messages), `member_joined_channel`, `app_home_opened`
 * and the `url_verification` challenge.
 */
import { randomUUID } from 'node:crypto';
import { API_APP_ID, BOT_USER_ID, TEAM_ID, eventId, loadSlackFixture, richTextBlocks, slackTs, type Json } from './workspace.ts';

// ---------------------------------------------------------------------------------------------
// Events API
// ---------------------------------------------------------------------------------------------

export interface SlackEvent extends Json {
  type: string;
}

export interface SlackEventEnvelope extends Json {
  token: string;
  team_id: string;
  api_app_id: string;
  event: SlackEvent;
  type: 'event_callback';
  event_id: string;
  event_time: number;
  authorizations: { enterprise_id: string | null; team_id: string; user_id: string; is_bot: boolean; is_enterprise_install: boolean }[];
  is_ext_shared_channel: boolean;
}

/** The `event_callback` envelope around an event, as Slack POSTs it. */
export function eventEnvelope(event: SlackEvent, options: { teamId?: string; eventId?: string; apiAppId?: string } = {}): SlackEventEnvelope {
  const teamId = options.teamId ?? TEAM_ID;
  const envelope = loadSlackFixture<SlackEventEnvelope>('app-mention');
  const eventTs = typeof event.event_ts === 'string' ? Number.parseFloat(event.event_ts) : Date.now() / 1000;
  return {
    ...envelope,
    team_id: teamId,
    context_team_id: teamId,
    api_app_id: options.apiAppId ?? API_APP_ID,
    event,
    event_id: options.eventId ?? eventId(),
    event_time: Math.floor(eventTs),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export interface SlackMessageEvent extends SlackEvent {
  user: string;
  channel: string;
  text: string;
  ts: string;
  event_ts: string;
  thread_ts?: string;
}

/** An `app_mention` event; the text gets a leading `<@U0BOT>` if it does not mention the bot. */
export function appMention(options: { user: string; channel: string; text: string; ts?: string; threadTs?: string; teamId?: string }): SlackMessageEvent {
  const event = loadSlackFixture<SlackEventEnvelope>('app-mention').event as SlackMessageEvent;
  const text = options.text.includes(`<@${BOT_USER_ID}>`) ? options.text : `<@${BOT_USER_ID}> ${options.text}`;
  const ts = options.ts ?? slackTs();
  return {
    ...event,
    user: options.user,
    ts,
    client_msg_id: randomUUID(),
    text,
    team: options.teamId ?? TEAM_ID,
    blocks: richTextBlocks(text),
    channel: options.channel,
    event_ts: ts,
    ...(options.threadTs ? { thread_ts: options.threadTs, parent_user_id: options.user } : {}),
  };
}

/** A `message` event in the direct-message conversation between a person and the bot. */
export function directMessage(options: { user: string; channel?: string; text: string; ts?: string; threadTs?: string; teamId?: string }): SlackMessageEvent {
  const event = loadSlackFixture<SlackEventEnvelope>('message-im').event as SlackMessageEvent;
  const ts = options.ts ?? slackTs();
  return {
    ...event,
    user: options.user,
    ts,
    client_msg_id: randomUUID(),
    text: options.text,
    team: options.teamId ?? TEAM_ID,
    blocks: richTextBlocks(options.text),
    channel: options.channel ?? `D${options.user.slice(1)}`,
    event_ts: ts,
    channel_type: 'im',
    ...(options.threadTs ? { thread_ts: options.threadTs, parent_user_id: options.user } : {}),
  };
}

/**
 * A `message` event in a public (`message.channels`) or private (`message.groups`, a G… id)
 * channel: a reply in a thread with `threadTs`; a bot's message with `botId`.
 */
export function channelMessage(options: {
  user: string;
  channel: string;
  text: string;
  ts?: string;
  threadTs?: string;
  teamId?: string;
  subtype?: string;
  botId?: string;
}): SlackMessageEvent {
  const event = loadSlackFixture<SlackEventEnvelope>('message-channels').event as SlackMessageEvent;
  const rest: SlackMessageEvent = { ...event };
  delete rest.thread_ts;
  delete rest.parent_user_id;
  const ts = options.ts ?? slackTs();
  return {
    ...rest,
    user: options.user,
    ts,
    client_msg_id: randomUUID(),
    text: options.text,
    team: options.teamId ?? TEAM_ID,
    blocks: richTextBlocks(options.text),
    channel: options.channel,
    event_ts: ts,
    channel_type: options.channel.startsWith('G') ? 'group' : 'channel',
    ...(options.threadTs ? { thread_ts: options.threadTs, parent_user_id: BOT_USER_ID } : {}),
    ...(options.subtype ? { subtype: options.subtype } : {}),
    ...(options.botId ? { bot_id: options.botId } : {}),
  };
}

/** A `member_joined_channel` event. */
export function memberJoined(options: { user: string; channel: string; inviter?: string; teamId?: string }): SlackEvent {
  const event = loadSlackFixture<SlackEventEnvelope>('member-joined-channel').event;
  const rest: SlackEvent = { ...event };
  delete rest.inviter;
  return {
    ...rest,
    user: options.user,
    channel: options.channel,
    channel_type: options.channel.startsWith('G') ? 'G' : 'C',
    team: options.teamId ?? TEAM_ID,
    ...(options.inviter ? { inviter: options.inviter } : {}),
    event_ts: slackTs(),
  };
}

/**
 * An `app_home_opened` event. Slack sends the `view` only once the app has published a Home tab:
 * pass `published: true` to keep the fixture's view.
 */
export function appHomeOpened(options: { user: string; channel?: string; tab?: 'home' | 'messages'; published?: boolean }): SlackEvent {
  const event = loadSlackFixture<SlackEventEnvelope>('app-home-opened').event;
  const { view, ...rest } = event;
  return {
    ...rest,
    user: options.user,
    channel: options.channel ?? `D${options.user.slice(1)}`,
    tab: options.tab ?? 'home',
    ...(options.published ? { view } : {}),
    event_ts: slackTs(),
  };
}

export interface UrlVerification extends Json {
  token: string;
  challenge: string;
  type: 'url_verification';
}

export function urlVerification(challenge?: string): UrlVerification {
  const fixture = loadSlackFixture<UrlVerification>('url-verification');
  return { ...fixture, challenge: challenge ?? fixture.challenge };
}
