/**
 * The person's home in the bot (Slack's App Home): their language with the picker, and help. Built
 * here from the store, so adapters only render it.
 */
import { decideAccess } from '../../core/access.ts';
import type { Card } from '../../core/card.ts';
import { textCard } from '../../core/card.ts';
import type { Services } from '../../core/context.ts';
import type { Actor } from '../../core/events.ts';
import { resolveLang } from '../../core/language.ts';
import { messages, type Lang } from '../../i18n/index.ts';
import type { Role } from '../../store/index.ts';
import { findPerson } from '../../store/people.ts';
import { helpToCard } from '../help/help-card.ts';
import { langPickerToCard } from '../preferences/lang-card.ts';

export function homeToCard(lang: Lang, role: Role): Card {
  const m = messages(lang);
  const picker = langPickerToCard(lang).blocks.filter((b) => b.type === 'actions');
  // Help without its own language button: the picker is right above.
  const help = helpToCard(lang, role).blocks.filter((b) => b.type !== 'actions');
  return {
    lang,
    blocks: [
      { type: 'header', text: m.home.title },
      { type: 'text', text: m.home.languageIs({ language: m.languageName }) },
      ...picker,
      { type: 'divider' },
      ...help,
      { type: 'context', text: m.home.repliesGoToMessages },
    ],
  };
}

/** The home of one person, in their language, or a refusal when the forum does not admit them. */
export async function renderHome(services: Services, actor: Actor): Promise<Card> {
  const { config, store } = services;
  const person = await findPerson(store.db, { platform: actor.platform, workspaceId: actor.workspaceId, userId: actor.userId });
  const lang = resolveLang({ stored: person?.lang, locale: actor.locale, fallback: config.defaultLang });
  const conversation = { platform: actor.platform, workspaceId: actor.workspaceId, channelId: 'home', kind: 'direct' as const };
  const decision = decideAccess(config.access, actor, conversation, person, services.now());
  if (!decision.allowed) return textCard(messages(lang).access.refused, lang);
  return homeToCard(lang, decision.role);
}
