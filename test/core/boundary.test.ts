/**
 * The core stays platform-neutral: nothing under src/ may import a platform SDK (@slack/…,
 * botbuilder…) or reach into adapters/. Imports are found with the TypeScript scanner, so multi-line,
 * type-only, re-export and dynamic imports count, and commented-out ones do not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');
const ADAPTERS = path.join(ROOT, 'adapters');

interface Violation {
  file: string;
  line: number;
  specifier: string;
}

function isForbidden(specifier: string, fromFile: string): boolean {
  if (specifier.startsWith('@slack/') || specifier.startsWith('botbuilder')) return true;
  if (/(^|\/)adapters(\/|$)/.test(specifier) && !specifier.startsWith('.')) return true;
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    const target = path.resolve(path.dirname(fromFile), specifier);
    return target === ADAPTERS || target.startsWith(ADAPTERS + path.sep);
  }
  return false;
}

/** Every import of `text` (static, re-export, dynamic, require) that breaks the boundary. */
function findForbiddenImports(text: string, file: string): Violation[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .filter((ref) => isForbidden(ref.fileName, file))
    .map((ref) => ({ file, line: text.slice(0, ref.pos).split('\n').length, specifier: ref.fileName }));
}

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

describe('the import matcher', () => {
  const inSrc = path.join(SRC, 'core', 'sample.ts');
  const lines = (text: string) => findForbiddenImports(text, inSrc).map((v) => `${v.line}:${v.specifier}`);

  it('catches a Slack import', () => {
    expect(lines("import { App } from '@slack/bolt';")).toEqual(['1:@slack/bolt']);
  });

  it('catches every form of import, on the right line', () => {
    const text = [
      "import type { Card } from './card.ts';",
      'import {',
      '  TurnContext,',
      "} from 'botbuilder';",
      "export { WebClient } from '@slack/web-api';",
      "export * from '../../adapters/host/server.ts';",
      "import 'botbuilder-core';",
      'async function later() {',
      "  const m = await import('@slack/socket-mode');",
      '}',
      "const legacy = require('botbuilder-dialogs');",
    ].join('\n');
    expect(lines(text)).toEqual([
      '4:botbuilder',
      '5:@slack/web-api',
      '6:../../adapters/host/server.ts',
      '7:botbuilder-core',
      '9:@slack/socket-mode',
      '11:botbuilder-dialogs',
    ]);
  });

  it('ignores comments, strings and neutral imports', () => {
    const text = [
      "// import { App } from '@slack/bolt';",
      "/* export * from '../../adapters/web/x.ts'; */",
      "const hint = \"import x from 'botbuilder'\";",
      "import { z } from 'zod';",
      "import { adaptersOf } from './adapters-helper.ts';",
      "const lazy = await import('@electric-sql/pglite');",
    ].join('\n');
    expect(lines(text)).toEqual([]);
    expect(ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName)).toEqual([
      'zod',
      './adapters-helper.ts',
      '@electric-sql/pglite',
    ]);
  });
});

describe('src/ imports no platform SDK and nothing from adapters/', () => {
  const files = tsFilesUnder(SRC);

  it('scans the whole of src/', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files).toContain(path.join(SRC, 'core', 'dispatcher.ts'));
    expect(files).toContain(path.join(SRC, 'store', 'migrations', '0001-initial.ts'));
  });

  it('finds no forbidden import', () => {
    const violations = files.flatMap((file) => findForbiddenImports(readFileSync(file, 'utf8'), file));
    const report = violations.map((v) => `${path.relative(ROOT, v.file)}:${v.line} imports ${v.specifier}`);
    expect(report).toEqual([]);
  });
});
