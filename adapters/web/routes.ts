/**
 * The web chat: a page and a small JSON API on the shared HTTP server. Until sign-in exists the
 * chat answers only requests from the server's own machine (loopback).
 */
import express, { type Request, type Response, type NextFunction } from 'express';
import type { z } from 'zod';
import type { App } from '../../src/main.ts';
import type { Logger } from '../../src/log.ts';
import { projectPath } from '../../src/paths.ts';
import { messages, RTL_LANGS, langFromLocale, type Lang } from '../../src/i18n/index.ts';
import { preferredLang } from '../../src/features/preferences/preferred-lang.ts';
import type { InboundEvent, Actor } from '../../src/core/events.ts';
import { actionBody, actionToEvent, messageBody, messageToEvent, webActor } from './inbound.ts';
import { WebReplyCollector } from './send.ts';
import { webUserId } from './session.ts';
import { addForumRoutes, pageForumChannel } from './forum.ts';

export { WEB_COOKIE } from './session.ts';
const BODY_LIMIT = '32kb';
const PAGE_DIR = projectPath('adapters', 'web', 'page');
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function pageStrings(lang: Lang): { lang: Lang; dir: 'ltr' | 'rtl'; strings: ReturnType<typeof messages>['web'] } {
  return { lang, dir: RTL_LANGS.has(lang) ? 'rtl' : 'ltr', strings: messages(lang).web };
}

/** The paths the web chat owns: its page files and its API. Other paths pass through untouched. */
const PAGE_FILES = new Set(['/', '/index.html', '/chat.js', '/forum.js', '/chat.css']);
function isWebPath(requestPath: string): boolean {
  return PAGE_FILES.has(requestPath) || requestPath === '/web' || requestPath.startsWith('/web/');
}

function localOnly(defaultLang: Lang) {
  return (req: Request, res: Response, next: NextFunction): void => {
    // Not ours: leave this router so other adapters' routes are not guarded by the web chat's rule.
    if (!isWebPath(req.path)) return next('router');
    if (LOOPBACK.has(req.socket.remoteAddress ?? '')) return next();
    const lang = langFromLocale(req.headers['accept-language']) ?? defaultLang;
    res.status(403).json({ error: 'forbidden', message: messages(lang).web.localOnly });
  };
}

export function createWebRouter(app: App, parentLog: Logger): express.Router {
  const log = parentLog.child({ adapter: 'web' });
  const { services, dispatcher } = app;
  const router = express.Router();
  router.use(localOnly(services.config.defaultLang));
  router.use(express.static(PAGE_DIR, { index: 'index.html', maxAge: 0 }));

  const api = express.Router();
  api.use(express.json({ limit: BODY_LIMIT }));

  api.get('/session', async (req, res) => {
    const actor = webActor(webUserId(req, res), req.headers['accept-language']);
    // The discussion channel the page shows (the first web entry of DISCUSSION_CHANNELS), or null.
    res.json({ ...pageStrings(await preferredLang(services, actor)), forumChannel: pageForumChannel(services.config) });
  });

  async function dispatch(res: Response, actor: Actor, event: InboundEvent): Promise<void> {
    const collector = new WebReplyCollector();
    const outcome = await dispatcher.handle(event, collector);
    res.json({ outcome, messages: collector.messages, ...pageStrings(await preferredLang(services, actor)) });
  }

  function route<S extends z.ZodType>(schema: S, toEvent: (body: z.infer<S>, actor: Actor, now: Date) => InboundEvent) {
    return async (req: Request, res: Response): Promise<void> => {
      const actor = webActor(webUserId(req, res), req.headers['accept-language']);
      const parsed = schema.safeParse(req.body);
      if (!parsed.success) {
        log.info({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'bad web request');
        res.status(400).json({ error: 'bad_request', message: messages(await preferredLang(services, actor)).web.failed });
        return;
      }
      await dispatch(res, actor, toEvent(parsed.data, actor, services.now()));
    };
  }

  api.post('/messages', route(messageBody, messageToEvent));
  api.post('/actions', route(actionBody, actionToEvent));
  addForumRoutes(api, app, log);

  // Malformed JSON and any other failure: a fixed sentence, never a stack.
  api.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if (status !== undefined && status >= 400 && status < 500) {
      log.info({ status }, 'rejected web request');
    } else {
      log.error({ err: error }, 'web request failed');
    }
    const lang = langFromLocale(req.headers['accept-language']) ?? services.config.defaultLang;
    res
      .status(status !== undefined && status >= 400 && status < 500 ? status : 500)
      .json({ error: status && status < 500 ? 'bad_request' : 'internal', message: messages(lang).web.failed });
  });

  router.use('/web/api', api);
  return router;
}
