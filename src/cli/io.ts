/**
 * Where the command line runs: its environment, its folder and its standard streams. The
 * `ta-forum` process gives its own (adapters/host/cli.ts); the tests of the commands run the same
 * command line in their process with an environment of their own and strings for the streams.
 */
import { processEnv, type Env } from '../config.ts';

export interface CliOutput {
  write(text: string): unknown;
  /** A terminal: progress bars and hidden typing are for terminals only. */
  isTTY?: boolean;
}

export type CliInput = NodeJS.ReadableStream & {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
};

export interface CliIo {
  /** The environment; the process's own, with a `.env` file of `cwd` loaded into it, when not given. */
  readonly env?: Env;
  /** The folder relative paths are read from. */
  readonly cwd: string;
  readonly stdin: CliInput;
  /** Results: what a command answers. */
  readonly stdout: CliOutput;
  /** Problems, prompts, progress. */
  readonly stderr: CliOutput;
  /** Where log lines go; the process's standard error (file descriptor 2) when not given. */
  readonly log?: CliOutput;
}

/** The environment the command runs in (see `CliIo.env`). */
export function commandEnv(io: CliIo): Env {
  return io.env ?? processEnv(io.cwd);
}

/** One line of a command's result, on standard output (logs and problems go to standard error). */
export function writeLine(io: CliIo, line: string): void {
  io.stdout.write(`${line}\n`);
}
