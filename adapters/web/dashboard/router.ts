/**
 * The moderators' dashboard API, mounted at `/web/api/dashboard` behind the web sign-in (which sets
 * `res.locals.webActor` and checks the CSRF token of every POST). Everyone who is not a moderator
 * by the access rules is refused (401 without a signed-in person, 403 otherwise), with a sentence
 * in their language. Lists are read from the store; changes go through the core's commands and
 * buttons as the moderator, so checks, audit rows and notifications are the core's own.
 *
 *   GET  /session                       the dashboard's words in the moderator's language
 *   GET  /vendor/chart.js               Chart.js (UMD build) from node_modules
 *   GET  /topics                        proposals, queue, open topics, weekly slot
 *   POST /topics/:id/approve|reject|close|move, /topics/post-now, /topics/schedule
 *   GET  /polls, /polls/:id, /polls/:id/csv; POST /polls, /polls/:id/close
 *   GET  /knowledge; POST /knowledge/upload
 *   GET  /usage
 *   GET  /people; POST /people/requests/:id/approve|decline, /people/expire, /people/invite
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { decideAccess } from '../../../src/core/access.ts';
import type { Actor } from '../../../src/core/events.ts';
import { preferredLang } from '../../../src/features/preferences/preferred-lang.ts';
import { dashboardDir, dashboardMessages, dashboardText } from '../../../src/i18n/dashboard/index.ts';
import { langFromLocale, messages, type Lang } from '../../../src/i18n/index.ts';
import type { Logger } from '../../../src/log.ts';
import type { App } from '../../../src/main.ts';
import { findPerson } from '../../../src/store/people.ts';
import { webIdentityOf } from '../auth.ts';
import { dashboardLocals, type DashboardLocals } from './context.ts';
import { knowledgeRoutes } from './knowledge.ts';
import { peopleRoutes } from './people.ts';
import { pollRoutes } from './polls.ts';
import { topicRoutes } from './topics.ts';
import { usageRoutes } from './usage.ts';

const JSON_LIMIT = '64kb';
const UPLOAD_PATH = '/knowledge/upload';

/** Chart.js's browser build, found where npm installed it (no CDN, nothing fetched at run time). */
export function chartJsPath(): string {
  const main = createRequire(import.meta.url).resolve('chart.js');
  return path.join(path.dirname(main), 'chart.umd.min.js');
}

function isActor(value: unknown): value is Actor {
  if (typeof value !== 'object' || value === null) return false;
  const { platform, workspaceId, userId } = value as Record<string, unknown>;
  return (platform === 'slack' || platform === 'teams' || platform === 'web') && typeof workspaceId === 'string' && typeof userId === 'string' && userId.length > 0;
}

export function createDashboardRouter(app: App, parentLog: Logger): express.Router {
  const log = parentLog.child({ adapter: 'web', component: 'dashboard' });
  const { services } = app;
  const router = express.Router();
  const requestLang = (req: Request): Lang => langFromLocale(req.headers['accept-language']) ?? services.config.defaultLang;

  // The charting library is a public file: served before the moderators' check.
  const chartJs = chartJsPath();
  router.get('/vendor/chart.js', (_req, res, next) => {
    res.sendFile(chartJs, { maxAge: '1d', headers: { 'content-type': 'text/javascript; charset=utf-8' } }, (error) => {
      if (error) next(error);
    });
  });

  // Moderators only, decided by the access rules as for a direct chat with the bot.
  router.use(async (req: Request, res: Response, next: NextFunction) => {
    const actor: unknown = res.locals.webActor;
    if (!isActor(actor)) {
      res.status(401).json({ error: 'signInNeeded', message: dashboardText(requestLang(req), 'signInNeeded') });
      return;
    }
    const now = services.now();
    const person = await findPerson(services.store.db, actor);
    const decision = decideAccess(services.config.access, actor, { platform: 'web', workspaceId: 'web', channelId: 'dashboard', kind: 'direct' }, person, now);
    // The sign-in may not say the person's locale: the browser's language stands in for it.
    const locale = actor.locale ?? req.headers['accept-language']?.split(',')[0]?.split(';')[0]?.trim();
    const lang = await preferredLang(services, { ...actor, ...(locale ? { locale } : {}) });
    if (!decision.allowed || decision.role !== 'moderator') {
      log.info({ platform: actor.platform, allowed: decision.allowed }, 'dashboard refused to a non-moderator');
      res.status(403).json({ error: 'notModerator', message: dashboardText(lang, 'notModerator') });
      return;
    }
    const locals: DashboardLocals = { actor, lang };
    res.locals.dashboard = locals;
    res.set('cache-control', 'no-store');
    next();
  });

  // JSON bodies are small, but for an upload (a document of up to 5 MB, in base64).
  const json = express.json({ limit: JSON_LIMIT });
  router.use((req, res, next) => (req.path === UPLOAD_PATH ? next() : json(req, res, next)));

  router.get('/session', (_req, res) => {
    const { actor, lang } = dashboardLocals(res);
    res.json({
      lang,
      dir: dashboardDir(lang),
      strings: dashboardMessages(lang),
      // A name, never an id: the account's, or "you, on this computer" for the person at the server's own machine.
      moderator: { platform: actor.platform, userId: actor.userId, name: actor.displayName ?? (webIdentityOf(res).account?.display_name || messages(lang).membership.localYou) },
    });
  });

  router.use('/topics', topicRoutes(app));
  router.use('/polls', pollRoutes(app));
  router.use('/knowledge', knowledgeRoutes(app));
  router.use('/usage', usageRoutes(app));
  router.use('/people', peopleRoutes(app));

  router.use((req: Request, res: Response) => {
    const locals: unknown = res.locals.dashboard;
    const lang = locals ? dashboardLocals(res).lang : requestLang(req);
    res.status(404).json({ error: 'notFound', message: dashboardText(lang, 'notFound') });
  });

  // Malformed JSON, a body too large, any other failure: a sentence in the person's language, never a stack.
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status;
    const locals: unknown = res.locals.dashboard;
    const lang = locals ? dashboardLocals(res).lang : requestLang(req);
    if (status === 413) {
      log.info({ status }, 'dashboard request too large');
      res.status(413).json({ error: 'uploadTooLarge', message: dashboardText(lang, req.path === UPLOAD_PATH ? 'uploadTooLarge' : 'badRequest') });
      return;
    }
    if (status !== undefined && status >= 400 && status < 500) {
      log.info({ status }, 'rejected dashboard request');
      res.status(status).json({ error: 'badRequest', message: dashboardText(lang, 'badRequest') });
      return;
    }
    log.error({ err: error }, 'dashboard request failed');
    res.status(500).json({ error: 'failed', message: dashboardText(lang, 'failed') });
  });

  return router;
}
