/**
 * Over Socket Mode, Bolt acknowledges an Events API envelope before its listeners run, and an
 * interaction the moment its listener calls `ack()`; a crash just after would lose work Slack
 * counts as delivered. Here every acknowledgement waits until the listeners have returned — the
 * work is then in the inbox — as `processBeforeResponse` does over HTTP. A listener that failed
 * leaves the envelope unacknowledged (Bolt's error handling decides), so Slack sends it again.
 * An envelope no listener took (a shortcut or an interaction the bot does not declare) is
 * acknowledged once the listeners are done, and logged at debug level: left unacknowledged, Slack
 * would send it again and show the person an error.
 */
import type { App, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';
import { unhandledKind } from './intake.ts';

export function acknowledgeAfterListeners(bolt: App, log: Logger): void {
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
    if (held) {
      await event.ack(held.response);
      return;
    }
    log.debug(unhandledKind(event.body), 'Slack request the bot does not handle; acknowledged');
    await event.ack();
  };
}
