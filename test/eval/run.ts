/**
 * `npm run eval`: a question set over a folder of documents, through the same path as chat and
 * `ta-forum ask` (offline: no model), beside a naive keyword-search peer in the same run.
 *
 *   npm run eval                                   the seed set over EVAL_DOCS (default ../shared/seeds)
 *   npm run eval -- --docs <folder> --questions <file.json> [--verbose]
 *   npm run eval -- --knowledge                    the older set over the project's own knowledge/
 *
 * Only the given documents are indexed (the knowledge folder is an empty one, so the built-in
 * documents do not help); the built-in glossary and lexicon are used, as for any deployment.
 * Prints, per language and in total: right document first, right document in the top five, answer
 * holds the fact (its first 700 characters), answered, and abstained when it should — for the bot
 * and for the peer. Asserts nothing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BUILT_IN_KNOWLEDGE_DIR, loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { createApp } from '../../src/main.ts';
import { ingestPaths } from '../../src/rag/ingest/ingest.ts';
import { parseFile } from '../../src/rag/ingest/parse.ts';
import { openStore } from '../../src/store/index.ts';
import { NaivePeer, type PeerAnswer } from './naive-peer.ts';

const TOP = 5;
/** The share of an answer that is read for the fact: a person reads the start of a reply. */
const ANSWER_READ_CHARS = 700;
const PROJECT = path.resolve(import.meta.dirname, '../..');

const questionSchema = z.object({
  id: z.string(),
  lang: z.enum(['ar', 'en', 'es', 'fr', 'ru', 'zh']),
  question: z.string(),
  /** Document names (file name without folder and extension) any of which is a right source; empty = unanswerable. */
  sources: z.array(z.string()),
  /** Forms of the fact, any one of which the answer must hold. */
  facts: z.array(z.string()).default([]),
  /** Older sets: strings the answer must all hold. */
  answerContains: z.array(z.string()).default([]),
  kind: z.string().optional(),
  table: z.boolean().optional(),
});
type Question = z.infer<typeof questionSchema>;

const { values } = parseArgs({
  options: {
    docs: { type: 'string' },
    questions: { type: 'string' },
    knowledge: { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
});

const ownSet = values.knowledge;
const docsDir = path.resolve(values.docs ?? (ownSet ? path.join(BUILT_IN_KNOWLEDGE_DIR, 'docs') : (process.env.EVAL_DOCS ?? path.join(PROJECT, '../shared/seeds'))));
const questionsFile = values.questions ?? path.join(import.meta.dirname, ownSet ? 'questions.json' : 'seed-questions.json');
const out = (line = ''): boolean => process.stdout.write(`${line}\n`);
if (!existsSync(docsDir)) {
  out(`No documents at ${docsDir}: pass --docs <folder> (or set EVAL_DOCS) to the documents the question set was written against.`);
  process.exit(2);
}
const questions: Question[] = z.array(questionSchema).parse(JSON.parse(readFileSync(questionsFile, 'utf8')));

const docName = (source: string): string => path.basename(source).replace(/\.[a-z]+$/i, '');
const fold = (text: string): string => text.normalize('NFKC').replace(/[\s\u00a0\u202f]+/g, ' ').toLowerCase();

function holdsFact(q: Question, answer: string): boolean {
  const read = fold(answer.slice(0, ANSWER_READ_CHARS));
  const any = q.facts.length === 0 || q.facts.some((f) => read.includes(fold(f)));
  return any && q.answerContains.every((f) => read.includes(fold(f)));
}

// The bot: an empty knowledge folder (built-in glossary and lexicon only), the documents ingested.
const emptyKnowledge = mkdtempSync(path.join(tmpdir(), 'ta-eval-'));
const store = await openStore({ engine: 'pglite', dataDir: undefined });
const app = await createApp(loadConfig({ KNOWLEDGE_DIR: emptyKnowledge }), silentLogger(), { store });
// The documents: every file of the folder but a README, which describes the set (the seeds' folder has one).
const files: string[] = [];
const walk = (dir: string): void => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (/\.(md|txt|html?|pdf|docx)$/i.test(e.name) && !/^readme\./i.test(e.name)) files.push(full);
  }
};
walk(docsDir);
const summary = await ingestPaths(app.services.knowledge, store.db, files, { cwd: docsDir, defaultLang: 'en', prune: false, now: () => new Date() });

