/**
 * The optional retention period: personal rows older than it go, every day. Questions (and the
 * feedback on them), feedback, replies under topics, people's web replies and web chats, and decided
 * guest requests are deleted; usage events keep their counts but lose the person. Web sign-in sessions
 * and links that can no longer be used go, and so do web accounts disabled before the period (with
 * their sessions and links). Votes, topics and polls are forum content and stay.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function applyRetention(db: Kysely<Database>, days: number, now: Date): Promise<number> {
  const before = new Date(now.getTime() - days * DAY_MS);
  return db.transaction().execute(async (trx) => {
    let changed = 0;
    const add = (r: { numDeletedRows?: bigint; numUpdatedRows?: bigint }[]): void => {
      for (const x of r) changed += Number(x.numDeletedRows ?? x.numUpdatedRows ?? 0);
    };
    add(await trx.deleteFrom('answer_feedback').where('given_at', '<', before).execute());
    add(await trx.deleteFrom('answer_feedback').where('question_id', 'in', trx.selectFrom('questions').select('id').where('asked_at', '<', before)).execute());
    add(await trx.deleteFrom('questions').where('asked_at', '<', before).execute());
    add(await trx.deleteFrom('topic_replies').where('at', '<', before).execute());
    // People's web replies, and whole web chats (the bot's cards there answer one person).
    add(
      await trx
        .deleteFrom('web_posts')
        .where((eb) => eb.or([eb('author', '<>', 'bot'), eb('channel_id', 'like', 'direct:%')]))
        .where('posted_at', '<', before)
        .execute(),
    );
    add(await trx.deleteFrom('guest_requests').where('status', '<>', 'pending').where('requested_at', '<', before).execute());
    add(await trx.updateTable('usage_events').set({ person: null }).where('at', '<', before).where('person', 'is not', null).execute());
    // Web sign-in: sessions and links that can no longer be used, and accounts disabled before the period.
    add(await trx.deleteFrom('web_sessions').where('expires_at', '<=', now).execute());
    add(await trx.deleteFrom('web_sign_in_links').where((eb) => eb.or([eb('expires_at', '<=', now), eb('used_at', '<', before)])).execute());
    add(await trx.deleteFrom('web_accounts').where('disabled_at', '<', before).execute());
    return changed;
  });
}
