/**
 * The `ta-forum` command line. Sub-commands load what they need when they run, so `--help`
 * answers at once. The host supplies `serve`, which needs the adapters (src/ never imports them).
 */
import { Command, InvalidArgumentError, Option } from 'commander';

export interface ServeOptions {
  dataDir?: string;
  port?: number;
}

export interface CliHooks {
  serve(options: ServeOptions): Promise<void>;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535 (0 picks a free port).');
  }
  return port;
}

export function buildProgram(hooks: CliHooks, version: string): Command {
  const program = new Command('ta-forum')
    .description(
      'TA Forum Bot: a forum bot for a technical-assistance community, in Slack, Microsoft Teams and a web chat.',
    )
    .version(version)
    .showHelpAfterError('(run "ta-forum --help" for the commands)')
    .exitOverride();

  program
    .command('serve')
    .description('run the bot, with its web chat on http://localhost:3978 (PORT)')
    .addOption(new Option('--data-dir <path>', 'where the embedded database lives (default: TA_FORUM_DATA_DIR or ./.ta-forum)'))
    .addOption(new Option('--port <number>', 'HTTP port (default: PORT or 3978; 0 picks a free port)').argParser(parsePort))
    .action(async (options: ServeOptions) => {
      await hooks.serve(options);
    });

  program.addHelpText(
    'after',
    `
Configuration comes from the environment or a .env file in the current folder (see README.md).
Examples:
  ta-forum serve
  ta-forum serve --data-dir /var/lib/ta-forum --port 8080`,
  );
  return program;
}
