/**
 * Documents read in a worker thread with a memory cap and a time limit, so that a file built to
 * explode (a PDF stream that expands to a gigabyte, a ZIP bomb, markup that never ends) costs the
 * worker, never the thread that answers requests. One worker, kept while documents keep coming
 * (the PDF library stays loaded) and stopped when idle; documents are read one at a time.
 *
 * Three limits, each refusing the document with its reason:
 * - V8's heap of the worker (`resourceLimits`): the parser's objects and strings;
 * - the process's resident memory, watched from this thread while the worker reads: buffers
 *   (ArrayBuffers, zlib's output) live outside V8's heap and its limit does not count them;
 * - the time the worker may take.
 * The worker is terminated when a limit is passed, even in the middle of a synchronous loop.
 */
import { Worker } from 'node:worker_threads';
import { ForumError } from '../../core/errors.ts';
import type { DocumentFormat, ParsedDocument } from '../types.ts';
import type { ParseJob, ParseReply } from './parse-worker.ts';

export interface ParseLimits {
  /** The worker's V8 heap (old generation), in megabytes. */
  heapMb: number;
  /** How much the process's resident memory may grow while a document is read, in bytes. */
  memoryBytes: number;
  /** How long a document may take to read, in milliseconds. */
  timeMs: number;
}

const MB = 1024 * 1024;
export const PARSE_LIMITS: ParseLimits = { heapMb: 256, memoryBytes: 512 * MB, timeMs: 30_000 };
/** How often the resident memory is looked at while a document is read. */
const MEMORY_CHECK_MS = 20;
/** An idle worker is stopped after this long. */
const IDLE_MS = 10_000;

/** From the sources (tests, tsx) a bootstrap has tsx compile the worker; the build has it compiled. */
const ENTRY = new URL(import.meta.url.endsWith('.ts') ? './parse-worker-tsx.mjs' : './parse-worker.js', import.meta.url);

interface ParserThread {
  worker: Worker;
  heapMb: number;
}

let thread: ParserThread | undefined;
let idle: NodeJS.Timeout | undefined;
let queue: Promise<unknown> = Promise.resolve();

function stopThread(): void {
  const stopping = thread;
  thread = undefined;
  if (stopping) void stopping.worker.terminate();
}

function threadFor(heapMb: number): Worker {
  clearTimeout(idle);
  if (thread && thread.heapMb !== heapMb) stopThread();
  if (!thread) {
    const worker = new Worker(ENTRY, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    // A worker that ends by itself, even while idle, is replaced at the next document.
    worker.once('exit', () => {
      if (thread?.worker === worker) thread = undefined;
    });
    thread = { worker, heapMb };
  }
  return thread.worker;
}

const refusal = (reason: string, cause?: unknown): ForumError => new ForumError('bad_request', reason, { cause });

function read(format: DocumentFormat, bytes: Uint8Array, limits: ParseLimits): Promise<ParsedDocument> {
  const worker = threadFor(limits.heapMb);
  worker.ref();
  const baseline = process.memoryUsage.rss();
  return new Promise<ParsedDocument>((resolve, reject) => {
    const settle = (outcome: { doc: ParsedDocument } | { error: ForumError }, stop: boolean): void => {
      clearTimeout(timer);
      clearInterval(watch);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (stop) stopThread();
      else {
        worker.unref();
        idle = setTimeout(stopThread, IDLE_MS).unref();
      }
      if ('doc' in outcome) resolve(outcome.doc);
      else reject(outcome.error);
    };
    const tooMuchMemory = (): ForumError => refusal('the document needs more memory to read than allowed');
    const onMessage = (reply: ParseReply): void => settle(reply.ok ? { doc: reply.doc } : { error: refusal(reply.reason) }, false);
    const onError = (error: NodeJS.ErrnoException): void =>
      settle({ error: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooMuchMemory() : refusal(`cannot read the ${format.toUpperCase()} document`, error) }, true);
    const onExit = (): void => settle({ error: refusal(`cannot read the ${format.toUpperCase()} document`) }, true);
    const timer = setTimeout(() => settle({ error: refusal(`reading it took longer than ${limits.timeMs / 1000} s`) }, true), limits.timeMs);
    const watch = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > limits.memoryBytes) settle({ error: tooMuchMemory() }, true);
    }, MEMORY_CHECK_MS);
    watch.unref();
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    // The worker gets its own copy of the bytes, moved rather than copied again.
    const copy = new Uint8Array(bytes);
    worker.postMessage({ format, bytes: copy } satisfies ParseJob, [copy.buffer]);
  });
}

/** Checks and parses a document in the worker; refuses it (`bad_request`, with the reason) as parsing in place would, or when it passes a limit. */
export function parseIsolated(format: DocumentFormat, bytes: Uint8Array, limits: ParseLimits = PARSE_LIMITS): Promise<ParsedDocument> {
  const next = queue.then(() => read(format, bytes, limits));
  queue = next.catch(() => undefined);
  return next;
}
