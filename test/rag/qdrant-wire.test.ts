/**
 * QdrantIndex on the wire: the real `@qdrant/js-client-rest` client against a local server that
 * plays Qdrant just enough (collection info or 404, create, payload index, upsert, query, delete,
 * count) and records every request, so the request bodies Qdrant would get are checked here.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ForumError } from '../../src/core/errors.ts';
import { pointId, QdrantIndex, termIndex } from '../../src/rag/qdrant-index.ts';
import { makePassage } from './index-conformance.ts';

const API_KEY = 'qdrant-SECRET-key-42';
const COLLECTION = 'kb_test';
const BASE = `/collections/${COLLECTION}`;

interface Recorded {
  method: string;
  path: string;
  search: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}
interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
type Body = Record<string, unknown>;

const ok = (result: unknown): Reply => ({ status: 200, body: { result, status: 'ok', time: 0.001 } });
const failure = (status: number, error: string, headers?: Record<string, string>): Reply => ({ status, body: { status: { error }, time: 0 }, ...(headers ? { headers } : {}) });

/** The fake's state: whether the collection exists (and with a dense vector), the next failure, the canned query answer. */
const fake = {
  exists: false,
  denseSize: undefined as number | undefined,
  failNext: undefined as Reply | undefined,
  queryPoints: [] as unknown[],
  requests: [] as Recorded[],
};

function answer(method: string, path: string): Reply {
  if (path === BASE && method === 'GET') {
    if (!fake.exists) return failure(404, `Not found: Collection \`${COLLECTION}\` doesn't exist!`);
    const vectors = fake.denseSize ? { dense: { size: fake.denseSize, distance: 'Cosine' } } : {};
    return ok({ status: 'green', points_count: 3, config: { params: { vectors, sparse_vectors: { text: { modifier: 'idf' } } } } });
  }
  if (path === BASE && method === 'PUT') {
    fake.exists = true;
    return ok(true);
  }
  if (path === `${BASE}/index` || path === `${BASE}/points` || path === `${BASE}/points/delete`) return ok({ operation_id: 1, status: 'completed' });
  if (path === `${BASE}/points/query`) return fake.exists ? ok({ points: fake.queryPoints }) : failure(404, 'Not found');
  if (path === `${BASE}/points/count`) return fake.exists ? ok({ count: 3 }) : failure(404, 'Not found');
  return failure(400, `unexpected ${method} ${path}`);
}

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const { pathname, search } = new URL(req.url ?? '/', 'http://fake');
      fake.requests.push({ method: req.method ?? '', path: pathname, search, headers: req.headers, body: raw ? (JSON.parse(raw) as unknown) : undefined });
      const reply = fake.failNext ?? answer(req.method ?? '', pathname);
      fake.failNext = undefined;
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  Object.assign(fake, { exists: false, denseSize: undefined, failNext: undefined, queryPoints: [], requests: [] });
});

const newIndex = (apiKey?: string) => new QdrantIndex({ url, apiKey, collection: COLLECTION });
const bodiesOf = (method: string, path: string) => fake.requests.filter((r) => r.method === method && r.path === path).map((r) => r.body as Body);
const vectorsPassages = () => [
  makePassage(5, 0, { terms: ['budget', 'request', 'budget'], heading: ['funding'], vector: [1, 0, 0, 0], lang: 'fr', category: 'requests', text: 'Demande de budget' }),
  makePassage(5, 1, { terms: ['webinar'], vector: [0, 1, 0, 0], lang: 'fr', category: 'requests' }),
];

