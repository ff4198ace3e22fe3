/**
 * Members and guests on the dashboard: the people the forum knows on every platform with the role
 * the access rules give them now (configured moderators, stored roles, guests and their expiry,
 * web accounts), the members' requests for guests (approved or declined as the moderator's click
 * on the core's buttons), a guest's access ended now (`role.end`, as `revoke` does, audited in the
 * same transaction), and a web person invited: an account and a one-time sign-in link to send.
 */
import express, { type Request } from 'express';
import { z } from 'zod';
import { decideAccess } from '../../../src/core/access.ts';
import { ACTIONS } from '../../../src/core/actions.ts';
import { isForumError } from '../../../src/core/errors.ts';
import type { Actor, Platform } from '../../../src/core/events.ts';
import { personLabels } from '../../../src/features/membership/person-labels.ts';
import { dashboardText } from '../../../src/i18n/dashboard/index.ts';
import type { App } from '../../../src/main.ts';
import { listActivePeople, listPeople, type PersonRow } from '../../../src/store/dashboard-reads.ts';
import { pendingGuestRequests } from '../../../src/store/guest-requests.ts';
import { findPerson, grantRole, personRef, type PersonKey } from '../../../src/store/people.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/store/schema.ts';
import { createWebAccount, GUEST_MAX_DAYS, issueSignInLink, listWebAccounts, webPersonKey } from '../../../src/store/web-accounts.ts';
import { actorRef, dashboardLocals, dispatchAction, eventIdField, readBody, readId, refuse } from './context.ts';

export type EffectiveRole = 'moderator' | 'member' | 'guest' | 'guest_ended' | 'none';

export interface PersonEntry {
  platform: string;
  workspaceId: string;
  userId: string;
  name: string;
  role: EffectiveRole;
  /** A guest's end of access (ISO), past or to come. */
  accessUntil: string | null;
  /** Named in MODERATORS rather than known from the store. */
  fromConfig: boolean;
  /** A guest whose access runs: the moderator may end it. */
  canExpire: boolean;
}

const PLATFORM_NAMES: readonly Platform[] = ['slack', 'teams', 'web'];

function asPlatform(value: string): Platform | undefined {
  return PLATFORM_NAMES.find((p) => p === value);
}

/** The role the access rules give a person now, as the dispatcher would decide it in a direct chat. */
function effectiveRole(app: App, row: PersonRow, now: Date): EffectiveRole {
  const platform = asPlatform(row.platform);
  if (!platform) return 'none';
  const actor: Actor = { platform, workspaceId: row.workspaceId, userId: row.userId };
  const person = {
    platform: row.platform,
    workspace_id: row.workspaceId,
    user_id: row.userId,
    display_name: row.displayName,
    role: row.role,
    lang: row.lang,
    guest_expires_at: row.guestExpiresAt,
    may_propose: row.mayPropose,
    created_at: row.updatedAt,
    updated_at: row.updatedAt,
  };
  const decision = decideAccess(app.services.config.access, actor, { platform, workspaceId: row.workspaceId, channelId: 'dashboard', kind: 'direct' }, person, now);
  if (decision.allowed) return decision.role;
  return decision.reason === 'guest_expired' ? 'guest_ended' : 'none';
}

/**
 * Everyone the forum knows: stored people, web accounts without a people row, people who only took
 * part (asked, replied, voted: the usage record), and the configured moderators.
 */
export async function peopleEntries(app: App, now: Date): Promise<PersonEntry[]> {
  const { db } = app.services.store;
  const [rows, accounts, active] = await Promise.all([listPeople(db), listWebAccounts(db), listActivePeople(db)]);
  const key = (p: { platform: string; workspaceId: string; userId: string }): string => `${p.platform}\u0000${p.workspaceId}\u0000${p.userId}`;
  const known = new Set(rows.map(key));
  const all: PersonRow[] = [...rows];
  for (const account of accounts) {
    if (account.disabled_at) continue;
    const person = webPersonKey(account);
    if (known.has(key(person))) continue;
    known.add(key(person));
    all.push({ ...person, displayName: account.display_name, role: null, guestExpiresAt: null, mayPropose: false, lang: null, updatedAt: account.created_at });
  }
  // A person is one per platform and id (their home workspace may be named differently elsewhere).
  const seen = new Set(all.map((p) => `${p.platform}\u0000${p.userId}`));
  for (const person of active) {
    if (seen.has(`${person.platform}\u0000${person.userId}`)) continue;
    seen.add(`${person.platform}\u0000${person.userId}`);
    all.push({ ...person, displayName: null, role: null, guestExpiresAt: null, mayPropose: false, lang: null, updatedAt: person.lastActiveAt });
  }
  const entries: PersonEntry[] = all.map((row) => {
    const role = effectiveRole(app, row, now);
    return {
      platform: row.platform,
      workspaceId: row.workspaceId,
      userId: row.userId,
      name: row.displayName ?? row.userId,
      role,
      accessUntil: row.role === 'guest' && row.guestExpiresAt ? row.guestExpiresAt.toISOString() : null,
      fromConfig: false,
      canExpire: role === 'guest' && row.role === 'guest',
    };
  });
  for (const moderator of app.services.config.access.moderators) {
    if (entries.some((e) => e.platform === moderator.platform && e.userId === moderator.id)) {
      for (const e of entries) if (e.platform === moderator.platform && e.userId === moderator.id) e.fromConfig = true;
      continue;
    }
    entries.push({ platform: moderator.platform, workspaceId: '', userId: moderator.id, name: moderator.id, role: 'moderator', accessUntil: null, fromConfig: true, canExpire: false });
  }
  const order: Record<EffectiveRole, number> = { moderator: 0, guest: 1, member: 2, guest_ended: 3, none: 4 };
  return entries.sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name) || a.platform.localeCompare(b.platform));
}

