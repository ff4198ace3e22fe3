/**
 * The Teams app manifest (`manifest.json` at the project root) and its localization files
 * (`adapters/teams/manifest/*.json`), against the command grammar, the adapter's message action and
 * the limits of the Teams schema. No copy of Microsoft's JSON schema is installed (nothing under
 * node_modules), so the fields the app uses are checked here by hand, with the limits of schema v1.30.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detect } from 'tinyld/light';
import { describe, expect, it } from 'vitest';
import { APP_ID_PLACEHOLDER, DOMAIN_PLACEHOLDER, TEAMS_MANIFEST_DIR, TEAMS_MANIFEST_FILE } from '../../../adapters/teams/package.ts';
import { ACCENT_COLOR } from '../../../adapters/teams/icons.ts';
import { REPORT_MESSAGE_COMMAND_ID, REPORT_REASON_PARAMETER } from '../../../adapters/teams/message-actions.ts';
import { COMMAND_SYNTAX, MODERATOR_TOPICS } from '../../../src/core/command-grammar.ts';
import type { HelpTopic } from '../../../src/i18n/index.ts';

interface Command {
  title: string;
  description: string;
}
interface CommandList {
  scopes: string[];
  commands: Command[];
}
interface Manifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  name: { short: string; full: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles: boolean;
    isNotificationOnly: boolean;
    commandLists: CommandList[];
  }[];
  composeExtensions: {
    botId: string;
    commands: {
      id: string;
      type: string;
      title: string;
      description: string;
      context: string[];
      fetchTask: boolean;
      parameters: { name: string; title: string; description: string; inputType: string; isRequired?: boolean }[];
    }[];
  }[];
  permissions: string[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
}
type Strings = Record<string, string>;

const SCHEMA = /^https:\/\/developer\.microsoft\.com\/en-us\/json-schemas\/teams\/v(1\.\d+)\/MicrosoftTeams\.schema\.json$/;
const GRAMMAR = new Set(Object.keys(COMMAND_SYNTAX));
const LANGUAGES = { 'fr-fr': { file: 'fr.json', iso: 'fr', moderators: 'Modérateurs :' }, 'es-es': { file: 'es.json', iso: 'es', moderators: 'Moderadores:' } };

const manifest = JSON.parse(readFileSync(TEAMS_MANIFEST_FILE, 'utf8')) as Manifest;
const bot = manifest.bots[0];
const version = SCHEMA.exec(manifest.$schema)?.[1];

function load(file: string): Strings {
  return JSON.parse(readFileSync(path.join(TEAMS_MANIFEST_DIR, file), 'utf8')) as Strings;
}

/** Every string in a JSON value, with its path. */
function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  return [];
}

/** The message action's strings, by the path the localization format gives them, in English. */
const messageActionStrings: [string, string][] = (manifest.composeExtensions[0]?.commands ?? []).flatMap((command, i) => [
  [`composeExtensions[0].commands[${i}].title`, command.title],
  [`composeExtensions[0].commands[${i}].description`, command.description],
  ...command.parameters.flatMap((parameter, j): [string, string][] => [
    [`composeExtensions[0].commands[${i}].parameters[${j}].title`, parameter.title],
    [`composeExtensions[0].commands[${i}].parameters[${j}].description`, parameter.description],
  ]),
]);
/** The localization format's limits: titles 32 characters, descriptions 128. */
const limitOf = (key: string): number => (key.endsWith('.title') ? 32 : 128);

/** The command paths of the localization format, with the manifest's English strings. */
const commandDescriptions: [string, Command][] = (bot?.commandLists ?? []).flatMap((list, i) =>
  list.commands.map((command, j): [string, Command] => [`bots[0].commandLists[${i}].commands[${j}].description`, command]),
);

