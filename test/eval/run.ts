/**
 * `npm run eval`: the question set in test/eval/questions.json over the project's knowledge base,
 * through the same path as chat and `ta-forum ask`. Prints recall@5, answer accuracy and
 * abstention, per language and overall, and the questions that went wrong. Asserts nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BUILT_IN_KNOWLEDGE_DIR, loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { createApp, ingestKnowledgeDir } from '../../src/main.ts';
import { openStore } from '../../src/store/index.ts';

const RECALL_AT = 5;

const questionSchema = z.object({
  id: z.string(),
  lang: z.enum(['ar', 'en', 'es', 'fr', 'ru', 'zh']),
  question: z.string(),
  /** Document names (file name without folder and extension) any of which is a right source; empty = unanswerable. */
  sources: z.array(z.string()),
  /** Strings the answer must contain (case-insensitive), e.g. a figure. */
  answerContains: z.array(z.string()).default([]),
});
type Question = z.infer<typeof questionSchema>;

const file = process.argv[2] ?? path.join(import.meta.dirname, 'questions.json');
const questions: Question[] = z.array(questionSchema).parse(JSON.parse(readFileSync(file, 'utf8')));

const docName = (source: string): string => path.basename(source).replace(/\.[a-z]+$/i, '');

const store = await openStore({ engine: 'pglite', dataDir: undefined });
const knowledgeDir = process.env.KNOWLEDGE_DIR ?? BUILT_IN_KNOWLEDGE_DIR;
const app = await createApp(loadConfig({ KNOWLEDGE_DIR: knowledgeDir }), silentLogger(), { store });
const summary = await ingestKnowledgeDir(app.services, { prune: false });

interface Tally {
  answerable: number;
  recalled: number;
  answered: number;
  accurate: number;
  unanswerable: number;
  abstained: number;
}
const empty = (): Tally => ({ answerable: 0, recalled: 0, answered: 0, accurate: 0, unanswerable: 0, abstained: 0 });
const tallies = new Map<string, Tally>([['all', empty()]]);
const problems: string[] = [];

for (const q of questions) {
  const answer = await app.services.knowledge.answer(q.question, q.lang);
  const rows = [tallies.get('all') as Tally, tallies.get(q.lang) ?? empty()];
  tallies.set(q.lang, rows[1] as Tally);
  if (q.sources.length === 0) {
    for (const t of rows) t.unanswerable++;
    if (!answer.answered) for (const t of rows) t.abstained++;
    else problems.push(`${q.id} [${q.lang}] should abstain (support ${answer.support}): ${q.question}`);
    continue;
  }
  const top = answer.retrieval.slice(0, RECALL_AT).map((r) => docName(r.source));
  const recalled = top.some((name) => q.sources.includes(name));
  const accurate =
    answer.answered &&
    answer.citations.some((c) => q.sources.includes(docName(c.source))) &&
    q.answerContains.every((s) => answer.answer.toLowerCase().includes(s.toLowerCase()));
  for (const t of rows) {
    t.answerable++;
    if (recalled) t.recalled++;
    if (answer.answered) t.answered++;
    if (accurate) t.accurate++;
  }
  if (!recalled) problems.push(`${q.id} [${q.lang}] not in top ${RECALL_AT} (got ${top.join(', ')}): ${q.question}`);
  else if (!answer.answered) problems.push(`${q.id} [${q.lang}] abstained (support ${answer.support}): ${q.question}`);
  else if (!accurate) problems.push(`${q.id} [${q.lang}] answer lacks ${JSON.stringify(q.answerContains)} or a right source: ${q.question}`);
}

const pct = (n: number, d: number): string => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const out = (line: string): boolean => process.stdout.write(`${line}\n`);
out(`knowledge base: ${knowledgeDir} (${summary.added} documents, ${summary.chunks} chunks); ${questions.length} questions`);
out('scope  answerable  recall@5  answered  accuracy  unanswerable  abstention');
for (const [scope, t] of tallies) {
  out(
    `${scope.padEnd(6)} ${String(t.answerable).padStart(10)}  ${pct(t.recalled, t.answerable)}    ${pct(t.answered, t.answerable)}    ${pct(t.accurate, t.answerable)}  ${String(t.unanswerable).padStart(12)}  ${pct(t.abstained, t.unanswerable)}`,
  );
}
if (problems.length > 0) {
  out(`\n${problems.length} questions to look at:`);
  for (const p of problems) out(`  ${p}`);
}
await app.close();
