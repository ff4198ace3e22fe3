/**
 * The Slack adapter: a real Bolt app whose listeners write the work to the durable inbox and then
 * acknowledge (Slack's 3-second rule); the inbox worker runs it through the core's dispatcher. Over
 * HTTP its ExpressReceiver is a router the host mounts on `/slack/events`, answering once the
 * listener is done (`processBeforeResponse`); with an app-level token it runs over Socket Mode.
 */
import { App as BoltApp, ExpressReceiver, webApi } from '@slack/bolt';
import express from 'express';
import type { Config } from '../../src/config.ts';
import { ForumError } from '../../src/core/errors.ts';
import type { MessageRef } from '../../src/core/adapter.ts';
import type { Card } from '../../src/core/card.ts';
import type { DispatchOutcome } from '../../src/core/dispatcher.ts';
import type { Actor, Conversation, InboundEvent } from '../../src/core/events.ts';
import type { InboxRun } from '../../src/core/inbox-worker.ts';
import { renderHome } from '../../src/features/home/home.ts';
import type { Logger } from '../../src/log.ts';
import type { App } from '../../src/main.ts';
import { isConfigurationError, slackCall, toForumError } from './errors.ts';
import { reportStartEvent } from './inbound.ts';
import { slackEndpoint, type SlackEndpoint } from './http-endpoint.ts';
import { actionIntake, commandIntake, eventIntake, shortcutIntake, viewIntake, type SlackSelf } from './intake.ts';
import { SlackInbox, type SlackWork } from './inbox.ts';
import { boltLogger } from './logger.ts';
import { acknowledgeAfterListeners } from './socket-acks.ts';
import { cardToHomeView, cardToSlackMessages } from './render.ts';
import { SlackDelivery, deleteMessage, listMembers, lookupUser, permalinkOf, postMessages, updateMessage, type DeliveryContext, type SlackPerson, type SlackSending } from './send.ts';
import { SLACK_COMMAND, SLACK_EVENTS_PATH, SLACK_REPORT_SHORTCUT } from './subscriptions.ts';
import { UserLocales } from './user-locales.ts';

/** Web API request timeout, and the retries of failed requests (rate limits are handled in errors.ts). */
const SLACK_TIMEOUT_MS = 10_000;
const SLACK_REQUEST_RETRIES = 2;
/** Socket Mode retries an unreachable connection forever: the start gives up after this. */
const SOCKET_CONNECT_TIMEOUT_MS = 30_000;

export interface SlackConnection {
  /**
   * Posts unasked: to a channel (in `conversation.threadId`'s thread when set), or to a person
   * (their user id as the channel opens their messages with the bot).
   */
  postProactive(conversation: Conversation, card: Card): Promise<MessageRef>;
  /**
   * Deletes one of the bot's own posts (`messageId` is its ts). ForumError `not_found` when it is
   * gone, `forbidden` when it is not the bot's (Slack lets a bot delete only its own messages).
   */
  deleteMessage(conversation: Conversation, messageId: string): Promise<void>;
  /**
   * Replaces one of the bot's own posts in place (`chat.update`, `messageId` its ts) with a card,
   * blocks and fallback text. A card longer than one Slack message shows its first message ended by
   * "…"; the rest is left out (never posted: updates repeat). ForumError `not_found` when the
   * message is gone, `forbidden` when it is not the bot's.
   */
  updateMessage(conversation: Conversation, messageId: string, card: Card): Promise<void>;
  /** The user ids of a channel's members (`conversations.members`, every page), without the bot itself. */
  listMembers(conversation: Conversation): Promise<string[]>;
  /** Who a user id names: their home workspace and name (`users.info`); undefined when unknown. */
  lookupUser(userId: string): Promise<SlackPerson | undefined>;
  /**
   * Over HTTP, the Request URL (`/slack/events`): `front` runs before Express, `router` is mounted
   * in it (Bolt's receiver, for what `front` hands on); undefined over Socket Mode.
   */
  http: SlackEndpoint | undefined;
  mode: 'http' | 'socket';
  botUserId: string | undefined;
  /** Starts the inbox worker (rows left by an earlier run first) and connects Socket Mode. */
  start(): Promise<void>;
  /** Stops taking requests and rows, and waits for the rows under way. */
  close(): Promise<void>;
}

type SlackConfig = NonNullable<Config['slack']>;