describe('Teams app manifest', () => {
  it('uses a current schema, and manifestVersion is the version of its $schema URL', () => {
    expect(version, manifest.$schema).toBeDefined();
    expect(manifest.manifestVersion).toBe(version);
    expect(Number((version ?? '0.0').split('.')[1])).toBeGreaterThanOrEqual(30);
  });

  it('has the required fields within their limits', () => {
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.id).toBe(APP_ID_PLACEHOLDER);
    expect(manifest.developer.name.length).toBeLessThanOrEqual(32);
    expect(manifest.name).toEqual({ short: 'TA Forum', full: 'TA Forum Bot' });
    expect(manifest.description.short.length).toBeGreaterThan(20);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    for (const word of ['documents', 'sources', 'topic', 'polls']) expect(manifest.description.full).toContain(word);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.accentColor).toMatch(/^#[0-9a-fA-F]{6}$/);
    expect(manifest.accentColor.toLowerCase()).toBe(ACCENT_COLOR.toLowerCase());
    for (const permission of manifest.permissions) expect(['identity', 'messageTeamMembers']).toContain(permission);
  });

  it('puts every URL on the one placeholder host, over https, and allows that domain', () => {
    const urls = strings(manifest).filter(([at, s]) => s.includes('://') && !s.includes('json-schemas') && at !== 'webApplicationInfo.resource');
    expect(urls.map(([at]) => at).sort()).toEqual(['developer.privacyUrl', 'developer.termsOfUseUrl', 'developer.websiteUrl']);
    const hosts = new Set(urls.map(([, url]) => /^https:\/\/([^/]+)\//.exec(url)?.[1]));
    expect([...hosts]).toEqual([DOMAIN_PLACEHOLDER]);
    expect(manifest.validDomains).toEqual([DOMAIN_PLACEHOLDER]);
  });

  it('has one conversational bot, the app itself, in personal, team and group chats, sending files', () => {
    expect(manifest.bots).toHaveLength(1);
    expect(bot?.botId).toBe(APP_ID_PLACEHOLDER);
    expect([...(bot?.scopes ?? [])].sort()).toEqual(['groupChat', 'personal', 'team']);
    // Files (my-data, poll export) go by the file consent card, which needs it.
    expect(bot?.supportsFiles).toBe(true);
    expect(bot?.isNotificationOnly).toBe(false);
  });

  it('asks for the resource-specific consent to receive channel messages unmentioned (only thread replies are kept)', () => {
    // Group chats have no topic threads: unmentioned messages there are not asked for.
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([{ name: 'ChannelMessage.Read.Group', type: 'Application' }]);
    // Declared with the bot's Entra app id; the resource has no use in this consent but must be set.
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID_PLACEHOLDER, resource: `api://${DOMAIN_PLACEHOLDER}/${APP_ID_PLACEHOLDER}` });
    // The store asks the description to say what the bot does with the messages it reads.
    expect(manifest.description.full).toContain('without being mentioned');
    expect(manifest.description.full).toContain('ignores every other message');
  });

  it('offers one message action, "Report to moderators", handled by the bot, with an optional reason', () => {
    expect(manifest.composeExtensions).toHaveLength(1);
    const extension = manifest.composeExtensions[0];
    expect(extension?.botId).toBe(APP_ID_PLACEHOLDER);
    expect(extension?.commands).toHaveLength(1);
    const command = extension?.commands[0];
    expect(command).toMatchObject({ id: REPORT_MESSAGE_COMMAND_ID, type: 'action', context: ['message'], fetchTask: false });
    expect(command?.id.length).toBeLessThanOrEqual(64);
    expect(command?.parameters).toHaveLength(1);
    expect(command?.parameters[0]).toMatchObject({ name: REPORT_REASON_PARAMETER, inputType: 'textarea', isRequired: false });
    for (const [key, text] of messageActionStrings) {
      expect(text.length, key).toBeGreaterThan(5);
      expect(text.length, key).toBeLessThanOrEqual(limitOf(key));
    }
  });

  it('lists commands of the grammar, one list per scope, within the limits', () => {
    const lists = bot?.commandLists ?? [];
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) {
      expect(list.scopes).toHaveLength(1);
      expect(list.commands.length).toBeGreaterThan(0);
      expect(list.commands.length).toBeLessThanOrEqual(10);
      const titles = list.commands.map((c) => c.title);
      expect(new Set(titles).size, `${list.scopes[0]}: no command twice`).toBe(titles.length);
      expect(titles.slice(0, 2), 'help and ask come first').toEqual(['help', 'ask']);
      for (const { title, description } of list.commands) {
        expect(GRAMMAR, `${title} is a command of the grammar`).toContain(title);
        expect(title.length).toBeLessThanOrEqual(32);
        expect(description.length).toBeGreaterThan(10);
        expect(description.length).toBeLessThanOrEqual(128);
        // A command that takes arguments shows how to write them.
        if (COMMAND_SYNTAX[title as HelpTopic] !== title) expect(description).toContain(`${title} `);
        expect(description.startsWith('Moderators:'), `${title}: moderators' commands say so`).toBe(MODERATOR_TOPICS.has(title as HelpTopic));
      }
    }
    const personal = lists.find((l) => l.scopes[0] === 'personal')?.commands.map((c) => c.title) ?? [];
    // Personal data is shown in the personal chat only.
    expect(personal).toContain('my-data');
    for (const list of lists.filter((l) => l.scopes[0] !== 'personal')) expect(list.commands.map((c) => c.title)).not.toContain('my-data');
  });

  it('offers French and Spanish besides English', () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('en-us');
    expect(manifest.localizationInfo.additionalLanguages).toEqual(
      Object.entries(LANGUAGES).map(([languageTag, { file }]) => ({ languageTag, file })),
    );
    for (const { file } of manifest.localizationInfo.additionalLanguages) expect(existsSync(path.join(TEAMS_MANIFEST_DIR, file)), file).toBe(true);
  });
});

