/**
 * In front of Bolt's receiver on the Request URL: two of Slack's rules that Bolt leaves out. A
 * request whose timestamp is more than five minutes from now either way is refused with 401 (Bolt
 * checks only the past, so a request signed for tomorrow would pass); a signed body that is none of
 * Slack's shapes is answered 400 at once (Bolt would parse it, find no listener and answer 404
 * after three seconds), and so is one whose fields Bolt reads have types Slack never sends (Bolt
 * would throw on them and answer 500). The raw body read here is handed on as `req.rawBody`, which Bolt reads
 * instead of the stream, and Bolt verifies the signature again.
 */
import { isValidSlackRequest } from '@slack/bolt';
import express from 'express';

/** Slack's tolerance between its clock and ours, in seconds, either way. */
export const SLACK_MAX_SKEW_SECONDS = 300;
/** Slack's requests are small; a view submission with long fields stays far below this. */
const MAX_BODY = '1mb';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

type Check = (value: unknown) => boolean;
const absentOr =
  (...checks: Check[]): Check =>
  (value) =>
    value === undefined || checks.some((check) => check(value));
const isString: Check = (value) => typeof value === 'string';
const isNull: Check = (value) => value === null;
const isArrayOf =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check);
/** An object with a string `id` (a user, a team, a channel as Slack describes them). */
const withId: Check = (value) => isObject(value) && typeof value.id === 'string';

/** Whether each named field passes its check (a field Slack leaves out is absent, not null or a number). */
const fieldsPass = (object: Record<string, unknown>, checks: Record<string, Check>): boolean => Object.entries(checks).every(([field, check]) => check(object[field]));

/**
 * The fields Bolt reads before any listener runs, with the types Slack gives them: a payload that
 * breaks them (a `user` that is null, `actions` that are a number) would make Bolt throw and answer 500.
 */
const ENVELOPE_FIELDS: Record<string, Check> = {
  team_id: absentOr(isString),
  enterprise_id: absentOr(isString, isNull),
  api_app_id: absentOr(isString),
  authorizations: absentOr(isArrayOf(isObject)),
};
/** An event's own fields: `user` and `channel` are ids, or objects in some events (team_join, channel_created). */
const EVENT_FIELDS: Record<string, Check> = {
  type: isString,
  user: absentOr(isString, isObject),
  channel: absentOr(isString, isObject),
  team: absentOr(isString),
  text: absentOr(isString),
  ts: absentOr(isString),
  thread_ts: absentOr(isString),
  event_ts: absentOr(isString),
  subtype: absentOr(isString),
  bot_id: absentOr(isString),
};
/** An action of an interaction: Bolt matches listeners on its ids with a regular expression. */
const ACTION_FIELDS: Record<string, Check> = { action_id: absentOr(isString), block_id: absentOr(isString) };
const isAction: Check = (value) => isObject(value) && fieldsPass(value, ACTION_FIELDS);
/** A view of a submission: Bolt matches listeners on its callback id. */
const isView: Check = (value) => isObject(value) && fieldsPass(value, { callback_id: absentOr(isString) });
const PAYLOAD_FIELDS: Record<string, Check> = {
  type: isString,
  user: withId,
  team: absentOr(withId, isNull),
  enterprise: absentOr(isObject, isNull),
  channel: absentOr(withId, isNull),
  actions: absentOr(isArrayOf(isAction)),
  message: absentOr(isObject),
  view: absentOr(isView),
  container: absentOr(isObject),
  callback_id: absentOr(isString),
  trigger_id: absentOr(isString),
  response_url: absentOr(isString),
};

/** Whether a body has one of the shapes Slack sends: an event envelope, an interaction payload, a slash command, an SSL check. */
export function slackShaped(body: string, contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    const envelope = parsedJson(body);
    if (!isObject(envelope) || typeof envelope.type !== 'string') return false;
    if (envelope.type === 'url_verification') return typeof envelope.challenge === 'string';
    if (!fieldsPass(envelope, ENVELOPE_FIELDS)) return false;
    if (envelope.type === 'event_callback') return isObject(envelope.event) && fieldsPass(envelope.event, EVENT_FIELDS);
    return true;
  }
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(body);
    const payload = form.get('payload');
    if (payload !== null) {
      const parsed = parsedJson(payload);
      return isObject(parsed) && fieldsPass(parsed, PAYLOAD_FIELDS);
    }
    return form.get('command') !== null || form.get('ssl_check') !== null;
  }
  return false;
}

/** The guard, as a router to mount before Bolt's on the same path. */
export function slackRequestGuard(signingSecret: string, endpoint: string, now: () => number = Date.now): express.Router {
  const router = express.Router();
  router.post(endpoint, express.raw({ type: () => true, limit: MAX_BODY }), (req, res, next) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const body = raw.toString('utf8');
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    const signature = req.headers['x-slack-signature'];
    const signed =
      Number.isInteger(timestamp) &&
      Math.abs(now() / 1000 - timestamp) <= SLACK_MAX_SKEW_SECONDS &&
      typeof signature === 'string' &&
      isValidSlackRequest({ signingSecret, body, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp }, nowMilliseconds: now() });
    if (!signed) {
      res.status(401).end();
      return;
    }
    if (!slackShaped(body, req.headers['content-type'])) {
      res.status(400).end();
      return;
    }
    Object.assign(req, { rawBody: raw });
    next();
  });
  return router;
}
