/**
 * `ta-forum moderator …`: moderators from the command line. The definitions only; the commands
 * load the store when they run (moderator-command.ts).
 */
import type { Command } from 'commander';

export function addModeratorCommands(program: Command): void {
  const group = program
    .command('moderator')
    .description('moderators kept in the store: make someone a moderator, end it, list them')
    .addHelpText(
      'after',
      `
Examples:
  ta-forum moderator add local               (you, in the web chat on this machine: use it once first)
  ta-forum moderator add web:amina           (a web account)
  ta-forum moderator add slack:U0123ABC      (add --workspace T0123 when the bot serves several)
  ta-forum moderator remove web:amina
  ta-forum moderator list
People are named platform:id as in MODERATORS (slack:<user id>, teams:<AAD object id>, web:<id>).
The bot reads roles at every message: no restart is needed. With the embedded database, stop the
bot first (it holds the data folder) and start it again after.`,
    );

  group
    .command('add')
    .description('make someone a moderator: "local" (the web chat on this machine) or platform:id')
    .argument('<person>', '"local", or platform:id such as web:amina, slack:U0123ABC, teams:<AAD object id>')
    .option('--workspace <id>', 'the Slack workspace (team) id or Teams tenant id the person is in')
    .option('--data-dir <path>', 'where the embedded database lives')
    .action(async (person: string, options: { workspace?: string; dataDir?: string }) => {
      const { runModeratorAdd } = await import('./moderator-command.ts');
      await runModeratorAdd(person, options);
    });

  group
    .command('remove')
    .description('end a moderator role given in the store (those of MODERATORS are changed there)')
    .argument('<person>', 'platform:id, as "moderator list" shows it')
    .option('--workspace <id>', 'the Slack workspace (team) id or Teams tenant id the person is in')
    .option('--data-dir <path>', 'where the embedded database lives')
    .action(async (person: string, options: { workspace?: string; dataDir?: string }) => {
      const { runModeratorRemove } = await import('./moderator-command.ts');
      await runModeratorRemove(person, options);
    });

  group
    .command('list')
    .description('list the moderators: those of MODERATORS and those kept in the store')
    .option('--data-dir <path>', 'where the embedded database lives')
    .action(async (options: { dataDir?: string }) => {
      const { runModeratorList } = await import('./moderator-command.ts');
      await runModeratorList(options);
    });
}
