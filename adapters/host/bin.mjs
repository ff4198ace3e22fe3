#!/usr/bin/env node
// The `ta-forum` command. Runs the compiled build (.build/, made by `npm install` or `npm run build`)
// when it is newer than every source file; otherwise the TypeScript sources through tsx, so an
// edited source is never ignored.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsFresh } from './build-state.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let cli;
if (buildIsFresh(root)) {
  cli = await import('../../.build/adapters/host/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('./cli.ts');
}
await cli.main(process.argv);
