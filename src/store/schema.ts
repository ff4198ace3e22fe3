/** The typed shape of the one SQL schema, for the query builder. Migrations create it. */
import type { ColumnType, Generated } from 'kysely';

export type Role = 'moderator' | 'member' | 'guest';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

/** Platform event ids already handled, so that a redelivery is not handled twice. */
export interface ProcessedEventsTable {
  event_key: string;
  received_at: CreatedAt;
}

/** One row per person the bot knows: preferences and any role granted in the store. */
export interface PeopleTable {
  platform: string;
  workspace_id: string;
  user_id: string;
  display_name: string | null;
  /** A role granted in the store; null means the role follows from the access configuration. */
  role: Role | null;
  lang: string | null;
  guest_expires_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Who changed what: roles, moderation, deletions. */
export interface AuditLogTable {
  id: Generated<string>;
  at: CreatedAt;
  actor: string;
  action: string;
  subject: string;
  detail: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface Database {
  processed_events: ProcessedEventsTable;
  people: PeopleTable;
  audit_log: AuditLogTable;
}
