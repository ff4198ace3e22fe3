/**
 * What every dashboard route shares: the moderator the request is from (set by the router's guard),
 * their language, answers with a sentence in it, and dispatching a command or a button click
 * through the core as that moderator — so checks, audit rows and notifications stay the core's.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { DispatchOutcome } from '../../../src/core/dispatcher.ts';
import type { Actor, Conversation, InboundEvent } from '../../../src/core/events.ts';
import { dashboardText, type DashboardKey } from '../../../src/i18n/dashboard/index.ts';
import type { Lang } from '../../../src/i18n/index.ts';
import type { App } from '../../../src/main.ts';
import { personRef } from '../../../src/store/people.ts';
import { WebReplyCollector } from '../send.ts';

/** What the guard leaves in `res.locals.dashboard` for the routes. */
export interface DashboardLocals {
  actor: Actor;
  lang: Lang;
}

export function dashboardLocals(res: Response): DashboardLocals {
  const locals: unknown = res.locals.dashboard;
  if (!locals) throw new Error('dashboard route reached without the moderator guard');
  return locals as DashboardLocals;
}

/** `platform:userId` of the moderator, as the audit log names people. */
export function actorRef(res: Response): string {
  return personRef(dashboardLocals(res).actor);
}

/** A JSON refusal with a sentence in the moderator's language. */
export function refuse(res: Response, status: number, key: DashboardKey, values: Record<string, string | number> = {}): void {
  const { lang } = dashboardLocals(res);
  res.status(status).json({ error: key, message: dashboardText(lang, key, values) });
}

/** A form field to fix, and the sentence to show beside it. */
export interface FieldError {
  field: string;
  key: DashboardKey;
  values?: Record<string, string | number>;
}

/** A form refused for one of its fields: 400 with the field's name and the sentence for it. */
export function refuseField(res: Response, error: FieldError): void {
  const { lang } = dashboardLocals(res);
  res.status(400).json({ error: 'invalid_field', field: error.field, message: dashboardText(lang, error.key, error.values ?? {}) });
}

/** A body read with its schema; undefined (and a 400 sent) when it does not fit. */
export function readBody<S extends z.ZodType>(req: Request, res: Response, schema: S): z.infer<S> | undefined {
  const parsed = schema.safeParse(req.body ?? {});
  if (parsed.success) return parsed.data;
  refuse(res, 400, 'badRequest');
  return undefined;
}

/** A numeric id from the path (topics, polls, requests); undefined (and a 404 sent) otherwise. */
export function readId(req: Request, res: Response, name = 'id'): string | undefined {
  const value = req.params[name];
  if (typeof value === 'string' && /^[1-9]\d{0,8}$/.test(value)) return value;
  refuse(res, 404, 'notFound');
  return undefined;
}

/** An optional event id the page sends, so that a retried request is handled once. */
export const eventIdField = z.uuid().optional();

/** The moderator's private conversation with the bot, where the dispatched events happen. */
function dashboardConversation(actor: Actor): Conversation {
  return { platform: 'web', workspaceId: actor.workspaceId, channelId: `direct:${actor.userId}`, kind: 'direct' };
}

export interface Dispatched {
  outcome: DispatchOutcome;
  /** What the bot answered, as plain text (one entry per card). */
  replies: string[];
}

async function dispatch(app: App, event: InboundEvent): Promise<Dispatched> {
  const collector = new WebReplyCollector();
  const outcome = await app.dispatcher.handle(event, collector);
  return { outcome, replies: collector.messages.map((m) => m.text) };
}

/** A command typed by the moderator (`topic approve 3`), handled by the core. */
export function dispatchCommand(app: App, res: Response, text: string, eventId?: string): Promise<Dispatched> {
  const { actor } = dashboardLocals(res);
  return dispatch(app, {
    type: 'message',
    id: eventId ?? randomUUID(),
    platform: 'web',
    actor,
    conversation: dashboardConversation(actor),
    receivedAt: app.services.now(),
    text,
  });
}

/** A button the moderator clicked (`guest:approve`), handled by the core. */
export function dispatchAction(app: App, res: Response, actionId: string, value: string, eventId?: string): Promise<Dispatched> {
  const { actor } = dashboardLocals(res);
  return dispatch(app, {
    type: 'action',
    id: eventId ?? randomUUID(),
    platform: 'web',
    actor,
    conversation: dashboardConversation(actor),
    receivedAt: app.services.now(),
    actionId,
    value,
  });
}

/** Quotes a text for the command grammar with a pair of quotation marks it does not contain; undefined when none fits. */
export function quoteForCommand(text: string): string | undefined {
  for (const [open, close] of [['"', '"'], ['“', '”'], ['«', '»']] as const) {
    if (!text.includes(close) && !text.includes(open)) return `${open}${text}${close}`;
  }
  return undefined;
}
