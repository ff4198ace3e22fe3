/**
 * Peers for the retrieval benchmark (retrieval.ts): the same chunks and the same queries on
 * - Orama's BM25 full-text search (in process, no stemming);
 * - MiniSearch (in process, default tokenizer, no stemming);
 * - PostgreSQL's own full-text search (tsvector per chunk language, GIN index, ts_rank_cd), when
 *   TEST_DATABASE_URL points at a server: a table in a schema unique to the run, dropped afterwards.
 * Each peer's p50/p95 is printed, then the ratio of our p95 to the best (lowest) peer p95.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { create, insertMultiple, search } from '@orama/orama';
import MiniSearch from 'minisearch';
import pg from 'pg';
import type { Lang } from '../../src/i18n/index.ts';
import type { Chunk } from '../../src/rag/types.ts';

export interface BenchQuery {
  text: string;
  lang: Lang;
}

const TOP = 10;
const PG_BATCH = 1000;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;

async function timeEach(qs: BenchQuery[], run: (q: BenchQuery) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (const q of qs) {
    const started = performance.now();
    await run(q);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function oramaLatencies(chunks: Chunk[], qs: BenchQuery[]): Promise<number[]> {
  const db = create({ schema: { text: 'string', heading: 'string' } as const });
  await insertMultiple(db, chunks.map((c) => ({ text: c.text, heading: c.heading })), 1000);
  return timeEach(qs, (q) => search(db, { term: q.text, properties: ['text', 'heading'], limit: 8 }));
}

/** MiniSearch with its defaults: Unicode word tokenizer, lower-casing, no stemming, OR of the terms. */
function miniSearchLatencies(chunks: Chunk[], qs: BenchQuery[]): Promise<number[]> {
  const index = new MiniSearch<{ id: number; text: string; heading: string }>({ fields: ['text', 'heading'] });
  index.addAll(chunks.map((c, id) => ({ id, text: c.text, heading: c.heading })));
  return timeEach(qs, (q) => index.search(q.text).slice(0, TOP));
}

/** The text-search configuration for a language: PostgreSQL's stemmer where it has one for ours. */
const PG_CONFIG_SQL = "CASE lang WHEN 'en' THEN 'english'::regconfig WHEN 'fr' THEN 'french'::regconfig WHEN 'es' THEN 'spanish'::regconfig ELSE 'simple'::regconfig END";

function pgConfig(lang: Lang): string {
  return lang === 'en' ? 'english' : lang === 'fr' ? 'french' : lang === 'es' ? 'spanish' : 'simple';
}

/**
 * Loads the chunks into a fresh table (in a schema unique to this run, dropped afterwards, also on
 * failure) and times each query on one client, one after the other. The query is plainto_tsquery in
 * the question's language with its ANDs turned into ORs (its lexemes are already normalised, so the
 * text is cast back to tsquery, not re-parsed), so that passages sharing any word match.
 */
async function postgresLatencies(url: string, chunks: Chunk[], qs: BenchQuery[]): Promise<{ times: number[]; loadSeconds: number }> {
  const schema = `ta_forum_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const table = `${schema}.chunks`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(
      `CREATE TABLE ${table} (id text PRIMARY KEY, lang text NOT NULL, text text NOT NULL, tsv tsvector GENERATED ALWAYS AS (to_tsvector(${PG_CONFIG_SQL}, text)) STORED)`,
    );
    for (let i = 0; i < chunks.length; i += PG_BATCH) {
      const batch = chunks.slice(i, i + PG_BATCH);
      await client.query(`INSERT INTO ${table} (id, lang, text) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
        batch.map((c) => c.id),
        batch.map((c) => c.lang),
        batch.map((c) => c.text),
      ]);
    }
    await client.query(`CREATE INDEX ON ${table} USING gin (tsv)`);
    await client.query(`ANALYZE ${table}`);
    const loadSeconds = (performance.now() - started) / 1000;

    // An unnamed statement, as pg sends by default: planned with each query's own tsquery.
    const sql = `SELECT id FROM ${table}, (SELECT replace(plainto_tsquery($1::regconfig, $2)::text, ' & ', ' | ')::tsquery AS q) AS query WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q) DESC LIMIT ${TOP}`;
    const times = await timeEach(qs, (q) => client.query(sql, [pgConfig(q.lang), q.text]));
    return { times, loadSeconds };
  } finally {
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  }
}

/** Runs the peers on the chunks and queries, printing each one's figures and our p95 against the best. */
export async function benchPeers(size: number, chunks: Chunk[], qs: BenchQuery[], ourP95: number, print: (line: string) => void): Promise<void> {
  const peers: { name: string; p95: number }[] = [];
  const report = (name: string, times: number[], extra = ''): void => {
    const p95 = percentile(times, 95);
    peers.push({ name, p95 });
    print(`[${size} chunks] peer (${name}): p50 ${fmt(percentile(times, 50))}, p95 ${fmt(p95)} over ${times.length} queries${extra}`);
  };

  report('Orama BM25, no stemming', await oramaLatencies(chunks, qs));
  report('MiniSearch, no stemming', await miniSearchLatencies(chunks, qs));
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const { times, loadSeconds } = await postgresLatencies(url, chunks, qs);
    report('PostgreSQL full-text search, stemmed per language, GIN + ts_rank_cd', times, `; load of ${chunks.length} chunks ${loadSeconds.toFixed(1)} s`);
  } else {
    print(`[${size} chunks] peer (PostgreSQL full-text search): skipped, TEST_DATABASE_URL is not set (e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench)`);
  }

  const best = peers.reduce((a, b) => (b.p95 < a.p95 ? b : a));
  print(`[${size} chunks] ours/best peer p95 ratio ${(ourP95 / best.p95).toFixed(2)} (best peer: ${best.name}, p95 ${fmt(best.p95)}; ours p95 ${fmt(ourP95)})`);
}
