/** Welcomes: to a person joining a forum channel, and when the bot is added to a conversation. */
import type { Card } from '../../core/card.ts';
import { messages, type Lang } from '../../i18n/index.ts';

export function memberWelcomeToCard(lang: Lang, name: string): Card {
  return { lang, blocks: [{ type: 'text', text: messages(lang).welcome.memberJoined({ name }) }] };
}

export function installedWelcomeToCard(lang: Lang): Card {
  return { lang, blocks: [{ type: 'text', text: messages(lang).welcome.installed }] };
}
