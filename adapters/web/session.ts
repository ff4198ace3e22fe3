/**
 * Cookies of the web page. Local access (the server's own machine, see auth.ts) identifies a
 * browser by a random id in a cookie, as one person, without signing in.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';

/** The local-access browser's id. */
export const WEB_COOKIE = 'ta_forum_web';
const COOKIE_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;
const COOKIE_VALUE = /^[0-9a-f-]{36}$/;

/** A cookie's value from the Cookie header, when it has the expected shape. */
export function readCookie(header: string | undefined, name: string, shape: RegExp): string | undefined {
  const match = header
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`));
  const value = match?.slice(name.length + 1);
  return value && shape.test(value) ? value : undefined;
}

/** The local-access person's id from their cookie, set on first visit. */
export function webUserId(req: Request, res: Response): string {
  const existing = readCookie(req.headers.cookie, WEB_COOKIE, COOKIE_VALUE);
  if (existing) return existing;
  const id = randomUUID();
  res.cookie(WEB_COOKIE, id, { httpOnly: true, sameSite: 'strict', maxAge: COOKIE_MAX_AGE_MS, path: '/' });
  return id;
}