// The peer: the same files as text.
// Text files as they are (the bot's layout work must not change the peer); other formats as parsed.
const peerText = async (f: string): Promise<string> => (/\.(?:txt|md)$/i.test(f) ? readFileSync(f, 'utf8') : (await parseFile(f)).sections.map((s) => s.text).join('\n'));
const peerDocs = await Promise.all(files.map(async (f) => ({ name: docName(f), text: await peerText(f) })));
const peer = new NaivePeer(peerDocs);

interface Tally {
  answerable: number;
  first: number;
  top: number;
  fact: number;
  answered: number;
  unanswerable: number;
  abstained: number;
}
const empty = (): Tally => ({ answerable: 0, first: 0, top: 0, fact: 0, answered: 0, unanswerable: 0, abstained: 0 });
const tallies = { bot: new Map<string, Tally>(), peer: new Map<string, Tally>() };
const problems: string[] = [];
/** Answerable questions whose first document is not a right one (with --verbose). */
const misranked: string[] = [];

function count(who: 'bot' | 'peer', scopes: string[], q: Question, ranking: string[], answered: boolean, answer: string): boolean {
  const rows = scopes.map((s) => {
    const map = tallies[who];
    const t = map.get(s) ?? empty();
    map.set(s, t);
    return t;
  });
  if (q.sources.length === 0) {
    for (const t of rows) {
      t.unanswerable++;
      if (!answered) t.abstained++;
    }
    return !answered;
  }
  const first = q.sources.includes(ranking[0] ?? '');
  const top = [...new Set(ranking)].slice(0, TOP).some((d) => q.sources.includes(d));
  const fact = answered && holdsFact(q, answer);
  for (const t of rows) {
    t.answerable++;
    if (first) t.first++;
    if (top) t.top++;
    if (answered) t.answered++;
    if (fact) t.fact++;
  }
  return fact;
}

for (const q of questions) {
  const scopes = ['all', q.lang, ...(q.table ? ['tables'] : [])];
  const answer = await app.services.knowledge.answer(q.question, q.lang);
  const ranking = answer.retrieval.map((r) => docName(r.source));
  const ok = count('bot', scopes, q, ranking, answer.answered, answer.answer);
  if (q.sources.length > 0 && !q.sources.includes(ranking[0] ?? '')) misranked.push(`${q.id} [${q.lang}] first ${ranking[0] ?? 'nothing'}, not ${q.sources.join(' or ')}: ${q.question}`);
  const p: PeerAnswer = peer.answer(q.question);
  count('peer', scopes, q, p.ranking, p.answered, p.answer);
  if (!ok) {
    const what = q.sources.length === 0 ? `should abstain (support ${answer.support})` : !answer.answered ? `abstained (support ${answer.support})` : `lacks ${JSON.stringify(q.facts.length > 0 ? q.facts : q.answerContains)}`;
    problems.push(`${q.id} [${q.lang}] ${what}: ${q.question}${values.verbose && answer.answered ? `\n      → ${answer.answer.replace(/\s+/g, ' ').slice(0, 300)}` : ''}`);
  }
}

const pct = (n: number, d: number): string => (d === 0 ? '    -' : `${(n / d).toFixed(2).padStart(5)}`);
out(`documents: ${docsDir} (${summary.added} documents, ${summary.chunks} passages); questions: ${path.relative(PROJECT, questionsFile)} (${questions.length})`);
out('Each cell: bot / naive peer (BM25 over 600-character pieces, one sentence of the best piece).');
out('scope   answerable   right doc first   right doc top 5   holds the fact      answered   unanswerable   abstained');
const order = ['all', 'fr', 'en', 'es', 'ar', 'ru', 'zh', 'tables'];
for (const scope of order) {
  const b = tallies.bot.get(scope);
  const p = tallies.peer.get(scope);
  if (!b || !p) continue;
  const pair = (f: (t: Tally) => [number, number]): string => `${pct(...f(b))} / ${pct(...f(p))}`;
  out(
    `${scope.padEnd(7)} ${String(b.answerable).padStart(10)}   ${pair((t) => [t.first, t.answerable])}     ${pair((t) => [t.top, t.answerable])}     ${pair((t) => [t.fact, t.answerable])}   ${pair((t) => [t.answered, t.answerable])}  ${String(b.unanswerable).padStart(12)}   ${b.abstained} / ${p.abstained} of ${b.unanswerable}`,
  );
}
if (problems.length > 0 && values.verbose) {
  out(`\n${problems.length} questions the bot missed:`);
  for (const line of problems) out(`  ${line}`);
}
if (misranked.length > 0 && values.verbose) {
  out(`\n${misranked.length} questions whose first document is not the right one:`);
  for (const line of misranked) out(`  ${line}`);
}
await app.close();
rmSync(emptyKnowledge, { recursive: true, force: true });
