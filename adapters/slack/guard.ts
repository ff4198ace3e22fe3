/**
 * Slack's rules for a request to the app's Request URL, some of which Bolt leaves out: a request
 * whose timestamp is more than five minutes from now either way is refused with 401 (Bolt checks
 * only the past, so a request signed for tomorrow would pass), and so is one whose signature (one
 * HMAC, compared in constant time) is not the signing secret's; a signed body that is none of
 * Slack's shapes is refused with 400 (Bolt would parse it, find no listener and answer 404 after
 * three seconds), and so is one whose fields Bolt reads have types Slack never sends (Bolt would
 * throw on them and answer 500). `http-endpoint.ts` applies them before anything else.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Slack's tolerance between its clock and ours, in seconds, either way. */
export const SLACK_MAX_SKEW_SECONDS = 300;

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

/**
 * The body as Bolt reads it (the JSON envelope, a command's form fields, or an interaction's
 * `payload`) when it has one of the shapes Slack sends: an event envelope, an interaction payload, a
 * slash command, an SSL check. Undefined otherwise.
 */
export function readSlackBody(body: string, contentType: string | undefined): Record<string, unknown> | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    const envelope = parsedJson(body);
    if (!isObject(envelope) || typeof envelope.type !== 'string') return undefined;
    if (envelope.type === 'url_verification') return typeof envelope.challenge === 'string' ? envelope : undefined;
    if (!fieldsPass(envelope, ENVELOPE_FIELDS)) return undefined;
    if (envelope.type === 'event_callback' && !(isObject(envelope.event) && fieldsPass(envelope.event, EVENT_FIELDS))) return undefined;
    return envelope;
  }
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(body);
    const payload = form.get('payload');
    if (payload !== null) {
      const parsed = parsedJson(payload);
      return isObject(parsed) && fieldsPass(parsed, PAYLOAD_FIELDS) ? parsed : undefined;
    }
    return form.get('command') !== null || form.get('ssl_check') !== null ? Object.fromEntries(form) : undefined;
  }
  return undefined;
}

/** Whether a body has one of the shapes Slack sends (see `readSlackBody`). */
export function slackShaped(body: string, contentType: string | undefined): boolean {
  return readSlackBody(body, contentType) !== undefined;
}

/** Slack's v0 signature of a body: `v0=` and the hex HMAC-SHA256 of `v0:{timestamp}:{body}`, compared in constant time. */
export function slackSignatureValid(signingSecret: string, timestamp: number, body: Buffer, signature: string): boolean {
  const expected = Buffer.from(`v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(body).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What the guard made of a request: its body as Bolt reads it, or the status that refuses it. */
export type SlackCheck = { ok: true; body: Record<string, unknown> } | { ok: false; status: 400 | 401 };

/**
 * Slack's rules for a request to the Request URL: signed with the signing secret (401 otherwise),
 * its timestamp within five minutes of now either way (401), a body of one of Slack's shapes (400).
 */
export function checkSlackRequest(signingSecret: string, raw: Buffer, headers: IncomingHttpHeaders, nowMs: number): SlackCheck {
  const timestamp = Number(headers['x-slack-request-timestamp']);
  const signature = headers['x-slack-signature'];
  const signed =
    Number.isInteger(timestamp) &&
    Math.abs(nowMs / 1000 - timestamp) <= SLACK_MAX_SKEW_SECONDS &&
    typeof signature === 'string' &&
    slackSignatureValid(signingSecret, timestamp, raw, signature);
  if (!signed) return { ok: false, status: 401 };
  const body = readSlackBody(raw.toString('utf8'), headers['content-type']);
  return body ? { ok: true, body } : { ok: false, status: 400 };
}
