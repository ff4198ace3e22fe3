/**
 * Run by the benchmark in a fresh process: opens a data directory as `serve` does (store,
 * knowledge base loaded into the index) and prints the process's resident memory in MB.
 */
import { EMPTY_GLOSSARY } from '../../src/rag/glossary.ts';
import { KnowledgeBase } from '../../src/rag/knowledge-base.ts';
import { openStore } from '../../src/store/index.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: serve-memory.ts <data dir>');
const store = await openStore({ engine: 'pglite', dataDir });
const kb = new KnowledgeBase(store.db, EMPTY_GLOSSARY);
await kb.load();
global.gc?.();
process.stdout.write(`${JSON.stringify({ passages: kb.stats.size, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) })}\n`);
await store.close();
