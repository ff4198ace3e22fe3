/**
 * The Teams adapter's sending side. A `TeamsDelivery` answers one turn through its TurnContext:
 * replies in the conversation (a channel message's thread included), updates, private messages in
 * the person's 1:1 chat with the bot, and, for an invoke Teams waits on, what its response shows:
 * for an Action.Execute click, the card that replaces the clicked one and the short message Teams
 * shows to the person who clicked; for a message action's form, the message shown to its sender.
 */
import { CardFactory, type Activity, type ChannelAccount, type ConversationParameters, type TurnContext } from 'botbuilder';
import type { Adapter, Form, MessageRef, OutgoingFile } from '../../src/core/adapter.ts';
import { cardToText, type Card } from '../../src/core/card.ts';
import type { InboundEvent } from '../../src/core/events.ts';
import type { Logger } from '../../src/log.ts';
import { ForumError } from '../../src/core/errors.ts';
import { teamsCall } from './errors.ts';
import { fileConsentAttachment, type PendingFiles } from './files.ts';
import { cardToAdaptiveCards, formToAdaptiveCard, type AdaptiveCardJson, type TeamsMessage } from './render.ts';

/** The invoke being answered: Teams shows what its response carries. */
export type InvokeState =
  | {
      /** An Action.Execute click (`adaptiveCard/action`). */
      kind: 'cardAction';
      /** The message that carried the card. */
      replyToId: string | undefined;
      /** The card that replaces it, when a feature updated that message. */
      refreshedCard?: AdaptiveCardJson;
      /** A private answer, shown by Teams to the person who clicked. */
      privateText?: string;
    }
  | {
      /** A message action's form submitted (`composeExtension/submitAction`). */
      kind: 'messageAction';
      /** A private answer, shown by Teams to the person who sent the form. */
      privateText?: string;
    };

/** The response Teams reads an invoke's outcome from (the HTTP status and body of the request). */
export interface InvokeResponse {
  status: number;
  body?: unknown;
}

const INVOKE_OK = 200;
/** Universal Actions' response types: a card that replaces the clicked one, or a message shown to the clicker. */
const ADAPTIVE_CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';

/**
 * What answers the invoke. An Action.Execute click: the refreshed card, else the message (possibly
 * empty). A message action: a dialog's message response (`task` of type `message`, which Teams shows
 * in a small dialog), or no body at all when the feature had nothing to say (Teams just closes the form).
 */
export function invokeResponseOf(invoke: InvokeState): InvokeResponse {
  switch (invoke.kind) {
    case 'cardAction':
      if (invoke.refreshedCard) return { status: INVOKE_OK, body: { statusCode: INVOKE_OK, type: ADAPTIVE_CARD_RESPONSE, value: invoke.refreshedCard } };
      return { status: INVOKE_OK, body: { statusCode: INVOKE_OK, type: MESSAGE_RESPONSE, value: invoke.privateText ?? '' } };
    case 'messageAction':
      return invoke.privateText ? { status: INVOKE_OK, body: { task: { type: 'message', value: invoke.privateText } } } : { status: INVOKE_OK };
    default: {
      const unreachable: never = invoke;
      return unreachable;
    }
  }
}

/**
 * A card message. The plain fallback goes in `summary` (notifications, clients without cards), not
 * in `text`, which Teams would show above the card and read as markdown.
 */
export function messageActivity(message: TeamsMessage): Partial<Activity> {
  return { type: 'message', summary: message.text, attachments: [CardFactory.adaptiveCard(message.card)] };
}

/** Whether a card has buttons to click: then only an Adaptive Card message can carry it. */
function hasButtons(card: Card): boolean {
  return card.blocks.some((block) => block.type === 'actions' && block.buttons.length > 0);
}

export class TeamsDelivery implements Adapter {
  readonly platform = 'teams' as const;

  constructor(
    private readonly context: TurnContext,
    private readonly log: Logger,
    private readonly options: { appId: string; invoke?: InvokeState; people?: Map<string, ChannelAccount>; files?: PendingFiles } = { appId: '' },
  ) {}

