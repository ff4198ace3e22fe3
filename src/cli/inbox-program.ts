/**
 * `ta-forum inbox …`: the requests parked in the durable inbox, for the operator. The definitions
 * only; the commands load the store when they run (inbox-command.ts).
 */
import type { Command } from 'commander';
import type { CliIo } from './io.ts';

export function addInboxCommands(program: Command, io: CliIo): void {
  const group = program
    .command('inbox')
    .description('the requests the bot could not run (parked after their last attempt): list them, retry them, delete them')
    .addHelpText(
      'after',
      `
Examples:
  ta-forum inbox                 (counts of pending, done and parked rows; each parked row and why)
  ta-forum inbox retry 42        (back to pending: the running bot's worker takes it)
  ta-forum inbox retry --all
  ta-forum inbox drop 42
On the embedded database (no DATABASE_URL) stop the bot first: a retried row runs at its next start.`,
    );

  // The default: `ta-forum inbox` is `ta-forum inbox list` (each command has its own options, so
  // that `retry 42 --data-dir …` is read by `retry`).
  group
    .command('list', { isDefault: true })
    .description('the counts of pending, done and parked rows, and each parked row: what it was and why it failed')
    .option('--json', 'print the counts and the parked rows as one JSON object')
    .option('--data-dir <path>', 'where the embedded database lives')
    .action(async (options: { json?: boolean; dataDir?: string }) => {
      const { runInboxList } = await import('./inbox-command.ts');
      await runInboxList(io, options);
    });

  group
    .command('retry')
    .description('put a parked row (or every one, --all) back to pending, its attempts at 0, to be run again')
    .argument('[id]', 'the row\'s id, as ta-forum inbox lists it')
    .option('--all', 'every parked row')
    .option('--data-dir <path>', 'where the embedded database lives')
    .action(async (id: string | undefined, options: { all?: boolean; dataDir?: string }) => {
      const { runInboxRetry } = await import('./inbox-command.ts');
      await runInboxRetry(io, id, options);
    });

  group
    .command('drop')
    .description('delete a parked row (what it already posted stays posted; it is not run again)')
    .argument('<id>', 'the row\'s id, as ta-forum inbox lists it')
    .option('--data-dir <path>', 'where the embedded database lives')
    .action(async (id: string, options: { dataDir?: string }) => {
      const { runInboxDrop } = await import('./inbox-command.ts');
      await runInboxDrop(io, id, options);
    });
}
