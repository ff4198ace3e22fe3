/**
 * The Slack app manifest against the code: the events the listeners take, the slash command, the
 * scopes of the Web API methods called, and every URL on the one placeholder host and path.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SLACK_BOT_EVENTS,
  SLACK_BOT_SCOPES,
  SLACK_CLIENT_HELPERS,
  SLACK_COMMAND,
  SLACK_EVENTS_PATH,
  SLACK_MESSAGE_EVENTS,
  SLACK_METHODS,
  SLACK_REPORT_SHORTCUT,
  SLACK_SHORTCUTS,
} from '../../../adapters/slack/subscriptions.ts';

const DIR = path.resolve('adapters/slack');

interface Manifest {
  features: {
    slash_commands: { command: string; url: string; should_escape: boolean }[];
    shortcuts: { name: string; type: string; callback_id: string; description: string }[];
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
  };
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
    // The one `message` listener takes direct messages and channel thread replies: three subscriptions.
    const expected = listened.flatMap((e) => (e === 'message' ? [...SLACK_MESSAGE_EVENTS] : [e])).sort();
    expect(expected).toEqual([...SLACK_BOT_EVENTS].sort());
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(expected);
  });

  it('declares the slash command the code registers, with user ids escaped', () => {
    expect(sources).toContain('bolt.command(SLACK_COMMAND');
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLACK_COMMAND]);
    expect(manifest.features.slash_commands[0]?.should_escape).toBe(true);
  });

  it('declares the message shortcuts the code listens to, within Slack’s limits', () => {
    const listened = [...sources.matchAll(/bolt\.shortcut\(([A-Z_]+)/g)].map((m) => m[1]);
    expect(listened).toEqual(['SLACK_REPORT_SHORTCUT']);
    expect(manifest.features.shortcuts).toEqual(SLACK_SHORTCUTS);
    expect(manifest.features.shortcuts.map((s) => s.callback_id)).toEqual([SLACK_REPORT_SHORTCUT]);
    // The manifest's limits: 10 shortcuts, a callback_id of 255 characters, a description of 150.
    expect(manifest.features.shortcuts.length).toBeLessThanOrEqual(10);
    for (const shortcut of manifest.features.shortcuts) {
      expect(shortcut.type).toBe('message');
      expect(shortcut.name.length).toBeGreaterThan(0);
      expect(shortcut.callback_id.length).toBeLessThanOrEqual(255);
      expect(shortcut.description.length).toBeLessThanOrEqual(150);
    }
    // A shortcut needs the `commands` scope, as the slash command does.
    expect(manifest.oauth_config.scopes.bot).toContain('commands');
  });

  it('reads channel messages with the history scopes', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['channels:history', 'groups:history', 'im:history']));
  });

  it('asks for the scopes the called Web API methods need, and no others', () => {
    const called = new Set([...sources.matchAll(/client\.([a-zA-Z]+)\.([a-zA-Z]+)\(/g)].map((m) => `${m[1]}.${m[2]}`));
    // The client's helpers (`client.filesUploadV2(`) stand for the methods they call.
    const helpers = [...sources.matchAll(/client\.([a-zA-Z0-9]+)\(/g)].map((m) => m[1] as string);
    for (const helper of helpers) {
      expect(Object.keys(SLACK_CLIENT_HELPERS), `the client helper ${helper} is listed with the methods it calls`).toContain(helper);
      for (const method of SLACK_CLIENT_HELPERS[helper] ?? []) called.add(method);
    }
    expect(called.size).toBeGreaterThan(4);
    for (const method of called) expect(Object.keys(SLACK_METHODS), `${method} is listed with its scopes`).toContain(method);
    // Polls: messages refreshed in place with live counts, and channel members for response rates.
    expect(called).toContain('chat.update');
    expect(called).toContain('conversations.members');
    // Poll exports: a file in the person's direct messages with the bot.
    for (const method of ['conversations.open', 'files.getUploadURLExternal', 'files.completeUploadExternal']) expect(called).toContain(method);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['files:write', 'im:write']));
    // Every listed method is called: no scope is asked for a call the code no longer makes.
    for (const method of Object.keys(SLACK_METHODS)) expect([...called], `${method} is called`).toContain(method);
    const needed = new Set(Object.values(SLACK_METHODS).flat());
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
