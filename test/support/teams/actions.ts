/**
 * What people do on the bot's cards and on messages: the `Action.Execute` invoke, the message an
 * `Action.Submit` sends, and the `composeExtension/submitAction` invoke of a message action.
 */
import { createHash, randomUUID } from 'node:crypto';
import { CHANNEL_ID, USER_GRACE, type TeamsUser } from './accounts.ts';
import {
  BOT_ACCOUNT,
  asAccount,
  clientInfo,
  frameId,
  loadTeamsFixture,
  personFields,
  place,
  resolve,
  type BaseOptions,
  type Json,
  type PlaceOptions,
  type TeamsAccount,
  type TeamsActivity,
} from './activity.ts';

// ---------------------------------------------------------------------------------------------
// Adaptive Card actions
// ---------------------------------------------------------------------------------------------

export interface CardActionOptions extends BaseOptions, PlaceOptions {
  /** The id of the bot's message that holds the card. */
  replyToId: string;
}

/** `channelData.legacy.replyToId`, which Teams adds beside `replyToId` on a card's action. */
function legacyReplyToId(replyToId: string): string {
  return `1:1${createHash('sha256').update(replyToId).digest('base64url').slice(0, 50)}`;
}

function cardActionBase(kind: 'invoke-action-execute' | 'message-action-submit', options: CardActionOptions): TeamsActivity {
  const fixture = loadTeamsFixture(kind);
  const resolved = resolve(options);
  const where = place(options, resolved, options.threadId ?? options.replyToId);
  return {
    ...fixture,
    ...personFields(resolved),
    id: options.id ?? frameId(),
    serviceUrl: options.serviceUrl,
    from: asAccount(resolved.from),
    recipient: { ...BOT_ACCOUNT },
    conversation: where.conversation,
    entities: [clientInfo(resolved.locale, resolved.timezone)],
    channelData: { ...where.channelData, source: { name: 'message' }, legacy: { replyToId: legacyReplyToId(options.replyToId) } },
    replyToId: options.replyToId,
  };
}

export interface ActionExecuteOptions extends CardActionOptions {
  verb: string;
  data?: Json;
  /** The action's `id` in the card. */
  actionId?: string;
  title?: string;
}

/**
 * The `invoke` Teams sends when someone presses an `Action.Execute` button: `name:
 * 'adaptiveCard/action'`, `value: { action: { type: 'Action.Execute', verb, data, id }, trigger:
 * 'manual' }`. The bot must answer the HTTP request itself (an invoke response).
 */
export function actionExecuteInvoke(options: ActionExecuteOptions): TeamsActivity {
  const base = cardActionBase('invoke-action-execute', options);
  return {
    ...base,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: {
      action: {
        type: 'Action.Execute',
        ...(options.title !== undefined ? { title: options.title } : {}),
        verb: options.verb,
        data: options.data ?? {},
        id: options.actionId ?? `${options.verb}-${randomUUID().slice(0, 8)}`,
      },
      trigger: 'manual',
    },
  };
}

export interface ActionSubmitOptions extends CardActionOptions {
  /** The card's `data` merged with its inputs' values (which Teams sends as strings). */
  value: Json;
}

/** The `message` an `Action.Submit` button sends: the `value`, a `replyToId`, and no text. */
export function actionSubmitMessage(options: ActionSubmitOptions): TeamsActivity {
  const base = cardActionBase('message-action-submit', options);
  return { ...base, type: 'message', value: options.value };
}

// ---------------------------------------------------------------------------------------------
// Message actions
// ---------------------------------------------------------------------------------------------

export interface MessageActionOptions extends BaseOptions, PlaceOptions {
  /** The command's id in the manifest. */
  commandId: string;
  /** The message the action was chosen on. */
  message: { id: string; html: string; author?: TeamsUser | TeamsAccount; replyToId?: string | null; linkToMessage?: string | null };
  /** The form's values, by parameter name (strings, as Teams sends them). */
  data?: Json;
}

/**
 * The `invoke` Teams sends when someone submits a message action's form (static parameters,
 * `fetchTask: false`): `name: 'composeExtension/submitAction'`, `value: { commandId, commandContext:
 * 'message', messagePayload, data }`, where `messagePayload` is the message (Graph's chatMessage shape:
 * html body, author by Entra object id, a link to it). The bot must answer the HTTP request itself.
 */
export function messageActionSubmit(options: MessageActionOptions): TeamsActivity {
  const fixture = loadTeamsFixture('invoke-compose-extension-submit-action');
  const resolved = resolve(options);
  const where = place(options, resolved, options.threadId ?? options.message.replyToId ?? options.message.id);
  const fixtureValue = fixture.value as { messagePayload: Json; context: Json };
  const author = options.message.author ?? USER_GRACE;
  const channelId = options.scope === 'channel' ? (options.channelId ?? CHANNEL_ID) : where.conversation.id;
  return {
    ...fixture,
    ...personFields(resolved),
    id: options.id ?? `f:${randomUUID()}`,
    serviceUrl: options.serviceUrl,
    from: asAccount(resolved.from),
    recipient: { ...BOT_ACCOUNT },
    conversation: where.conversation,
    entities: [clientInfo(resolved.locale, resolved.timezone)],
    channelData: { ...where.channelData, source: { name: 'compose' } },
    value: {
      commandId: options.commandId,
      commandContext: 'message',
      requestId: randomUUID().replaceAll('-', ''),
      messagePayload: {
        ...fixtureValue.messagePayload,
        linkToMessage: options.message.linkToMessage === undefined ? `https://teams.microsoft.com/l/message/${channelId}/${options.message.id}` : options.message.linkToMessage,
        id: options.message.id,
        replyToId: options.message.replyToId ?? null,
        body: { contentType: 'html', content: options.message.html },
        from: { device: null, conversation: null, user: { userIdentityType: 'aadUser', id: author.aadObjectId ?? author.id, displayName: author.name ?? null }, application: null },
        mentions: [],
      },
      data: options.data ?? {},
      context: fixtureValue.context,
    },
  };
}
