/**
 * Configuration: the only module that reads `process.env`. Every variable is validated at start;
 * a bad one stops the program with a message naming the variable and what it expects.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ForumError } from './core/errors.ts';
import { PLATFORMS, type Platform } from './core/events.ts';
import { LANGS } from './i18n/index.ts';
import type { LogFormat } from './log.ts';
import { projectPath } from './paths.ts';

export const DEFAULT_PORT = 3978;
export const DEFAULT_DATA_DIR = '.ta-forum';
/** The knowledge base that ships with the bot. */
export const BUILT_IN_KNOWLEDGE_DIR = projectPath('knowledge');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PORT_EXPECTED = 'a port number from 0 to 65535 (0 picks a free port)';

/** A comma-separated list, blanks ignored. */
const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

/** `platform:id` pairs, e.g. `slack:U0123ABC,teams:29:1abc,web:alice`. */
const platformIds = list.pipe(
  z.array(
    z
      .string()
      .regex(new RegExp(`^(${PLATFORMS.join('|')}):\\S+$`), 'each entry must be platform:id, platform one of slack, teams, web')
      .transform((entry) => {
        const at = entry.indexOf(':');
        return { platform: entry.slice(0, at) as Platform, id: entry.slice(at + 1) };
      }),
  ),
);

/** `platform:workspaceId=Name` entries: the names moderators see for workspaces and tenants (a member state's). */
const workspaceNames = list.pipe(
  z.array(
    z
      .string()
      .regex(new RegExp(`^(${PLATFORMS.join('|')}):[^=\\s]+=.+$`), 'each entry must be platform:workspaceId=Name, such as slack:T0123=France')
      .transform((entry) => {
        const eq = entry.indexOf('=');
        return [entry.slice(0, eq), entry.slice(eq + 1).trim()] as const;
      }),
  ),
);

