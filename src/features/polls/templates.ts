/**
 * Ready-made polls, posted with one command (`poll template <name>`), in the creator's language:
 * the post-webinar satisfaction survey is three short polls (overall rating, usefulness, interest
 * in another session), so answering takes three clicks.
 */
import { messages, type Lang } from '../../i18n/index.ts';
import type { PollRequest } from './handle-polls.ts';

export const POLL_TEMPLATE_NAMES = ['webinar'] as const;
export type PollTemplateName = (typeof POLL_TEMPLATE_NAMES)[number];

export function isPollTemplate(name: string): name is PollTemplateName {
  return (POLL_TEMPLATE_NAMES as readonly string[]).includes(name);
}

/** The polls of a template, in a language. */
export function templatePolls(name: PollTemplateName, lang: Lang, options: { closesAt?: Date | undefined; discussion: boolean }): PollRequest[] {
  const t = messages(lang).polls.webinar;
  const base = { anonymous: true, multi: false, closesAt: options.closesAt, discussion: options.discussion };
  switch (name) {
    case 'webinar':
      return [
        { ...base, question: t.satisfaction, options: [], rating: true },
        { ...base, question: t.useful, options: [...t.usefulOptions], rating: false },
        { ...base, question: t.again, options: [...t.againOptions], rating: false },
      ];
    default: {
      const unreachable: never = name;
      return unreachable;
    }
  }
}
