import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForumError } from '../../../src/core/errors.ts';
import { createModelClient, MODEL_MAX_RETRIES, toModelError } from '../../../src/rag/llm/client.ts';
import { CHAT_PATH, chatReply, errorReply, FAKE_API_KEY, fakeClient, startFakeOpenAI, type FakeOpenAI } from '../../support/fake-openai.ts';

describe('createModelClient', () => {
  it('takes the base URL, key, timeout and two retries from the configuration', () => {
    const client = createModelClient({ apiKey: 'k', baseUrl: 'http://localhost:11434/v1', chatModel: 'm', embeddingModel: undefined, timeoutMs: 12_345 });
    expect(client.baseURL).toBe('http://localhost:11434/v1');
    expect(client.apiKey).toBe('k');
    expect(client.timeout).toBe(12_345);
    expect(client.maxRetries).toBe(MODEL_MAX_RETRIES);
    expect(MODEL_MAX_RETRIES).toBe(2);
  });
});

describe('toModelError', () => {
  const headers = new Headers({ 'x-request-id': 'req_123' });

  it('makes 429 rate_limited and other statuses platform_error, naming the status only', () => {
    const limited = toModelError(APIError.generate(429, { error: { message: `slow down ${FAKE_API_KEY}`, code: 'rate_limit_exceeded' } }, undefined, headers));
    expect(limited).toBeInstanceOf(ForumError);
    expect(limited.code).toBe('rate_limited');
    expect(limited.message).toContain('429');
    expect(limited.message).toContain('rate_limit_exceeded');
    const failed = toModelError(APIError.generate(401, { error: { message: `Incorrect API key provided: ${FAKE_API_KEY}`, code: 'invalid_api_key' } }, undefined, headers));
    expect(failed.code).toBe('platform_error');
    expect(failed.message).toBe('The language model answered 401 (invalid_api_key, request req_123)');
    expect(failed.message).not.toContain(FAKE_API_KEY);
  });

  it('names timeouts, cancellations and other failures without their details', () => {
    expect(toModelError(new APIConnectionTimeoutError()).message).toBe('The language model did not answer in time');
    expect(toModelError(new APIUserAbortError()).message).toBe('The request to the language model was cancelled');
    const odd = toModelError(new TypeError(`bad ${FAKE_API_KEY}`));
    expect(odd.code).toBe('platform_error');
    expect(odd.message).not.toContain(FAKE_API_KEY);
  });

  it('passes a ForumError through', () => {
    const error = new ForumError('platform_error', 'already converted');
    expect(toModelError(error)).toBe(error);
  });
});

describe('the real client against a failing server', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());

  it('sends the key as a bearer token and retries a 500 twice before giving up', async () => {
    fake.requests.length = 0;
    fake.on(CHAT_PATH, errorReply(500, `boom for ${FAKE_API_KEY}`));
    const client = fakeClient(fake);
    const error = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }).then(
      () => undefined,
      (e: unknown) => toModelError(e),
    );
    expect(error?.code).toBe('platform_error');
    expect(error?.message).toMatch(/^The language model answered 500\b/);
    expect(fake.requests).toHaveLength(3);
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${FAKE_API_KEY}`);
  });

  it('says the model could not be reached when nothing listens', async () => {
    const gone = await startFakeOpenAI();
    gone.on(CHAT_PATH, chatReply('never'));
    await gone.close();
    const client = createModelClient({ apiKey: FAKE_API_KEY, baseUrl: gone.baseUrl, chatModel: 'm', embeddingModel: undefined, timeoutMs: 5_000 });
    const error = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }, { maxRetries: 0 }).then(
      () => undefined,
      (e: unknown) => toModelError(e),
    );
    expect(error?.code).toBe('platform_error');
    expect(error?.message).toMatch(/^Could not reach the language model/);
    expect(error?.message).not.toContain(FAKE_API_KEY);
  });
});
