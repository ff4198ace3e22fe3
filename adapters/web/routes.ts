/**
 * The web chat: a page, its embeddable widget and a small JSON API on the shared HTTP server. Every
 * API request is resolved to a person first (auth.ts: a signed-in session, or local access on the
 * server's own machine; otherwise 401) and every change carries the page's CSRF token.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type NextFunction } from 'express';
import type { z } from 'zod';
import type { App } from '../../src/main.ts';
import type { Logger } from '../../src/log.ts';
import { projectPath } from '../../src/paths.ts';
import { LANGS, messages } from '../../src/i18n/index.ts';
import { preferredLang } from '../../src/features/preferences/preferred-lang.ts';
import type { InboundEvent, Actor } from '../../src/core/events.ts';
import { WEB_MESSAGE_MAX_CHARS, WEB_REPLY_MAX_CHARS, actionBody, actionToEvent, messageBody, messageToEvent, textTooLong, tooLongAnswer } from './inbound.ts';
import { addChatRoutes, dispatchKept } from './chat.ts';
import { createWebAuth, pageWords, requestLang, webIdentityOf } from './auth.ts';
import { addForumRoutes, pageForumChannel } from './forum.ts';

export { WEB_COOKIE } from './session.ts';
export { CSRF_HEADER, SESSION_COOKIE, webIdentityOf, type WebIdentity, type WebLocals } from './auth.ts';
const BODY_LIMIT = '32kb';
const PAGE_DIR = projectPath('adapters', 'web', 'page');
/** The widget's script: served at /web/widget.js with its words filled in, not as a page file. */
const WIDGET_FILE = 'widget.js';
export const WIDGET_PATH = '/web/widget.js';
const WIDGET_WORDS_PLACEHOLDER = '/* WIDGET_WORDS */ {}';
const WIDGET_ORIGINS_PLACEHOLDER = '/* WIDGET_ORIGINS */ []';

/** The paths the web chat owns: its page files and everything under /web. Other paths pass through. */
function pageFiles(): Set<string> {
  const files = readdirSync(PAGE_DIR, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== WIDGET_FILE)
    .map((entry) => `/${entry.name}`);
  return new Set(['/', ...files]);
}

/**
 * The pages' Content-Security-Policy: scripts, styles and everything else from the bot itself only
 * (no inline script or style anywhere: the page and the dashboard are files, their styling is
 * classes); images may also be data: URLs. `frame-ancestors`: the bot's own pages, and the sites
 * of WEB_EMBED_ORIGINS, may show the chat in a frame.
 */
export function contentSecurityPolicy(embedOrigins: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    ["frame-ancestors 'self'", ...embedOrigins].join(' '),
  ].join('; ');
}

/** JSON in a script: `<` escaped so that no word can close the script element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The widget's script with the launcher's words in every language and the sites allowed to frame the chat. */
function widgetScript(embedOrigins: string[]): string {
  const words = Object.fromEntries(
    LANGS.map((lang) => {
      const web = messages(lang).web;
      return [lang, { open: web.widgetOpen, close: web.widgetClose, frameTitle: web.widgetFrameTitle, blocked: web.widgetBlocked }];
    }),
  );
  const source = readFileSync(path.join(PAGE_DIR, WIDGET_FILE), 'utf8');
  for (const placeholder of [WIDGET_WORDS_PLACEHOLDER, WIDGET_ORIGINS_PLACEHOLDER]) {
    if (!source.includes(placeholder)) throw new Error(`${WIDGET_FILE} has lost a placeholder: ${placeholder}`);
  }
  return source.replace(WIDGET_WORDS_PLACEHOLDER, scriptJson(words)).replace(WIDGET_ORIGINS_PLACEHOLDER, scriptJson(embedOrigins));
}

/**
 * The origin of the page that asked for the widget (its Referer: browsers send at least the origin
 * of a cross-site page), when it is a site that WEB_EMBED_ORIGINS does not list and not the bot's own.
 */
export function unlistedEmbedder(req: Request, embedOrigins: string[]): string | undefined {
  const referer = req.headers.referer;
  if (!referer) return undefined;
  let origin: string;
  try {
    origin = new URL(referer).origin.toLowerCase();
  } catch {
    return undefined;
  }
  if (origin === 'null' || embedOrigins.includes(origin)) return undefined;
  return new URL(origin).host === req.headers.host ? undefined : origin;
}

export interface WebRouterOptions {
  /**
   * More API routers by path (`{ '/dashboard': router }` → /web/api/dashboard/…), mounted after the
   * person is resolved and the CSRF token checked: `res.locals.webActor` (the Actor) and
   * `webIdentityOf(res)` are there for them. They parse their own bodies.
   */
  apiRouters?: Record<string, express.Router>;
}

/** The chat's own API paths, whose JSON bodies are parsed here (other routers parse their own). */
const OWN_JSON_PATHS = ['/signin', '/signout', '/messages', '/actions', '/forum'];

