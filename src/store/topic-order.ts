/**
 * The order of the topic queue, changed by a moderator (the dashboard). A move renumbers the queue
 * 1…n in one transaction, with the queued rows locked so that two moves (or a move and an approval
 * reading the last position) cannot interleave, and writes the topic's event and the audit row in
 * the same transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { audit } from './topics.ts';

export type MoveOutcome =
  | { outcome: 'moved'; from: number; to: number }
  | { outcome: 'unchanged'; position: number }
  | { outcome: 'not_queued' };

/**
 * Moves a queued topic to `position` (1 = the next to go out; beyond the end means last). The
 * others keep their relative order.
 */
export async function moveQueuedTopic(db: Kysely<Database>, id: string, position: number, actor: string, now: Date): Promise<MoveOutcome> {
  return db.transaction().execute(async (trx): Promise<MoveOutcome> => {
    const queue = await trx
      .selectFrom('topics')
      .select(['id', 'queue_position'])
      .where('status', '=', 'queued')
      .orderBy('queue_position')
      .orderBy('id')
      .forUpdate()
      .execute();
    const from = queue.findIndex((t) => String(t.id) === id);
    if (from < 0) return { outcome: 'not_queued' };
    const to = Math.min(Math.max(Math.trunc(position), 1), queue.length) - 1;
    if (to === from) return { outcome: 'unchanged', position: from + 1 };
    const order = queue.slice();
    const [moved] = order.splice(from, 1);
    if (!moved) return { outcome: 'not_queued' };
    order.splice(to, 0, moved);
    for (const [i, topic] of order.entries()) {
      if (topic.queue_position === i + 1) continue;
      await trx.updateTable('topics').set({ queue_position: i + 1, updated_at: now }).where('id', '=', topic.id).execute();
    }
    const detail = `${from + 1}→${to + 1}`;
    await trx.insertInto('topic_events').values({ topic_id: id, action: 'moved', actor, detail, at: now }).execute();
    await audit(trx, actor, 'topic.moved', `topic:${id}`, { from: from + 1, to: to + 1 }, now);
    return { outcome: 'moved', from: from + 1, to: to + 1 };
  });
}
