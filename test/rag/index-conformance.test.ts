/**
 * The index backend conformance suite against the embedded index always, and against a real
 * Qdrant server when QDRANT_URL is set (QDRANT_API_KEY when it needs one). Each Qdrant test gets
 * its own collection, named after this run, deleted afterwards. Without QDRANT_URL the Qdrant
 * variant is listed as skipped, never passed silently.
 */
import { randomBytes } from 'node:crypto';
import { QdrantClient } from '@qdrant/js-client-rest';
import { EmbeddedIndex } from '../../src/rag/embedded-index.ts';
import type { IndexBackend } from '../../src/rag/index-backend.ts';
import { QdrantIndex } from '../../src/rag/qdrant-index.ts';
import { runIndexConformance } from './index-conformance.ts';

const QDRANT_SKIP_REASON = 'set QDRANT_URL to run the conformance suite against Qdrant';

runIndexConformance('embedded', () => Promise.resolve(new EmbeddedIndex()), () => Promise.resolve());

const url = process.env.QDRANT_URL;
const apiKey = process.env.QDRANT_API_KEY || undefined;

if (url) {
  const run = `ta_forum_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  let n = 0;
  const admin = new QdrantClient({ url, ...(apiKey ? { apiKey } : {}), checkCompatibility: false });
  runIndexConformance(
    'qdrant',
    () => Promise.resolve(new QdrantIndex({ url, apiKey, collection: `${run}_${++n}` })),
    async (backend: IndexBackend) => {
      const { collection } = backend as QdrantIndex;
      if ((await admin.collectionExists(collection)).exists) await admin.deleteCollection(collection);
    },
  );
} else {
  console.warn(QDRANT_SKIP_REASON);
  const refuse = (): Promise<never> => Promise.reject(new Error(QDRANT_SKIP_REASON));
  runIndexConformance(`qdrant (skipped: ${QDRANT_SKIP_REASON})`, refuse, refuse, { skip: true });
}
