/**
 * `ta-forum moderator …`: moderators from the command line. The definitions only; the commands
 * load the store when they run (moderator-command.ts).
 */
import type { Command } from 'commander';
import type { CliIo } from './io.ts';

export function addModeratorCommands(program: Command, io: CliIo): void {
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
With the embedded database the running bot holds the data folder: stop it first, start it after.
(While the forum has no moderator, "help" in the web chat on this machine also offers the role.)`,
    );

  /** `add` and `remove`: a person, and where to find them. */
  const personCommand = (name: 'add' | 'remove', description: string, person: string): void => {
    group
      .command(name)
      .description(description)
      .argument('<person>', person)
      .option('--workspace <id>', 'the Slack workspace (team) id or Teams tenant id the person is in')
      .option('--data-dir <path>', 'where the embedded database lives')
      .action(async (value: string, options: { workspace?: string; dataDir?: string }) => {
        const { runModeratorAdd, runModeratorRemove } = await import('./moderator-command.ts');
        await (name === 'add' ? runModeratorAdd : runModeratorRemove)(io, value, options);
      });
  };
  personCommand(
    'add',
    'make someone a moderator: "local" (the web chat on this machine) or platform:id',
    '"local", or platform:id such as web:amina, slack:U0123ABC, teams:<AAD object id>',
  );
  personCommand('remove', 'end a moderator role given in the store (those of MODERATORS are changed there)', 'platform:id, as "moderator list" shows it');

  group
    .command('list')
    .description('list the moderators: those of MODERATORS and those kept in the store')
    .option('--data-dir <path>', 'where the embedded database lives')
    .action(async (options: { dataDir?: string }) => {
      const { runModeratorList } = await import('./moderator-command.ts');
      await runModeratorList(io, options);
    });
}
