/**
 * The Microsoft Teams adapter: botbuilder's CloudAdapter behind `POST /api/messages`. With an app id
 * the SDK verifies every request's token; without, local development mode: no tokens either way,
 * and only this machine may call. Each turn is handled while Teams waits (it allows 15 seconds);
 * an Action.Execute click is answered with the refreshed card or a short message.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type Activity,
  type ChannelAccount,
  type ConversationReference,
} from 'botbuilder';
import express from 'express';
import type { Config } from '../../src/config.ts';
import type { MessageRef } from '../../src/core/adapter.ts';
import type { Card } from '../../src/core/card.ts';
import { ForumError } from '../../src/core/errors.ts';
import type { Conversation, InboundEvent } from '../../src/core/events.ts';
import type { Logger } from '../../src/log.ts';
import type { App } from '../../src/main.ts';
import { activeConversations, findConversation, saveConversation, setConversationActive } from '../../src/store/conversations.ts';
import { teamsCall } from './errors.ts';
import { conversationOf, invokeToEvent, kindOf, membersAddedToEvents, messageToEvent, tenantOf } from './inbound.ts';
import { cardToAdaptiveCards } from './render.ts';
import { TeamsDelivery, messageActivity, type InvokeState } from './send.ts';

import { TEAMS_MESSAGES_PATH } from './paths.ts';
/** Largest activity accepted (Teams' own messages stay far below). */
const BODY_LIMIT = '512kb';
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export interface TeamsConnection {
  router: express.Router;
  devMode: boolean;
  /** Posts to a conversation the bot was installed in (its stored reference). */
  postProactive(conversation: Conversation, card: Card): Promise<MessageRef>;
}

/** A conversation reference as stored, with the team it belongs to (to forget the team's channels together). */
type StoredReference = Partial<ConversationReference> & { teamId?: string };

/** What of botbuilder's ConnectorClient (kept in the turn state) a proactive post uses. */
interface ConnectorConversations {
  conversations: { sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<{ id?: string }> };
}

function teamOf(activity: Partial<Activity>): string | undefined {
  return (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
}

function invokeBody(invoke: InvokeState): unknown {
  if (invoke.refreshedCard) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: invoke.refreshedCard };
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: invoke.privateText ?? '' };
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

  async function remember(activity: Partial<Activity>): Promise<void> {
    // Without the activity id: a later post starts a new message instead of replying to this event.
    const reference: Partial<ConversationReference> = { ...TurnContext.getConversationReference(activity) };
    delete reference.activityId;
    const conversation = conversationOf(activity);
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
    await dispatcher.handle(event, new TeamsDelivery(context, log, { appId, ...(invoke ? { invoke } : {}), ...(people ? { people } : {}) }));
  }

  async function turn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const now = services.now();
    switch (activity.type) {
      case 'message':
        await dispatch(context, messageToEvent(activity, now));
        return;
      case 'invoke': {
        if (activity.name !== 'adaptiveCard/action') {
          await context.sendActivity({ type: 'invokeResponse', value: { status: 200 } });
          return;
        }
        const invoke: InvokeState = { replyToId: activity.replyToId };
        await dispatch(context, invokeToEvent(activity, now), invoke);
        await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: invokeBody(invoke) } });
        return;
      }
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
      const body = req.body as { type?: unknown } | undefined;
      if (!body || typeof body !== 'object' || typeof body.type !== 'string' || body.type.length === 0) {
        res.status(400).json({ error: 'bad_request', message: 'Expected a Bot Framework activity (JSON with a "type").' });
        return;
      }
      adapter.process(req, res, turn).catch((error: unknown) => {
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

  async function postProactive(conversation: Conversation, card: Card): Promise<MessageRef> {
    const stored = await findConversation(services.store.db, 'teams', conversation.channelId);
    if (!stored?.active) throw new ForumError('forbidden', `Teams conversation ${conversation.channelId} is not one the bot can post to`);
    const reference = JSON.parse(stored.reference) as StoredReference;
    delete reference.teamId;
    const conversationId = reference.conversation?.id ?? conversation.channelId;
    let first: string | undefined;
    // The adapter's turn-error handler would swallow a failure inside the turn: it is carried out.
    let failure: unknown;
    try {
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        // A new message in the conversation (a new post in a channel), not a reply to anything.
        const client = context.turnState.get<ConnectorConversations>(context.adapter.ConnectorClientKey);
        try {
          for (const message of cardToAdaptiveCards(card)) {
            const activity = { ...messageActivity(message), from: reference.bot, conversation: reference.conversation, channelId: reference.channelId } as Activity;
            const sent = await teamsCall(log, 'proactive post', () => client.conversations.sendToConversation(conversationId, activity));
            first ??= sent.id;
          }
        } catch (error) {
          failure = error;
        }
      });
      if (failure) throw failure instanceof Error ? failure : new ForumError('platform_error', 'Teams proactive post failed');
    } catch (error) {
      // Removed from the team or chat: stop posting there rather than failing every week.
      if (error instanceof ForumError && error.code === 'forbidden') {
        await setConversationActive(services.store.db, 'teams', conversation.channelId, false, services.now());
        log.warn({ conversation: conversation.channelId }, 'Teams conversation marked inactive: the bot is no longer there');
      }
      throw error;
    }
    return { platform: 'teams', conversation, messageId: first ?? '' };
  }

  return { router, devMode, postProactive };
}
