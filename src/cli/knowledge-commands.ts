/**
 * `ta-forum ingest` and `ta-forum ask`: the knowledge base from the command line, on the same
 * store and the same answering path as chat. Output goes to standard output; logs to standard error.
 */
import { createInterface } from 'node:readline';
import { detectLang } from '../core/language.ts';
import type { Services } from '../core/context.ts';
import { areaNames } from '../features/experts/experts-card.ts';
import { isLang, messages, type Lang } from '../i18n/index.ts';
import { createLogger } from '../log.ts';
import { createApp, knowledgeDocsDir, type App } from '../main.ts';
import type { Answer } from '../rag/answer-types.ts';
import { expertsForQuestion, rosterForKnowledgeDir, type ExpertMatch } from '../rag/experts.ts';
import { questionLanguage } from '../rag/knowledge-base.ts';
import { asksForExpert } from '../rag/question-kind.ts';
import { ingestPaths, type IngestProgress, type IngestSummary } from '../rag/ingest/ingest.ts';
import { ForumError } from '../core/errors.ts';
import { openUnlessHeld } from './held-store.ts';
import { writeLine as write, type CliIo, type CliOutput } from './io.ts';
import { commandConfig } from './with-store.ts';

export interface CommonOptions {
  dataDir?: string;
}

async function openApp(io: CliIo, options: CommonOptions, ingestKnowledge: boolean): Promise<App> {
  const config = commandConfig(io, options);
  // The command's output is the point: only warnings and errors are logged.
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, config.logFormat, io.log);
  return createApp(config, log, { ingestKnowledge });
}