function clientOptions(slack: SlackConfig, log: Logger): webApi.WebClientOptions {
  return {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
    logger: boltLogger(log),
    timeout: SLACK_TIMEOUT_MS,
    retryConfig: { retries: SLACK_REQUEST_RETRIES, factor: 2, minTimeout: 200, maxTimeout: 2000 },
    rejectRateLimitedCalls: true,
  };
}

/** Who the bot is; a refused token stops the start with a clear message, an unreachable Slack does not. */
async function identify(slack: SlackConfig, log: Logger): Promise<{ botUserId?: string; botId?: string }> {
  const client = new webApi.WebClient(slack.botToken, clientOptions(slack, log));
  try {
    const auth = await client.auth.test();
    log.info({ team: auth.team_id, botUserId: auth.user_id }, 'Slack bot identified');
    return { ...(auth.user_id ? { botUserId: auth.user_id } : {}), ...(auth.bot_id ? { botId: auth.bot_id } : {}) };
  } catch (error) {
    if (isConfigurationError(error)) {
      throw new ForumError('config_invalid', `Slack refused SLACK_BOT_TOKEN (${toForumError('auth.test', error).message}). Copy the Bot User OAuth Token again.`, {
        cause: error,
      });
    }
    log.warn({ err: toForumError('auth.test', error) }, 'Slack unreachable at start; the bot user is learned from the first events');
    return {};
  }
}

