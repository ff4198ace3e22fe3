/**
 * The Microsoft Teams adapter: botbuilder's CloudAdapter behind `POST /api/messages`. With an app id
 * the SDK verifies every request's token; without, local development mode: no tokens either way,
 * and only this machine may call. Each turn is handled while Teams waits (it allows 15 seconds);
 * an Action.Execute click is answered with the refreshed card or a short message, a message action
 * ("Report to moderators") with the message shown to its sender.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext, type Activity, type ChannelAccount, type ConversationReference } from 'botbuilder';
import express from 'express';
import type { Config } from '../../src/config.ts';
import type { MessageRef } from '../../src/core/adapter.ts';
import type { Card } from '../../src/core/card.ts';
import type { Conversation, InboundEvent } from '../../src/core/events.ts';
import type { Logger } from '../../src/log.ts';
import type { App } from '../../src/main.ts';
import { activeConversations, saveConversation, setConversationActive } from '../../src/store/conversations.ts';
import { conversationOf, invokeToEvent, kindOf, membersAddedToEvents, messageToEvents, tenantOf } from './inbound.ts';
import { SUBMIT_ACTION_INVOKE, submitActionToEvent } from './message-actions.ts';
import { quietResponse } from './quiet-response.ts';
import { TEAMS_MESSAGES_PATH } from './paths.ts';
import { activityShaped } from './activity-shape.ts';
import { createTeamsProactive, type StoredReference, type TeamsPerson } from './proactive.ts';
import { isConfiguredModerator, workspaceAllowed } from '../../src/core/access.ts';
import { findPerson } from '../../src/store/people.ts';
import { teamsCall } from './errors.ts';
import { FILE_CONSENT_INVOKE, PendingFiles, actorOf, answerFileConsent } from './files.ts';
import { TeamsDelivery, invokeResponseOf, messageActivity, type InvokeState } from './send.ts';
import { cardToAdaptiveCards } from './render.ts';
import { textCard } from '../../src/core/card.ts';
import { resolveLang } from '../../src/core/language.ts';

/** Largest activity accepted (Teams' own messages stay far below). */
const BODY_LIMIT = '512kb';
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** The invoke of an Action.Execute click. */
const CARD_ACTION_INVOKE = 'adaptiveCard/action';

export interface TeamsConnection {
  router: express.Router;
  devMode: boolean;
  /** Posts to a conversation the bot was installed in (its stored reference); with `threadId`, in that channel thread. */
  postProactive(conversation: Conversation, card: Card): Promise<MessageRef>;
  /**
   * Deletes one of the bot's posts (a reply in a channel thread when `conversation.threadId` is set).
   * ForumError `forbidden` when Teams refuses, `not_found` when the message or the conversation is unknown.
   */
  deleteMessage(conversation: Conversation, messageId: string): Promise<void>;
  /**
   * Replaces one of the bot's posts in place (`updateActivity` with the stored reference; in a
   * channel thread when `conversation.threadId` is set), the card as its single Adaptive Card (a card
   * larger than one message: its first). ForumError `not_found` (404, or never installed), `forbidden` (403).
   */
  updateMessage(conversation: Conversation, messageId: string, card: Card): Promise<void>;
  /**
   * The people in a conversation (`pagedmembers`, every page): Entra object ids, else Teams ids;
   * the bot and members marked as bots left out. ForumError `not_found` (404, or never installed), `forbidden` (403).
   */
  listMembers(conversation: Conversation): Promise<string[]>;
  /** One person of a conversation's roster: the id the bot knows them by, tenant, name; undefined when not in it. */
  findMember(conversation: Conversation, userId: string): Promise<TeamsPerson | undefined>;
}

