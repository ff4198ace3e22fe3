/**
 * The worker thread that checks and parses documents (parse-isolated.ts starts it): one job at a
 * time, `{ format, bytes }` in, the parsed document or the refusal's reason out. Whatever the
 * bytes do here, the thread that serves requests is not the one doing it.
 */
import { parentPort } from 'node:worker_threads';
import { isForumError } from '../../core/errors.ts';
import type { DocumentFormat, ParsedDocument } from '../types.ts';
import { parseContent } from './parse.ts';

export interface ParseJob {
  format: DocumentFormat;
  bytes: Uint8Array;
}

export type ParseReply = { ok: true; doc: ParsedDocument } | { ok: false; reason: string };

async function run(job: ParseJob): Promise<ParseReply> {
  try {
    return { ok: true, doc: await parseContent(job.format, job.bytes) };
  } catch (error) {
    // parseContent gives every refusal its reason; anything else is a parser's failure.
    return { ok: false, reason: isForumError(error) ? error.message : `cannot read the ${job.format.toUpperCase()} document` };
  }
}

parentPort?.on('message', (job: ParseJob) => {
  void run(job).then((reply) => parentPort?.postMessage(reply));
});