/** `true`/`false` (also `1`/`0`, `yes`/`no`, `on`/`off`); blank is unset. */
const BOOLEAN_EXPECTED = 'true or false';
const booleanFlag = z
  .string()
  .optional()
  .transform((v) => v?.trim().toLowerCase() || undefined)
  .refine((v) => v === undefined || ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'].includes(v), { message: BOOLEAN_EXPECTED })
  .transform((v) => (v === undefined ? undefined : ['true', '1', 'yes', 'on'].includes(v)));

/** An origin (`https://host[:port]`, no path), as a browser names the page that embeds the chat. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

const origins = list.pipe(
  z.array(
    z
      .string()
      .transform((v) => v.replace(/\/+$/, '').toLowerCase())
      .refine(isOrigin, { message: 'each entry must be an origin such as https://www.example.org (scheme, host and port only)' }),
  ),
);

const schema = z.object({
  PORT: z.coerce
    .number({ message: PORT_EXPECTED })
    .int(PORT_EXPECTED)
    .min(0, PORT_EXPECTED)
    .max(65535, PORT_EXPECTED)
    .default(DEFAULT_PORT),
  HOST: z.string().min(1).default('0.0.0.0'),
  TA_FORUM_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  KNOWLEDGE_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((value) => value === undefined || value === '' || /^postgres(ql)?:\/\/\S+$/.test(value), {
      message: 'a PostgreSQL URL such as postgres://user:password@host:5432/database',
    })
    .transform((value) => (value ? value : undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z
    .enum(['json', 'pretty', ''])
    .optional()
    .transform((v) => v || undefined),
  DEFAULT_LANG: z.enum(LANGS).default('en'),
  OPENAI_API_KEY: z.string().optional().transform((v) => v || undefined),
  OPENAI_BASE_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), { message: 'an http(s) URL such as http://localhost:11434/v1' }),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  OPENAI_TIMEOUT_MS: z.coerce.number({ message: 'a number of milliseconds' }).int().min(1000).max(600_000).default(60_000),
  QDRANT_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), { message: 'an http(s) URL such as http://localhost:6333' }),
  QDRANT_API_KEY: z.string().optional().transform((v) => v || undefined),
  QDRANT_COLLECTION: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ or -, at most 64').default('ta_forum'),
  SLACK_SIGNING_SECRET: z.string().optional().transform((v) => v || undefined),
  SLACK_BOT_TOKEN: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || v.startsWith('xoxb-'), { message: 'the bot token, starting with xoxb- (OAuth & Permissions page of the Slack app)' }),
  SLACK_APP_TOKEN: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || v.startsWith('xapp-'), { message: 'an app-level token, starting with xapp- (Basic Information page of the Slack app)' }),
  SLACK_API_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), { message: 'an http(s) URL such as https://slack.com/api/' })
    .transform((v) => (v && !v.endsWith('/') ? `${v}/` : v)),
  SLACK_ALLOWED_WORKSPACES: list,
  MICROSOFT_APP_ID: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || GUID.test(v), { message: 'the bot’s Microsoft App ID, a GUID (Azure Bot → Configuration)' }),
  MICROSOFT_APP_PASSWORD: z.string().optional().transform((v) => v || undefined),
  MICROSOFT_APP_TENANT_ID: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || GUID.test(v), { message: 'the Microsoft Entra tenant id, a GUID' }),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  TEAMS_ALLOWED_TENANTS: list,
  ALLOWED_CHANNELS: platformIds,
  DISCUSSION_CHANNELS: platformIds,
  MODERATORS: platformIds,
  POLL_VOTER_KEY: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || v.length >= 32, { message: 'a secret of at least 32 characters (for example: openssl rand -hex 32)' }),
  WORKSPACE_NAMES: workspaceNames,
  // The default is the inbox worker's own (`INBOX_LEASE_MS` in core/inbox-worker.ts).
  INBOX_LEASE_MS: z.coerce.number({ message: 'a number of milliseconds' }).int().min(3000, 'at least 3000 ms').max(600_000).default(15_000),
  RETENTION_DAYS: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number({ message: 'a whole number of days' }).int('a whole number of days').min(1, 'at least 1 day').max(36_500).optional(),
  ),
  FORUM_RULES_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^https:\/\/\S+$/.test(v), { message: 'an https URL of the page with the forum rules' }),
  WEB_LOCAL_ACCESS: booleanFlag,
  WEB_PUBLIC_URL: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(v), { message: 'the http(s) address people reach the bot at, such as https://forum.example.org' })
    .transform((v) => v?.replace(/\/+$/, '')),
  WEB_EMBED_ORIGINS: origins,
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || /^([1-9]|10)$/.test(v) || v.split(',').every((part) => /^(loopback|linklocal|uniquelocal|(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F]*:[0-9a-fA-F:.]*)(\/\d{1,3})?)$/.test(part.trim())), {
      message: 'the number of proxies in front of the bot (1 to 10), or their addresses or subnets (10.0.0.1, 10.0.0.0/8, loopback)',
    })
    .transform((v) => (v === undefined ? false : /^\d+$/.test(v) ? Number(v) : v.split(',').map((part) => part.trim()))),
});

export type Env = Record<string, string | undefined>;

export interface Config {
  port: number;
  host: string;
  /** Absolute path of the data directory (embedded database, index, lock file). */
  dataDir: string;
  /** The knowledge folder: `docs/` indexed at start, `glossary.json`, `experts.json`. */
  knowledgeDir: string;
  /** PostgreSQL instead of the embedded database, when set. */
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** `json` or `pretty` (short lines for a person); unset: pretty on a terminal, JSON otherwise. */
  logFormat: LogFormat | undefined;
  /** A language model (OpenAI or any compatible server), when `OPENAI_API_KEY` or `OPENAI_BASE_URL` is set. */
  model:
    | {
        apiKey: string;
        baseUrl: string | undefined;
        chatModel: string;
        /** Dense vectors for retrieval, when an embeddings model is named. */
        embeddingModel: string | undefined;
        timeoutMs: number;
      }
    | undefined;
  /**
   * Slack, when a bot token is set: over HTTP (`/slack/events`, requests signed with the signing
   * secret), or over Socket Mode when an app-level token is set.
   */
  slack: { botToken: string; signingSecret: string | undefined; appToken: string | undefined; apiUrl: string | undefined } | undefined;
  /**
   * Microsoft Teams (`/api/messages`, always served): with an app id, every request's token is
   * verified by the Bot Framework SDK; without, local development mode (loopback only, no tokens).
   */
  teams: {
    appId: string | undefined;
    appPassword: string | undefined;
    tenantId: string | undefined;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  };
  /** Qdrant as the knowledge index instead of the embedded one, when `QDRANT_URL` is set. */
  qdrant: { url: string; apiKey: string | undefined; collection: string } | undefined;
  defaultLang: z.infer<typeof schema>['DEFAULT_LANG'];
  access: {
    slackWorkspaces: string[];
    teamsTenants: string[];
    /** Channels the forum serves, as `platform:channelId`; empty means every channel of an allowed workspace. */
    channels: { platform: Platform; id: string }[];
    moderators: { platform: Platform; id: string }[];
  };
  /** Where the weekly topic is posted, as `platform:channelId`. */
  discussionChannels: { platform: Platform; id: string }[];
  /** A page with the forum rules, linked from every topic; without it, topics point to the `rules` command. */
  rulesUrl: string | undefined;
  /**
   * The key of anonymous voters' hashes; without it one is made once and kept in the store. Set it
   * so that access to the database alone cannot tell who voted what.
   */
  pollVoterKey: string | undefined;
  /** Names of workspaces and tenants (`platform:workspaceId` → "France"), for the usage figures. */
  workspaceNames: ReadonlyMap<string, string>;
  /** Personal rows older than this many days are removed daily; undefined keeps them until asked. */
  retentionDays: number | undefined;
  /**
   * How long an inbox row a worker takes is its own (renewed every third of it while it runs): the
   * longest a row waits, after its replica dies, before another replica takes it.
   */
  inboxLeaseMs: number;
  web: {
    /**
     * Requests from the server's own machine (loopback, no proxy header) are served without signing
     * in, each browser one person (a cookie): a newcomer's `npm start`.
     */
    localAccess: boolean;
    /** The address people reach the bot at (no trailing slash), for sign-in links; undefined: the CLI says so. */
    publicUrl: string | undefined;
    /** Origins of the sites allowed to embed the chat (the widget's iframe): `frame-ancestors`. */
    embedOrigins: string[];
    /**
     * The reverse proxies whose `X-Forwarded-*` headers are believed (Express's `trust proxy`): a
     * number of hops or their addresses; false for none. Sign-in attempts are then limited per
     * person's address rather than the proxy's.
     */
    trustProxy: false | number | string[];
  };
}