export function createWebRouter(app: App, parentLog: Logger, options: WebRouterOptions = {}): express.Router {
  const log = parentLog.child({ adapter: 'web' });
  const { services } = app;
  const { config } = services;
  const auth = createWebAuth(app, log);
  const files = pageFiles();
  const widget = widgetScript(config.web.embedOrigins);
  /** Sites already warned about: one warning each per run. */
  const warnedEmbedders = new Set<string>();
  const MAX_WARNED_EMBEDDERS = 100;
  const router = express.Router();

  router.use((req: Request, res: Response, next: NextFunction) => {
    // Not ours: leave this router, so that other adapters' routes get nothing of the web chat's.
    if (!files.has(req.path) && req.path !== '/web' && !req.path.startsWith('/web/')) return next('router');
    res.set({ 'Content-Security-Policy': contentSecurityPolicy(config.web.embedOrigins), 'X-Content-Type-Options': 'nosniff' });
    next();
  });

  router.get(WIDGET_PATH, (req, res) => {
    const embedder = unlistedEmbedder(req, config.web.embedOrigins);
    if (embedder && !warnedEmbedders.has(embedder) && warnedEmbedders.size < MAX_WARNED_EMBEDDERS) {
      warnedEmbedders.add(embedder);
      log.warn(
        { origin: embedder },
        `the chat widget was asked for by a page of ${embedder}, which WEB_EMBED_ORIGINS does not list: the widget shows a note there instead of the chat; add ${embedder} to WEB_EMBED_ORIGINS to let it open`,
      );
    }
    res.set({ 'Cache-Control': 'public, max-age=300', 'Cross-Origin-Resource-Policy': 'cross-origin' });
    res.type('text/javascript').send(widget);
  });
  router.get('/web/signin/:token', auth.linkSignIn);
  router.use(express.static(PAGE_DIR, { index: 'index.html', maxAge: 0 }));

  const api = express.Router();
  api.use(OWN_JSON_PATHS, express.json({ limit: BODY_LIMIT }));
  api.post('/signin', ...auth.passwordSignIn);
  api.use(auth.identify);
  api.use(auth.csrf);
  api.post('/signout', auth.signOut);

  api.get('/session', async (_req, res) => {
    const identity = webIdentityOf(res);
    const account = identity.account ? { login: identity.account.login, name: identity.account.display_name, kind: identity.account.kind } : null;
    res.json({
      ...pageWords(await preferredLang(services, identity.actor)),
      // The discussion channel the page shows (the first web entry of DISCUSSION_CHANNELS), or null.
      forumChannel: pageForumChannel(config),
      csrf: await auth.csrfToken(identity),
      account,
    });
  });

  async function dispatch(res: Response, actor: Actor, event: InboundEvent): Promise<void> {
    const { outcome, collector } = await dispatchKept(app, actor, event);
    res.json({ outcome, messages: collector.messages, files: collector.files, ...pageWords(await preferredLang(services, actor)) });
  }

  function route<S extends z.ZodType>(schema: S, toEvent: (body: z.infer<S>, actor: Actor, now: Date) => InboundEvent) {
    return async (req: Request, res: Response): Promise<void> => {
      const { actor } = webIdentityOf(res);
      const parsed = schema.safeParse(req.body);
      if (!parsed.success) {
        log.info({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'bad web request');
        const lang = await preferredLang(services, actor);
        res.status(400).json(textTooLong(parsed.error.issues) ? tooLongAnswer(WEB_MESSAGE_MAX_CHARS, lang) : { error: 'bad_request', message: messages(lang).web.failed });
        return;
      }
      await dispatch(res, actor, toEvent(parsed.data, actor, services.now()));
    };
  }

  api.post('/messages', route(messageBody, messageToEvent));
  api.post('/actions', route(actionBody, actionToEvent));
  addChatRoutes(api, app);
  addForumRoutes(api, app, log);
  for (const [mountPath, extra] of Object.entries(options.apiRouters ?? {})) api.use(mountPath, extra);

  // Malformed JSON and any other failure: a fixed sentence, never a stack.
  api.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if (status !== undefined && status >= 400 && status < 500) {
      log.info({ status }, 'rejected web request');
    } else {
      log.error({ err: error }, 'web request failed');
    }
    const lang = requestLang(req, config.defaultLang);
    // A body over the JSON limit is a message far too long: said so, as for one over the text limit.
    if (status === 413 && req.path === '/messages') return void res.status(413).json(tooLongAnswer(WEB_MESSAGE_MAX_CHARS, lang));
    if (status === 413 && req.path.startsWith('/forum/')) return void res.status(413).json(tooLongAnswer(WEB_REPLY_MAX_CHARS, lang));
    res
      .status(status !== undefined && status >= 400 && status < 500 ? status : 500)
      .json({ error: status && status < 500 ? 'bad_request' : 'internal', message: messages(lang).web.failed });
  });

  router.use('/web/api', api);
  return router;
}
