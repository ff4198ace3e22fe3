/**
 * Slack's Request URL over HTTP, served before Express: Express's own setup of every request
 * (measured, as much server time as the whole inbox write of a burst) is spent only on the few
 * requests Bolt takes.
 * 1. The body is read (`express.raw` as a plain function: the same size limit and errors as before).
 * 2. The guard's rules (`guard.ts`): 401 or 400 at once.
 * 3. The direct acknowledgement: a request whose answer is an empty 200 whatever its work — an
 *    event the adapter takes, the slash command, a button click, the report shortcut
 *    (`directIntake`) — is written to the inbox and answered here, without Bolt's receiver, its
 *    second signature check and parse, and its middleware for every listener: the answer waits only
 *    for the write. A failed write is answered 500, as a failed listener is, so Slack sends it
 *    again (400 when the store refused the row for what it holds: it would be refused again); so
 *    is a write not done within Slack's 3 seconds (Bolt answered such a request 404): if
 *    it ends later, the row is there and Slack's retry is recognised as a redelivery.
 * 4. The URL check, the SSL check and form submissions (`forBolt`) go on to Express, where `router`
 *    hands them to Bolt's receiver with the raw body already read (`req.rawBody`). A request on
 *    that path that did not come through here is refused (400).
 * 5. Anything else — an event type, a command, a shortcut or an interaction the bot does not
 *    handle — is answered an empty 200 at once and logged at debug level: Bolt, finding no
 *    listener, would have left it unacknowledged and answered 404 after 3 seconds, with an error
 *    in the log, and Slack would have sent it again.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { isForumError } from '../../src/core/errors.ts';
import type { Logger } from '../../src/log.ts';
import { checkSlackRequest } from './guard.ts';
import type { SlackInbox } from './inbox.ts';
import { directIntake, forBolt, unhandledKind, type Intake, type SlackSelf } from './intake.ts';

/** How long Slack waits for an acknowledgement. */
export const SLACK_ACK_DEADLINE_MS = 3000;
/** Slack's requests are small; a view submission with long fields stays far below this. */
const MAX_BODY = '1mb';
/**
 * How long the inbox worker may be held off by requests arriving one after another without a gap:
 * past it, rows are taken again while requests keep coming (the worker is never starved).
 */
export const HOLD_OFF_MAX_MS = 1000;

export interface SlackEndpointOptions {
  signingSecret: string;
  /** The Request URL's path (`/slack/events`). */
  path: string;
  inbox: SlackInbox;
  self: SlackSelf;
  log: Logger;
  /** Bolt's `ExpressReceiver` router, serving the same path. */
  receiver: express.Router;
  now?: () => number;
}

export interface SlackEndpoint {
  /** Before Express: takes the POSTs to the Request URL, and calls `next` for every other request and for those Bolt takes. */
  front: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  /** For Express: Bolt's receiver, behind a check that the request came through `front`. */
  router: express.Router;
}

function answer(res: ServerResponse, status: number, body?: string): void {
  if (res.headersSent) return;
  if (body === undefined) res.writeHead(status);
  else res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(body);
}

/** The path of a request's URL, as Express matches routes: without the query, case and a trailing slash. */
function routePath(url: string | undefined): string {
  const path = (url ?? '').split('?')[0] ?? '';
  return (path.length > 1 ? path.replace(/\/$/, '') : path).toLowerCase();
}

export function slackEndpoint(options: SlackEndpointOptions): SlackEndpoint {
  const { signingSecret, inbox, self, log, now = Date.now } = options;
  const path = routePath(options.path);
  const readBody = express.raw({ type: () => true, limit: MAX_BODY });
  /** The requests `front` checked and handed on, for Bolt. */
  const checked = new WeakSet<IncomingMessage>();
  /** Requests on the path not yet answered, and since when there have been some. */
  let inFlight = 0;
  let busySince = 0;
  // The worker runs rows on this thread: it takes none, and those under way wait at their next statement, while requests are read, checked and written.
  inbox.acknowledging = () => inFlight > 0 && now() - busySince < HOLD_OFF_MAX_MS;
  /** Counts a request until its answer is sent (or its connection closes); the worker and its rows go on when none is left. */
  function track(res: ServerResponse): void {
    if (inFlight++ === 0) busySince = now();
    res.once('close', () => {
      if (--inFlight === 0) inbox.idle();
    });
  }

  /** Writes the request's work and answers (200, or 500 when the write fails or is too slow). */
  function acknowledge(res: ServerResponse, write: Promise<void>): void {
    const deadline = setTimeout(() => {
      log.warn({ deadlineMs: SLACK_ACK_DEADLINE_MS }, 'Slack request not written to the inbox in time; answered 500');
      answer(res, 500);
    }, SLACK_ACK_DEADLINE_MS);
    write.then(
      () => {
        clearTimeout(deadline);
        answer(res, 200);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        // A row the store refuses for what it holds would be refused again: the sender's fault, as an unreadable body.
        const refused = isForumError(error) && error.code === 'bad_request';
        log.error({ err: error }, refused ? 'Slack request refused by the store; answered 400' : 'Slack request not written to the inbox; not acknowledged');
        answer(res, refused ? 400 : 500);
      },
    );
  }

  function front(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    if (req.method !== 'POST' || routePath(req.url) !== path) {
      next();
      return;
    }
    track(res);
    readBody(req, res, (error?: unknown) => {
      if (error !== undefined) {
        // As the host answers a request it could not read: a short JSON body, never a stack.
        const status = (error as { status?: number }).status ?? 500;
        if (status >= 500) log.error({ err: error }, 'Slack request could not be read');
        answer(res, status >= 400 && status < 500 ? status : 500, JSON.stringify({ error: status < 500 ? 'bad_request' : 'internal' }));
        return;
      }
      const { body: raw } = req as IncomingMessage & { body?: unknown };
      const check = checkSlackRequest(signingSecret, Buffer.isBuffer(raw) ? raw : Buffer.alloc(0), req.headers, now());
      if (!check.ok) {
        answer(res, check.status);
        return;
      }
      let intake: Intake | undefined;
      try {
        intake = directIntake(check.body, self, new Date());
      } catch (readError) {
        // A signed body the adapter cannot read is the sender's fault: 400, never a crash or a 500.
        log.warn({ err: readError }, 'Slack request body could not be read; refused');
        answer(res, 400);
        return;
      }
      if (intake) {
        acknowledge(res, inbox.take(intake));
        return;
      }
      if (!forBolt(check.body)) {
        log.debug(unhandledKind(check.body), 'Slack request the bot does not handle; acknowledged');
        answer(res, 200);
        return;
      }
      // Bolt reads `rawBody` instead of the stream (and checks the signature again).
      Object.assign(req, { rawBody: raw });
      checked.add(req);
      next();
    });
  }

  const router = express.Router();
  router.post(options.path, (req, res, next) => {
    if (checked.has(req)) next();
    else res.status(400).end();
  });
  router.use(options.receiver);
  return { front, router };
}
