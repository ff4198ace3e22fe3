/**
 * A stand-in for a chat platform where the real one cannot run in a core test: it records every
 * card it is asked to post, and can be told to fail its first replies.
 */
import type { Adapter, MessageRef } from '../../src/core/adapter.ts';
import { cardToText, type Card } from '../../src/core/card.ts';
import type { InboundEvent, Platform } from '../../src/core/events.ts';

export const RECORDED_PLATFORM_ERROR = 'chat.postMessage failed: channel_not_found';

export class RecordingAdapter implements Adapter {
  readonly platform: Platform = 'slack';
  readonly cards: Card[] = [];

  /** `failuresLeft`: how many replies fail (with RECORDED_PLATFORM_ERROR) before they succeed. */
  constructor(private failuresLeft = 0) {}

  reply(event: InboundEvent, card: Card): Promise<MessageRef> {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      return Promise.reject(new Error(RECORDED_PLATFORM_ERROR));
    }
    this.cards.push(card);
    return Promise.resolve({ platform: this.platform, conversation: event.conversation, messageId: `m${this.cards.length}` });
  }

  texts(): string[] {
    return this.cards.map(cardToText);
  }
}
