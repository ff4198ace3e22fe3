/**
 * What a Slack request asks of the inbox: the work to write under its delivery id, or nothing (a
 * message not for the bot, or a payload missing what the work needs — logged). The Bolt listeners
 * (Socket Mode, and the requests Bolt takes over HTTP) and the direct acknowledgement over HTTP
 * (`http-endpoint.ts`) build their rows here, so both write the same rows for the same request.
 */
import type { InboundEvent } from '../../src/core/events.ts';
import {
  blockActionToEvent,
  commandToEvent,
  directMessageToEvent,
  memberJoinedToEvent,
  mentionToEvent,
  readMessageShortcut,
  threadReplyToEvent,
  viewSubmissionToEvent,
} from './inbound.ts';
import type { SlackWork } from './inbox.ts';
import type { DeliveryContext } from './send.ts';
import { SLACK_COMMAND, SLACK_REPORT_SHORTCUT } from './subscriptions.ts';

export type Intake =
  /** Work for the inbox under `slack:<deliveryId>` (the dispatcher's key). */
  | { kind: 'work'; deliveryId: string; work: SlackWork }
  /** Nothing to write; `missing` names the payload that lacked the expected fields (a warning). */
  | { kind: 'none'; missing?: string };

/** Who the bot is, as far as known: its user id (from start-up or from an event's authorizations) and bot id. */
export interface SlackSelf {
  botUserId(body: unknown): string | undefined;
  botId: string | undefined;
}

const NOTHING: Intake = { kind: 'none' };

