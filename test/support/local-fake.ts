/** What the local fakes of platform APIs (Slack, the Bot Connector) share: their vitest lifecycle and their stop. */
import type { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/**
 * Starts a fake for the enclosing `describe`, resets it before each test and stops it afterwards.
 * Returns a getter (valid inside tests and hooks); `set`, if given, also receives it.
 */
export function useLocalFake<T extends { reset(): void; close(): Promise<void> }>(name: string, start: () => Promise<T>, set?: (fake: T) => void): () => T {
  let current: T | undefined;
  beforeAll(async () => {
    current = await start();
    set?.(current);
  });
  afterAll(() => current?.close());
  beforeEach(() => current?.reset());
  return () => {
    if (!current) throw new Error(`${name} is not started: call the getter inside a test or hook`);
    return current;
  };
}

/** Stops a server at once, open connections included. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.closeAllConnections();
    server.close((error) => (error ? reject(error) : resolve()));
  });
}

/**
 * How long a test waits for a call by default. The bot does a platform's work after acknowledging it
 * (the inbox worker), so on a loaded machine a call can come seconds later; a call that comes at once
 * ends the wait at once, so a generous limit costs nothing when all goes well.
 */
export const WAIT_FOR_CALL_MS = 15_000;

/**
 * The first recorded call (already there or still to come) that matches; after `timeoutMs`, an error
 * listing the calls seen, so a failing test says what the bot did instead.
 */
export function waitForCall<C>(
  source: { calls: C[]; recorded: EventEmitter; describe: (call: C) => string; name: string },
  predicate: (call: C) => boolean,
  timeoutMs: number,
): Promise<C> {
  const seen = source.calls.find(predicate);
  if (seen) return Promise.resolve(seen);
  return new Promise<C>((resolve, reject) => {
    const onCall = (call: C): void => {
      if (!predicate(call)) return;
      clearTimeout(timer);
      source.recorded.off('call', onCall);
      resolve(call);
    };
    const timer = setTimeout(() => {
      source.recorded.off('call', onCall);
      const list = source.calls.length ? source.calls.map((call) => `  - ${source.describe(call)}`).join('\n') : '  (none)';
      reject(new Error(`${source.name}: no matching call within ${timeoutMs} ms; calls seen:\n${list}`));
    }, timeoutMs);
    source.recorded.on('call', onCall);
  });
}
