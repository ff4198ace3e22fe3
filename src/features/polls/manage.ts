/** Who may manage a poll: its creator and the moderators. */
import { textCard } from '../../core/card.ts';
import type { HandlerContext } from '../../core/context.ts';
import { messages } from '../../i18n/index.ts';
import { findPoll, type Poll } from '../../store/polls.ts';

export function actorOf(ctx: HandlerContext): string {
  return `${ctx.person.platform}:${ctx.person.userId}`;
}

/** The poll, when the person may manage it; otherwise they are told why not and get undefined. */
export async function managedPoll(ctx: HandlerContext, id: string): Promise<Poll | undefined> {
  const m = messages(ctx.lang).polls;
  const poll = await findPoll(ctx.services.store.db, id);
  if (!poll) {
    await ctx.replyPrivately(textCard(m.notFound({ id }), ctx.lang));
    return undefined;
  }
  if (poll.creator !== actorOf(ctx) && ctx.role !== 'moderator') {
    await ctx.replyPrivately(textCard(m.notYours({ id }), ctx.lang));
    return undefined;
  }
  return poll;
}