/** A one-line progress bar on a terminal; nothing when output is redirected. */
function progressPrinter(stderr: CliOutput): ((p: IngestProgress) => void) | undefined {
  if (!stderr.isTTY) return undefined;
  const width = 30;
  return ({ done, total, source }) => {
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const name = source.length > 40 ? `…${source.slice(-39)}` : source;
    stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${name.padEnd(40)}`);
    if (done === total) stderr.write('\n');
  };
}

function printSummary(io: CliIo, summary: IngestSummary): void {
  write(
    io,
    `${summary.added} added, ${summary.updated} updated, ${summary.skipped} unchanged, ${summary.removed} removed, ${summary.failed} failed; ${summary.chunks} chunks in ${summary.seconds} s`,
  );
  for (const failure of summary.failures) write(io, `  failed: ${failure.source}: ${failure.reason}`);
  for (const file of summary.ignored) write(io, `  skipped: ${file.source}: ${file.reason}`);
}

/**
 * Why the run failed as a whole, or undefined: a path that does not exist, or files to take that all
 * failed. (Some files failing among others taken is reported, and the run succeeds.)
 */
export function ingestFailure(summary: IngestSummary): ForumError | undefined {
  const missing = summary.failures.filter((f) => f.reason === 'not found').map((f) => f.source);
  if (missing.length > 0) return new ForumError('not_found', `ingest: not found: ${missing.join(', ')}`);
  if (summary.failed > 0 && summary.added + summary.updated + summary.skipped === 0) return new ForumError('bad_request', 'ingest: no file could be added to the knowledge base');
  return undefined;
}

/** What `ingest` says when the running bot holds the store: its knowledge folder takes the files. */
function ingestWhileServing(io: CliIo, options: CommonOptions): string {
  const docs = knowledgeDocsDir(commandConfig(io, options));
  return `To add documents while the bot runs, copy them into its knowledge folder, ${docs} (docs/ of KNOWLEDGE_DIR): it indexes files added or changed there within seconds, and forgets files removed from it. Or stop the bot, run ingest, and start it again.`;
}

/** Ingests `paths`; a run that failed as a whole (ingestFailure) throws its error after the summary. */
export async function runIngest(io: CliIo, paths: string[], options: CommonOptions & { json?: boolean; prune?: boolean }): Promise<void> {
  const app = await openUnlessHeld(() => openApp(io, options, false), () => ingestWhileServing(io, options));
  try {
    const { services } = app;
    const onProgress = options.json ? undefined : progressPrinter(io.stderr);
    const summary = await ingestPaths(services.knowledge, services.store.db, paths, {
      cwd: io.cwd,
      defaultLang: services.config.defaultLang,
      prune: options.prune ?? false,
      now: services.now,
      ...(onProgress ? { onProgress } : {}),
    });
    if (options.json) write(io, JSON.stringify(summary));
    else printSummary(io, summary);
    const failure = ingestFailure(summary);
    if (failure) throw failure;
  } finally {
    await app.close();
  }
}

/** The JSON object of one answer, as documented in the README; `experts` only for "who can help" questions that found some. */
export function answerToJson(answer: Answer, experts: ExpertMatch[] = []): Record<string, unknown> {
  return {
    question: answer.question,
    language: answer.language,
    answered: answer.answered,
    answer: answer.answer,
    citations: answer.citations.map((c) => ({ source: c.source, title: c.title, excerpt: c.excerpt, score: c.score })),
    retrieval: answer.retrieval,
    ...(experts.length > 0 ? { experts: experts.map(({ expert }) => ({ name: expert.name, areas: expert.areas, region: expert.region, contact: expert.contact })) } : {}),
  };
}

/** An answer as text, in the reader's language. */
function printAnswer(io: CliIo, answer: Answer, experts: ExpertMatch[]): void {
  const m = messages(answer.language);
  if (experts.length > 0) {
    write(io, m.experts.suggestTitle);
    for (const { expert } of experts) write(io, `  ${expert.name} — ${areaNames(expert, answer.language)} — ${expert.contact}`);
    if (answer.answered) write(io, '');
  }
  if (answer.answered) write(io, answer.answer);
  else if (experts.length === 0) write(io, m.ask.abstain);
  if (answer.citations.length > 0) {
    write(io, '');
    write(io, answer.answered ? m.ask.sources : m.ask.closest);
    for (const c of answer.citations) write(io, `  [${c.n}] ${c.title} — ${c.source}`);
  }
}

/** Experts for a question that asks who can help. */
function expertsFor(services: Services, question: string, lang: Lang): ExpertMatch[] {
  const asked = questionLanguage(question, lang);
  if (!asksForExpert(question, asked)) return [];
  return expertsForQuestion(rosterForKnowledgeDir(services.config.knowledgeDir), services.knowledge.glossary, question, asked);
}

export async function runAsk(io: CliIo, question: string, options: CommonOptions & { json?: boolean; lang?: string }): Promise<void> {
  if (options.lang !== undefined && !isLang(options.lang)) {
    throw new ForumError('config_invalid', `--lang expects one of ar, en, es, fr, ru, zh, not "${options.lang}".`);
  }
  const fixedLang = options.lang;
  const app = await openApp(io, options, true);
  try {
    const { knowledge, config } = app.services;
    const langOf = (q: string): Lang => fixedLang ?? detectLang(q) ?? config.defaultLang;
    if (question === '-') {
      // One question per line on standard input; one JSON object (or answer) per line, in order.
      const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        const q = line.trim();
        if (!q) continue;
        const answer = await knowledge.answer(q, langOf(q));
        const experts = expertsFor(app.services, q, answer.language);
        if (options.json) write(io, JSON.stringify(answerToJson(answer, experts)));
        else {
          printAnswer(io, answer, experts);
          write(io, '');
        }
      }
      return;
    }
    if (!question.trim()) throw new ForumError('config_invalid', 'ask needs a question, or - to read questions from standard input.');
    const answer = await knowledge.answer(question, langOf(question));
    const experts = expertsFor(app.services, question, answer.language);
    if (options.json) write(io, JSON.stringify(answerToJson(answer, experts)));
    else printAnswer(io, answer, experts);
  } finally {
    await app.close();
  }
}