describe('QdrantIndex on the wire', () => {
  it('creates the collection on first upsert: sparse "text" with IDF, dense "dense" (cosine), payload indexes', async () => {
    await newIndex().upsertDocument(5, vectorsPassages());
    const [create] = bodiesOf('PUT', BASE);
    expect(create).toEqual({ sparse_vectors: { text: { modifier: 'idf' } }, vectors: { dense: { size: 4, distance: 'Cosine' } } });
    expect(bodiesOf('PUT', `${BASE}/index`)).toEqual([
      { field_name: 'lang', field_schema: 'keyword' },
      { field_name: 'category', field_schema: 'keyword' },
      { field_name: 'documentId', field_schema: 'integer' },
    ]);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${BASE}`, `PUT ${BASE}`, `PUT ${BASE}/index`, `PUT ${BASE}/index`, `PUT ${BASE}/index`, `PUT ${BASE}/points`, `POST ${BASE}/points/delete`,
    ]);
  });

  it('creates a lexical-only collection when passages have no vectors, and does not create an existing one', async () => {
    const index = newIndex();
    await index.upsertDocument(6, [makePassage(6, 0, { terms: ['glossary'] })]);
    expect(bodiesOf('PUT', BASE)).toEqual([{ sparse_vectors: { text: { modifier: 'idf' } } }]);
    fake.requests.length = 0;
    await index.upsertDocument(6, [makePassage(6, 0, { terms: ['glossary'] })]);
    await newIndex().upsertDocument(7, [makePassage(7, 0, { terms: ['other'] })]);
    expect(bodiesOf('PUT', BASE)).toEqual([]);
  });

  it('upserts points with payload, sparse indices and values of equal length (uint32), and the dense vector; then drops stale points', async () => {
    await newIndex().upsertDocument(5, vectorsPassages());
    const [upsert] = fake.requests.filter((r) => r.path === `${BASE}/points` && r.method === 'PUT');
    expect(upsert?.search).toContain('wait=true');
    const points = (upsert?.body as { points: { id: string; vector: Record<string, unknown>; payload: Body }[] }).points;
    expect(points.map((p) => p.id)).toEqual([pointId('5:0'), pointId('5:1')]);
    expect(points[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(points[0]?.payload).toEqual({ documentId: 5, ordinal: 0, source: 'docs/doc-5.md', title: 'Document 5', heading: 'funding', text: 'Demande de budget', lang: 'fr', category: 'requests' });
    expect(points[0]?.vector.dense).toEqual([1, 0, 0, 0]);
    const sparse = points[0]?.vector.text as { indices: number[]; values: number[] };
    expect(sparse.indices).toHaveLength(3);
    expect(sparse.values).toHaveLength(sparse.indices.length);
    for (const i of sparse.indices) expect(Number.isInteger(i) && i >= 0 && i <= 0xffffffff).toBe(true);
    const value = (term: string) => sparse.values[sparse.indices.indexOf(termIndex(term))];
    expect(value('request')).toBeCloseTo(1); // tf 1 → 1
    expect(value('budget')).toBeCloseTo((2 * 2.2) / (2 + 1.2)); // tf 2, saturated
    expect(value('funding')).toBeCloseTo((1.5 * 2.2) / (1.5 + 1.2)); // heading term, weight 1.5
    expect(bodiesOf('POST', `${BASE}/points/delete`)).toEqual([
      { filter: { must: [{ key: 'documentId', match: { value: 5 } }], must_not: [{ has_id: [pointId('5:0'), pointId('5:1')] }] } },
    ]);
  });

  it('searches with a vector: two prefetches with the filter, fused by RRF; results mapped back to chunks', async () => {
    Object.assign(fake, { exists: true, denseSize: 4 });
    const expected = vectorsPassages()[0]?.chunk;
    fake.queryPoints = [
      { id: pointId('5:0'), version: 1, score: 0.5, payload: expected },
      { id: pointId('9:0'), version: 1, score: 0.3, payload: { text: 'no ids' } },
    ];
    const hits = await newIndex().search({ terms: new Map([['budget', 1], ['plan', 0.8]]), vector: [0, 1, 0, 0], filter: { langs: ['fr', 'en'], category: 'requests' }, limit: 4 });
    expect(hits).toEqual([{ chunk: { ...expected, id: '5:0' }, score: 0.5 }]);
    const [body] = bodiesOf('POST', `${BASE}/points/query`);
    const filter = { must: [{ key: 'lang', match: { any: ['fr', 'en'] } }, { key: 'category', match: { any: ['requests'] } }] };
    const indices = [termIndex('budget'), termIndex('plan')].sort((a, b) => a - b);
    const values = indices.map((i) => (i === termIndex('budget') ? 1 : 0.8));
    expect(body).toEqual({
      prefetch: [
        { query: { indices, values }, using: 'text', filter, limit: 12 },
        { query: [0, 1, 0, 0], using: 'dense', filter, limit: 12 },
      ],
      query: { fusion: 'rrf' },
      limit: 4,
      with_payload: true,
    });
  });

  it('searches without a vector (or without dense vectors in the collection) by one sparse query', async () => {
    fake.exists = true;
    await newIndex().search({ terms: new Map([['budget', 1]]), vector: [0, 1, 0, 0], limit: 3 });
    expect(bodiesOf('POST', `${BASE}/points/query`)).toEqual([
      { query: { indices: [termIndex('budget')], values: [1] }, using: 'text', limit: 3, with_payload: true },
    ]);
  });

  it('searches by vector alone when the query has no terms', async () => {
    Object.assign(fake, { exists: true, denseSize: 4 });
    await newIndex().search({ terms: new Map(), vector: [0, 0, 1, 0], filter: { langs: ['en'] }, limit: 2 });
    expect(bodiesOf('POST', `${BASE}/points/query`)).toEqual([
      { query: [0, 0, 1, 0], using: 'dense', filter: { must: [{ key: 'lang', match: { any: ['en'] } }] }, limit: 2, with_payload: true },
    ]);
  });

  it('answers empty searches and a zero count while the collection does not exist', async () => {
    const index = newIndex();
    expect(await index.search({ terms: new Map([['budget', 1]]), limit: 3 })).toEqual([]);
    expect(await index.count()).toBe(0);
    fake.exists = true;
    expect(await index.count()).toBe(3);
    expect(bodiesOf('POST', `${BASE}/points/count`)).toEqual([{ exact: true }, { exact: true }]);
  });

  it('removes documents by a documentId filter', async () => {
    fake.exists = true;
    await newIndex().removeDocuments([3, 4]);
    expect(bodiesOf('POST', `${BASE}/points/delete`)).toEqual([{ filter: { must: [{ key: 'documentId', match: { any: [3, 4] } }] } }]);
  });

  it('sends the api-key header when one is configured, and none otherwise', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined); // the client warns about a key over http
    fake.exists = true;
    await newIndex(API_KEY).count();
    await newIndex().count();
    warn.mockRestore();
    expect(fake.requests.map((r) => r.headers['api-key'])).toEqual([API_KEY, undefined]);
  });

  it('keeps a path given in the URL (Qdrant behind a proxy path)', async () => {
    await new QdrantIndex({ url: `${url}/qdrant/`, apiKey: undefined, collection: COLLECTION }).count().catch(() => undefined);
    expect(fake.requests.map((r) => r.path)).toEqual([`/qdrant${BASE}/points/count`]);
  });

  it('turns 429 into rate_limited and 500 or an unreachable server into platform_error, without secrets', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const index = newIndex(API_KEY);
    const failWith = async (reply: Reply) => {
      fake.failNext = reply;
      return index.count().then(() => undefined, (e: unknown) => e);
    };
    const cases: [Reply, string][] = [
      [failure(429, `Too many requests for ${API_KEY}`, { 'retry-after': '2' }), 'rate_limited'],
      [failure(429, 'Too many requests'), 'rate_limited'],
      [failure(500, `Service internal error ${API_KEY}`), 'platform_error'],
    ];
    for (const [reply, code] of cases) {
      const error = await failWith(reply);
      expect(error).toBeInstanceOf(ForumError);
      expect((error as ForumError).code).toBe(code);
      expect((error as ForumError).message).toMatch(/^Qdrant count/);
      expect((error as ForumError).message).not.toContain(API_KEY);
    }
    const down = new QdrantIndex({ url: 'http://127.0.0.1:1', apiKey: API_KEY, collection: COLLECTION });
    const error = await down.upsertDocument(1, [makePassage(1, 0, { terms: ['x'] })]).then(() => undefined, (e: unknown) => e);
    warn.mockRestore();
    expect(error).toMatchObject({ name: 'ForumError', code: 'platform_error' });
    expect((error as ForumError).message).not.toContain(API_KEY);
  });
});
