/**
 * Usage events: what happened, where and (unless it must not say) who — the material of the
 * moderators' figures. Recording never fails the action it records: a failure is logged only.
 */
import type { Kysely } from 'kysely';
import type { Logger } from '../log.ts';
import type { Database } from './schema.ts';

export const USAGE_KINDS = [
  'question_asked',
  'question_answered',
  'question_abstained',
  'feedback',
  'topic_posted',
  'reply_counted',
  'poll_answered',
  'member_joined',
] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

export interface UsageEvent {
  kind: UsageKind;
  platform: string;
  workspaceId: string;
  /** `platform:userId`, or null where the event must not point to anyone. */
  person: string | null;
  /** What it is about: a question, topic or poll id. */
  subject?: string;
  at: Date;
}

export async function recordUsage(db: Kysely<Database>, log: Logger, events: UsageEvent | UsageEvent[]): Promise<void> {
  const rows = (Array.isArray(events) ? events : [events]).map((e) => ({
    at: e.at,
    kind: e.kind,
    platform: e.platform,
    workspace_id: e.workspaceId,
    person: e.person,
    subject: e.subject ?? null,
  }));
  if (rows.length === 0) return;
  try {
    await db.insertInto('usage_events').values(rows).execute();
  } catch (error) {
    log.warn({ err: error, kinds: rows.map((r) => r.kind) }, 'usage not recorded');
  }
}
