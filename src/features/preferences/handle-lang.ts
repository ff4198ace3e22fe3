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
  await ctx.replyPrivately(langSetToCard(lang));
}
