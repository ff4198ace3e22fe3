/**
 * Knowledge-base benchmarks on synthetic corpora (offline, no embeddings): ingestion through the
 * whole pipeline, retrieval and `ask` latency, memory, and the same queries on peers over the same
 * chunks (Orama, MiniSearch, and PostgreSQL full-text search when TEST_DATABASE_URL is set; see
 * retrieval-peers.ts).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Lang } from '../../src/i18n/index.ts';
import { EMPTY_GLOSSARY } from '../../src/rag/glossary.ts';
import { ingestPaths } from '../../src/rag/ingest/ingest.ts';
import { KnowledgeBase } from '../../src/rag/knowledge-base.ts';
import { loadChunks } from '../../src/rag/knowledge-repo.ts';
import { openStore } from '../../src/store/index.ts';
import { benchPeers } from './retrieval-peers.ts';

const QUERIES = 300;
const SECTIONS_PER_FILE = 20;
const LANGS: Lang[] = ['en', 'fr', 'es'];

/** Deterministic pseudo-random numbers, so every run measures the same corpus. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const BASE_WORDS: Record<string, string[]> = {
  en: 'technical assistance member state request evaluation programme webinar training expert policy strategy impact budget cooperation survey participants report development capacity office national project results planning institution partnership'.split(' '),
  fr: 'assistance technique état membre demande évaluation programme webinaire formation expert politique stratégie impact budget coopération enquête participants rapport développement capacités office national projet résultats planification institution partenariat'.split(' '),
  es: 'asistencia técnica estado miembro solicitud evaluación programa seminario formación experto política estrategia impacto presupuesto cooperación encuesta participantes informe desarrollo capacidades oficina nacional proyecto resultados planificación institución asociación'.split(' '),
};

/** A vocabulary with a long tail: real field words plus generated ones, Zipf-like in use. */
function vocabulary(random: () => number, lang: string): string[] {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'si', 'de', 'pa', 'gri', 'mon', 'ter', 'lis', 'bra'];
  const words = [...(BASE_WORDS[lang] as string[])];
  while (words.length < 6000) {
    const n = 2 + Math.floor(random() * 3);
    words.push(Array.from({ length: n }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  }
  return words;
}

function pick(random: () => number, words: string[]): string {
  return words[Math.floor(words.length * random() ** 2.2)] as string;
}

function sentence(random: () => number, words: string[]): string {
  const n = 8 + Math.floor(random() * 12);
  const text = Array.from({ length: n }, () => pick(random, words)).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Writes Markdown files holding about `chunks` chunks (one per section). */
export function writeCorpus(dir: string, chunks: number, seed: number): void {
  const random = rng(seed);
  const vocab = Object.fromEntries(LANGS.map((l) => [l, vocabulary(rng(seed + l.length), l)]));
  for (let f = 0; f < Math.ceil(chunks / SECTIONS_PER_FILE); f++) {
    const lang = LANGS[f % LANGS.length] as Lang;
    const words = vocab[lang] as string[];
    const parts = [`---\nlang: ${lang}\ncategory: none\n---\n# Document ${f}\n`];
    for (let s = 0; s < SECTIONS_PER_FILE; s++) {
      parts.push(`## ${sentence(random, words).slice(0, 40)}\n\n${Array.from({ length: 6 }, () => sentence(random, words)).join(' ')}\n`);
    }
    writeFileSync(path.join(dir, `doc-${f}.md`), parts.join('\n'));
  }
}

function queries(seed: number): { text: string; lang: Lang }[] {
  const random = rng(seed);
  return Array.from({ length: QUERIES }, (_, i) => {
    const lang = LANGS[i % LANGS.length] as Lang;
    const words = vocabulary(rng(seed + lang.length), lang);
    const n = 3 + Math.floor(random() * 4);
    return { text: Array.from({ length: n }, () => pick(random, words.slice(0, 2000))).join(' '), lang };
  });
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;

/**
 * Starts `ta-forum serve` (as `npm start` does) on a data directory, waits until it is up and has
 * settled, and reads its resident memory from the system.
 */
async function serveMemory(dataDir: string): Promise<{ passages: number; rssMb: number }> {
  const child = spawn(process.execPath, ['adapters/host/bin.mjs', 'serve'], {
    env: { ...process.env, TA_FORUM_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    let passages = 0;
    const lines = createInterface({ input: child.stderr });
    for await (const line of lines) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { msg?: string; chunks?: number };
      if (entry.msg === 'store ready') passages += entry.chunks ?? 0;
      if (entry.msg === 'knowledge folder indexed') passages += entry.chunks ?? 0;
      if (entry.msg === 'TA Forum Bot is running') break;
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return { passages, rssMb: Math.round(kb / 1024) };
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

export async function benchKnowledge(size: number, print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), `ta-forum-bench-${size}-`));
  const dataDir = mkdtempSync(path.join(tmpdir(), `ta-forum-bench-data-${size}-`));
  // A data directory, as `serve` uses; its memory is then measured in a fresh process.
  const store = await openStore({ engine: 'pglite', dataDir });
  try {
    writeCorpus(dir, size, size);
    const kb = new KnowledgeBase(store.db, EMPTY_GLOSSARY);
    const started = performance.now();
    const summary = await ingestPaths(kb, store.db, [dir], { cwd: dir, defaultLang: 'en', now: () => new Date() });
    const seconds = (performance.now() - started) / 1000;
    print(`[${size} chunks] ingestion: ${summary.chunks} chunks from ${summary.added} files in ${seconds.toFixed(1)} s = ${(summary.chunks / seconds).toFixed(0)} chunks/s (goal >= 2000)`);

    const qs = queries(size + 7);
    const retrieval: number[] = [];
    for (const q of qs) {
      const t0 = performance.now();
      await kb.retrieve(q.text, q.lang);
      retrieval.push(performance.now() - t0);
    }
    retrieval.sort((a, b) => a - b);
    let i = 0;
    const asks: number[] = [];
    for (const q of qs) {
      const t0 = performance.now();
      await kb.answer(q.text, q.lang);
      asks.push(performance.now() - t0);
      i++;
    }
    asks.sort((a, b) => a - b);
    print(`[${size} chunks] retrieval: p50 ${fmt(percentile(retrieval, 50))}, p95 ${fmt(percentile(retrieval, 95))} (goal p95 <= ${size >= 100_000 ? 50 : 10} ms)`);
    print(`[${size} chunks] ask (extractive): p50 ${fmt(percentile(asks, 50))}, p95 ${fmt(percentile(asks, 95))} over ${i} questions`);

    const chunks = await loadChunks(store.db);
    await benchPeers(size, chunks, qs, percentile(retrieval, 95), print);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  try {
    const { passages, rssMb } = await serveMemory(dataDir);
    print(`[${size} chunks] resident memory of \`ta-forum serve\` serving ${passages} passages from its data directory: ${rssMb} MB (goal <= 300 MB at 10,000)`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