/** Values given on the command line, which win over the environment. */
export interface ConfigOverrides {
  dataDir?: string;
  port?: number;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const variable = String(issue.path[0] ?? 'configuration');
  return `${variable}: ${issue.message}`;
}

/** Slack's variables go together: the token, and a signing secret unless Socket Mode is used. */
function slackConfigProblem(v: z.infer<typeof schema>): string | undefined {
  const any = v.SLACK_BOT_TOKEN || v.SLACK_SIGNING_SECRET || v.SLACK_APP_TOKEN;
  if (!any) return undefined;
  if (!v.SLACK_BOT_TOKEN) return 'SLACK_BOT_TOKEN: required to connect to Slack (the bot token, starting with xoxb-)';
  if (!v.SLACK_SIGNING_SECRET && !v.SLACK_APP_TOKEN) {
    return 'SLACK_SIGNING_SECRET: required to receive Slack requests over HTTP (Basic Information page of the Slack app), or set SLACK_APP_TOKEN for Socket Mode';
  }
  return undefined;
}

/** Teams' variables go together: the app id with its password (or a managed identity), a tenant for single-tenant bots. */
function teamsConfigProblem(v: z.infer<typeof schema>): string | undefined {
  if (!v.MICROSOFT_APP_ID) {
    return v.MICROSOFT_APP_PASSWORD ? 'MICROSOFT_APP_ID: required with MICROSOFT_APP_PASSWORD (the bot’s Microsoft App ID)' : undefined;
  }
  if (!v.MICROSOFT_APP_PASSWORD && v.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
    return 'MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID (a client secret of the bot’s app registration)';
  }
  if (v.MICROSOFT_APP_TYPE !== 'MultiTenant' && !v.MICROSOFT_APP_TENANT_ID) {
    return `MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_TYPE is ${v.MICROSOFT_APP_TYPE}`;
  }
  return undefined;
}

