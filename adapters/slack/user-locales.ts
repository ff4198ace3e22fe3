/**
 * Each person's Slack language (`users.info` with `include_locale`), remembered for a while so an
 * answer waits for Slack at most once an hour per person. A failed lookup means "unknown", never an error.
 */
import { slackCall } from './errors.ts';
import type { SlackSending } from './send.ts';

const LOCALE_TTL_MS = 60 * 60 * 1000;
/** Entries kept; the oldest go first beyond it. */
const LOCALE_CACHE_MAX = 5000;

export class UserLocales {
  private readonly known = new Map<string, { locale: string | undefined; at: number }>();

  constructor(private readonly sending: SlackSending) {}

  async of(userId: string): Promise<string | undefined> {
    const cached = this.known.get(userId);
    if (cached && Date.now() - cached.at < LOCALE_TTL_MS) return cached.locale;
    let locale: string | undefined;
    try {
      // Not worth waiting out a rate limit for: the answer matters more than its language hint.
      const info = await slackCall(this.sending.log, 'users.info', () => this.sending.client.users.info({ user: userId, include_locale: true }), {
        rateLimitRetries: 0,
      });
      locale = info.user?.locale || undefined;
    } catch {
      // Logged by slackCall; the language then comes from the person's words or the default.
      locale = undefined;
    }
    this.known.delete(userId);
    this.known.set(userId, { locale, at: Date.now() });
    if (this.known.size > LOCALE_CACHE_MAX) this.known.delete(this.known.keys().next().value as string);
    return locale;
  }
}