describe.each(Object.entries(LANGUAGES))('Teams localization %s', (_tag, { file, iso, moderators }) => {
  const localized = load(file);

  it('names the localization schema of the manifest version', () => {
    expect(localized.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/MicrosoftTeams.Localization.schema.json`,
    );
  });

  it('has the required strings within their limits, translated', () => {
    expect(localized['name.short']).toBe(manifest.name.short);
    expect(localized['name.full']?.length).toBeLessThanOrEqual(100);
    expect(localized['description.short']?.length).toBeLessThanOrEqual(80);
    expect(localized['description.full']?.length).toBeLessThanOrEqual(4000);
    expect(localized['name.full']).not.toBe(manifest.name.full);
    expect(localized['description.short']).not.toBe(manifest.description.short);
    expect(localized['description.full']).not.toBe(manifest.description.full);
    expect(detect(localized['description.full'] ?? '')).toBe(iso);
    expect(detect(localized['description.short'] ?? '')).toBe(iso);
  });

  it('describes every command of every list, and nothing else', () => {
    const expected = [
      '$schema',
      'name.short',
      'name.full',
      'description.short',
      'description.full',
      ...commandDescriptions.map(([key]) => key),
      ...messageActionStrings.map(([key]) => key),
    ];
    expect(Object.keys(localized).sort()).toEqual(expected.sort());
  });

  it('translates the command descriptions and keeps the command words in English', () => {
    for (const [key, { title, description }] of commandDescriptions) {
      const text = localized[key] ?? '';
      expect(text.length, key).toBeGreaterThan(10);
      expect(text.length, key).toBeLessThanOrEqual(128);
      expect(text, `${key} is translated`).not.toBe(description);
      // The grammar's command words are English in every language: the syntax shown stays so.
      if (description.includes(`${title} `)) expect(text, key).toContain(`${title} `);
      expect(text.startsWith(moderators), `${key}: moderators' commands say so`).toBe(MODERATOR_TOPICS.has(title as HelpTopic));
    }
  });

  it('translates the message action', () => {
    for (const [key, english] of messageActionStrings) {
      const text = localized[key] ?? '';
      expect(text.length, key).toBeGreaterThan(5);
      expect(text.length, key).toBeLessThanOrEqual(limitOf(key));
      expect(text, `${key} is translated`).not.toBe(english);
    }
  });

  it('holds no placeholder but the manifest’s own', () => {
    for (const [, value] of strings(localized)) {
      for (const placeholder of value.match(/\{\{[A-Z_]+\}\}/g) ?? []) expect([APP_ID_PLACEHOLDER, DOMAIN_PLACEHOLDER]).toContain(placeholder);
    }
  });
});
