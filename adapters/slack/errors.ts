/**
 * The one place Slack Web API calls fail: rate limits are waited out (Slack's `Retry-After`, a few
 * times), and every other failure becomes a ForumError whose message is for the log only. The person
 * sees the dispatcher's fixed friendly sentence.
 */
import { webApi } from '@slack/bolt';
import { ForumError, type ErrorCode } from '../../src/core/errors.ts';
import type { Logger } from '../../src/log.ts';

/** How many times a rate-limited call is tried again, and the longest wait accepted. */
export const SLACK_RATE_LIMIT_RETRIES = 3;
export const SLACK_MAX_RETRY_AFTER_SECONDS = 60;

/** Platform errors that mean the app's configuration is wrong, not the request. */
const CONFIGURATION_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'missing_scope']);

/** Slack errors of one method that mean something to the core (`message_not_found` → `not_found`). */
export type SlackErrorCodes = Readonly<Record<string, ErrorCode>>;

export function toForumError(method: string, error: unknown, errorCodes: SlackErrorCodes = {}): ForumError {
  if (error instanceof ForumError) return error;
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    // Socket Mode's connection is opened with the app-level token; every other call with the bot token.
    const token = method === 'apps.connections.open' ? 'SLACK_APP_TOKEN' : 'SLACK_BOT_TOKEN';
    const hint = CONFIGURATION_ERRORS.has(code) ? ` (check ${token} and the app’s scopes)` : '';
    return new ForumError(errorCodes[code] ?? 'platform_error', `Slack ${method} failed: ${code}${hint}`, { cause: error });
  }
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new ForumError('rate_limited', `Slack ${method} rate limited (retry after ${error.retryAfter} s)`, { cause: error });
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    return new ForumError('platform_error', `Slack ${method} failed: HTTP ${error.statusCode}`, { cause: error });
  }
  if (error instanceof webApi.WebAPIRequestError) {
    return new ForumError('platform_error', `Slack ${method} unreachable: ${error.original.message}`, { cause: error });
  }
  return new ForumError('platform_error', `Slack ${method} failed: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
}

/** Whether a failure is Slack's refusal of the app's credentials or scopes. */
export function isConfigurationError(error: unknown): boolean {
  const cause = error instanceof ForumError ? error.cause : error;
  return cause instanceof webApi.WebAPIPlatformError && CONFIGURATION_ERRORS.has(cause.data.error);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one Web API call: waits out rate limits, converts failures, logs what happened. Slack errors
 * named in `errorCodes` become ForumErrors of that code (an expected outcome, logged as a warning);
 * all others are `platform_error`.
 */
export async function slackCall<T>(
  log: Logger,
  method: string,
  call: () => Promise<T>,
  options: { rateLimitRetries?: number; errorCodes?: SlackErrorCodes } = {},
): Promise<T> {
  const retries = options.rateLimitRetries ?? SLACK_RATE_LIMIT_RETRIES;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (error instanceof webApi.WebAPIRateLimitedError && attempt < retries) {
        const seconds = Math.min(Math.max(error.retryAfter, 1), SLACK_MAX_RETRY_AFTER_SECONDS);
        log.warn({ method, retryAfter: seconds, attempt: attempt + 1 }, 'Slack rate limit: waiting before trying again');
        await sleep(seconds * 1000);
        continue;
      }
      const converted = toForumError(method, error, options.errorCodes);
      const details = { method, err: converted, cause: error instanceof Error ? error.message : String(error) };
      const expected = error instanceof webApi.WebAPIPlatformError && options.errorCodes?.[error.data.error] !== undefined;
      if (expected) log.warn(details, 'Slack call refused');
      else log.error(details, 'Slack call failed');
      throw converted;
    }
  }
}
