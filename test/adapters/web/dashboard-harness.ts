/**
 * The dashboard's API for its tests: the real app on a fresh PGlite store (a recording messenger in
 * place of the platforms), the dashboard's router over real HTTP behind a stand-in for the web
 * sign-in (the person comes from the `x-test-user` header, in the `web` realm unless
 * `x-test-realm` says another), and helpers to call it and to act as a Slack member.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { expect } from 'vitest';
import { createDashboardRouter } from '../../../adapters/web/dashboard/router.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Actor, InboundEvent } from '../../../src/core/events.ts';
import { silentLogger } from '../../../src/log.ts';
import { createApp, type App } from '../../../src/main.ts';
import { RecordingAdapter } from '../../support/recording-adapter.ts';
import { RecordingMessenger } from '../../support/recording-messenger.ts';
import { openTestStore } from '../../support/pglite-template.ts';

export const MODERATOR = 'mod-ana';
export const DAY = 24 * 60 * 60 * 1000;

export interface Reply {
  status: number;
  body: Record<string, unknown> & { replies?: string[]; message?: string };
  text: string;
  headers: Headers;
}

export interface CallOptions {
  /** The person (a web user id); null: nobody signed in; default: the moderator. */
  user?: string | null;
  body?: unknown;
  lang?: string;
  /** A raw body instead of `body` as JSON. */
  raw?: string;
  realm?: string;
  headers?: Record<string, string>;
  bytes?: Uint8Array;
}

export interface DashboardHarness {
  app: App;
  messenger: RecordingMessenger;
  /** The dashboard's base URL, …/web/api/dashboard. */
  base: string;
  now(): Date;
  setNow(date: Date): void;
  call(method: 'GET' | 'POST', path: string, options?: CallOptions): Promise<Reply>;
  /** An event from a Slack member of T1 (or another workspace), in a direct chat, through the core. */
  slack(userId: string, partial: Partial<InboundEvent> & Pick<InboundEvent, 'type'>, workspaceId?: string): Promise<RecordingAdapter>;
  /** The audit log about a subject, as `action by actor`. */
  auditActions(subject: string): Promise<string[]>;
  close(): Promise<void>;
}

let n = 0;

export async function openDashboardHarness(start = new Date('2026-11-18T10:00:00Z')): Promise<DashboardHarness> {
  let clock = start;
  const config = loadConfig({ SLACK_ALLOWED_WORKSPACES: 'T1', MODERATORS: `web:${MODERATOR}`, DISCUSSION_CHANNELS: 'slack:C1', WORKSPACE_NAMES: 'slack:T1=France' });
  const app = await createApp(config, silentLogger(), { store: await openTestStore(), ingestKnowledge: false, now: () => clock });
  const messenger = new RecordingMessenger();
  messenger.directory.set('slack:UOLGA', { platform: 'slack', workspaceId: 'TPARTNER', userId: 'UOLGA', displayName: 'Olga Partner' });
  messenger.directory.set('slack:UOMAR', { platform: 'slack', workspaceId: 'TPARTNER', userId: 'UOMAR', displayName: 'Omar Partner' });
  app.services.messenger = messenger;
  const http = express();
  http.use('/web/api/dashboard', (req, res, next) => {
    const user = req.header('x-test-user');
    if (user) res.locals.webActor = { platform: 'web', workspaceId: req.header('x-test-realm') ?? 'web', userId: user, displayName: user } satisfies Actor;
    next();
  });
  http.use('/web/api/dashboard', createDashboardRouter(app, silentLogger()));
  const server = http.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/web/api/dashboard`;

  async function call(method: 'GET' | 'POST', path: string, options: CallOptions = {}): Promise<Reply> {
    const user = options.user === undefined ? MODERATOR : options.user;
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(user ? { 'x-test-user': user } : {}),
        ...(options.realm ? { 'x-test-realm': options.realm } : {}),
        ...(options.lang ? { 'accept-language': options.lang } : {}),
        ...(method === 'POST' ? { 'content-type': options.bytes ? 'application/octet-stream' : 'application/json' } : {}),
        ...options.headers,
      },
      ...(method === 'POST' ? { body: options.bytes ? new Uint8Array(options.bytes) : (options.raw ?? JSON.stringify(options.body ?? {})) } : {}),
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    // Decoded without dropping a byte order mark (the CSV's).
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    let body: Reply['body'] = {};
    try {
      body = JSON.parse(text) as Reply['body'];
    } catch {
      // Not JSON (the CSV, the script).
    }
    return { status: res.status, body, text, headers: res.headers };
  }

  async function slack(userId: string, partial: Partial<InboundEvent> & Pick<InboundEvent, 'type'>, workspaceId = 'T1'): Promise<RecordingAdapter> {
    n++;
    const adapter = new RecordingAdapter();
    const event = {
      id: `dashboard-${n}`,
      platform: 'slack',
      actor: { platform: 'slack', workspaceId, userId, displayName: userId },
      conversation: { platform: 'slack', workspaceId, channelId: `D${userId}`, kind: 'direct' },
      receivedAt: clock,
      ...partial,
    } as InboundEvent;
    const outcome = await app.dispatcher.handle(event, adapter);
    expect(outcome).not.toBe('failed');
    return adapter;
  }

  const auditActions = async (subject: string): Promise<string[]> =>
    (await app.services.store.db.selectFrom('audit_log').select(['action', 'actor']).where('subject', '=', subject).orderBy('id').execute()).map((r) => `${r.action} by ${r.actor}`);

  return {
    app,
    messenger,
    base,
    now: () => clock,
    setNow: (date) => {
      clock = date;
    },
    call,
    slack,
    auditActions,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}
