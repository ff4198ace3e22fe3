/**
 * `ta-forum moderator add | remove | list`: moderators kept in the store (audited, as every role
 * change), on the configured store. `local` names the person who used the web chat on this
 * machine without signing in, so that a newcomer can try the moderator features without looking
 * for their id. While the bot holds the embedded store, the commands say to stop it first.
 */
import type { Config } from '../config.ts';
import { PLATFORMS, type Platform } from '../core/events.ts';
import { ForumError } from '../core/errors.ts';
import { endModeratorRole, knownWorkspaces, listStoredModerators, localWebPeople } from '../store/moderators.ts';
import { findPerson, grantRole, personRef, type PersonKey } from '../store/people.ts';
import type { Store } from '../store/index.ts';
import { WEB_MEMBER_REALM, findWebAccount, webPersonKey } from '../store/web-accounts.ts';
import { openUnlessHeld } from './held-store.ts';
import type { CliIo } from './io.ts';
import { operator, withStore, write, type StoreOptions } from './with-store.ts';

export interface ModeratorOptions extends StoreOptions {
  workspace?: string;
}

const LOCAL = 'local';

/** Runs on the store; when the running bot holds it, says to stop the bot first. */
function onStore<T>(io: CliIo, options: StoreOptions, run: (store: Store, config: Config) => Promise<T>): Promise<T> {
  return openUnlessHeld(
    () => withStore(io, options, run),
    () => 'Stop the bot (Ctrl+C where it runs), run this command again, then start the bot: it reads roles at every message.',
  );
}

function parsePerson(value: string): { platform: Platform; userId: string } {
  const at = value.indexOf(':');
  const platform = PLATFORMS.find((p) => p === value.slice(0, at));
  const userId = value.slice(at + 1).trim();
  if (at < 0 || !platform || userId.length === 0) {
    throw new ForumError('bad_request', `"${value}" is not a person: give "local" (the web chat on this machine) or platform:id, platform one of ${PLATFORMS.join(', ')}, such as web:amina or slack:U0123ABC.`);
  }
  return { platform, userId };
}

function isConfigured(config: Config, key: Pick<PersonKey, 'platform' | 'userId'>): boolean {
  return config.access.moderators.some((m) => m.platform === key.platform && m.id === key.userId);
}

/** The workspace a Slack or Teams person is in: --workspace, else the one they are known in, else the one the bot serves. */
async function workspaceOf(store: Store, config: Config, platform: 'slack' | 'teams', userId: string, given: string | undefined): Promise<string> {
  if (given) return given;
  const known = await knownWorkspaces(store.db, platform, userId);
  if (known.length === 1 && known[0]) return known[0];
  const served = platform === 'slack' ? config.access.slackWorkspaces : config.access.teamsTenants;
  if (known.length === 0 && served.length === 1 && served[0]) return served[0];
  const what = platform === 'slack' ? 'the Slack workspace (team) id, T…,' : 'the Teams tenant id';
  throw new ForumError('bad_request', `Give --workspace: ${what} ${platform}:${userId} is in (the bot serves ${served.length === 0 ? 'none configured' : served.join(', ')}).`);
}

/** The local web person: the one browser of this machine that used the web chat. */
async function localPerson(store: Store, config: Config): Promise<PersonKey> {
  const people = await localWebPeople(store.db);
  const [only] = people;
  if (!only) {
    const port = config.port === 0 ? 3978 : config.port;
    throw new ForumError('not_found', `Nobody has used the web chat on this machine yet. Start the bot, open http://localhost:${port}, type help, stop the bot, then run this again.`);
  }
  if (people.length > 1) {
    const list = people.map((p) => `  web:${p.userId}  (last seen ${p.lastSeen.toISOString()})`).join('\n');
    throw new ForumError('bad_request', `Several browsers used the web chat on this machine; name one (the most recent first; "my-data" in the chat shows yours):\n${list}`);
  }
  return { platform: 'web', workspaceId: WEB_MEMBER_REALM, userId: only.userId };
}

async function personKey(store: Store, config: Config, value: string, workspace: string | undefined): Promise<PersonKey> {
  if (value.trim().toLowerCase() === LOCAL) return localPerson(store, config);
  const { platform, userId } = parsePerson(value);
  if (platform !== 'web') return { platform, workspaceId: await workspaceOf(store, config, platform, userId, workspace), userId };
  const account = await findWebAccount(store.db, userId);
  if (account?.kind === 'guest') throw new ForumError('bad_request', `web:${account.login} is a guest account: a guest cannot be a moderator.`);
  return account ? webPersonKey(account) : { platform, workspaceId: WEB_MEMBER_REALM, userId };
}

export async function runModeratorAdd(io: CliIo, value: string, options: ModeratorOptions): Promise<void> {
  await onStore(io, options, async (store, config) => {
    const key = await personKey(store, config, value, options.workspace);
    const ref = personRef(key);
    if (isConfigured(config, key)) {
      write(io, `${ref} is already a moderator (MODERATORS).`);
      return;
    }
    if ((await findPerson(store.db, key))?.role === 'moderator') {
      write(io, `${ref} is already a moderator.`);
      return;
    }
    await grantRole(store.db, { key, role: 'moderator', guestExpiresAt: null, by: operator(), now: new Date() });
    write(io, `${ref} is now a moderator: "help" shows them the moderator commands, and the web page its dashboard.`);
  });
}

export async function runModeratorRemove(io: CliIo, value: string, options: ModeratorOptions): Promise<void> {
  await onStore(io, options, async (store, config) => {
    if (value.trim().toLowerCase() === LOCAL) throw new ForumError('bad_request', 'Name the moderator to remove as "moderator list" shows them (platform:id).');
    const key = await personKey(store, config, value, options.workspace);
    const ref = personRef(key);
    if (isConfigured(config, key)) {
      throw new ForumError('bad_request', `${ref} is a moderator through MODERATORS: remove it there (the environment or .env) and restart the bot.`);
    }
    if (!(await endModeratorRole(store.db, key, operator(), new Date()))) throw new ForumError('not_found', `${ref} is not a moderator.`);
    write(io, `${ref} is no longer a moderator.`);
  });
}

export async function runModeratorList(io: CliIo, options: StoreOptions): Promise<void> {
  await onStore(io, options, async (store, config) => {
    const stored = await listStoredModerators(store.db);
    if (config.access.moderators.length === 0 && stored.length === 0) {
      write(io, 'No moderators yet. To make yourself one: use the web chat on this machine once, then run "ta-forum moderator add local" (the bot stopped).');
      return;
    }
    for (const m of config.access.moderators) write(io, `${m.platform}:${m.id}  (MODERATORS)`);
    for (const m of stored) {
      const where = m.platform === 'web' ? '' : `  workspace ${m.workspaceId}`;
      write(io, `${personRef(m)}  (since ${m.since.toISOString().slice(0, 10)})${where}${m.displayName ? `  ${m.displayName}` : ''}`);
    }
  });
}
