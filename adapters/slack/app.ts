/**
 * The Slack adapter: a real Bolt app whose listeners acknowledge at once and hand the work to the
 * core's dispatcher in the background (Slack's 3-second rule). Over HTTP its ExpressReceiver is a
 * router the host mounts on `/slack/events`; with an app-level token it runs over Socket Mode.
 */
import { App as BoltApp, ExpressReceiver, webApi } from '@slack/bolt';
import express from 'express';
import type { Config } from '../../src/config.ts';
import { ForumError } from '../../src/core/errors.ts';
import type { MessageRef } from '../../src/core/adapter.ts';
import type { Card } from '../../src/core/card.ts';
import type { Actor, Conversation, InboundEvent } from '../../src/core/events.ts';
import { renderHome } from '../../src/features/home/home.ts';
import type { Logger } from '../../src/log.ts';
import type { App } from '../../src/main.ts';
import { isConfigurationError, slackCall, toForumError } from './errors.ts';
import {
  blockActionToEvent,
  commandToEvent,
  directMessageToEvent,
  memberJoinedToEvent,
  mentionToEvent,
  readMessageShortcut,
  reportStartEvent,
  threadReplyToEvent,
  viewSubmissionToEvent,
} from './inbound.ts';
import { slackRequestGuard } from './guard.ts';
import { boltLogger } from './logger.ts';
import { cardToHomeView, cardToSlackMessages } from './render.ts';
import { SlackDelivery, deleteMessage, listMembers, lookupUser, permalinkOf, postMessages, updateMessage, type DeliveryContext, type SlackPerson, type SlackSending } from './send.ts';
import { SLACK_COMMAND, SLACK_EVENTS_PATH, SLACK_REPORT_SHORTCUT } from './subscriptions.ts';
import { UserLocales } from './user-locales.ts';

/** Web API request timeout, and the retries of failed requests (rate limits are handled in errors.ts). */
const SLACK_TIMEOUT_MS = 10_000;
const SLACK_REQUEST_RETRIES = 2;
/** How long a stop waits for answers still being written. */
const DRAIN_TIMEOUT_MS = 10_000;
/**
 * Answers written at the same time; more wait their turn. A burst of requests is then still
 * acknowledged at once: the acknowledgements do not queue behind a hundred answers being written.
 */
const MAX_CONCURRENT_WORK = 8;
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
  /** Over HTTP: the router to mount (it serves `/slack/events`); undefined over Socket Mode. */
  router: express.Router | undefined;
  mode: 'http' | 'socket';
  botUserId: string | undefined;
  /** Connects Socket Mode (nothing to do over HTTP). */
  start(): Promise<void>;
  /** Stops taking requests and waits for the answers under way. */
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

