/**
 * The language-model client, and the one place where the SDK's failures become a `ForumError`.
 * Messages name the HTTP status or the kind of failure, never the server's own words (which may
 * echo the request, or part of the API key).
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { Config } from '../../config.ts';
import { ForumError, isForumError } from '../../core/errors.ts';

export type ModelConfig = NonNullable<Config['model']>;

/** How often the SDK retries a failed request (429, 408, 409, 5xx, connection errors). */
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const MODEL_MAX_RETRIES = 2;

/** An OpenAI client for the configured server (OpenAI itself when `baseUrl` is unset). */
export function createModelClient(model: ModelConfig): OpenAI {
  return new OpenAI({
    apiKey: model.apiKey,
    // Every setting is given here, so the SDK reads nothing from the environment itself
    // (src/config.ts is the one place that does) and logs nothing to the console.
    baseURL: model.baseUrl ?? OPENAI_DEFAULT_BASE_URL,
    organization: null,
    project: null,
    logLevel: 'off',
    timeout: model.timeoutMs,
    maxRetries: MODEL_MAX_RETRIES,
  });
}

/** A short identifier from the server (`rate_limit_exceeded`), or nothing when it is not one. */
function safeCode(value: unknown): string | undefined {
  return typeof value === 'string' && /^[\w.-]{1,64}$/.test(value) ? value : undefined;
}

/** The system error code under a connection failure (`ECONNREFUSED`), if any. */
function networkCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = safeCode((current as { code?: unknown }).code);
    if (code) return code;
  }
  return undefined;
}

/** Any failure of a model call as a `ForumError`: `rate_limited` for 429, `platform_error` otherwise. */
export function toModelError(error: unknown): ForumError {
  if (isForumError(error)) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new ForumError('platform_error', 'The language model did not answer in time');
  }
  if (error instanceof APIUserAbortError) {
    return new ForumError('platform_error', 'The request to the language model was cancelled');
  }
  if (error instanceof APIConnectionError) {
    const code = networkCode(error.cause);
    return new ForumError('platform_error', `Could not reach the language model${code ? ` (${code})` : ''}`);
  }
  if (error instanceof APIError) {
    const code = safeCode(error.code) ?? safeCode(error.type);
    const requestId = safeCode(error.requestID);
    const details = [code, requestId && `request ${requestId}`].filter(Boolean).join(', ');
    const suffix = details ? ` (${details})` : '';
    if (error.status === 429) return new ForumError('rate_limited', `The language model refused the request: too many requests (429)${suffix}`);
    return new ForumError('platform_error', `The language model answered ${String(error.status)}${suffix}`);
  }
  const name = error instanceof Error ? error.name : typeof error;
  return new ForumError('platform_error', `The call to the language model failed unexpectedly (${name})`);
}

/** A reply that arrived but cannot be used (wrong shape, missing vectors…). */
export function invalidModelReply(detail: string): ForumError {
  return new ForumError('platform_error', `The language model's reply could not be used: ${detail}`);
}

/** The model's reply to a prompt (temperature 0): its text, or `refused` when the model declined. */
export interface Completion {
  text: string;
  refused: boolean;
}

/** One chat completion from a system and a user part; any failure is a `ForumError` (see `toModelError`). */
export async function complete(
  client: OpenAI,
  chatModel: string,
  prompt: { system: string; user: string },
  options: { maxRetries?: number } = {},
): Promise<Completion> {
  try {
    const completion = await client.chat.completions.create(
      {
        model: chatModel,
        temperature: 0,
        messages: [
          { role: 'system', content: prompt.system },
          { role: 'user', content: prompt.user },
        ],
      },
      options.maxRetries === undefined ? undefined : { maxRetries: options.maxRetries },
    );
    const message = completion.choices[0]?.message;
    return { text: message?.content ?? '', refused: Boolean(message?.refusal) };
  } catch (error) {
    throw toModelError(error);
  }
}
