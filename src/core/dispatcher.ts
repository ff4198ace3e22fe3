/**
 * The dispatcher: every inbound event from every adapter goes through here. It drops redeliveries
 * (remembered in the store), checks access, resolves the language, routes, and turns any failure
 * into a logged error and a fixed friendly sentence in the person's language.
 */
import { cleanDeep } from './clean-text.ts';
import { formatDate, messages, type Lang } from '../i18n/index.ts';
import { claimEvent } from '../store/processed-events.ts';
import { findPerson, type Person, type PersonKey } from '../store/people.ts';
import { installedWelcomeToCard, memberWelcomeToCard } from '../features/welcome/welcome-card.ts';
import { decideAccess, type AccessDecision } from './access.ts';
import type { Adapter } from './adapter.ts';
import { textCard, type Card } from './card.ts';
import { parseCommand, type ParseResult } from './commands.ts';
import type { HandlerContext, Services } from './context.ts';
import type { InboundEvent } from './events.ts';
import { resolveLang } from './language.ts';
import { routeAction, routeCommand } from './router.ts';
import { usageToCard } from './usage-card.ts';
import { menuToCard } from '../features/forms/forms.ts';
import { handleThreadReply } from '../features/discussions/replies.ts';
import { recordPersonUsage } from '../features/usage.ts';

export type DispatchOutcome = 'handled' | 'duplicate' | 'refused' | 'failed';

export interface HandleOptions {
  /**
   * The event's de-duplication claim was taken already (the inbox took it with the row, before the
   * acknowledgement): the event is not dropped as a redelivery of itself.
   */
  claimed?: boolean;
  /**
   * Asked when handling failed: true leaves the person untold and throws the error, for the caller
   * to run the event again later (the inbox, on an attempt that is not its last).
   */
  retryLater?: (error: unknown) => boolean;
}

export interface Dispatcher {
  handle(event: InboundEvent, adapter: Adapter, options?: HandleOptions): Promise<DispatchOutcome>;
}

function personKeyOf(event: InboundEvent): PersonKey {
  return { platform: event.actor.platform, workspaceId: event.actor.workspaceId, userId: event.actor.userId };
}

/** Text typed by the person, parsed once: a command, a usage error, or a question. */
function parseText(event: InboundEvent): ParseResult | undefined {
  switch (event.type) {
    case 'message':
    case 'mention':
      return parseCommand(event.text);
    case 'command':
      return parseCommand(event.text) ?? { ok: true, command: { kind: 'ask', question: event.text.trim() } };
    default:
      return undefined;
  }
}

function refusalCard(decision: Exclude<AccessDecision, { allowed: true }>, lang: Lang): Card {
  const m = messages(lang).access;
  switch (decision.reason) {
    case 'workspace':
      return textCard(m.refused, lang);
    case 'channel':
      return textCard(m.channelNotAllowed, lang);
    case 'guest_expired':
      return textCard(m.guestExpired({ date: formatDate(decision.expiredAt, lang) }), lang);
    default: {
      const unreachable: never = decision;
      return unreachable;
    }
  }
}

function makeContext(
  services: Services,
  event: InboundEvent,
  adapter: Adapter,
  role: HandlerContext['role'],
  lang: Lang,
): HandlerContext {
  const log = services.log.child({ eventId: event.id, platform: event.platform });
  return {
    services,
    event,
    adapter,
    person: personKeyOf(event),
    role,
    lang,
    log,
    reply: (card) => adapter.reply(event, card),
    replyPrivately: async (card) => {
      if (adapter.replyPrivately) await adapter.replyPrivately(event, card);
      else await adapter.reply(event, card);
    },
  };
}

async function route(ctx: HandlerContext, parsed: ParseResult | undefined): Promise<void> {
  const { event } = ctx;
  switch (event.type) {
    case 'message':
    case 'mention':
    case 'command':
      // The bare slash command: what the person can do, with the forms where the platform has them.
      if (event.type === 'command' && event.text.trim() === '') return ctx.replyPrivately(menuToCard(ctx.lang));
      if (!parsed) return routeCommand(ctx, { kind: 'ask', question: event.text.trim() });
      if (!parsed.ok) return ctx.replyPrivately(usageToCard(parsed.error, ctx.lang));
      return routeCommand(ctx, parsed.command);
    case 'action':
      return routeAction(ctx, event);
    case 'member_joined':
      await recordPersonUsage(ctx, ['member_joined']);
      return ctx.replyPrivately(memberWelcomeToCard(ctx.lang, event.actor.displayName ?? '', ctx.services.config.rulesUrl));
    case 'installed':
      await ctx.reply(installedWelcomeToCard(ctx.lang, ctx.services.config.rulesUrl));
      return;
    case 'thread_reply':
      return handleThreadReply(ctx, event);
    default: {
      const unreachable: never = event;
      throw new Error(`unrouted event ${JSON.stringify(unreachable)}`);
    }
  }
}

export function createDispatcher(services: Services): Dispatcher {
  const { store, config } = services;
  const baseLog = services.log.child({ component: 'dispatcher' });

  async function handle(received: InboundEvent, adapter: Adapter, options: HandleOptions = {}): Promise<DispatchOutcome> {
    // No NUL or lone surrogate gets further (they would make a write fail).
    const event = cleanDeep(received);
    let lang: Lang = config.defaultLang;
    try {
      if (options.claimed !== true && !(await claimEvent(store.db, `${event.platform}:${event.id}`, services.now()))) {
        baseLog.info({ eventId: event.id, platform: event.platform }, 'redelivered event ignored');
        return 'duplicate';
      }
      const person: Person | undefined = await findPerson(store.db, personKeyOf(event));
      const parsed = parseText(event);
      // A question's language can be told from its words: typed as is, after `ask`, or after `/forum`.
      const asked = parsed?.ok && parsed.command.kind === 'ask' ? parsed.command.question : undefined;
      const question = parsed === undefined && 'text' in event ? event.text : asked;
      lang = resolveLang({ stored: person?.lang, text: question, locale: event.actor.locale, fallback: config.defaultLang });
      const decision = decideAccess(config.access, event.actor, event.conversation, person, services.now());
      if (!decision.allowed) {
        baseLog.info({ eventId: event.id, platform: event.platform, reason: decision.reason }, 'access refused');
        // A join or an install by an outsider gets no answer; a request gets a private refusal.
        if (event.type !== 'member_joined' && event.type !== 'installed' && event.type !== 'thread_reply') {
          const ctx = makeContext(services, event, adapter, 'guest', lang);
          await ctx.replyPrivately(refusalCard(decision, lang));
        }
        return 'refused';
      }
      await route(makeContext(services, event, adapter, decision.role, lang), parsed);
      return 'handled';
    } catch (error) {
      if (options.retryLater?.(error) === true) {
        baseLog.warn({ err: error, eventId: event.id, platform: event.platform, type: event.type }, 'event failed; it will be tried again');
        throw error;
      }
      baseLog.error({ err: error, eventId: event.id, platform: event.platform, type: event.type }, 'event failed');
      // A thread reply asked nothing of the bot: a failure to record it is not the person's business.
      if (event.type === 'thread_reply') return 'failed';
      try {
        await makeContext(services, event, adapter, 'guest', lang).replyPrivately(
          textCard(messages(lang).errors.generic, lang),
        );
      } catch (replyError) {
        baseLog.error({ err: replyError, eventId: event.id }, 'could not tell the person about the failure');
      }
      return 'failed';
    }
  }

  return { handle };
}
