/**
 * In front of Bolt's receiver on the Request URL: two of Slack's rules that Bolt leaves out. A
 * request whose timestamp is more than five minutes from now either way is refused with 401 (Bolt
 * checks only the past, so a request signed for tomorrow would pass); a signed body that is none of
 * Slack's shapes is answered 400 at once (Bolt would parse it, find no listener and answer 404
 * after three seconds). The raw body read here is handed on as `req.rawBody`, which Bolt reads
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

/** Whether a body has one of the shapes Slack sends: an event envelope, an interaction payload, a slash command, an SSL check. */
export function slackShaped(body: string, contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    const envelope = parsedJson(body);
    if (!isObject(envelope) || typeof envelope.type !== 'string') return false;
    if (envelope.type === 'url_verification') return typeof envelope.challenge === 'string';
    if (envelope.type === 'event_callback') return isObject(envelope.event) && typeof envelope.event.type === 'string';
    return true;
  }
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(body);
    const payload = form.get('payload');
    if (payload !== null) {
      const parsed = parsedJson(payload);
      return isObject(parsed) && typeof parsed.type === 'string';
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
