/**
 * The host: one HTTP server on PORT for every adapter (the web chat now; Slack and Teams mount here
 * too). It owns the process's start and graceful stop.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import express from 'express';
import type { Config } from '../../src/config.ts';
import { ForumError, isForumError } from '../../src/core/errors.ts';
import type { Logger } from '../../src/log.ts';
import { createApp, type App, type AppOptions } from '../../src/main.ts';
import type { SlackConnection } from '../slack/app.ts';
import type { TeamsConnection } from '../teams/app.ts';
import { TEAMS_MESSAGES_PATH } from '../teams/paths.ts';
import { hostname } from 'node:os';
import { noticeToCard } from '../../src/features/discussions/notices.ts';
import { publishTopic, queueNextStarter, tellModerators } from '../../src/features/discussions/publish.ts';
import { WeeklyScheduler } from '../../src/scheduler/weekly-scheduler.ts';
import { PollDeadlines } from '../../src/scheduler/poll-deadlines.ts';
import { closePollAtDeadline, remindPoll } from '../../src/features/polls/handle-polls.ts';
import { sendDigestIfDue } from '../../src/features/stats/digest.ts';
import { applyRetentionIfDue } from '../../src/features/privacy/retention-job.ts';
import { getSchedule } from '../../src/store/topics.ts';
import { createMessenger } from './messenger.ts';
import { createWebRouter } from '../web/routes.ts';
import { createDashboardRouter } from '../web/dashboard/router.ts';

export interface Host {
  app: App;
  /** The weekly topic's scheduler (ticking every minute while the server runs; poll deadlines on the same timer). */
  scheduler: WeeklyScheduler;
  /** Poll deadlines and reminders. */
  deadlines: PollDeadlines;
  server: Server;
  /** The base URL the server listens on, e.g. http://127.0.0.1:3978 */
  url: string;
  close(): Promise<void>;
}

export function createHttpApp(app: App, log: Logger, platformRouters: express.Router[] = []): express.Express {
  const http = express();
  http.disable('x-powered-by');
  // X-Forwarded-* are believed only from the proxies TRUST_PROXY names (the sign-in limits key on the address).
  http.set('trust proxy', app.services.config.web.trustProxy);
  http.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', store: app.services.store.engine });
  });
  // Platforms first: they read their raw bodies themselves to check signatures.
  for (const router of platformRouters) http.use(router);
  http.use(createWebRouter(app, log, { apiRouters: { '/dashboard': createDashboardRouter(app, log) } }));
  // Whatever no route took: a short JSON answer, never Express's default page (it shows stacks).
  http.use((_req: express.Request, res: express.Response) => {
    res.status(404).json({ error: 'not_found' });
  });
  http.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = (error as { status?: number }).status ?? 500;
    if (status >= 500) log.error({ err: error }, 'request failed');
    res.status(status >= 400 && status < 600 ? status : 500).json({ error: status < 500 ? 'bad_request' : 'internal' });
  });
  return http;
}

/**
 * Teams' endpoint, always served. botbuilder loads at start when an app id is configured, otherwise
 * on the first request (local development mode): a bot without Teams does not carry it in memory.
 */
async function teamsRouter(app: App, config: Config, log: Logger): Promise<{ router: express.Router; connection: () => Promise<TeamsConnection> }> {
  const connect = async (): Promise<TeamsConnection> => (await import('../teams/app.ts')).connectTeams(app, config.teams, log);
  let connection: Promise<TeamsConnection> | undefined;
  if (config.teams.appId) connection = Promise.resolve(await connect());
  else {
    log.warn(
      `Teams endpoint ${TEAMS_MESSAGES_PATH} in local development mode: requests are not authenticated and only accepted from this machine (set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to connect to Teams)`,
    );
  }
  const get = (): Promise<TeamsConnection> => (connection ??= connect());
  const router = express.Router();
  router.all(TEAMS_MESSAGES_PATH, (req, res, next) => {
    get().then(
      (teams) => teams.router(req, res, next),
      (error: unknown) => next(error),
    );
  });
  return { router, connection: get };
}

/** Poll deadlines: closing through the poll feature, reminders posted through the messenger. */
function pollDeadlines(app: App, log: Logger, instance: string): PollDeadlines {
  const { services } = app;
  return new PollDeadlines({
    db: services.store.db,
    now: services.now,
    instance,
    close: (poll, actor) => closePollAtDeadline(services, poll, actor),
    remind: (poll) => remindPoll(services, poll),
    log: log.child({ component: 'poll-deadlines' }),
  });
}

/** The weekly topic's scheduler, publishing through the messenger; one per process. */
function weeklyScheduler(app: App, log: Logger, instance: string, deadlines: PollDeadlines): WeeklyScheduler {
  const { services } = app;
  return new WeeklyScheduler({
    alsoEachTick: async () => {
      await deadlines.tick();
      await sendDigestIfDue(services, instance);
      await applyRetentionIfDue(services, instance);
    },
    db: services.store.db,
    now: services.now,
    instance,
    publish: async (topic) => {
      await publishTopic(services, topic, `scheduler:${instance}`);
    },
    takeStarter: () => queueNextStarter(services),
    notify: async (notice) => {
      const zone = (await getSchedule(services.store.db))?.time_zone ?? 'UTC';
      await tellModerators(services, (lang) => noticeToCard(notice, lang, zone));
    },
    log: log.child({ component: 'scheduler' }),
  });
}

/** Opens the app and starts listening. Rejects with a ForumError when the port cannot be used. */
export async function startHost(config: Config, log: Logger, options: AppOptions = {}): Promise<Host> {
  const app = await createApp(config, log, { ingestKnowledge: true, watchKnowledge: true, ...options });
  let slack: SlackConnection | undefined;
  let routers: express.Router[];
  try {
    // Bolt loads only when Slack is configured.
    slack = config.slack ? await (await import('../slack/app.ts')).connectSlack(app, config.slack, log) : undefined;
    const teams = await teamsRouter(app, config, log);
    routers = [...(slack?.http ? [slack.http.router] : []), teams.router];
    app.services.messenger = createMessenger({ db: app.services.store.db, slack, teams: teams.connection, now: app.services.now });
  } catch (error) {
    await slack?.close();
    await app.close();
    throw error;
  }
  const routes = createHttpApp(app, log, routers);
  // Slack's Request URL is served before Express (`adapters/slack/http-endpoint.ts`).
  const front = slack?.http?.front;
  const handle = front ? (req: IncomingMessage, res: ServerResponse): void => front(req, res, () => void routes(req, res)) : routes;
  const server = createServer(handle).listen(config.port, config.host);
  const instance = `${hostname()}:${process.pid}`;
  const deadlines = pollDeadlines(app, log, instance);
  const scheduler = weeklyScheduler(app, log, instance, deadlines);
  try {
    await once(server, 'listening');
    await slack?.start();
    scheduler.start();
  } catch (error) {
    server.close();
    await scheduler.stop();
    await slack?.close();
    await app.close();
    if (isForumError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ForumError(
      'config_invalid',
      code === 'EADDRINUSE'
        ? `Port ${config.port} is already in use. Stop the other program or set PORT to a free port.`
        : `Cannot listen on ${config.host}:${config.port} (${code ?? 'unknown error'}). Check HOST and PORT.`,
      { cause: error },
    );
  }
  const address = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  // An IPv6 address needs brackets in a URL (http://[::1]:3978).
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${address.port}`;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      server.closeIdleConnections();
      await scheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await slack?.close();
      await app.close();
    })();
    return closing;
  };
  return { app, scheduler, deadlines, server, url, close };
}
