/**
 * The first moderator, for a newcomer trying the bot: while the forum has no moderator (none in
 * MODERATORS, none in the store), the person using the web chat on the server's own machine
 * (local access: whoever can reach it could also open the data folder) is offered the role under
 * `help`, and takes it with one click. Audited as every role change; anyone else, or a click once
 * the forum has a moderator, is refused.
 */
import { ACTIONS } from '../../core/actions.ts';
import { textCard, type Block, type Card } from '../../core/card.ts';
import type { HandlerContext } from '../../core/context.ts';
import { messages } from '../../i18n/index.ts';
import { grantRole, personRef } from '../../store/people.ts';

/** Whether the person may become the forum's first moderator (see above). */
export async function mayClaimModerator(ctx: HandlerContext): Promise<boolean> {
  if (ctx.event.actor.local !== true || ctx.role === 'moderator' || ctx.services.config.access.moderators.length > 0) return false;
  const stored = await ctx.services.store.db.selectFrom('people').select('user_id').where('role', '=', 'moderator').limit(1).executeTakeFirst();
  return stored === undefined;
}

/** The help card with the offer, before its small print, when the person may take the role. */
export async function withModeratorOffer(ctx: HandlerContext, card: Card): Promise<Card> {
  if (!(await mayClaimModerator(ctx))) return card;
  const m = messages(ctx.lang).membership;
  const offer: Block[] = [
    { type: 'text', text: m.claimOffer },
    { type: 'actions', buttons: [{ actionId: ACTIONS.moderatorClaim, label: m.claimButton, value: '', style: 'primary' }] },
  ];
  const last = card.blocks.at(-1);
  const blocks = last?.type === 'context' ? [...card.blocks.slice(0, -1), ...offer, last] : [...card.blocks, ...offer];
  return { ...card, blocks };
}

export async function handleModeratorClaim(ctx: HandlerContext): Promise<void> {
  const m = messages(ctx.lang).membership;
  if (!(await mayClaimModerator(ctx))) {
    ctx.log.info({ local: ctx.event.actor.local === true, role: ctx.role }, 'moderator claim refused');
    await ctx.replyPrivately(textCard(m.claimRefused, ctx.lang));
    return;
  }
  const now = ctx.services.now();
  await grantRole(ctx.services.store.db, { key: ctx.person, role: 'moderator', guestExpiresAt: null, by: personRef(ctx.person), now });
  ctx.log.info({ person: personRef(ctx.person) }, 'first moderator: the local web chat person took the role');
  await ctx.replyPrivately(textCard(m.claimDone, ctx.lang));
}
