/** `lang <code>`: stores the person's language; with no code, offers the six as buttons. */
import type { HandlerContext } from '../../core/context.ts';
import type { Lang } from '../../i18n/index.ts';
import { setPersonLang } from '../../store/people.ts';
import { langPickerToCard, langSetToCard } from './lang-card.ts';

export async function handleLang(ctx: HandlerContext, lang: Lang | undefined): Promise<void> {
  if (!lang) {
    await ctx.replyPrivately(langPickerToCard(ctx.lang));
    return;
  }
  await setPersonLang(ctx.services.store.db, ctx.person, lang, ctx.services.now());
  ctx.log.info({ lang }, 'language set');
  const { event, adapter } = ctx;
  // A click on the picker: where the platform can, the picker itself changes to the new language,
  // with the confirmation on top, instead of a new message.
  if (event.type === 'action' && event.messageId && adapter.updateMessage) {
    const card = { lang, blocks: [...langSetToCard(lang).blocks, ...langPickerToCard(lang).blocks] };
    await adapter.updateMessage({ platform: event.platform, conversation: event.conversation, messageId: event.messageId }, card);
    return;
  }
  await ctx.replyPrivately(langSetToCard(lang));
}
