/**
 * The one place Bot Connector calls fail: 429s are waited out (`Retry-After`, a few times), a 403
 * (the bot was removed from the conversation) becomes `forbidden` so that proactive posts stop, and
 * every other failure a `platform_error`; the details go to the log, never to the person. A call may
 * name its own code for a status (a deletion's 404 is `not_found`: the message is gone).
 */
import { ForumError, type ErrorCode } from '../../src/core/errors.ts';
import type { Logger } from '../../src/log.ts';

export const TEAMS_RATE_LIMIT_RETRIES = 3;
export const TEAMS_MAX_RETRY_AFTER_SECONDS = 60;
/** Without a `Retry-After`, the wait before trying again. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

interface HttpFailure {
  statusCode?: number;
  status?: number;
  response?: { headers?: { get?: (name: string) => string | undefined | null } | Record<string, string> };
}

function statusOf(error: unknown): number | undefined {
  const e = error as HttpFailure | undefined;
  return e?.statusCode ?? e?.status;
}

function retryAfterOf(error: unknown): number {
  const headers = (error as HttpFailure | undefined)?.response?.headers;
  const raw = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_RETRY_AFTER_SECONDS;
}

/** Codes a call gives to HTTP statuses, over the defaults below. */
export type StatusCodes = Partial<Record<number, ErrorCode>>;

export function toForumError(what: string, error: unknown, codes: StatusCodes = {}): ForumError {
  if (error instanceof ForumError) return error;
  const status = statusOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  const own = status === undefined ? undefined : codes[status];
  if (own) return new ForumError(own, `Teams ${what}: HTTP ${status}`, { cause: error });
  if (status === 403 || status === 404) {
    return new ForumError('forbidden', `Teams ${what}: the bot is no longer in the conversation (HTTP ${status})`, { cause: error });
  }
  if (status === 429) return new ForumError('rate_limited', `Teams ${what}: rate limited`, { cause: error });
  if (status === 401) {
    return new ForumError('platform_error', `Teams ${what}: refused (HTTP 401; check MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD)`, { cause: error });
  }
  return new ForumError('platform_error', `Teams ${what} failed${status ? ` (HTTP ${status})` : ''}: ${detail}`, { cause: error });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs one Bot Connector call: waits out rate limits, converts failures, logs what happened. */
export async function teamsCall<T>(log: Logger, what: string, call: () => Promise<T>, codes: StatusCodes = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (statusOf(error) === 429 && attempt < TEAMS_RATE_LIMIT_RETRIES) {
        const seconds = Math.min(retryAfterOf(error), TEAMS_MAX_RETRY_AFTER_SECONDS);
        log.warn({ what, retryAfter: seconds, attempt: attempt + 1 }, 'Teams rate limit: waiting before trying again');
        await sleep(seconds * 1000);
        continue;
      }
      const converted = toForumError(what, error, codes);
      log.error({ what, err: converted }, 'Teams call failed');
      throw converted;
    }
  }
}
