/**
 * Guests: a moderator invites someone from outside the member states (`invite @person [--days n]
 * [--propose]`), ends a guest's access (`revoke @person`) and sees the guests (`guests`); a member
 * asks for a guest and a moderator approves or declines with a button. Every change of role is in
 * the audit log, written with the change.
 */
import { personLabel } from './person-labels.ts';
import { ACTIONS } from '../../core/actions.ts';
import { isConfiguredModerator, workspaceAllowed } from '../../core/access.ts';
import { textCard, type Block, type Card } from '../../core/card.ts';
import { INVITE_DEFAULT_DAYS } from '../../core/commands.ts';
import type { HandlerContext } from '../../core/context.ts';
import type { KnownPerson } from '../../core/messenger.ts';
import { formatDate, messages, type Lang } from '../../i18n/index.ts';
import { createGuestRequest, decideGuestRequest, pendingGuestRequests, type GuestRequest } from '../../store/guest-requests.ts';
import { findPerson, grantRole, listGuests, personRef } from '../../store/people.ts';
import { tellModerators, tellPerson } from '../discussions/publish.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The person a mention names, or undefined after telling the moderator why not (unknown, a member, a moderator). */
async function invitable(ctx: HandlerContext, userId: string): Promise<KnownPerson | undefined> {
  const m = messages(ctx.lang).membership;
  const known = await ctx.services.messenger.whois(ctx.event.conversation, userId);
  if (!known) {
    await ctx.replyPrivately(textCard(m.notFound({ user: userId }), ctx.lang));
    return undefined;
  }
  const { access } = ctx.services.config;
  const stored = await findPerson(ctx.services.store.db, known);
  if (isConfiguredModerator(access, known) || stored?.role === 'moderator') {
    await ctx.replyPrivately(textCard(m.alreadyModerator({ name: known.displayName }), ctx.lang));
    return undefined;
  }
  if (workspaceAllowed(access, known.platform, known.workspaceId)) {
    await ctx.replyPrivately(textCard(m.alreadyMember({ name: known.displayName }), ctx.lang));
    return undefined;
  }
  return known;
}

/** The guest's welcome, privately where their platform lets the bot write first. */
async function welcomeGuest(ctx: HandlerContext, guest: { platform: string; userId: string }, expiresAt: Date): Promise<void> {
  await tellPerson(ctx.services, personRef(guest), (lang) => textCard(messages(lang).membership.welcomeGuest({ date: formatDate(expiresAt, lang) }), lang));
}

export async function handleInvite(ctx: HandlerContext, command: { user: string; days?: number; mayPropose: boolean }): Promise<void> {
  const m = messages(ctx.lang).membership;
  if (ctx.role === 'guest') {
    await ctx.replyPrivately(textCard(m.guestsCannotInvite, ctx.lang));
    return;
  }
  const guest = await invitable(ctx, command.user);
  if (!guest) return;
  const days = command.days ?? INVITE_DEFAULT_DAYS;
  const now = ctx.services.now();
  const by = personRef(ctx.person);
  if (ctx.role !== 'moderator') {
    const request = await createGuestRequest(ctx.services.store.db, { guest, displayName: guest.displayName, days, requestedBy: by, now });
    ctx.log.info({ request: request.id }, 'guest requested');
    await ctx.replyPrivately(textCard(m.requestSent({ name: guest.displayName, days }), ctx.lang));
    const named = ctx.event.actor.displayName;
    await tellModerators(ctx.services, async (lang, moderator) => requestToCard(request, named ?? (await personLabel(ctx.services.store.db, by, lang, moderator)), lang));
    return;
  }
  const expiresAt = new Date(now.getTime() + days * DAY_MS);
  await grantRole(ctx.services.store.db, { key: guest, role: 'guest', guestExpiresAt: expiresAt, mayPropose: command.mayPropose, displayName: guest.displayName, by, now });
  ctx.log.info({ guest: personRef(guest), days }, 'guest invited');
  await ctx.replyPrivately(textCard(m.invited({ name: guest.displayName, date: formatDate(expiresAt, ctx.lang), mayPropose: command.mayPropose }), ctx.lang));
  await welcomeGuest(ctx, guest, expiresAt);
}

