/**
 * express-rate-limit's counters kept in the forum's store (`src/store/rate-limits.ts`) instead of
 * this process's memory: a restart does not clear them, and every instance on one database shares
 * them. The clock is the services' (tests move it).
 */
import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from 'express-rate-limit';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.ts';
import { hitRateLimit, rateLimitCount, rateLimitKey, resetRateLimit, unhitRateLimit } from '../../src/store/rate-limits.ts';

export class StoreLimits implements Store {
  /** Keys of every instance on the database meet: not local. */
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly name: string,
  ) {}

  get prefix(): string {
    return rateLimitKey(this.name, '');
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const count = await rateLimitCount(this.db, rateLimitKey(this.name, key), this.now());
    return count ? { totalHits: count.hits, resetTime: count.resetAt } : undefined;
  }

  async increment(key: string): Promise<IncrementResponse> {
    const count = await hitRateLimit(this.db, rateLimitKey(this.name, key), this.windowMs, this.now());
    return { totalHits: count.hits, resetTime: count.resetAt };
  }

  decrement(key: string): Promise<void> {
    return unhitRateLimit(this.db, rateLimitKey(this.name, key));
  }

  resetKey(key: string): Promise<void> {
    return resetRateLimit(this.db, rateLimitKey(this.name, key));
  }
}
