/** Dense vectors for texts from an OpenAI-compatible embeddings endpoint, in batches. */
import type OpenAI from 'openai';
import { ForumError } from '../../core/errors.ts';
import { invalidModelReply, toModelError } from './client.ts';

export interface Embedder {
  /** One vector per text, in the texts' order, all of the same length. */
  embed(texts: string[]): Promise<number[][]>;
}

export const DEFAULT_EMBEDDING_BATCH_SIZE = 64;

function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'number' && Number.isFinite(x));
}

async function embedBatch(client: OpenAI, model: string, texts: string[]): Promise<number[][]> {
  let data: { index: number; embedding: unknown }[];
  try {
    // The SDK asks for base64 unless told otherwise; floats work with every compatible server.
    const response = await client.embeddings.create({ model, input: texts, encoding_format: 'float' });
    data = response.data;
  } catch (error) {
    throw toModelError(error);
  }
  if (!Array.isArray(data) || data.length !== texts.length) {
    throw invalidModelReply(`${texts.length} texts sent, ${Array.isArray(data) ? data.length : 'no'} vectors returned`);
  }
  const vectors: number[][] = new Array<number[]>(texts.length);
  for (const item of data) {
    const { index, embedding } = item;
    if (!Number.isInteger(index) || index < 0 || index >= texts.length || vectors[index]) {
      throw invalidModelReply(`vector index ${String(index)} is missing, repeated or out of range`);
    }
    if (!isVector(embedding)) throw invalidModelReply(`vector ${index} is not a list of numbers`);
    vectors[index] = embedding;
  }
  return vectors;
}

export function openAIEmbedder(client: OpenAI, model: string, options: { batchSize?: number } = {}): Embedder {
  const batchSize = options.batchSize ?? DEFAULT_EMBEDDING_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new ForumError('internal', `The embedding batch size must be a positive whole number, not ${batchSize}`);
  }
  return {
    async embed(texts) {
      const vectors: number[][] = [];
      // One batch at a time: parallel requests would only meet the rate limit sooner.
      for (let start = 0; start < texts.length; start += batchSize) {
        vectors.push(...(await embedBatch(client, model, texts.slice(start, start + batchSize))));
      }
      const dimensions = vectors[0]?.length;
      const odd = vectors.findIndex((vector) => vector.length !== dimensions);
      if (odd >= 0) {
        throw invalidModelReply(`vectors of different lengths (${dimensions} for text 0, ${vectors[odd]?.length} for text ${odd})`);
      }
      return vectors;
    },
  };
}
