/**
 * The `ta-forum` command line. Sub-commands load what they need when they run, so `--help`
 * answers at once. The host supplies `serve`, which needs the adapters (src/ never imports them).
 * The commands read their environment and write their output through `io` (io.ts).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { addInboxCommands } from './inbox-program.ts';
import type { CliIo } from './io.ts';
import { addModeratorCommands } from './moderator-program.ts';
import { addWebAccountCommands } from './web-account-program.ts';

export interface ServeOptions {
  dataDir?: string;
  port?: number;
}

export interface TeamsPackageOptions {
  appId?: string;
  domain: string;
  out: string;
}

export interface CliHooks {
  serve(options: ServeOptions, io: CliIo): Promise<void>;
  teamsPackage(options: TeamsPackageOptions, io: CliIo): Promise<void>;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535 (0 picks a free port).');
  }
  return port;
}

export function buildProgram(hooks: CliHooks, version: string, io: CliIo): Command {
  const program = new Command('ta-forum')
    .description(
      'TA Forum Bot: a forum bot for a technical-assistance community, in Slack, Microsoft Teams and a web chat.',
    )
    .version(version)
    .showHelpAfterError('(run "ta-forum --help" for the commands)')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .exitOverride();

  program
    .command('serve')
    .description('run the bot, with its web chat on http://localhost:3978 (PORT)')
    .addOption(new Option('--data-dir <path>', 'where the embedded database lives (default: TA_FORUM_DATA_DIR or ./.ta-forum)'))
    .addOption(new Option('--port <number>', 'HTTP port (default: PORT or 3978; 0 picks a free port)').argParser(parsePort))
    .action(async (options: ServeOptions) => {
      await hooks.serve(options, io);
    });

  program
    .command('ingest')
    .description('add files and folders (md, txt, html, pdf, docx) to the knowledge base; unchanged files are skipped')
    .argument('<paths...>', 'files or folders')
    .option('--json', 'print a JSON summary instead of text')
    .option('--prune', 'remove documents whose files are gone from the given folders')
    .option('--data-dir <path>', 'where the embedded database lives')
    .action(async (paths: string[], options: { json?: boolean; prune?: boolean; dataDir?: string }) => {
      const { runIngest } = await import('./knowledge-commands.ts');
      await runIngest(io, paths, options);
    });

  program
    .command('ask')
    .description('answer a question from the knowledge base, with its sources ("-" reads one question per line)')
    .argument('<question>', 'the question, or - for standard input')
    .option('--json', 'print one JSON object per question')
    .option('--lang <code>', 'the language of the answer: ar, en, es, fr, ru or zh (default: the question\'s)')
    .option('--data-dir <path>', 'where the embedded database lives')
    .action(async (question: string, options: { json?: boolean; lang?: string; dataDir?: string }) => {
      const { runAsk } = await import('./knowledge-commands.ts');
      await runAsk(io, question, options);
    });

  program
    .command('experts')
    .description('find experts in the roster (knowledge/experts.json) by subject, language and region')
    .argument('[query...]', 'words describing the subject, in any of the six languages')
    .option('--json', 'print one JSON object per expert')
    .option('--lang <codes>', 'only experts who speak one of these languages: ar, en, es, fr, ru, zh (comma-separated)')
    .option('--region <name>', 'only experts of this region, e.g. Africa, "Amérique latine" (part of a name is enough)')
    .action(async (words: string[], options: { json?: boolean; lang?: string; region?: string }) => {
      const { runExperts } = await import('./experts-command.ts');
      await runExperts(io, words.join(' '), options);
    });

  program
    .command('teams-package')
    .description('write the Microsoft Teams app package (manifest and icons, a zip to upload to Teams)')
    // The app id is required: from the option, or MICROSOFT_APP_ID (checked when the command runs).
    .usage('--domain <host> --app-id <guid> [--out <file>]')
    .requiredOption('--domain <host>', 'the host name the bot is reached at, e.g. forum.example.org (no https://)')
    .option('--app-id <guid>', 'the bot\'s Microsoft App ID (required; may be given as MICROSOFT_APP_ID instead)')
    .option('--out <file>', 'where to write the zip', 'ta-forum-teams.zip')
    .action(async (options: TeamsPackageOptions) => {
      await hooks.teamsPackage(options, io);
    });

  addWebAccountCommands(program, io);
  addInboxCommands(program, io);
  addModeratorCommands(program, io);

  program.addHelpText(
    'after',
    `
Configuration comes from the environment or a .env file in the current folder (see README.md).
Examples:
  ta-forum serve
  ta-forum serve --data-dir /var/lib/ta-forum --port 8080
  ta-forum ingest ./documents --prune
  ta-forum ask "How does a member state request technical assistance?"
  ta-forum ask --json - < questions.txt
  ta-forum experts "impact evaluation" --region Afrique
  ta-forum teams-package --domain forum.example.org --out ta-forum-teams.zip
  ta-forum web-account add amina --name "Amina Diallo"
  ta-forum inbox retry 42
  ta-forum moderator add local`,
  );
  return program;
}
