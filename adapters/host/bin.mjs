#!/usr/bin/env node
// The `ta-forum` command: runs the TypeScript sources through tsx, then the command line.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
await main(process.argv);
