import { describe, expect, it } from 'vitest';
import { ForumError } from '../../../src/core/errors.ts';
import { openAIEmbedder } from '../../../src/rag/llm/embedder.ts';
import {
  EMBEDDINGS_PATH,
  embeddingsReply,
  errorReply,
  FAKE_API_KEY,
  fakeClient,
  useFakeOpenAI,
  type FakeOpenAI,
  type RecordedRequest,
} from '../../support/fake-openai.ts';

/** A vector that tells which text it was made for: [number in the text, its length]. */
function vectorsFor(request: RecordedRequest) {
  const input = (request.body as { input: string[] }).input;
  const reply = embeddingsReply(input.map((text) => [Number(text.replace(/\D/g, '')), text.length]));
  // Servers may list the vectors in any order; the index says which is which.
  const json = reply.json as { data: unknown[] };
  json.data.reverse();
  return reply;
}

describe('openAIEmbedder', () => {
  let fake: FakeOpenAI;
  useFakeOpenAI((f) => (fake = f));

  it('asks for floats with the model name and returns the vectors', async () => {
    fake.on(EMBEDDINGS_PATH, embeddingsReply([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]));
    const vectors = await openAIEmbedder(fakeClient(fake), 'test-embed').embed(['one', 'two']);
    expect(vectors).toEqual([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.body).toEqual({ model: 'test-embed', input: ['one', 'two'], encoding_format: 'float' });
  });

  it('sends 64 texts per request by default and keeps the input order', async () => {
    fake.on(EMBEDDINGS_PATH, vectorsFor);
    const texts = Array.from({ length: 150 }, (_, i) => `text ${i}`);
    const vectors = await openAIEmbedder(fakeClient(fake), 'test-embed').embed(texts);
    expect(fake.requests.map((r) => (r.body as { input: string[] }).input.length)).toEqual([64, 64, 22]);
    expect(vectors.map((v) => v[0])).toEqual(texts.map((_, i) => i));
  });

  it('takes another batch size', async () => {
    fake.on(EMBEDDINGS_PATH, vectorsFor);
    await openAIEmbedder(fakeClient(fake), 'test-embed', { batchSize: 2 }).embed(['a1', 'a2', 'a3']);
    expect(fake.requests).toHaveLength(2);
  });

  it('asks nothing for no texts', async () => {
    expect(await openAIEmbedder(fakeClient(fake), 'test-embed').embed([])).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses vectors of different lengths', async () => {
    fake.on(EMBEDDINGS_PATH, embeddingsReply([[1, 2, 3], [1, 2]]));
    const error = await openAIEmbedder(fakeClient(fake), 'test-embed').embed(['a', 'b']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForumError);
    expect((error as ForumError).code).toBe('platform_error');
    expect((error as ForumError).message).toContain('different lengths');
  });

  it('refuses a reply with too few vectors', async () => {
    fake.on(EMBEDDINGS_PATH, embeddingsReply([[1, 2]]));
    const error = await openAIEmbedder(fakeClient(fake), 'test-embed').embed(['a', 'b']).catch((e: unknown) => e);
    expect((error as ForumError).code).toBe('platform_error');
  });

  it('turns a server failure into a ForumError without the key', async () => {
    fake.on(EMBEDDINGS_PATH, errorReply(503, `overloaded ${FAKE_API_KEY}`));
    const error = await openAIEmbedder(fakeClient(fake), 'test-embed').embed(['a']).catch((e: unknown) => e);
    expect((error as ForumError).code).toBe('platform_error');
    expect((error as ForumError).message).toMatch(/^The language model answered 503\b/);
    expect((error as ForumError).message).not.toContain(FAKE_API_KEY);
  });
});
