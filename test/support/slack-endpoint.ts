/**
 * Slack's Request URL as `adapters/slack/http-endpoint.ts` serves it, on a real HTTP server, a real
 * store and the real inbox with its worker running, for the tests: the worker's runs are recorded
 * instead of dispatched, and a recording router stands in for Bolt's receiver.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { slackEndpoint } from '../../adapters/slack/http-endpoint.ts';
import { SlackInbox, type SlackWork } from '../../adapters/slack/inbox.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { createApp, type App } from '../../src/main.ts';
import { BOT_ID, BOT_USER_ID, SIGNING_SECRET, TEAM_ID } from './slack-requests.ts';
import type { TestEngine } from './stores.ts';

export const SLACK_PATH = '/slack/events';

export interface SlackEndpointHarness {
  app: App;
  inbox: SlackInbox;
  /** The server's origin (`http://127.0.0.1:port`). */
  url: string;
  /** What the worker ran, in order. */
  ran: SlackWork[];
  /** The raw bodies the stand-in for Bolt's receiver was handed. */
  handedOn: string[];
  /** How many times the work of a delivery id was run. */
  runsOf(deliveryId: string): number;
  close(): Promise<void>;
}

/** The delivery id a piece of work was written under (`intake.ts`). */
function deliveryIdOf(work: SlackWork): string {
  if (work.kind === 'report') return `shortcut:${work.shortcut.triggerId}`;
  return work.kind === 'dispatch' ? work.event.id : '';
}

/** Starts the endpoint on a fresh store of `engine`; `now`: the endpoint's clock (signatures, the worker's hold-off). */
export async function startSlackEndpoint(engine: TestEngine, options: { now?: () => number; onRun?: (work: SlackWork) => void } = {}): Promise<SlackEndpointHarness> {
  const ran: SlackWork[] = [];
  const handedOn: string[] = [];
  const config = loadConfig({ LOG_LEVEL: 'silent', SLACK_ALLOWED_WORKSPACES: TEAM_ID }, {}, path.join(tmpdir(), 'ta-forum-endpoint-test'));
  const app = await createApp(config, silentLogger(), { store: await engine.open() });
  const inbox = new SlackInbox(app, silentLogger(), (work) => {
    ran.push(work);
    options.onRun?.(work);
    return Promise.resolve(undefined);
  });
  const receiver = express.Router();
  receiver.post(SLACK_PATH, (req, res) => {
    handedOn.push(String((req as IncomingMessage & { rawBody?: Buffer }).rawBody));
    res.status(200).json({ from: 'receiver' });
  });
  const endpoint = slackEndpoint({
    signingSecret: SIGNING_SECRET,
    path: SLACK_PATH,
    inbox,
    self: { botUserId: () => BOT_USER_ID, botId: BOT_ID },
    log: silentLogger(),
    receiver,
    ...(options.now ? { now: options.now } : {}),
  });
  const routes = express();
  routes.use(endpoint.router);
  routes.use((_req, res) => res.status(404).end());
  const server: Server = createServer((req, res) => endpoint.front(req, res, () => void routes(req, res))).listen(0, '127.0.0.1');
  await once(server, 'listening');
  await inbox.worker.start();
  return {
    app,
    inbox,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ran,
    handedOn,
    runsOf: (deliveryId) => ran.filter((w) => deliveryIdOf(w) === deliveryId).length,
    close: async () => {
      await inbox.worker.close();
      server.closeAllConnections();
      server.close();
      await app.close();
    },
  };
}
