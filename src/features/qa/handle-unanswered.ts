/** `unanswered` (moderators): the questions the knowledge base could not answer, most asked first. */
import type { Card } from '../../core/card.ts';
import type { HandlerContext } from '../../core/context.ts';
import { formatDate, messages, type Lang } from '../../i18n/index.ts';
import { listUnanswered, type UnansweredQuestion } from '../../rag/questions-repo.ts';

export const UNANSWERED_LIST_LIMIT = 20;

export function unansweredToCard(rows: UnansweredQuestion[], lang: Lang): Card {
  const m = messages(lang).ask;
  if (rows.length === 0) return { lang, blocks: [{ type: 'text', text: m.unansweredNone }] };
  return {
    lang,
    blocks: [
      { type: 'header', text: m.unansweredTitle },
      {
        type: 'list',
        ordered: true,
        items: rows.map((r) => `${r.question} ${m.unansweredTimes({ count: r.times, date: formatDate(r.lastAsked, lang) })}`),
      },
    ],
  };
}

export async function handleUnanswered(ctx: HandlerContext): Promise<void> {
  const rows = await listUnanswered(ctx.services.store.db, UNANSWERED_LIST_LIMIT);
  await ctx.replyPrivately(unansweredToCard(rows, ctx.lang));
}