function teamOf(activity: Partial<Activity>): string | undefined {
  return (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
}

export function connectTeams(app: App, teams: Config['teams'], baseLog: Logger): TeamsConnection {
  const log = baseLog.child({ adapter: 'teams' });
  const devMode = !teams.appId;
  const appId = teams.appId ?? '';
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: teams.appPassword ?? '',
    MicrosoftAppType: teams.appType,
    MicrosoftAppTenantId: teams.tenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, activityType: context.activity.type }, 'Teams turn failed');
    return Promise.resolve();
  };
  const { dispatcher, services } = app;
  /** Files waiting for their person's consent (`files.ts`): in the store, an hour at most. */
  const files = new PendingFiles(services.store.db, services.now);

  /**
   * Whether the bot may keep this conversation's reference: a tenant the forum serves, or a guest's
   * own personal chat. An outsider's install is not kept: it would hold their ids, and they could
   * never ask for them to go (everything they ask is refused).
   */
  async function mayRemember(activity: Partial<Activity>): Promise<boolean> {
    const tenant = tenantOf(activity);
    if (workspaceAllowed(services.config.access, 'teams', tenant)) return true;
    if (kindOf(activity) !== 'direct') return false;
    const userId = activity.from?.aadObjectId ?? activity.from?.id ?? '';
    const person = await findPerson(services.store.db, { platform: 'teams', workspaceId: tenant, userId });
    return person?.role === 'guest' || person?.role === 'moderator' || isConfiguredModerator(services.config.access, { platform: 'teams', workspaceId: tenant, userId });
  }

  async function remember(activity: Partial<Activity>): Promise<void> {
    if (!(await mayRemember(activity))) {
      log.info({ kind: kindOf(activity) }, 'Teams install in a tenant the forum does not serve: not remembered');
      return;
    }
    // Without the activity id: a later post starts a new message instead of replying to this event.
    const reference: Partial<ConversationReference> = { ...TurnContext.getConversationReference(activity) };
    delete reference.activityId;
    const conversation = conversationOf(activity);
    // A team's or a group chat's reference does not need the person who happened to add the bot.
    if (conversation.kind !== 'direct') delete reference.user;
    const stored: StoredReference = { ...reference, ...(teamOf(activity) ? { teamId: teamOf(activity) } : {}) };
    await saveConversation(
      services.store.db,
      { platform: 'teams', conversationId: conversation.channelId, workspaceId: tenantOf(activity), kind: kindOf(activity), reference: stored },
      services.now(),
    );
  }

  /** The bot left: this conversation, and for a team every channel of that team, take no more posts. */
  async function forget(activity: Partial<Activity>): Promise<void> {
    const { db } = services.store;
    await setConversationActive(db, 'teams', conversationOf(activity).channelId, false, services.now());
    const team = teamOf(activity);
    if (!team) return;
    for (const row of await activeConversations(db, 'teams')) {
      if ((JSON.parse(row.reference) as StoredReference).teamId === team) await setConversationActive(db, 'teams', row.conversation_id, false, services.now());
    }
  }

  async function dispatch(context: TurnContext, event: InboundEvent | undefined, invoke?: InvokeState, people?: Map<string, ChannelAccount>): Promise<void> {
    if (!event) {
      log.warn({ activityType: context.activity.type }, 'Teams activity without the expected fields ignored');
      return;
    }
    await dispatcher.handle(event, new TeamsDelivery(context, log, { appId, files, ...(invoke ? { invoke } : {}), ...(people ? { people } : {}) }));
  }

  /** A file consent answered: the file uploaded and shown, or a sentence in the person's language. */
  async function answerConsent(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const person = await findPerson(services.store.db, { platform: 'teams', workspaceId: tenantOf(activity), userId: actorOf(activity) });
    const lang = resolveLang({ stored: person?.lang, ...(activity.locale ? { locale: activity.locale } : {}), fallback: services.config.defaultLang });
    await answerFileConsent(activity, {
      files,
      lang,
      send: (reply) => teamsCall(log, 'file', () => context.sendActivity(reply)),
      say: async (text) => {
        for (const message of cardToAdaptiveCards(textCard(text, lang))) await teamsCall(log, 'send', () => context.sendActivity(messageActivity(message)));
      },
      warn: (error, fileId) => log.warn({ err: error, fileId }, 'Teams file upload failed'),
    });
  }

  /** An invoke Teams waits on: handled, then answered with what the feature said (an empty 200 for others). */
  async function answerInvoke(context: TurnContext, now: Date): Promise<void> {
    const activity = context.activity;
    if (activity.name === FILE_CONSENT_INVOKE) {
      // Answered 200 whatever happened: the person was told, or the failure is logged.
      await answerConsent(context).catch((error: unknown) => log.error({ err: error }, 'Teams file consent failed'));
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200 } });
      return;
    }
    let invoke: InvokeState | undefined;
    let event: InboundEvent | undefined;
    if (activity.name === CARD_ACTION_INVOKE) {
      invoke = { kind: 'cardAction', replyToId: activity.replyToId };
      event = invokeToEvent(activity, now);
    } else if (activity.name === SUBMIT_ACTION_INVOKE) {
      invoke = { kind: 'messageAction' };
      event = submitActionToEvent(activity, now);
    }
    if (invoke) await dispatch(context, event, invoke);
    await context.sendActivity({ type: 'invokeResponse', value: invoke ? invokeResponseOf(invoke) : { status: 200 } });
  }

  async function turn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const now = services.now();
    switch (activity.type) {
      case 'message': {
        const events = messageToEvents(activity, now);
        // With resource-specific consent every channel message arrives; most are not for the bot.
        if (events.length === 0) log.debug({ activityType: activity.type }, 'Teams message not for the bot');
        for (const event of events) await dispatch(context, event);
        return;
      }
      case 'invoke':
        await answerInvoke(context, now);
        return;
      case 'conversationUpdate': {
        const botId = activity.recipient.id;
        if (activity.membersRemoved?.some((m) => m.id === botId)) await forget(activity);
        if (activity.membersAdded?.some((m) => m.id === botId)) await remember(activity);
        const people = new Map((activity.membersAdded ?? []).map((m) => [m.aadObjectId ?? m.id, m] as const));
        for (const event of membersAddedToEvents(activity, now)) await dispatch(context, event, undefined, people);
        return;
      }
      case 'installationUpdate':
        if (String(activity.action).startsWith('remove')) await forget(activity);
        else await remember(activity);
        return;
      default:
        return;
    }
  }

  const router = express.Router();
  router.post(
    TEAMS_MESSAGES_PATH,
    (req, res, next) => {
      if (devMode && !LOOPBACK.has(req.socket.remoteAddress ?? '')) {
        res.status(403).json({ error: 'This bot is in local development mode and accepts requests from this machine only.' });
        return;
      }
      next();
    },
    express.json({ limit: BODY_LIMIT }),
    (req, res) => {
      if (!activityShaped(req.body)) {
        res.status(400).json({ error: 'bad_request', message: 'Expected a Bot Framework activity (JSON with a "type").' });
        return;
      }
      let entered = false;
      const run = (context: TurnContext): Promise<void> => {
        entered = true;
        return turn(context);
      };
      adapter.process(req, quietResponse(res, () => entered), run).catch((error: unknown) => {
        log.error({ err: error }, 'Teams request failed');
        if (!res.headersSent) res.status(500).end();
      });
    },
  );

  // Unreadable bodies (not JSON, too large): a clear 400 or 413, never a stack trace.
  router.use(TEAMS_MESSAGES_PATH, (error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = (error as { status?: number }).status ?? 500;
    if (status >= 500) log.error({ err: error }, 'Teams request failed');
    res.status(status).json({ error: status === 413 ? 'too_large' : status < 500 ? 'bad_request' : 'internal', message: 'Expected a Bot Framework activity (JSON).' });
  });

  const proactive = createTeamsProactive({ adapter, appId, db: services.store.db, now: services.now, log });
  return { router, devMode, ...proactive };
}
