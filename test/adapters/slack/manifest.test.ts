/**
 * The Slack app manifest against the code: the events the listeners take, the slash command, the
 * scopes of the Web API methods called, and every URL on the one placeholder host and path.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLACK_BOT_EVENTS, SLACK_BOT_SCOPES, SLACK_COMMAND, SLACK_EVENTS_PATH, SLACK_METHODS } from '../../../adapters/slack/subscriptions.ts';

const DIR = path.resolve('adapters/slack');

interface Manifest {
  features: { slash_commands: { command: string; url: string; should_escape: boolean }[]; app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as Manifest;
const sources = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(path.join(DIR, f), 'utf8'))
  .join('\n');

describe('Slack app manifest', () => {
  it('subscribes to exactly the events the listeners take', () => {
    const listened = [...sources.matchAll(/bolt\.event\('([a-z_]+)'/g)].map((m) => m[1] as string);
    // The `message` listener takes direct messages only: the subscription is `message.im`.
    const expected = listened.map((e) => (e === 'message' ? 'message.im' : e)).sort();
    expect(expected).toEqual([...SLACK_BOT_EVENTS].sort());
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(expected);
  });

  it('declares the slash command the code registers, with user ids escaped', () => {
    expect(sources).toContain('bolt.command(SLACK_COMMAND');
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLACK_COMMAND]);
    expect(manifest.features.slash_commands[0]?.should_escape).toBe(true);
  });

  it('asks for the scopes the called Web API methods need, and no others', () => {
    const called = new Set([...sources.matchAll(/client\.([a-zA-Z]+)\.([a-zA-Z]+)\(/g)].map((m) => `${m[1]}.${m[2]}`));
    expect(called.size).toBeGreaterThan(4);
    for (const method of called) expect(Object.keys(SLACK_METHODS), `${method} is listed with its scope`).toContain(method);
    const needed = new Set(Object.values(SLACK_METHODS).filter((s): s is keyof typeof SLACK_BOT_SCOPES => s !== null));
    for (const scope of needed) expect(manifest.oauth_config.scopes.bot).toContain(scope);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(Object.keys(SLACK_BOT_SCOPES).sort());
  });

  it('sends events, the command and interactivity to one URL on one placeholder host', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    const parsed = urls.map((u) => new URL(u));
    expect(new Set(parsed.map((u) => u.host)).size).toBe(1);
    expect(parsed.every((u) => u.protocol === 'https:' && u.pathname === SLACK_EVENTS_PATH)).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.features.app_home.home_tab_enabled && manifest.features.app_home.messages_tab_enabled).toBe(true);
  });
});