export type EndAccess = { outcome: 'ended'; name: string } | { outcome: 'not_guest'; name: string };

/** Ends a guest's access now, as `revoke` does: the expiry set to now, with its `role.end` audit row. */
export async function endGuestAccess(db: Kysely<Database>, key: PersonKey, by: string, now: Date): Promise<EndAccess> {
  const person = await findPerson(db, key);
  const name = person?.display_name ?? key.userId;
  if (person?.role !== 'guest' || (person.guest_expires_at && person.guest_expires_at.getTime() <= now.getTime())) return { outcome: 'not_guest', name };
  await grantRole(db, { key, role: 'guest', guestExpiresAt: now, by, now, action: 'role.end' });
  return { outcome: 'ended', name };
}

/** Where the page is reached from, for sign-in links: WEB_PUBLIC_URL, else the request's own origin. */
function publicBase(app: App, req: Request): string {
  return app.services.config.web.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

const personBody = z.object({
  platform: z.enum(['slack', 'teams', 'web']),
  workspaceId: z.string().min(1).max(200),
  userId: z.string().min(1).max(200),
});
const decisionBody = z.object({ eventId: eventIdField });
const inviteBody = z.object({
  login: z.string().trim().min(1).max(64),
  displayName: z.string().trim().min(1).max(200),
  kind: z.enum(['member', 'guest']),
  guestDays: z.number().int().min(1).max(GUEST_MAX_DAYS).optional(),
  moderator: z.boolean().optional(),
});

export function peopleRoutes(app: App): express.Router {
  const router = express.Router();
  const { db } = app.services.store;

  router.get('/', async (_req, res) => {
    const now = app.services.now();
    const [people, requests] = await Promise.all([peopleEntries(app, now), pendingGuestRequests(db)]);
    const { actor, lang } = dashboardLocals(res);
    // People without a name (the web chat at the server's own machine: a browser's id) are named for
    // the reader: "you, on this computer", or someone else there; requesters by name too.
    const nameless = people.filter((p) => p.name === p.userId);
    const labels = await personLabels(db, [...nameless.map((p) => personRef(p)), ...requests.map((r) => r.requested_by)], lang, actor);
    for (const person of nameless) {
      const label = labels.get(personRef(person));
      if (label && label !== personRef(person)) person.name = label;
    }
    res.json({
      people,
      requests: requests.map((r) => ({
        id: r.id,
        platform: r.platform,
        workspaceId: r.workspace_id,
        userId: r.user_id,
        name: r.display_name ?? r.user_id,
        days: r.days,
        requestedBy: labels.get(r.requested_by) ?? r.requested_by,
        requestedAt: r.requested_at.toISOString(),
      })),
    });
  });

  for (const [path, actionId] of [
    ['approve', ACTIONS.guestApprove],
    ['decline', ACTIONS.guestDecline],
  ] as const) {
    router.post(`/requests/:id/${path}`, async (req, res) => {
      const id = readId(req, res);
      const body = id && readBody(req, res, decisionBody);
      if (!id || !body) return;
      res.json(await dispatchAction(app, res, actionId, id, body.eventId));
    });
  }

  router.post('/expire', async (req, res) => {
    const body = readBody(req, res, personBody);
    if (!body) return;
    const { lang } = dashboardLocals(res);
    const ended = await endGuestAccess(db, body, actorRef(res), app.services.now());
    if (ended.outcome === 'not_guest') return refuse(res, 409, 'notAGuest', { name: ended.name });
    res.json({ outcome: 'ended', replies: [dashboardText(lang, 'expired', { name: ended.name })] });
  });

  router.post('/invite', async (req, res) => {
    const body = readBody(req, res, inviteBody);
    if (!body) return;
    const now = app.services.now();
    const by = personRef(dashboardLocals(res).actor);
    try {
      const account = await createWebAccount(db, {
        login: body.login,
        displayName: body.displayName,
        kind: body.kind,
        ...(body.kind === 'guest' && body.guestDays !== undefined ? { guestDays: body.guestDays } : {}),
        ...(body.kind === 'member' && body.moderator ? { moderator: true } : {}),
        by,
        now,
      });
      const token = await issueSignInLink(db, account.login, now);
      res.json({ login: account.login, name: account.display_name, kind: account.kind, link: `${publicBase(app, req)}/web/signin/${token}` });
    } catch (error) {
      if (!isForumError(error)) throw error;
      if (error.code === 'conflict') return refuse(res, 409, 'loginTaken');
      if (error.code === 'bad_request') return refuse(res, 400, 'inviteFailed', { reason: error.message });
      throw error;
    }
  });

  return router;
}
