import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_KNOWLEDGE_DIR, DEFAULT_DATA_DIR, DEFAULT_PORT, loadConfig, type Env } from '../src/config.ts';
import { ForumError } from '../src/core/errors.ts';

const CWD = path.resolve('/srv/forum');

function configError(env: Env): ForumError {
  try {
    loadConfig(env, {}, CWD);
  } catch (error) {
    if (error instanceof ForumError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig defaults', () => {
  it('fills every default from an empty environment', () => {
    const config = loadConfig({}, {}, CWD);
    expect(DEFAULT_PORT).toBe(3978);
    expect(config).toEqual({
      port: 3978,
      host: '0.0.0.0',
      dataDir: path.join(CWD, '.ta-forum'),
      knowledgeDir: BUILT_IN_KNOWLEDGE_DIR,
      databaseUrl: undefined,
      logLevel: 'info',
      logFormat: undefined,
      model: undefined,
      qdrant: undefined,
      slack: undefined,
      teams: { appId: undefined, appPassword: undefined, tenantId: undefined, appType: 'MultiTenant' },
      defaultLang: 'en',
      access: { slackWorkspaces: [], teamsTenants: [], channels: [], moderators: [] },
      discussionChannels: [],
      rulesUrl: undefined,
      pollVoterKey: undefined,
      workspaceNames: new Map(),
      retentionDays: undefined,
      inboxLeaseMs: 15_000,
      web: { localAccess: true, publicUrl: undefined, embedOrigins: [], trustProxy: false },
    });
  });

  it('reads the web chat’s sign-in settings: local access, public address, embedding sites', () => {
    const config = loadConfig(
      { WEB_LOCAL_ACCESS: 'false', WEB_PUBLIC_URL: 'https://forum.example.org/', WEB_EMBED_ORIGINS: 'https://www.example.org, http://Intranet.example.org:8080/' },
      {},
      CWD,
    );
    expect(config.web).toEqual({ localAccess: false, publicUrl: 'https://forum.example.org', embedOrigins: ['https://www.example.org', 'http://intranet.example.org:8080'], trustProxy: false });
    expect(loadConfig({ TRUST_PROXY: '1' }, {}, CWD).web.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }, {}, CWD).web.trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    for (const bad of ['true', '0', 'proxy.example.org']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }, {}, CWD)).toThrow(/TRUST_PROXY/);
    }
    for (const [value, expected] of [['TRUE', true], ['0', false], ['no', false], ['on', true], ['', true]] as const) {
      expect(loadConfig({ WEB_LOCAL_ACCESS: value }, {}, CWD).web.localAccess).toBe(expected);
    }
  });

  it('reads the forum’s own settings: rules page, voters’ key, workspace names, retention, the inbox lease', () => {
    const config = loadConfig(
      {
        FORUM_RULES_URL: 'https://forum.example.org/rules',
        POLL_VOTER_KEY: 'k'.repeat(32),
        WORKSPACE_NAMES: 'slack:T0123=France, teams:9b2f5c1e-3d7a-4e8b-a6c4-1f0e2d3c4b5a=Côte d’Ivoire',
        RETENTION_DAYS: '365',
        INBOX_LEASE_MS: '4000',
      },
      {},
      CWD,
    );
    expect(config.rulesUrl).toBe('https://forum.example.org/rules');
    expect(config.pollVoterKey).toBe('k'.repeat(32));
    expect([...config.workspaceNames]).toEqual([
      ['slack:T0123', 'France'],
      ['teams:9b2f5c1e-3d7a-4e8b-a6c4-1f0e2d3c4b5a', 'Côte d’Ivoire'],
    ]);
    expect(config.retentionDays).toBe(365);
    expect(config.inboxLeaseMs).toBe(4000);
  });

  it('resolves the data directory against the working directory', () => {
    expect(DEFAULT_DATA_DIR).toBe('.ta-forum');
    expect(loadConfig({}, {}, '/tmp/elsewhere').dataDir).toBe(path.resolve('/tmp/elsewhere', '.ta-forum'));
    expect(loadConfig({ TA_FORUM_DATA_DIR: 'state/db' }, {}, CWD).dataDir).toBe(path.join(CWD, 'state/db'));
    expect(loadConfig({ TA_FORUM_DATA_DIR: '/var/lib/forum' }, {}, CWD).dataDir).toBe(path.resolve('/var/lib/forum'));
  });

  it('uses the process working directory when none is given', () => {
    expect(loadConfig({}).dataDir).toBe(path.resolve(process.cwd(), '.ta-forum'));
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }, {}, CWD).databaseUrl).toBeUndefined();
  });
});