  async reply(event: InboundEvent, card: Card): Promise<MessageRef> {
    let first: string | undefined;
    for (const message of cardToAdaptiveCards(card)) {
      const sent = await teamsCall(this.log, 'send', () => this.context.sendActivity(messageActivity(message)));
      first ??= sent?.id;
    }
    return { platform: 'teams', conversation: event.conversation, messageId: first ?? '' };
  }

  async updateMessage(ref: MessageRef, card: Card): Promise<void> {
    const [first, ...rest] = cardToAdaptiveCards(card);
    if (!first) return;
    const invoke = this.options.invoke;
    if (invoke?.kind === 'cardAction' && ref.messageId === invoke.replyToId) {
      // Answered in the invoke response: Teams refreshes the clicked card in place.
      invoke.refreshedCard = first.card;
    } else {
      await teamsCall(this.log, 'update', () => this.context.updateActivity({ ...messageActivity(first), id: ref.messageId }));
    }
    for (const message of rest) await teamsCall(this.log, 'send', () => this.context.sendActivity(messageActivity(message)));
  }

  async replyPrivately(event: InboundEvent, card: Card): Promise<void> {
    const invoke = this.options.invoke;
    if (invoke && invoke.privateText === undefined && !hasButtons(card)) {
      // The person sees it at once, on the card or on the form they sent. A card with buttons
      // cannot go there (the invoke's message is plain text): it stays a card, sent below.
      invoke.privateText = cardToText(card);
      return;
    }
    if (event.conversation.kind === 'direct') {
      await this.reply(event, card);
      return;
    }
    await this.sendToPersonalChat(event, card);
  }

  /** Teams has no ephemeral messages: a private answer goes to the person's 1:1 chat with the bot. */
  private async sendToPersonalChat(event: InboundEvent, card: Card): Promise<void> {
    await this.sendInPersonalChat(event, 'private message', cardToAdaptiveCards(card).map(messageActivity));
  }

  /**
   * Posts in the person's 1:1 chat with the bot, which `createConversation` returns (the existing
   * chat when there is one; Teams needs the bot installed for them or in a team they are in).
   */
  private async sendInPersonalChat(event: InboundEvent, what: string, activities: Partial<Activity>[]): Promise<void> {
    const activity = this.context.activity;
    const member = this.options.people?.get(event.actor.userId) ?? activity.from;
    const tenantId = event.actor.workspaceId;
    const parameters = {
      isGroup: false,
      bot: activity.recipient,
      members: [member],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    const adapter = this.context.adapter as unknown as {
      createConversationAsync(appId: string, channelId: string, serviceUrl: string, audience: string, p: ConversationParameters, logic: (c: TurnContext) => Promise<void>): Promise<void>;
    };
    await teamsCall(this.log, what, () =>
      adapter.createConversationAsync(this.options.appId, activity.channelId, activity.serviceUrl, '', parameters, async (personal) => {
        for (const one of activities) await personal.sendActivity(one);
      }),
    );
  }

  /**
   * A file for the event's author, by Teams' file consent flow, which works in personal chats only:
   * a consent card in their 1:1 chat with the bot (this chat, or, from a channel or a group chat,
   * the 1:1 chat private replies go to). The file waits in the store for the answer (`files.ts`).
   */
  async sendFile(event: InboundEvent, file: OutgoingFile): Promise<void> {
    const files = this.options.files;
    if (!files) throw new ForumError('platform_error', 'Teams files are not set up for this turn');
    const pending = await files.add(file, event.actor.userId);
    const consent: Partial<Activity> = { type: 'message', summary: file.title, attachments: [fileConsentAttachment(pending)] };
    try {
      if (event.conversation.kind === 'direct') await teamsCall(this.log, 'file consent', () => this.context.sendActivity(consent));
      else await this.sendInPersonalChat(event, 'file consent', [consent]);
    } catch (error) {
      await files.take(pending.id);
      throw error;
    }
  }

  /** Teams shows forms as cards with inputs, in the conversation; their submit button sends the values back as a click. */
  async openForm(_event: InboundEvent, form: Form): Promise<void> {
    const activity: Partial<Activity> = { type: 'message', summary: form.title, attachments: [CardFactory.adaptiveCard(formToAdaptiveCard(form))] };
    await teamsCall(this.log, 'send', () => this.context.sendActivity(activity));
  }
}
