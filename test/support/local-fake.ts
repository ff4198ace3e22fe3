/** What the local fakes of platform APIs (Slack, the Bot Connector) share: their vitest lifecycle and their stop. */
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
