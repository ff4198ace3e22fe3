/**
 * `ta-forum web-account …`: the web chat's accounts from the command line. The definitions only;
 * the commands load the store when they run (web-account-command.ts).
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { CliIo } from './io.ts';

const GUEST_MAX_DAYS = 365;

function parseDays(value: string): number {
  const days = Number(value);
  if (!/^\d{1,3}$/.test(value) || days < 1 || days > GUEST_MAX_DAYS) {
    throw new InvalidArgumentError(`expected a number of days from 1 to ${GUEST_MAX_DAYS}.`);
  }
  return days;
}

export function addWebAccountCommands(program: Command, io: CliIo): void {
  const group = program
    .command('web-account')
    .description('web chat accounts: create them, send sign-in links, set passwords, list, disable')
    .addHelpText(
      'after',
      `
Examples:
  ta-forum web-account add amina --name "Amina Diallo"            (a member; prints a sign-in link)
  ta-forum web-account add j.smith --name "Jo Smith" --guest-days 30
  ta-forum web-account add lucia --name "Lucía Pérez" --moderator
  ta-forum web-account link amina
  printf '%s\\n' 'a long passphrase' | ta-forum web-account password amina
  ta-forum web-account list
  ta-forum web-account disable j.smith
Links use WEB_PUBLIC_URL (the address people reach the bot at).`,
    );

  group
    .command('add')
    .description('create an account (a member, or a guest with --guest-days) and print a one-time sign-in link')
    .argument('<login>', '2 to 64 characters: a-z, 0-9, . _ @ - (stored in lower case)')
    .requiredOption('--name <name>', 'the person\'s name, as the page shows it')
    .option('--guest-days <n>', 'a guest (not a member of a member state) with access for this many days', parseDays)
    .option('--moderator', 'a moderator of the forum (members only)')
    .option('--data-dir <path>', 'where the embedded database lives')
    .action(async (login: string, options: { name: string; guestDays?: number; moderator?: boolean; dataDir?: string }) => {
      const { runWebAccountAdd } = await import('./web-account-command.ts');
      await runWebAccountAdd(io, login, options);
    });

  group
    .command('link')
    .description('print a new one-time sign-in link for an account (valid 7 days)')
    .argument('<login>', 'the account')
    .option('--data-dir <path>', 'where the embedded database lives')
    .action(async (login: string, options: { dataDir?: string }) => {
      const { runWebAccountLink } = await import('./web-account-command.ts');
      await runWebAccountLink(io, login, options);
    });

  group
    .command('password')
    .description('set an account\'s password, read from standard input (at least 12 characters); its browsers sign in again')
    .argument('<login>', 'the account')
    .option('--data-dir <path>', 'where the embedded database lives')
    .action(async (login: string, options: { dataDir?: string }) => {
      const { runWebAccountPassword } = await import('./web-account-command.ts');
      await runWebAccountPassword(io, login, options);
    });

  group
    .command('list')
    .description('list the accounts: login, kind, role, name, whether a password is set, disabled or not')
    .option('--json', 'print one JSON object per account')
    .option('--data-dir <path>', 'where the embedded database lives')
    .action(async (options: { json?: boolean; dataDir?: string }) => {
      const { runWebAccountList } = await import('./web-account-command.ts');
      await runWebAccountList(io, options);
    });

  group
    .command('disable')
    .description('disable an account: no more sign-in, its browsers are signed out, its links stop working')
    .argument('<login>', 'the account')
    .option('--data-dir <path>', 'where the embedded database lives')
    .action(async (login: string, options: { dataDir?: string }) => {
      const { runWebAccountDisable } = await import('./web-account-command.ts');
      await runWebAccountDisable(io, login, options);
    });
}
