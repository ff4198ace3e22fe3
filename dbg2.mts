// usage: node --import tsx dbg2.mts DOCS lang "question" ...  : concepts with weights, top candidates
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from './src/config.ts';
import { silentLogger } from './src/log.ts';
import { createApp } from './src/main.ts';
import { ingestPaths } from './src/rag/ingest/ingest.ts';
import { openStore } from './src/store/index.ts';
import { questionKind } from './src/rag/question-kind.ts';
import { scoreCandidates } from './src/rag/extractive.ts';
import { conceptWeight } from './src/rag/support.ts';
const [docs, ...rest] = process.argv.slice(2);
const store = await openStore({ engine: 'pglite', dataDir: undefined });
const app = await createApp(loadConfig({ KNOWLEDGE_DIR: mkdtempSync(path.join(tmpdir(), 'k-')) }), silentLogger(), { store });
await ingestPaths(app.services.knowledge, store.db, [docs], { cwd: docs, defaultLang: 'en', prune: false, now: () => new Date() });
const kb: any = app.services.knowledge;
for (let i = 0; i < rest.length; i += 2) {
  const lang = rest[i] as 'en', q = rest[i + 1];
  const r = await kb.retrieve(q, lang);
  const kind = questionKind(q, lang);
  process.stdout.write(`\n### ${q}  kind=${kind} support=${r.support.toFixed(3)}\n`);
  for (const c of r.query.concepts) process.stdout.write(`  [${c.label}] w=${conceptWeight(c, kb.stats).toFixed(2)} ${c.crossLingual ? 'X' : ''}${c.constraint ? 'C' : ''}${c.optional ? 'o' : ''} terms=${[...c.terms.keys()].slice(0, 8).join(',')}\n`);
  r.hits.slice(0, 8).forEach((h: any, k: number) => process.stdout.write(`  hit${k} ${h.chunk.lang} ${path.basename(h.chunk.source)} s=${h.score.toFixed(3)} sup=${h.support.toFixed(2)} ${h.chunk.text.slice(0, 80).replace(/\s+/g, ' ')}\n`));
  const cands = scoreCandidates(r.query, kind, r.hits.slice(0, 8).map((h: any) => h.chunk), kb.stats);
  for (const c of cands.slice(0, 6)) process.stdout.write(`  cand r${c.rank} sc=${c.score.toFixed(3)} cov=${c.coverage.toFixed(2)} span=${c.span?.text ?? '-'} | ${c.unit.text.slice(0, 140).replace(/\s+/g, ' ')}\n`);
}
await app.close();
