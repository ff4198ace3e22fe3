/**
 * A knowledge base over documents written for a test, through the real pipeline: the files are
 * written to a folder, ingested into an in-memory store, with an empty knowledge folder (the
 * built-in glossary and lexicon only, as for any organisation). Registers its own hooks.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { glossaryFor } from '../../src/main.ts';
import { ingestPaths } from '../../src/rag/ingest/ingest.ts';
import { KnowledgeBase } from '../../src/rag/knowledge-base.ts';
import type { Store } from '../../src/store/index.ts';
import { openTestStore } from './pglite-template.ts';

/** `files`: file name (its extension says its format) → text, or bytes (a PDF). Call at a test file's top level. */
export function useDocumentsKnowledgeBase(files: Record<string, string | Uint8Array>): () => KnowledgeBase {
  let root = '';
  let store: Store | undefined;
  let kb: KnowledgeBase | undefined;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'ta-documents-kb-'));
    await mkdir(path.join(root, 'docs'));
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, 'docs', name), text);
    store = await openTestStore();
    kb = new KnowledgeBase(store.db, glossaryFor(loadConfig({ KNOWLEDGE_DIR: root })));
    await ingestPaths(kb, store.db, [path.join(root, 'docs')], { cwd: root, defaultLang: 'en', prune: false, now: () => new Date() });
  });
  afterAll(async () => {
    await store?.close();
    await rm(root, { recursive: true, force: true });
  });
  return () => {
    if (!kb) throw new Error('the knowledge base is made in beforeAll');
    return kb;
  };
}