/** Bolt's router behind the guard that applies the rules Bolt leaves out. */
function guarded(guard: express.Router, receiver: express.Router): express.Router {
  const router = express.Router();
  router.use(guard, receiver);
  return router;
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
          processBeforeResponse: false,
          logger: boltLogger(log),
        });
  const bolt = new BoltApp({
    token: slack.botToken,
    ...(receiver ? { receiver } : { socketMode: true, appToken: slack.appToken as string }),
    ...identity,
    tokenVerificationEnabled: false,
    ignoreSelf: true,
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
  const queue: (() => Promise<void>)[] = [];
  let running = 0;
  let drained: (() => void) | undefined;

  function next(): void {
    while (running < MAX_CONCURRENT_WORK && queue.length > 0) {
      const work = queue.shift() as () => Promise<void>;
      running++;
      void work()
        .catch((error: unknown) => log.error({ err: error }, 'Slack work failed'))
        .finally(() => {
          running--;
          if (running === 0 && queue.length === 0) drained?.();
          next();
        });
    }
  }

  /** Runs work after the acknowledgement (the listener has returned); a stop waits for it. */
  function later(work: () => Promise<void>): void {
    queue.push(work);
    setImmediate(next);
  }

  async function dispatch(event: InboundEvent | undefined, context: DeliveryContext, payloadType: string): Promise<void> {
    if (!event) {
      log.warn({ payloadType }, 'Slack payload without the expected fields ignored');
      return;
    }
    // A thread reply is recorded, never answered: its author's language is not needed.
    const locale = event.type === 'thread_reply' ? undefined : await locales.of(event.actor.userId);
    const withLocale = locale ? { ...event, actor: { ...event.actor, locale } } : event;
    await app.dispatcher.handle(withLocale, new SlackDelivery(sending, context));
  }

  async function publishHome(actor: Actor): Promise<void> {
    const locale = await locales.of(actor.userId);
    const card = await renderHome(app.services, locale ? { ...actor, locale } : actor);
    await slackCall(log, 'views.publish', () => bolt.client.views.publish({ user_id: actor.userId, view: cardToHomeView(card) }));
  }

  /** The bot's user id, from start-up or else from the event's authorizations. */
  function botUser(body: unknown): string | undefined {
    if (!botUserId) {
      const authorizations = (body as { authorizations?: { user_id?: string; is_bot?: boolean }[] }).authorizations;
      botUserId = authorizations?.find((a) => a.is_bot)?.user_id;
    }
    return botUserId;
  }

  bolt.event('app_mention', ({ event, body }) => {
    later(() => dispatch(mentionToEvent(body, event, botUser(body), new Date()), { kind: 'event' }, 'app_mention'));
    return Promise.resolve();
  });
  bolt.event('message', ({ event, body }) => {
    const bot = botUser(body);
    const receivedAt = new Date();
    // A direct message is a question; a reply in a channel thread may belong to a weekly topic.
    // Other messages (edits, bots, channel messages outside threads) are not for the bot: nothing to log.
    const e = directMessageToEvent(body, event, bot, receivedAt) ?? threadReplyToEvent(body, event, bot, receivedAt);
    if (e) later(() => dispatch(e, { kind: 'event' }, e.type === 'message' ? 'message.im' : 'message.channels'));
    return Promise.resolve();
  });
  bolt.event('member_joined_channel', ({ event, body }) => {
    later(() => dispatch(memberJoinedToEvent(body, event, botUser(body), new Date()), { kind: 'event' }, 'member_joined_channel'));
    return Promise.resolve();
  });
  bolt.event('app_home_opened', ({ event, body }) => {
    const teamId = (body as { team_id?: string }).team_id ?? '';
    if (event.tab === 'home') later(() => publishHome({ platform: 'slack', workspaceId: teamId, userId: event.user }));
    return Promise.resolve();
  });
  bolt.command(SLACK_COMMAND, async ({ ack, body }) => {
    await ack();
    const context: DeliveryContext = { kind: 'command', triggerId: body.trigger_id, responseUrl: body.response_url };
    later(() => dispatch(commandToEvent(body, botUser(body), new Date()), context, 'command'));
  });
  bolt.action(/.*/, async ({ ack, body }) => {
    await ack();
    const parsed = blockActionToEvent(body, new Date());
    const raw = body as { trigger_id?: string; response_url?: string };
    const context: DeliveryContext = {
      kind: parsed?.container === 'view' ? 'view' : 'action',
      triggerId: raw.trigger_id,
      responseUrl: raw.response_url,
      ephemeral: parsed?.ephemeral ?? false,
    };
    later(async () => {
      await dispatch(parsed?.event, context, 'block_actions');
      // A click on the App Home (a new language, say) shows there at once.
      if (parsed?.container === 'view') await publishHome(parsed.event.actor);
    });
  });
  bolt.shortcut(SLACK_REPORT_SHORTCUT, async ({ ack, body }) => {
    await ack();
    const shortcut = readMessageShortcut(body, botUser(body));
    if (!shortcut) {
      log.warn({ payloadType: body.type }, 'Slack shortcut without the expected fields ignored');
      return;
    }
    const context: DeliveryContext = { kind: 'shortcut', triggerId: shortcut.triggerId, responseUrl: shortcut.responseUrl };
    const receivedAt = new Date();
    later(async () => {
      // The form must open within Slack's 3 seconds of the trigger: the link and the person's language are asked together.
      const [link] = await Promise.all([
        permalinkOf(sending, shortcut.conversation.channelId, shortcut.message.ts),
        locales.of(shortcut.actor.userId),
      ]);
      await dispatch(reportStartEvent(shortcut, link, receivedAt), context, 'message_action');
    });
  });
  bolt.view(/.*/, async ({ ack, body }) => {
    await ack();
    later(() => dispatch(viewSubmissionToEvent(body, new Date()), { kind: 'view' }, 'view_submission'));
  });
  bolt.error(async (error) => {
    log.error({ err: error }, 'Slack listener failed');
    return Promise.resolve();
  });

  return {
    postProactive: (conversation, card) => postMessages(sending, conversation, cardToSlackMessages(card)),
    deleteMessage: (conversation, messageId) => deleteMessage(sending, conversation.channelId, messageId),
    updateMessage: (conversation, messageId, card) => updateMessage(sending, conversation.channelId, messageId, card),
    listMembers: (conversation) => listMembers(sending, conversation.channelId),
    lookupUser: (userId) => lookupUser(sending, userId),
    router: receiver && slack.signingSecret ? guarded(slackRequestGuard(slack.signingSecret, SLACK_EVENTS_PATH), receiver.router) : undefined,
    mode: socketMode ? 'socket' : 'http',
    get botUserId() {
      return botUserId;
    },
    start: async () => {
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
      if (running === 0 && queue.length === 0) return;
      const idle = new Promise<void>((resolve) => {
        drained = resolve;
      });
      await Promise.race([idle, new Promise((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS).unref())]);
    },
  };
}