/** Reads and validates the configuration; throws a `config_invalid` ForumError naming each bad variable. */
export function loadConfig(env: Env, overrides: ConfigOverrides = {}, cwd = process.cwd()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(describeIssue);
    throw new ForumError('config_invalid', `Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const v = parsed.data;
  const problem = slackConfigProblem(v) ?? teamsConfigProblem(v);
  if (problem) throw new ForumError('config_invalid', `Invalid configuration:\n  ${problem}`);
  return {
    port: overrides.port ?? v.PORT,
    host: v.HOST,
    dataDir: path.resolve(cwd, overrides.dataDir ?? v.TA_FORUM_DATA_DIR),
    knowledgeDir: v.KNOWLEDGE_DIR ? path.resolve(cwd, v.KNOWLEDGE_DIR) : BUILT_IN_KNOWLEDGE_DIR,
    databaseUrl: v.DATABASE_URL,
    logLevel: v.LOG_LEVEL,
    logFormat: v.LOG_FORMAT,
    model:
      v.OPENAI_API_KEY || v.OPENAI_BASE_URL
        ? {
            // Local OpenAI-compatible servers often need no key; the client still wants one.
            apiKey: v.OPENAI_API_KEY ?? 'not-needed',
            baseUrl: v.OPENAI_BASE_URL,
            chatModel: v.OPENAI_MODEL,
            embeddingModel: v.OPENAI_EMBEDDING_MODEL,
            timeoutMs: v.OPENAI_TIMEOUT_MS,
          }
        : undefined,
    slack: v.SLACK_BOT_TOKEN
      ? { botToken: v.SLACK_BOT_TOKEN, signingSecret: v.SLACK_SIGNING_SECRET, appToken: v.SLACK_APP_TOKEN, apiUrl: v.SLACK_API_URL }
      : undefined,
    teams: { appId: v.MICROSOFT_APP_ID, appPassword: v.MICROSOFT_APP_PASSWORD, tenantId: v.MICROSOFT_APP_TENANT_ID, appType: v.MICROSOFT_APP_TYPE },
    qdrant: v.QDRANT_URL ? { url: v.QDRANT_URL, apiKey: v.QDRANT_API_KEY, collection: v.QDRANT_COLLECTION } : undefined,
    defaultLang: v.DEFAULT_LANG,
    access: {
      slackWorkspaces: v.SLACK_ALLOWED_WORKSPACES,
      // A single-tenant bot serves its own tenant unless told otherwise.
      teamsTenants: v.TEAMS_ALLOWED_TENANTS.length > 0 || !v.MICROSOFT_APP_TENANT_ID ? v.TEAMS_ALLOWED_TENANTS : [v.MICROSOFT_APP_TENANT_ID],
      channels: v.ALLOWED_CHANNELS,
      moderators: v.MODERATORS,
    },
    discussionChannels: v.DISCUSSION_CHANNELS,
    rulesUrl: v.FORUM_RULES_URL,
    pollVoterKey: v.POLL_VOTER_KEY,
    workspaceNames: new Map(v.WORKSPACE_NAMES),
    retentionDays: v.RETENTION_DAYS,
    inboxLeaseMs: v.INBOX_LEASE_MS,
    web: { localAccess: v.WEB_LOCAL_ACCESS ?? true, publicUrl: v.WEB_PUBLIC_URL, embedOrigins: v.WEB_EMBED_ORIGINS, trustProxy: v.TRUST_PROXY },
  };
}

/** The process environment, with a `.env` file in `cwd` loaded first when there is one. */
export function processEnv(cwd = process.cwd()): Env {
  const file = path.join(cwd, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
  return process.env;
}
