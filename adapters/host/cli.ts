/**
 * The process entry point: the command line of src/cli with `serve` wired to the host. Startup
 * failures print one clear line and set the exit code: 2 for configuration, 1 for anything else.
 * `runCli` is the command line itself, on any `CliIo`; `main` runs it on the process's own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildProgram, type ServeOptions, type TeamsPackageOptions } from '../../src/cli/program.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { CommanderError } from 'commander';
import { ForumError, isForumError } from '../../src/core/errors.ts';
import { projectPath } from '../../src/paths.ts';

const EXIT_CONFIG = 2;
const EXIT_FAILURE = 1;

const pkg = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string };

/** Says what went wrong on standard error, and answers the exit code. */
function failure(io: CliIo, error: unknown): number {
  // Commander has printed its own message (or the help or version, with exit code 0).
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_CONFIG;
  if (isForumError(error)) {
    io.stderr.write(`ta-forum: ${error.message}\n`);
    return error.code === 'config_invalid' ? EXIT_CONFIG : EXIT_FAILURE;
  }
  io.stderr.write(`ta-forum: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT_FAILURE;
}

async function serve(options: ServeOptions, io: CliIo): Promise<void> {
  const { loadConfig } = await import('../../src/config.ts');
  const { commandEnv } = await import('../../src/cli/io.ts');
  const { createLogger } = await import('../../src/log.ts');
  const { startHost } = await import('./server.ts');
  const { stopOnSignalOrOrphaned } = await import('./lifecycle.ts');
  const config = loadConfig(
    commandEnv(io),
    {
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.port !== undefined ? { port: options.port } : {}),
    },
    io.cwd,
  );
  const log = createLogger(config.logLevel, config.logFormat, io.log);
  const lifecycle = stopOnSignalOrOrphaned(log);
  // The first line: what the wait before the web chat's line is.
  log.info({ version: pkg.version }, 'starting: opening the store and indexing the knowledge folder (the first start takes longest)');
  const host = await startHost(config, log);
  log.info({ url: host.url, dataDir: config.databaseUrl ? undefined : config.dataDir }, 'TA Forum Bot is running');
  const slack = config.slack ? (config.slack.appToken ? 'Slack: Socket Mode. ' : `Slack: ${host.url}/slack/events. `) : '';
  // The last line at start, for the person who started it: where to go, and what to type first.
  io.stderr.write(`TA Forum Bot is running. Web chat: ${host.url} — open it and type "help", or ask a question. ${slack}(Ctrl+C to stop)\n`);
  lifecycle.serving(() => host.close());
}

/** `ta-forum teams-package`: the app id from the option or MICROSOFT_APP_ID; a clear line on bad input. */
async function teamsPackage(options: TeamsPackageOptions, io: CliIo): Promise<void> {
  const { commandEnv } = await import('../../src/cli/io.ts');
  const { writeTeamsPackage } = await import('../teams/package.ts');
  const appId = options.appId ?? commandEnv(io).MICROSOFT_APP_ID;
  if (!appId) throw new ForumError('config_invalid', 'Give the bot’s Microsoft App ID with --app-id or MICROSOFT_APP_ID.');
  const summary = await writeTeamsPackage({ appId, domain: options.domain, outFile: path.resolve(io.cwd, options.out) });
  io.stdout.write(`Teams app package written: ${summary.file} (${summary.bytes} bytes: ${summary.entries.join(', ')})\n`);
}

/**
 * Runs the command line `argv` (as process.argv: node, the script, then the arguments) on `io`;
 * answers the exit code. `serve` keeps running after it answers, until it is stopped.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    await buildProgram({ serve, teamsPackage }, pkg.version, io).parseAsync(argv);
    return 0;
  } catch (error) {
    return failure(io, error);
  }
}

/** The process's own folder and streams (and its environment, which the commands read when they run). */
function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
  };
}

/**
 * Output piped to a reader that stopped reading (`ta-forum ask … | head -3`): the rest is not
 * wanted, so the process ends quietly, as command-line tools do, rather than with a stack.
 */
function endQuietlyWhenOutputCloses(io: CliIo): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.exit(failure(io, error));
  });
}

export async function main(argv: string[]): Promise<void> {
  const io = processIo();
  endQuietlyWhenOutputCloses(io);
  const code = await runCli(argv, io);
  if (code !== 0) process.exit(code);
}