describe('LOG_FORMAT', () => {
  it('is json or pretty, unset by default (then chosen by whether standard error is a terminal)', () => {
    expect(loadConfig({ LOG_FORMAT: 'json' }, {}, CWD).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }, {}, CWD).logFormat).toBe('pretty');
    expect(loadConfig({ LOG_FORMAT: '' }, {}, CWD).logFormat).toBeUndefined();
    expect(configError({ LOG_FORMAT: 'yaml' }).message).toContain('LOG_FORMAT');
  });
});

describe('loadConfig values', () => {
  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '127.0.0.1',
        DATABASE_URL: 'postgresql://forum:secret@db:5432/forum',
        LOG_LEVEL: 'debug',
        DEFAULT_LANG: 'fr',
        SLACK_ALLOWED_WORKSPACES: ' T001 , T002,, ',
        TEAMS_ALLOWED_TENANTS: 'tenant-a',
        ALLOWED_CHANNELS: 'slack:C1,teams:19:abc@thread.tacv2',
        MODERATORS: 'slack:U0123ABC, teams:29:1abc ,web:alice',
      },
      {},
      CWD,
    );
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'postgresql://forum:secret@db:5432/forum',
      logLevel: 'debug',
      defaultLang: 'fr',
      access: {
        slackWorkspaces: ['T001', 'T002'],
        teamsTenants: ['tenant-a'],
        channels: [
          { platform: 'slack', id: 'C1' },
          { platform: 'teams', id: '19:abc@thread.tacv2' },
        ],
        moderators: [
          { platform: 'slack', id: 'U0123ABC' },
          { platform: 'teams', id: '29:1abc' },
          { platform: 'web', id: 'alice' },
        ],
      },
    });
  });

  it('lets command-line overrides win over the environment', () => {
    const config = loadConfig({ PORT: '8080', TA_FORUM_DATA_DIR: 'from-env' }, { port: 9000, dataDir: 'from-flag' }, CWD);
    expect(config.port).toBe(9000);
    expect(config.dataDir).toBe(path.join(CWD, 'from-flag'));
  });

  it('keeps the environment where no override is given', () => {
    const config = loadConfig({ PORT: '8080' }, { dataDir: '/data' }, CWD);
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe(path.resolve('/data'));
  });
});

