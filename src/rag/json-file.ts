/** Reading a JSON data file of the knowledge folder, checked by a schema; a missing file is `undefined`. */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ForumError } from '../core/errors.ts';

/** `what` names the file for people: "the glossary", "the experts roster". */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S, what: string): z.infer<S> | undefined {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ForumError('bad_request', `Cannot read ${what} ${file}.`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new ForumError('bad_request', `${capitalise(what)} ${file} is not valid JSON.`, { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ForumError('bad_request', `${capitalise(what)} ${file} is malformed at ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? ''}`);
  }
  return parsed.data;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
