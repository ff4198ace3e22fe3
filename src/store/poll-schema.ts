/** The poll tables (migration 0011), as the query builder sees them. */
import type { ColumnType, Generated } from 'kysely';

export type PollKind = 'single' | 'multi' | 'rating';
export type PollStatus = 'open' | 'closed';

export interface PollsTable {
  id: Generated<string>;
  question: string;
  /** The options' labels in order (a rating poll: '1' … '5'). */
  options: ColumnType<string[], string, string>;
  kind: PollKind;
  anonymous: boolean;
  /** The language of the question (the creator's). */
  lang: string;
  /** `platform:userId` of the creator. */
  creator: string;
  status: PollStatus;
  closes_at: Date | null;
  created_at: Date;
  closed_at: Date | null;
  closed_by: string | null;
}

/** A poll's message in one conversation (refreshed in place with the counts). */
export interface PollPostsTable {
  poll_id: string;
  platform: string;
  conversation_id: string;
  workspace_id: string;
  message_id: string;
  posted_at: Date;
}

/** A single-choice or rating vote: one row per voter. */
export interface PollBallotsTable {
  poll_id: string;
  /** `platform:userId`, or a keyed hash for an anonymous poll. */
  voter: string;
  option: number;
  voted_at: Date;
}

/** A multiple-choice pick: one row per voter and option. */
export type PollChoicesTable = PollBallotsTable;

export interface ForumSecretsTable {
  name: string;
  value: string;
}

/** When a poll's messages were last redrawn (by any instance). */
export interface PollRedrawsTable {
  poll_id: string;
  last_at: Date;
}
