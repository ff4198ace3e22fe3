/** Welcomes: to a person joining a forum channel (with the forum rules), and when the bot is added to a conversation. */
import type { Card } from '../../core/card.ts';
import { messages, type Lang } from '../../i18n/index.ts';
import { rulesToCard } from '../discussions/moderation.ts';

export function memberWelcomeToCard(lang: Lang, name: string, rulesUrl?: string): Card {
  return { lang, blocks: [{ type: 'text', text: messages(lang).welcome.memberJoined({ name }) }, ...rulesToCard(lang, rulesUrl).blocks] };
}

export function installedWelcomeToCard(lang: Lang, rulesUrl?: string): Card {
  const { welcome, moderation } = messages(lang);
  return {
    lang,
    blocks: [
      { type: 'text', text: welcome.installed },
      rulesUrl ? { type: 'links', links: [{ label: moderation.rulesLink, url: rulesUrl }] } : { type: 'context', text: moderation.rulesHint },
    ],
  };
}
