// The document parser's worker started from the TypeScript sources (tests, and `ta-forum` run
// through tsx): tsx compiles parse-worker.ts and what it imports. The compiled build starts
// parse-worker.js directly.
import { tsImport } from 'tsx/esm/api';

await tsImport('./parse-worker.ts', import.meta.url);
