/**
 * Over Socket Mode, Bolt acknowledges an Events API envelope before its listeners run, and an
 * interaction the moment its listener calls `ack()`; a crash just after would lose work Slack
 * counts as delivered. Here every acknowledgement waits until the listeners have returned — the
 * work is then in the inbox — as `processBeforeResponse` does over HTTP. A listener that failed
 * leaves the envelope unacknowledged (Bolt's error handling decides), so Slack sends it again.
 */
import type { App, ReceiverEvent } from '@slack/bolt';

export function acknowledgeAfterListeners(bolt: App): void {
  const processEvent = bolt.processEvent.bind(bolt);
  bolt.processEvent = async (event: ReceiverEvent): Promise<void> => {
    let held: { response: unknown } | undefined;
    await processEvent({
      ...event,
      ack: (response?: unknown) => {
        held ??= { response };
        return Promise.resolve();
      },
    });
    if (held) await event.ack(held.response);
  };
}
