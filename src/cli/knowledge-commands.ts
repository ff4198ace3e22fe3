/**
 * `ta-forum ingest` and `ta-forum ask`: the knowledge base from the command line, on the same
 * store and the same answering path as chat. Output goes to standard output; logs to standard error.
 */
import { createInterface } from 'node:readline';
import { loadConfig, processEnv } from '../config.ts';
import { detectLang } from '../core/language.ts';
import { isLang, type Lang } from '../i18n/index.ts';
import { createLogger } from '../log.ts';
import { createApp, type App } from '../main.ts';
import type { Answer } from '../rag/answer-types.ts';
import { ingestPaths, type IngestProgress, type IngestSummary } from '../rag/ingest/ingest.ts';
import { ForumError } from '../core/errors.ts';

export interface CommonOptions {
  dataDir?: string;
}

async function openApp(options: CommonOptions, ingestKnowledge: boolean): Promise<App> {
  const config = loadConfig(processEnv(), options.dataDir ? { dataDir: options.dataDir } : {});
  // The command's output is the point: only warnings and errors are logged.
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  return createApp(config, log, { ingestKnowledge });
}

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** A one-line progress bar on a terminal; nothing when output is redirected. */
function progressPrinter(): ((p: IngestProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const width = 30;
  return ({ done, total, source }) => {
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const name = source.length > 40 ? `…${source.slice(-39)}` : source;
    process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${name.padEnd(40)}`);
    if (done === total) process.stderr.write('\n');
  };
}

function printSummary(summary: IngestSummary): void {
  write(
    `${summary.added} added, ${summary.updated} updated, ${summary.skipped} unchanged, ${summary.removed} removed, ${summary.failed} failed; ${summary.chunks} chunks in ${summary.seconds} s`,
  );
  for (const failure of summary.failures) write(`  failed: ${failure.source}: ${failure.reason}`);
}

export async function runIngest(paths: string[], options: CommonOptions & { json?: boolean; prune?: boolean }): Promise<void> {
  const app = await openApp(options, false);
  try {
    const { services } = app;
    const onProgress = options.json ? undefined : progressPrinter();
    const summary = await ingestPaths(services.knowledge, services.store.db, paths, {
      cwd: process.cwd(),
      defaultLang: services.config.defaultLang,
      prune: options.prune ?? false,
      now: services.now,
      ...(onProgress ? { onProgress } : {}),
    });
    if (options.json) write(JSON.stringify(summary));
    else printSummary(summary);
  } finally {
    await app.close();
  }
}

/** The JSON object of one answer, as documented in the README. */
export function answerToJson(answer: Answer): Record<string, unknown> {
  return {
    question: answer.question,
    language: answer.language,
    answered: answer.answered,
    answer: answer.answer,
    citations: answer.citations.map((c) => ({ source: c.source, title: c.title, excerpt: c.excerpt, score: c.score })),
    retrieval: answer.retrieval,
  };
}

function printAnswer(answer: Answer): void {
  if (!answer.answered) write('The knowledge base has nothing that answers this question.');
  else write(answer.answer);
  if (answer.citations.length > 0) {
    write('');
    write(answer.answered ? 'Sources:' : 'Closest documents:');
    for (const c of answer.citations) write(`  [${c.n}] ${c.title} — ${c.source}`);
  }
}

export async function runAsk(question: string, options: CommonOptions & { json?: boolean; lang?: string }): Promise<void> {
  if (options.lang !== undefined && !isLang(options.lang)) {
    throw new ForumError('config_invalid', `--lang expects one of ar, en, es, fr, ru, zh, not "${options.lang}".`);
  }
  const fixedLang = options.lang;
  const app = await openApp(options, true);
  try {
    const { knowledge, config } = app.services;
    const langOf = (q: string): Lang => fixedLang ?? detectLang(q) ?? config.defaultLang;
    if (question === '-') {
      // One question per line on standard input; one JSON object (or answer) per line, in order.
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        const q = line.trim();
        if (!q) continue;
        const answer = await knowledge.answer(q, langOf(q));
        if (options.json) write(JSON.stringify(answerToJson(answer)));
        else {
          printAnswer(answer);
          write('');
        }
      }
      return;
    }
    if (!question.trim()) throw new ForumError('config_invalid', 'ask needs a question, or - to read questions from standard input.');
    const answer = await knowledge.answer(question, langOf(question));
    if (options.json) write(JSON.stringify(answerToJson(answer)));
    else printAnswer(answer);
  } finally {
    await app.close();
  }
}
