/** The web page's person: a cookie identifies the browser as one person until sign-in exists. */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';

export const WEB_COOKIE = 'ta_forum_web';
const COOKIE_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;
const COOKIE_VALUE = /^[0-9a-f-]{36}$/;

function readCookie(header: string | undefined, name: string): string | undefined {
  const match = header?.split(';').map((part) => part.trim().split('=')).find(([key]) => key === name);
  const value = match?.[1];
  return value && COOKIE_VALUE.test(value) ? value : undefined;
}

/** The person's id from their cookie, set on first visit. */
export function webUserId(req: Request, res: Response): string {
  const existing = readCookie(req.headers.cookie, WEB_COOKIE);
  if (existing) return existing;
  const id = randomUUID();
  res.cookie(WEB_COOKIE, id, { httpOnly: true, sameSite: 'strict', maxAge: COOKIE_MAX_AGE_MS, path: '/' });
  return id;
}