export async function connectSlack(app: App, slack: SlackConfig, baseLog: Logger): Promise<SlackConnection> {
  const log = baseLog.child({ adapter: 'slack' });
  const identity = await identify(slack, log);
  let botUserId = identity.botUserId;
  const socketMode = slack.appToken !== undefined;
  const receiver =
    socketMode || !slack.signingSecret
      ? undefined
      : new ExpressReceiver({
          signingSecret: slack.signingSecret,
          endpoints: SLACK_EVENTS_PATH,
          router: express.Router(),
          // The acknowledgement follows the listener, which writes the work to the inbox first.
          processBeforeResponse: true,
          logger: boltLogger(log),
        });
  const bolt = new BoltApp({
    token: slack.botToken,
    ...(receiver ? { receiver } : { socketMode: true, appToken: slack.appToken as string }),
    ...identity,
    tokenVerificationEnabled: false,
    ignoreSelf: true,
    // The conversation store (`context.conversation`) is not used: it would cost a lookup per event.
    convoStore: false,
    logger: boltLogger(log),
    clientOptions: clientOptions(slack, log),
  });
  /** The bot's user id, asked of Slack (`auth.test`) when neither the start nor an event told it. */
  async function ownUserId(): Promise<string | undefined> {
    if (!botUserId) {
      const auth = await slackCall(log, 'auth.test', () => bolt.client.auth.test());
      botUserId ??= auth.user_id;
    }
    return botUserId;
  }
  const sending: SlackSending = { client: bolt.client, log, botUserId: ownUserId };
  const locales = new UserLocales(sending);

  /** An event through the dispatcher, its posts recorded in the inbox (not made twice). */
  async function dispatch(event: InboundEvent, context: DeliveryContext, run: InboxRun): Promise<DispatchOutcome> {
    // A thread reply is recorded, never answered: its author's language is not needed.
    const locale = event.type === 'thread_reply' ? undefined : await locales.of(event.actor.userId);
    const withLocale = locale ? { ...event, actor: { ...event.actor, locale } } : event;
    return app.dispatcher.handle(withLocale, run.recorded(new SlackDelivery(sending, context)), run.handleOptions);
  }

  async function publishHome(actor: Actor): Promise<void> {
    const locale = await locales.of(actor.userId);
    const card = await renderHome(app.services, locale ? { ...actor, locale } : actor);
    await slackCall(log, 'views.publish', () => bolt.client.views.publish({ user_id: actor.userId, view: cardToHomeView(card) }));
  }

  /** A row of the inbox, run by the worker. */
  async function runWork(work: SlackWork, run: InboxRun): Promise<DispatchOutcome | undefined> {
    switch (work.kind) {
      case 'dispatch': {
        const outcome = await dispatch(work.event, work.context, run);
        // A click on the App Home (a new language, say) shows there at once.
        if (work.home) await publishHome(work.event.actor);
        return outcome;
      }
      case 'home':
        await publishHome(work.actor);
        return undefined;
      case 'report': {
        // The form must open within Slack's 3 seconds of the trigger: the link and the person's language are asked together.
        const [link] = await Promise.all([permalinkOf(sending, work.shortcut.conversation.channelId, work.shortcut.message.ts), locales.of(work.shortcut.actor.userId)]);
        return dispatch(reportStartEvent(work.shortcut, link, work.receivedAt), work.context, run);
      }
      default: {
        const unknown: never = work;
        return unknown;
      }
    }
  }
  const inbox = new SlackInbox(app, log, runWork);

  /** The bot's user id, from start-up or else from the event's authorizations. */
  function botUser(body: unknown): string | undefined {
    if (!botUserId) {
      const authorizations = (body as { authorizations?: { user_id?: string; is_bot?: boolean }[] }).authorizations;
      botUserId = authorizations?.find((a) => a.is_bot)?.user_id;
    }
    return botUserId;
  }

  const self: SlackSelf = { botUserId: botUser, botId: identity.botId };
  // Every listener writes its work to the inbox before the acknowledgement: what Slack was told
  // it got is in the store. Events are acknowledged by Bolt once the listener has returned. Over
  // HTTP most requests are written and acknowledged before Bolt (`http-endpoint.ts`), with the same rows.
  bolt.event('app_mention', async ({ body }) => inbox.take(eventIntake('app_mention', body, self, new Date())));
  bolt.event('message', async ({ body }) => inbox.take(eventIntake('message', body, self, new Date())));
  bolt.event('member_joined_channel', async ({ body }) => inbox.take(eventIntake('member_joined_channel', body, self, new Date())));
  bolt.event('app_home_opened', async ({ body }) => inbox.take(eventIntake('app_home_opened', body, self, new Date())));
  bolt.command(SLACK_COMMAND, async ({ ack, body }) => {
    await inbox.take(commandIntake(body, self, new Date()));
    await ack();
  });
  bolt.action(/.*/, async ({ ack, body }) => {
    await inbox.take(actionIntake(body, new Date()));
    await ack();
  });
  bolt.shortcut(SLACK_REPORT_SHORTCUT, async ({ ack, body }) => {
    await inbox.take(shortcutIntake(body, self, new Date()));
    await ack();
  });
  bolt.view(/.*/, async ({ ack, body }) => {
    await inbox.take(viewIntake(body, new Date()));
    await ack();
  });
  // A listener that failed wrote nothing: no acknowledgement (HTTP 500, or none over Socket Mode), so Slack tries again.
  bolt.error(async (error) => {
    log.error({ err: error }, 'Slack listener failed; not acknowledged');
    return Promise.reject(error);
  });
  if (socketMode) acknowledgeAfterListeners(bolt, log);

  return {
    postProactive: (conversation, card) => postMessages(sending, conversation, cardToSlackMessages(card)),
    deleteMessage: (conversation, messageId) => deleteMessage(sending, conversation.channelId, messageId),
    updateMessage: (conversation, messageId, card) => updateMessage(sending, conversation.channelId, messageId, card),
    listMembers: (conversation) => listMembers(sending, conversation.channelId),
    lookupUser: (userId) => lookupUser(sending, userId),
    http:
      receiver && slack.signingSecret
        ? slackEndpoint({ signingSecret: slack.signingSecret, path: SLACK_EVENTS_PATH, inbox, self, log, receiver: receiver.router })
        : undefined,
    mode: socketMode ? 'socket' : 'http',
    get botUserId() {
      return botUserId;
    },
    start: async () => {
      await inbox.worker.start();
      if (!socketMode) return;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no connection within ${SOCKET_CONNECT_TIMEOUT_MS / 1000} s (is wss-primary.slack.com reachable?)`)),
          SOCKET_CONNECT_TIMEOUT_MS,
        );
      });
      try {
        await Promise.race([bolt.start(), timeout]);
        log.info('Slack connected over Socket Mode');
      } catch (error) {
        await bolt.stop().catch(() => undefined);
        throw new ForumError('config_invalid', `Slack Socket Mode could not connect (${toForumError('apps.connections.open', error).message}). Check SLACK_APP_TOKEN.`, {
          cause: error,
        });
      } finally {
        clearTimeout(timer);
      }
    },
    close: async () => {
      if (socketMode) await bolt.stop().catch((error: unknown) => log.warn({ err: error }, 'Slack Socket Mode did not stop cleanly'));
      await inbox.worker.close();
    },
  };
}
