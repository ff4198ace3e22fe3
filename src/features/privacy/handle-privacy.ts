/**
 * `my-data`: a copy of everything the forum stores about the person, privately (a file where the
 * platform can send one). `forget-me`: after the person confirms with the button, everything about
 * them is deleted, leaving anonymous counts (src/store/personal-data.ts).
 */
import { ACTIONS } from '../../core/actions.ts';
import { textCard } from '../../core/card.ts';
import type { HandlerContext } from '../../core/context.ts';
import { isForumError } from '../../core/errors.ts';
import { messages } from '../../i18n/index.ts';
import { forgetPerson, personalData } from '../../store/personal-data.ts';

export const MY_DATA_FILE = 'my-data.json';

function personOf(ctx: HandlerContext): { platform: string; userId: string } {
  return { platform: ctx.person.platform, userId: ctx.person.userId };
}

export async function handleMyData(ctx: HandlerContext): Promise<void> {
  const m = messages(ctx.lang).privacy;
  const data = await personalData(ctx.services.store.db, personOf(ctx));
  const json = JSON.stringify({ person: `${ctx.person.platform}:${ctx.person.userId}`, ...data }, null, 2);
  ctx.log.info('personal data sent to its person');
  if (ctx.adapter.sendFile) {
    try {
      await ctx.adapter.sendFile(ctx.event, { name: MY_DATA_FILE, title: m.myDataTitle, mime: 'application/json', content: json });
      // With the reply (the web chat): the title, and the page's download link under it.
      await ctx.replyPrivately(
        ctx.adapter.fileDelivery === 'reply'
          ? { lang: ctx.lang, blocks: [{ type: 'header', text: m.myDataTitle }] }
          : textCard(m.myDataSent({ file: MY_DATA_FILE }), ctx.lang),
      );
      return;
    } catch (error) {
      if (!isForumError(error)) throw error;
      ctx.log.warn({ err: error }, 'my-data: the file was not sent; the data is shown instead');
    }
  }
  await ctx.replyPrivately({ lang: ctx.lang, blocks: [{ type: 'header', text: m.myDataTitle }, { type: 'code', text: json }] });
}

export async function handleForgetMe(ctx: HandlerContext): Promise<void> {
  const m = messages(ctx.lang).privacy;
  await ctx.replyPrivately({
    lang: ctx.lang,
    blocks: [
      { type: 'text', text: m.forgetAsk },
      { type: 'actions', buttons: [{ actionId: ACTIONS.forgetConfirm, label: m.forgetButton, value: '', style: 'danger' }] },
    ],
  });
}

/** The confirmation: whoever clicks is the one forgotten (a button forwarded to someone else forgets them, not its first owner). */
export async function handleForgetConfirm(ctx: HandlerContext): Promise<void> {
  const changed = await forgetPerson(ctx.services.store.db, personOf(ctx), { pollVoterKey: ctx.services.config.pollVoterKey });
  ctx.log.info({ rows: changed }, 'a person was forgotten');
  await ctx.replyPrivately(textCard(messages(ctx.lang).privacy.forgotten, ctx.lang));
}