describe('loadConfig refuses bad variables', () => {
  it.each<[string, Env]>([
    ['DATABASE_URL', { DATABASE_URL: 'nonsense' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://root@db/forum' }],
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: '80.5' }],
    ['DEFAULT_LANG', { DEFAULT_LANG: 'xx' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['MODERATORS', { MODERATORS: 'bad' }],
    ['MODERATORS', { MODERATORS: 'slack:U1,discord:U2' }],
    ['ALLOWED_CHANNELS', { ALLOWED_CHANNELS: 'C123' }],
    ['FORUM_RULES_URL', { FORUM_RULES_URL: 'http://forum.example.org/rules' }],
    ['POLL_VOTER_KEY', { POLL_VOTER_KEY: 'short' }],
    ['WORKSPACE_NAMES', { WORKSPACE_NAMES: 'slack:T0123' }],
    ['RETENTION_DAYS', { RETENTION_DAYS: '0' }],
    ['RETENTION_DAYS', { RETENTION_DAYS: 'a year' }],
    ['INBOX_LEASE_MS', { INBOX_LEASE_MS: '500' }],
    ['INBOX_LEASE_MS', { INBOX_LEASE_MS: 'soon' }],
    ['WEB_LOCAL_ACCESS', { WEB_LOCAL_ACCESS: 'maybe' }],
    ['WEB_PUBLIC_URL', { WEB_PUBLIC_URL: 'forum.example.org' }],
    ['WEB_EMBED_ORIGINS', { WEB_EMBED_ORIGINS: 'https://www.example.org/page' }],
    ['WEB_EMBED_ORIGINS', { WEB_EMBED_ORIGINS: '*' }],
  ])('%s in %j', (variable, env) => {
    const error = configError(env);
    expect(error.code).toBe('config_invalid');
    expect(error.message).toContain(`${variable}:`);
  });

  it('names every bad variable at once, and only those', () => {
    const error = configError({ PORT: 'abc', DEFAULT_LANG: 'xx', MODERATORS: 'bad', HOST: 'localhost' });
    expect(error.code).toBe('config_invalid');
    for (const variable of ['PORT', 'DEFAULT_LANG', 'MODERATORS']) expect(error.message).toContain(variable);
    expect(error.message).not.toContain('HOST');
  });

  it('does not echo a database password in the message', () => {
    const error = configError({ DATABASE_URL: 'postgres://forum:hunter2 @db/forum' });
    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).not.toContain('hunter2');
  });
});

describe('loadConfig for Slack and Teams', () => {
  const APP = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('turns Slack on with a bot token and a signing secret, or an app token for Socket Mode', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api' }).slack).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 's',
      appToken: undefined,
      apiUrl: 'http://127.0.0.1:9/api/',
    });
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.appToken).toBe('xapp-1');
  });

  it('names the Slack variable that is missing or malformed', () => {
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's' })).toThrow(/SLACK_BOT_TOKEN: required/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET: required/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: 's' })).toThrow(/SLACK_BOT_TOKEN: .*xoxb-/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' })).toThrow(/SLACK_APP_TOKEN: .*xapp-/);
  });

  it('reads the Teams app and names what is missing', () => {
    expect(loadConfig({ MICROSOFT_APP_ID: APP, MICROSOFT_APP_PASSWORD: 'p' }).teams).toEqual({ appId: APP, appPassword: 'p', tenantId: undefined, appType: 'MultiTenant' });
    expect(() => loadConfig({ MICROSOFT_APP_ID: APP })).toThrow(/MICROSOFT_APP_PASSWORD: required/);
    expect(() => loadConfig({ MICROSOFT_APP_PASSWORD: 'p' })).toThrow(/MICROSOFT_APP_ID: required/);
    expect(() => loadConfig({ MICROSOFT_APP_ID: 'not-a-guid', MICROSOFT_APP_PASSWORD: 'p' })).toThrow(/MICROSOFT_APP_ID: .*GUID/);
    expect(() => loadConfig({ MICROSOFT_APP_ID: APP, MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TYPE: 'SingleTenant' })).toThrow(/MICROSOFT_APP_TENANT_ID: required/);
    expect(loadConfig({ MICROSOFT_APP_ID: APP, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: APP }).teams.appType).toBe('UserAssignedMSI');
    // The app's own tenant is served when no list is given; a list wins.
    const single = { MICROSOFT_APP_ID: APP, MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TENANT_ID: APP, MICROSOFT_APP_TYPE: 'SingleTenant' };
    expect(loadConfig(single).access.teamsTenants).toEqual([APP]);
    expect(loadConfig({ ...single, TEAMS_ALLOWED_TENANTS: 'a,b' }).access.teamsTenants).toEqual(['a', 'b']);
  });
});
