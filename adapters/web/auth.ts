/**
 * Who is at the web page. Every /web/api request is resolved to a person before any route runs:
 *
 * - a signed-in browser: the `ta_forum_session` cookie names a session of an enabled account (a
 *   member in the `web` realm, a guest in `web-guest`, their login as user id);
 * - local access: a request from the server's own machine (loopback, no proxy header), while
 *   WEB_LOCAL_ACCESS is on, is served as before sign-in existed: one person per browser (a cookie);
 * - anyone else gets 401 with a sentence in their language, and the page shows its sign-in form.
 *
 * Every change (POST, PUT, PATCH, DELETE) must carry `X-CSRF-Token`, the token `GET /session` gave,
 * bound to the session (or to the local browser's id). Signing in with a password needs an Origin
 * of this server (no sign-in forged by another site), and failed attempts are limited per login
 * and per address. A one-time sign-in link (`GET /web/signin/:token`) opens a session too.
 */
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { rateLimit, type Options as RateLimitOptions } from 'express-rate-limit';
import { z } from 'zod';
import type { Actor } from '../../src/core/events.ts';
import { preferredLang } from '../../src/features/preferences/preferred-lang.ts';
import { RTL_LANGS, isLang, langFromLocale, messages, type Lang } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/log.ts';
import type { App } from '../../src/main.ts';
import {
  TOKEN_PATTERN,
  boundToken,
  checkPassword,
  consumeSignInLink,
  createWebSession,
  deleteWebSession,
  findWebSession,
  sameToken,
  sha256,
  webPersonKey,
  webSecret,
  type WebAccount,
} from '../../src/store/web-accounts.ts';
import { firstLocale, webActor } from './inbound.ts';
import { SIGN_IN_LIMITS } from '../../src/store/rate-limits.ts';
import { StoreLimits } from './limit-store.ts';
import { escapeHtml } from './render.ts';
import { readCookie, webUserId } from './session.ts';

export const SESSION_COOKIE = 'ta_forum_session';
export const CSRF_HEADER = 'x-csrf-token';
/** The page's language when the person has none stored (the widget's `data-lang`). */
export const LANG_HINT_HEADER = 'x-ta-forum-lang';
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failed password sign-ins allowed per login in the window. */
export const SIGN_IN_MAX_FAILURES_PER_LOGIN = 5;
/** Failed password sign-ins allowed per address in the window. */
export const SIGN_IN_MAX_FAILURES_PER_ADDRESS = 20;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** A request that came through a proxy is not the server's own machine, whatever its socket says. */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip', 'x-forwarded-host'] as const;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface WebIdentity {
  actor: Actor;
  /** The signed-in account; undefined under local access. */
  account: WebAccount | undefined;
  /** What the CSRF token is bound to: the session's hash, or the local browser's id. */
  binding: string;
}

/** What the API routes find in `res.locals`, set before they run. */
export interface WebLocals {
  webActor: Actor;
  webIdentity: WebIdentity;
}

/** The person of an API request (set by the guard that runs before every API route). */
export function webIdentityOf(res: Response): WebIdentity {
  const identity = (res.locals as Partial<WebLocals>).webIdentity;
  if (!identity) throw new Error('the web identity is resolved before the API routes run');
  return identity;
}

/** Names of this machine a browser on it uses (with any port). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The Host header names this machine: not a public name forwarded by a proxy, nor a rebound domain. */
function loopbackHost(host: string | undefined): boolean {
  const name = host?.trim().toLowerCase().replace(/:\d+$/, '');
  return name !== undefined && (LOOPBACK_HOSTS.has(name) || name.endsWith('.localhost'));
}

/**
 * Local access: on, from the server's own machine (loopback socket), straight (no proxy header) and
 * to one of this machine's own names (so that neither a proxy passing on a public name nor a web
 * page whose domain was rebound to 127.0.0.1 gets in).
 */
export function isLocalAccess(req: Request, allowed: boolean): boolean {
  return allowed && LOOPBACK.has(req.socket.remoteAddress ?? '') && PROXY_HEADERS.every((h) => req.headers[h] === undefined) && loopbackHost(req.headers.host);
}

/** Served over https: by this server itself, or by a proxy in front of it that says so. */
export function isSecureRequest(req: Request): boolean {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return req.secure || proto === 'https';
}

/**
 * The session cookie: httpOnly always; over http SameSite=Lax; over https SameSite=None, Secure and
 * Partitioned, so that the chat embedded on the organisation's site (a third-party frame) keeps it.
 */
export function sessionCookieOptions(req: Request, expiresAt?: Date): CookieOptions {
  const base: CookieOptions = { httpOnly: true, path: '/', ...(expiresAt ? { expires: expiresAt } : {}) };
  return isSecureRequest(req) ? { ...base, sameSite: 'none', secure: true, partitioned: true } : { ...base, sameSite: 'lax' };
}

