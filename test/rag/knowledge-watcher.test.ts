/**
 * The knowledge folder's watch on a real folder: a burst of changes is one run after the folder
 * is quiet; a change during a run starts exactly one more run after it, never two at once; closing
 * stops it. The indexing itself is a recording stand-in here (the server test runs the real one).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IngestSummary } from '../../src/rag/ingest/ingest.ts';
import { watchKnowledgeFolder } from '../../src/rag/knowledge-watcher.ts';
import { silentLogger } from '../../src/log.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ta-forum-watcher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SUMMARY: IngestSummary = { added: 1, updated: 0, skipped: 0, failed: 0, removed: 0, chunks: 1, seconds: 0, failures: [], ignored: [] };
const DEBOUNCE_MS = 200;

describe('watchKnowledgeFolder', () => {
  it('runs once after a burst, once more for a change during a run, never two at once, and stops when closed', async () => {
    const folder = path.join(dir, 'knowledge', 'docs');
    let runs = 0;
    let running = 0;
    let most = 0;
    let release: (() => void) | undefined;
    const reindex = async (): Promise<IngestSummary> => {
      runs++;
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      running--;
      return SUMMARY;
    };
    const watcher = watchKnowledgeFolder({ folder, reindex, log: silentLogger(), debounceMs: DEBOUNCE_MS });
    expect(watcher).toBeDefined();

    // A burst of files, a subfolder too: one run, once the folder is quiet.
    mkdirSync(path.join(folder, 'fr'), { recursive: true });
    for (let i = 0; i < 5; i++) writeFileSync(path.join(folder, i % 2 ? 'fr' : '', `doc-${i}.md`), `# Doc ${i}\n`);
    await expect.poll(() => runs, { timeout: 5000 }).toBe(1);

    // Changes while it runs: one more run, after it.
    writeFileSync(path.join(folder, 'doc-5.md'), '# Doc 5\n');
    writeFileSync(path.join(folder, 'doc-6.md'), '# Doc 6\n');
    await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS * 3));
    expect(runs).toBe(1);
    release?.();
    await expect.poll(() => runs, { timeout: 5000 }).toBe(2);
    release?.();
    await watcher?.idle();
    expect(runs).toBe(2);
    expect(most).toBe(1);

    await watcher?.close();
    writeFileSync(path.join(folder, 'doc-7.md'), '# Doc 7\n');
    await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS * 3));
    expect(runs).toBe(2);
  });

  it('creates the folder when it is missing, so that documents can be copied into it', async () => {
    const folder = path.join(dir, 'new-knowledge', 'docs');
    const watcher = watchKnowledgeFolder({ folder, reindex: () => Promise.resolve(SUMMARY), log: silentLogger() });
    expect(watcher).toBeDefined();
    expect(existsSync(folder)).toBe(true);
    await watcher?.close();
  });
});
