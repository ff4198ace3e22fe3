/**
 * The `ta-forum` command line run in the test's process: the same `runCli` the `ta-forum` process
 * runs (adapters/host/cli.ts), with the environment given here and its output kept as strings. For
 * tests of what a command answers and does; what only a process shows (signals, a closed pipe, the
 * launcher) is tested on the real `ta-forum` (serve-process.ts, test/cli/ta-forum.test.ts).
 */
import { Readable } from 'node:stream';
import { runCli } from '../../adapters/host/cli.ts';
import type { CliIo } from '../../src/cli/io.ts';

export interface CommandResult {
  status: number;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  /** The whole environment of the command (nothing of the test process's is added). */
  env: Record<string, string>;
  /** The folder the command runs in. */
  cwd: string;
  /** Its standard input; empty when not given. */
  input?: string;
}

/** An io whose output is kept: standard output, and standard error with the log lines. */
export function capturedIo(options: CommandOptions): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const stderr = { write: (text: string) => err.push(text) };
  return {
    env: options.env,
    cwd: options.cwd,
    stdin: Readable.from(options.input === undefined ? [] : [options.input]),
    stdout: { write: (text: string) => out.push(text) },
    stderr,
    log: stderr,
    out,
    err,
  };
}

/** Runs `ta-forum <args>` as the process would, and answers its exit code and output. */
export async function runCommand(args: string[], options: CommandOptions): Promise<CommandResult> {
  const io = capturedIo(options);
  const status = await runCli(['node', 'ta-forum', ...args], io);
  return { status, stdout: io.out.join(''), stderr: io.err.join('') };
}
