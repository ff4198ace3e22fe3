/** The language to use with a person outside an event's handling (page chrome, proactive posts). */
import type { Services } from '../../core/context.ts';
import type { Actor } from '../../core/events.ts';
import { resolveLang } from '../../core/language.ts';
import type { Lang } from '../../i18n/index.ts';
import { findPerson } from '../../store/people.ts';

export async function preferredLang(services: Services, actor: Actor): Promise<Lang> {
  const person = await findPerson(services.store.db, {
    platform: actor.platform,
    workspaceId: actor.workspaceId,
    userId: actor.userId,
  });
  return resolveLang({ stored: person?.lang, locale: actor.locale, fallback: services.config.defaultLang });
}