/** The page's words in a language, with its direction. */
export function pageWords(lang: Lang): { lang: Lang; dir: 'ltr' | 'rtl'; strings: ReturnType<typeof messages>['web'] } {
  return { lang, dir: RTL_LANGS.has(lang) ? 'rtl' : 'ltr', strings: messages(lang).web };
}

/** The language hint of the page (`?lang=` of the widget), when it names one of ours. */
function langHint(req: Request): Lang | undefined {
  const hint = req.headers[LANG_HINT_HEADER];
  const value = Array.isArray(hint) ? hint[0] : hint;
  return value && isLang(value) ? value : undefined;
}

/** The language of someone not (yet) known: the page's hint, the browser's, or the forum's. */
export function requestLang(req: Request, fallback: Lang): Lang {
  return langHint(req) ?? langFromLocale(req.headers['accept-language']) ?? fallback;
}

/** The Origin of a browser's request is this server's own (by Host, or WEB_PUBLIC_URL). */
function sameOrigin(req: Request, publicUrl: string | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return false;
  try {
    const url = new URL(origin);
    if (url.host === req.headers.host) return true;
    return publicUrl !== undefined && url.origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

const signInBody = z.object({
  login: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(4096),
});

/** The login a sign-in attempt names, for the per-login limit ('' when it names none). */
function attemptedLogin(req: Request): string {
  const body: unknown = req.body;
  const login = typeof body === 'object' && body !== null ? (body as { login?: unknown }).login : undefined;
  return typeof login === 'string' ? login.trim().toLowerCase().slice(0, 200) : '';
}

export interface WebAuth {
  /** Resolves the person (session, local access) into `res.locals`, or answers 401. */
  identify: RequestHandler;
  /** Refuses a change without the right `X-CSRF-Token` (403). */
  csrf: RequestHandler;
  /** The CSRF token the page sends back with every change. */
  csrfToken(identity: WebIdentity): Promise<string>;
  /** `POST /web/api/signin` {login, password}: the Origin check, the limits, then the password. */
  passwordSignIn: RequestHandler[];
  /** `POST /web/api/signout`: ends the browser's session. */
  signOut: RequestHandler;
  /** `GET /web/signin/:token`: a one-time link opens a session, then the page. */
  linkSignIn: RequestHandler;
}

export function createWebAuth(app: App, log: Logger): WebAuth {
  const { services } = app;
  const { db } = services.store;
  const { config } = services;
  if (config.web.localAccess) {
    log.info(
      'web chat local access is on: requests from this machine (localhost, no proxy header) are served without signing in; set WEB_LOCAL_ACCESS=false when a proxy on this machine passes requests on without X-Forwarded-For',
    );
  }
  let csrfKey: Promise<string> | undefined;
  const key = (): Promise<string> => {
    csrfKey ??= webSecret(db, 'web_csrf_key').catch((error: unknown) => {
      csrfKey = undefined;
      throw error;
    });
    return csrfKey;
  };

  const csrfToken = async (identity: WebIdentity): Promise<string> => boundToken(await key(), `csrf:${identity.binding}`);

  /** The language of a known person: their stored choice first. */
  const personLang = (identity: WebIdentity): Promise<Lang> => preferredLang(services, identity.actor);

  function refuse(res: Response, status: 401 | 403 | 429, error: string, message: string, lang: Lang): void {
    res.status(status).json({ error, message, lang });
  }

  async function resolve(req: Request, res: Response): Promise<WebIdentity | undefined> {
    const locale = langHint(req) ?? firstLocale(req.headers['accept-language']);
    const sessionId = readCookie(req.headers.cookie, SESSION_COOKIE, TOKEN_PATTERN);
    if (sessionId) {
      const session = await findWebSession(db, sessionId, services.now());
      if (session) {
        const { account } = session;
        const actor = webActor(account.login, locale, { workspaceId: webPersonKey(account).workspaceId, displayName: account.display_name });
        return { actor, account, binding: `session:${session.idHash}` };
      }
      // Expired, signed out elsewhere, or the account was disabled: the cookie is of no use.
      res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
    }
    if (isLocalAccess(req, config.web.localAccess)) {
      const userId = webUserId(req, res);
      return { actor: { ...webActor(userId, locale), local: true }, account: undefined, binding: `local:${userId}` };
    }
    return undefined;
  }

  const identify: RequestHandler = (req, res, next) => {
    resolve(req, res).then((identity) => {
      if (!identity) {
        // With the page's words: the page draws its sign-in form in the person's language.
        const lang = requestLang(req, config.defaultLang);
        res.status(401).json({ error: 'unauthorized', message: messages(lang).web.signInNeeded, ...pageWords(lang) });
        return;
      }
      const locals = res.locals as Partial<WebLocals>;
      locals.webIdentity = identity;
      locals.webActor = identity.actor;
      next();
    }, next);
  };

  const csrf: RequestHandler = (req, res, next) => {
    if (!UNSAFE_METHODS.has(req.method)) return next();
    const identity = webIdentityOf(res);
    const sent = req.headers[CSRF_HEADER];
    Promise.all([csrfToken(identity), personLang(identity)]).then(([expected, lang]) => {
      if (typeof sent === 'string' && sameToken(sent, expected)) return next();
      log.info({ path: req.path }, 'web change refused: no or wrong CSRF token');
      refuse(res, 403, 'csrf', messages(lang).web.csrfFailed, lang);
    }, next);
  };

  const limiterDefaults: Partial<RateLimitOptions> = {
    windowMs: SIGN_IN_WINDOW_MS,
    // Only failed attempts count: a person who signs in is not held back by others.
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // The server does not trust proxy headers (Express's `trust proxy` is off): the address is the socket's.
    validate: { xForwardedForHeader: false, forwardedHeader: false },
    logger: {
      warn: (error: unknown, message?: string) => log.warn({ err: error }, message ?? 'sign-in rate limiter'),
      error: (error: unknown, message?: string) => log.error({ err: error }, message ?? 'sign-in rate limiter'),
    },
    handler: (req: Request, res: Response) => {
      const lang = requestLang(req, config.defaultLang);
      log.warn({ login: attemptedLogin(req) ? sha256(attemptedLogin(req)).slice(0, 12) : undefined }, 'web sign-in attempts limited');
      refuse(res, 429, 'rate_limited', messages(lang).web.tooManyAttempts, lang);
    },
  };
  // Counted in the store: a restart keeps them, and instances on one database count together.
  const perAddress = rateLimit({ ...limiterDefaults, limit: SIGN_IN_MAX_FAILURES_PER_ADDRESS, identifier: SIGN_IN_LIMITS.address, store: new StoreLimits(db, services.now, SIGN_IN_LIMITS.address) });
  const perLogin = rateLimit({
    ...limiterDefaults,
    limit: SIGN_IN_MAX_FAILURES_PER_LOGIN,
    identifier: SIGN_IN_LIMITS.login,
    keyGenerator: attemptedLogin,
    store: new StoreLimits(db, services.now, SIGN_IN_LIMITS.login),
  });

  const originCheck: RequestHandler = (req, res, next) => {
    if (sameOrigin(req, config.web.publicUrl)) return next();
    log.info({ origin: req.headers.origin ?? null }, 'web sign-in refused: not from this server’s page');
    const lang = requestLang(req, config.defaultLang);
    refuse(res, 403, 'csrf', messages(lang).web.csrfFailed, lang);
  };

  async function startSession(req: Request, res: Response, account: WebAccount): Promise<void> {
    // A browser signing in again (another account, a new link) leaves no session of its own behind.
    const previous = readCookie(req.headers.cookie, SESSION_COOKIE, TOKEN_PATTERN);
    if (previous) await deleteWebSession(db, previous);
    const session = await createWebSession(db, account.login, services.now());
    res.cookie(SESSION_COOKIE, session.id, sessionCookieOptions(req, session.expiresAt));
    log.info({ kind: account.kind }, 'web sign-in');
  }

  const checkCredentials: RequestHandler = (req, res, next) => {
    const lang = requestLang(req, config.defaultLang);
    const parsed = signInBody.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'bad_request', message: messages(lang).web.signInFailed, lang });
      return;
    }
    checkPassword(db, parsed.data.login, parsed.data.password)
      .then(async (account) => {
        if (!account) {
          refuse(res, 401, 'signin_failed', messages(lang).web.signInFailed, lang);
          return;
        }
        await startSession(req, res, account);
        res.json({ ok: true });
      })
      .catch(next);
  };

  const signOut: RequestHandler = (req, res, next) => {
    const sessionId = readCookie(req.headers.cookie, SESSION_COOKIE, TOKEN_PATTERN);
    (sessionId ? deleteWebSession(db, sessionId) : Promise.resolve()).then(() => {
      res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
      res.json({ ok: true });
    }, next);
  };

  const linkSignIn: RequestHandler = (req, res, next) => {
    res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    const token = String(req.params.token ?? '');
    const embed = req.query.embed === '1' ? '?embed=1' : '';
    // Link previews (chat apps, mail scanners) fetch links without navigating: they must not use it up.
    if (req.headers['sec-fetch-mode'] !== 'navigate') {
      const lang = requestLang(req, config.defaultLang);
      const words = messages(lang).web;
      res
        .status(200)
        .type('html')
        .send(`<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(words.title)}</title><p><a href="${escapeHtml(req.originalUrl)}">${escapeHtml(words.signInButton)}</a></p></html>`);
      return;
    }
    consumeSignInLink(db, token, services.now())
      .then(async (account) => {
        if (!account) {
          log.info('web sign-in link refused: unknown, used or expired');
          res.redirect(303, `/?signin=invalid${embed ? '&embed=1' : ''}`);
          return;
        }
        await startSession(req, res, account);
        res.redirect(303, `/${embed}`);
      })
      .catch(next);
  };

  return { identify, csrf, csrfToken, passwordSignIn: [originCheck, perAddress, perLogin, checkCredentials], signOut, linkSignIn };
}