/** A member's request, as the moderators see it: who asks, for whom, how long, and the buttons. */
function requestToCard(request: GuestRequest, requester: string, lang: Lang): Card {
  const m = messages(lang).membership;
  const name = request.display_name ?? request.user_id;
  return {
    lang,
    blocks: [
      { type: 'text', text: m.newRequest({ id: request.id, requester, name, days: request.days }) },
      {
        type: 'actions',
        buttons: [
          { actionId: ACTIONS.guestApprove, label: m.approve, value: String(request.id), style: 'primary' },
          { actionId: ACTIONS.guestDecline, label: m.decline, value: String(request.id), style: 'danger' },
        ],
      },
    ],
  };
}

/** A moderator's click on Approve or Decline: decided once, the member told, the guest welcomed. */
export async function handleGuestDecision(ctx: HandlerContext, value: string, approve: boolean): Promise<void> {
  const m = messages(ctx.lang).membership;
  if (ctx.role !== 'moderator') {
    await ctx.replyPrivately(textCard(m.onlyModeratorsDecide, ctx.lang));
    return;
  }
  const id = /^\d{1,9}$/.test(value) ? Number(value) : 0;
  const decision = await decideGuestRequest(ctx.services.store.db, { id, approve, by: personRef(ctx.person), now: ctx.services.now() });
  if (decision.outcome === 'unknown') {
    await ctx.replyPrivately(textCard(m.requestUnknown, ctx.lang));
    return;
  }
  if (decision.outcome === 'already') {
    await ctx.replyPrivately(textCard(m.alreadyDecided({ approved: decision.request.status === 'approved' }), ctx.lang));
    return;
  }
  const { request, expiresAt } = decision;
  const name = request.display_name ?? request.user_id;
  ctx.log.info({ request: request.id, approve }, 'guest request decided');
  if (expiresAt) {
    await ctx.replyPrivately(textCard(m.approved({ name, date: formatDate(expiresAt, ctx.lang) }), ctx.lang));
    await tellPerson(ctx.services, request.requested_by, (lang) => textCard(messages(lang).membership.requestApproved({ name, date: formatDate(expiresAt, lang) }), lang));
    await welcomeGuest(ctx, { platform: request.platform, userId: request.user_id }, expiresAt);
  } else {
    await ctx.replyPrivately(textCard(m.declined({ name }), ctx.lang));
    await tellPerson(ctx.services, request.requested_by, (lang) => textCard(messages(lang).membership.requestDeclined({ name }), lang));
  }
}

/** `revoke @person`: a guest's access ends now (they are told so, with the date, if they come back). */
export async function handleRevoke(ctx: HandlerContext, userId: string): Promise<void> {
  const m = messages(ctx.lang).membership;
  const known = await ctx.services.messenger.whois(ctx.event.conversation, userId);
  if (!known) {
    await ctx.replyPrivately(textCard(m.notFound({ user: userId }), ctx.lang));
    return;
  }
  const person = await findPerson(ctx.services.store.db, known);
  if (person?.role !== 'guest') {
    await ctx.replyPrivately(textCard(m.notAGuest({ name: known.displayName }), ctx.lang));
    return;
  }
  const now = ctx.services.now();
  await grantRole(ctx.services.store.db, { key: known, role: 'guest', guestExpiresAt: now, by: personRef(ctx.person), now, action: 'role.end' });
  ctx.log.info({ guest: personRef(known) }, 'guest access ended');
  await ctx.replyPrivately(textCard(m.revoked({ name: known.displayName }), ctx.lang));
}

/** `guests`: those whose access runs, those whose access ended, and the requests waiting (with their buttons). */
export async function handleGuests(ctx: HandlerContext): Promise<void> {
  const m = messages(ctx.lang).membership;
  const now = ctx.services.now();
  const [guests, pending] = await Promise.all([listGuests(ctx.services.store.db), pendingGuestRequests(ctx.services.store.db)]);
  const blocks: Block[] = [{ type: 'header', text: m.guestsTitle }];
  if (guests.length === 0) blocks.push({ type: 'text', text: m.noGuests });
  else {
    const items = guests.map((g) => {
      const name = g.display_name ?? g.user_id;
      const ends = g.guest_expires_at;
      if (ends && ends.getTime() <= now.getTime()) return m.guestEnded({ name, date: formatDate(ends, ctx.lang) });
      return m.guestActive({ name, date: ends ? formatDate(ends, ctx.lang) : '—', mayPropose: g.may_propose });
    });
    blocks.push({ type: 'list', items });
  }
  if (pending.length > 0) {
    blocks.push({ type: 'text', text: m.pendingTitle });
    for (const request of pending) blocks.push(...requestToCard(request, request.requested_by, ctx.lang).blocks);
  }
  await ctx.replyPrivately({ lang: ctx.lang, blocks });
}