function dispatch(event: InboundEvent | undefined, context: DeliveryContext, payloadType: string, home = false): Intake {
  if (!event) return { kind: 'none', missing: payloadType };
  return { kind: 'work', deliveryId: event.id, work: { kind: 'dispatch', event, context, payloadType, ...(home ? { home: true } : {}) } };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The event types the adapter takes (the `message` type covers direct messages and channel thread replies). */
export const SLACK_TAKEN_EVENTS = ['app_mention', 'message', 'member_joined_channel', 'app_home_opened'] as const;
export type SlackTakenEvent = (typeof SLACK_TAKEN_EVENTS)[number];

/**
 * An Events API envelope of one of the taken event types. Events from the bot itself are dropped as
 * Bolt's `ignoreSelf` drops them (its own user, but for a channel join; its own bot messages).
 */
export function eventIntake(type: SlackTakenEvent, body: unknown, self: SlackSelf, receivedAt: Date): Intake {
  const event = asRecord(asRecord(body).event);
  const bot = self.botUserId(body);
  if (type !== 'member_joined_channel' && bot !== undefined && event.user === bot) return NOTHING;
  if (event.subtype === 'bot_message' && self.botId !== undefined && event.bot_id === self.botId) return NOTHING;
  switch (type) {
    case 'app_mention':
      return dispatch(mentionToEvent(body, event, bot, receivedAt), { kind: 'event' }, 'app_mention');
    case 'message': {
      // A direct message is a question; a reply in a channel thread may belong to a weekly topic.
      // Other messages (edits, bots, channel messages outside threads) are not for the bot: nothing to log.
      const e = directMessageToEvent(body, event, bot, receivedAt) ?? threadReplyToEvent(body, event, bot, receivedAt);
      return e ? dispatch(e, { kind: 'event' }, e.type === 'message' ? 'message.im' : 'message.channels') : NOTHING;
    }
    case 'member_joined_channel':
      return dispatch(memberJoinedToEvent(body, event, bot, receivedAt), { kind: 'event' }, 'member_joined_channel');
    case 'app_home_opened': {
      const { team_id: teamId, event_id: eventId } = asRecord(body);
      const user = typeof event.user === 'string' ? event.user : '';
      if (event.tab !== 'home') return NOTHING;
      const deliveryId = typeof eventId === 'string' ? eventId : `home:${user}:${String(event.event_ts)}`;
      return { kind: 'work', deliveryId, work: { kind: 'home', actor: { platform: 'slack', workspaceId: typeof teamId === 'string' ? teamId : '', userId: user } } };
    }
    default: {
      const unknown: never = type;
      return unknown;
    }
  }
}

/** The slash command: answered through its `response_url`. */
export function commandIntake(body: unknown, self: SlackSelf, receivedAt: Date): Intake {
  const { trigger_id: triggerId, response_url: responseUrl } = asRecord(body);
  const context: DeliveryContext = { kind: 'command', triggerId: triggerId as string | undefined, responseUrl: responseUrl as string | undefined };
  return dispatch(commandToEvent(body, self.botUserId(body), receivedAt), context, 'command');
}

/** A button clicked on a message or in a view (a click on the App Home publishes it again afterwards). */
export function actionIntake(body: unknown, receivedAt: Date): Intake {
  const parsed = blockActionToEvent(body, receivedAt);
  const raw = body as { trigger_id?: string; response_url?: string };
  const context: DeliveryContext = {
    kind: parsed?.container === 'view' ? 'view' : 'action',
    triggerId: raw.trigger_id,
    responseUrl: raw.response_url,
    ephemeral: parsed?.ephemeral ?? false,
  };
  return dispatch(parsed?.event, context, 'block_actions', parsed?.container === 'view');
}

/** "Report to moderators" on a message: the worker asks for the message's link, then starts the report. */
export function shortcutIntake(body: unknown, self: SlackSelf, receivedAt: Date): Intake {
  const shortcut = readMessageShortcut(body, self.botUserId(body));
  if (!shortcut) return { kind: 'none', missing: 'message_action' };
  const context: DeliveryContext = { kind: 'shortcut', triggerId: shortcut.triggerId, responseUrl: shortcut.responseUrl };
  return { kind: 'work', deliveryId: `shortcut:${shortcut.triggerId}`, work: { kind: 'report', shortcut, context, receivedAt } };
}

/** A form submitted. */
export function viewIntake(body: unknown, receivedAt: Date): Intake {
  return dispatch(viewSubmissionToEvent(body, receivedAt), { kind: 'view' }, 'view_submission');
}

/**
 * The intake of a request over HTTP that can be acknowledged without Bolt — one whose answer is an
 * empty 200 whatever the work: an event of a taken type, the slash command, a button click, the
 * report shortcut. Undefined for anything else: the URL check, the SSL check and form submissions
 * go on to Bolt (`forBolt`); what no listener takes is acknowledged at once (`http-endpoint.ts`). `body` is the
 * request as Bolt would parse it: the JSON envelope, the command's fields, or the interaction's
 * `payload`.
 */
export function directIntake(body: Record<string, unknown>, self: SlackSelf, receivedAt: Date): Intake | undefined {
  if (body.type === 'event_callback') {
    const type = asRecord(body.event).type;
    const taken = SLACK_TAKEN_EVENTS.find((t) => t === type);
    return taken ? eventIntake(taken, body, self, receivedAt) : undefined;
  }
  if (typeof body.command === 'string') return body.command === SLACK_COMMAND ? commandIntake(body, self, receivedAt) : undefined;
  // Bolt's action listener takes a click whose first action has an id (`actions` was checked by the guard).
  if (body.type === 'block_actions') return typeof asRecord((body.actions as unknown[] | undefined)?.[0]).action_id === 'string' ? actionIntake(body, receivedAt) : undefined;
  if (body.type === 'message_action' && body.callback_id === SLACK_REPORT_SHORTCUT) return shortcutIntake(body, self, receivedAt);
  return undefined;
}

/**
 * Whether Bolt's receiver has something to answer for a request `directIntake` did not take: the
 * URL check and the SSL check (their answers have a body), a form submission (whose answer may one
 * day carry the form's errors). Anything else — an event of another type, another command, a
 * shortcut or interaction the bot does not declare — has no listener: Bolt would leave it
 * unacknowledged and answer 404 after 3 seconds, so the endpoint acknowledges it at once instead.
 */
export function forBolt(body: Record<string, unknown>): boolean {
  return body.type === 'url_verification' || body.ssl_check !== undefined || body.type === 'view_submission';
}

/** What a request the bot does not handle is, for the log: its type and the event's or the callback's name. */
export function unhandledKind(body: Record<string, unknown>): Record<string, unknown> {
  const event = asRecord(body.event).type;
  return {
    type: typeof body.type === 'string' ? body.type : typeof body.command === 'string' ? 'command' : 'unknown',
    ...(typeof event === 'string' ? { event } : {}),
    ...(typeof body.callback_id === 'string' ? { callbackId: body.callback_id } : {}),
    ...(typeof body.command === 'string' ? { command: body.command } : {}),
  };
}
