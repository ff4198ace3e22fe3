/**
 * The Teams app package (`ta-forum teams-package`): the zip an administrator uploads to Teams.
 *
 * It holds, at its root, `manifest.json` (from the project root) with its placeholders replaced —
 * `{{MICROSOFT_APP_ID}}` by the bot's Microsoft App ID, `{{BOT_DOMAIN}}` by the host name the bot
 * is served on — the two icons drawn by `icons.ts`, and the localization files the manifest names
 * (`adapters/teams/manifest/fr.json`, `es.json`), placeholders replaced there too.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { ForumError } from '../../src/core/errors.ts';
import { projectPath } from '../../src/paths.ts';
import { colorIcon, outlineIcon } from './icons.ts';

/** The app manifest, with placeholders, at the project root. */
export const TEAMS_MANIFEST_FILE = projectPath('manifest.json');
/** Where the localization files (and anything else of the package that is not code) live. */
export const TEAMS_MANIFEST_DIR = projectPath('adapters', 'teams', 'manifest');
/** A sensible default for `--out`, relative to the working folder. */
export const DEFAULT_TEAMS_PACKAGE_FILE = 'ta-forum-teams.zip';

export const APP_ID_PLACEHOLDER = '{{MICROSOFT_APP_ID}}';
export const DOMAIN_PLACEHOLDER = '{{BOT_DOMAIN}}';

export interface TeamsPackageOptions {
  /** The bot's Microsoft App ID (Azure bot registration), a GUID. Also the Teams app id. */
  appId: string;
  /** The bare host name the bot is reached on, e.g. `forum.example.org`. */
  domain: string;
  /** The zip file to write; its folder is created when missing. */
  outFile: string;
}

export interface TeamsPackageSummary {
  /** The absolute path of the zip written. */
  file: string;
  /** Its size in bytes. */
  bytes: number;
  /** The names of the files in the zip, in the order they were added. */
  entries: string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A DNS label: letters, digits and inner hyphens, 1 to 63 characters. */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** Zip entries get a fixed date, so that the same inputs give the same bytes. */
const ENTRY_DATE = new Date(Date.UTC(2026, 0, 1));

/** Checks `--app-id`; returns it in lower case. */
export function validateAppId(appId: string): string {
  const value = appId.trim();
  if (!GUID.test(value)) {
    throw new ForumError(
      'bad_request',
      `--app-id must be the bot's Microsoft App ID, a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e; "${appId}" is not one.`,
    );
  }
  return value.toLowerCase();
}

/** Checks `--domain`; returns it in lower case. */
export function validateDomain(domain: string): string {
  const value = domain.trim().toLowerCase().replace(/\.$/, '');
  const labels = value.split('.');
  const ok = value.length > 0 && value.length <= 253 && labels.length >= 2 && labels.every((l) => LABEL.test(l)) && !/^[0-9]+$/.test(labels.at(-1) ?? '');
  if (!ok) {
    const hint = /:\/\/|\/|:/.test(domain) ? ' Leave out "https://", any path and any port.' : '';
    throw new ForumError(
      'bad_request',
      `--domain must be the bare host name the bot is served on, such as forum.example.org; "${domain}" is not one.${hint}`,
    );
  }
  return value;
}

interface ManifestShape {
  icons?: { color?: unknown; outline?: unknown };
  localizationInfo?: { additionalLanguages?: { file?: unknown }[] };
}

/** Replaces the placeholders in every string of a JSON value. */
function substitute(value: unknown, replacements: Record<string, string>): unknown {
  if (typeof value === 'string') {
    let out = value;
    for (const [placeholder, replacement] of Object.entries(replacements)) out = out.split(placeholder).join(replacement);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, replacements));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, replacements)]));
  }
  return value;
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ForumError('internal', `${file} is not valid JSON`, { cause: error });
  }
}

/** A file name at the package root, as the manifest gives it. */
function rootEntry(name: unknown, what: string): string {
  if (typeof name !== 'string' || name === '' || name !== path.basename(name)) {
    throw new ForumError('internal', `manifest.json: ${what} must be a file name at the package root, got ${JSON.stringify(name)}`);
  }
  return name;
}

function toJson(value: unknown, name: string): string {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  const left = /\{\{[A-Z_]+\}\}/.exec(text);
  if (left) throw new ForumError('internal', `${name} still holds the placeholder ${left[0]} after substitution`);
  return text;
}

/**
 * Builds the Teams app package and writes it to `outFile`. Throws a `ForumError('bad_request')`
 * naming `--app-id` or `--domain` when either is malformed.
 */
export async function writeTeamsPackage(options: TeamsPackageOptions): Promise<TeamsPackageSummary> {
  const appId = validateAppId(options.appId);
  const domain = validateDomain(options.domain);
  const replacements = { [APP_ID_PLACEHOLDER]: appId, [DOMAIN_PLACEHOLDER]: domain };

  const manifest = substitute(await readJson(TEAMS_MANIFEST_FILE), replacements) as ManifestShape;
  const files: [string, string | Buffer][] = [
    ['manifest.json', toJson(manifest, 'manifest.json')],
    [rootEntry(manifest.icons?.color, 'icons.color'), colorIcon()],
    [rootEntry(manifest.icons?.outline, 'icons.outline'), outlineIcon()],
  ];
  for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
    const name = rootEntry(language.file, 'localizationInfo.additionalLanguages[].file');
    const strings = substitute(await readJson(path.join(TEAMS_MANIFEST_DIR, name)), replacements);
    files.push([name, toJson(strings, name)]);
  }

  const zip = new JSZip();
  for (const [name, content] of files) zip.file(name, content, { date: ENTRY_DATE });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });

  const file = path.resolve(options.outFile);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
  return { file, bytes: bytes.length, entries: files.map(([name]) => name) };
}
