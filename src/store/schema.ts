/** The typed shape of the one SQL schema, for the query builder. Migrations create it. */
import type { ColumnType, Generated } from 'kysely';
import type { ForumSecretsTable, PollBallotsTable, PollChoicesTable, PollPostsTable, PollRedrawsTable, PollsTable } from './poll-schema.ts';
import type { WebAccountsTable, WebSessionsTable, WebSignInLinksTable } from './web-account-schema.ts';

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
  /** A guest the moderator allowed to propose topics. */
  may_propose: ColumnType<boolean, boolean | undefined, boolean>;
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

/** One row per ingested document; `source` is its path or URL and is unique. */
export interface DocumentsTable {
  id: Generated<number>;
  source: string;
  title: string;
  lang: string;
  category: string | null;
  format: string;
  content_hash: string;
  chunk_count: number;
  ingested_at: ColumnType<Date, Date | undefined, Date>;
  embedding_model: string | null;
}

export interface ChunksTable {
  document_id: number;
  ordinal: number;
  heading: string;
  text: string;
  embedding: number[] | null;
}

/** Every question asked, whether it was answered, and the sources it drew on. */
export interface QuestionsTable {
  id: Generated<string>;
  asked_at: ColumnType<Date, Date | undefined, never>;
  platform: string;
  workspace_id: string;
  user_id: string;
  question: string;
  lang: string;
  answered: boolean;
  support: number;
  sources: ColumnType<string[], string | undefined, never>;
}

/** Helpful / not helpful on an answer: one per person and answer, the last click wins. */
export interface AnswerFeedbackTable {
  question_id: string;
  platform: string;
  workspace_id: string;
  user_id: string;
  helpful: boolean;
  given_at: ColumnType<Date, Date | undefined, Date>;
}

/** A conversation the bot can post to unasked, with the platform's opaque reference to it. */
export interface ConversationsTable {
  platform: string;
  conversation_id: string;
  workspace_id: string;
  kind: string;
  /** JSON, owned by the platform's adapter. */
  reference: string;
  active: boolean;
  updated_at: Date;
}

export type TopicStatus = 'proposed' | 'rejected' | 'queued' | 'posted' | 'closed';

/** A discussion topic, from proposal to close. */
export interface TopicsTable {
  id: Generated<string>;
  title: string;
  description: string;
  lang: string;
  category: string | null;
  /** `platform:userId` of the proposer, or `starter` for a topic from the library. */
  author: string;
  status: TopicStatus;
  reject_reason: string | null;
  /** Order in the queue (lower first), while queued. */
  queue_position: number | null;
  starter_id: string | null;
  /** The closing summary (with its counts), once closed. */
  summary: string | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** Every change of a topic: what, who, when. */
export interface TopicEventsTable {
  id: Generated<string>;
  topic_id: string;
  action: string;
  actor: string;
  detail: string | null;
  at: Date;
}

/** The forum's weekly slot (one row). */
export interface TopicScheduleTable {
  id: number;
  weekday: number;
  hour: number;
  minute: number;
  time_zone: string;
  use_starters: boolean;
  updated_by: string;
  updated_at: Date;
}

/** A scheduler job for one slot; its key is the claim. */
export interface ScheduledJobsTable {
  kind: string;
  slot_at: Date;
  outcome: string;
  topic_id: string | null;
  claimed_by: string;
  claimed_at: Date;
  finished_at: Date | null;
}

/** A topic's post in one conversation. */
export interface TopicPostsTable {
  topic_id: string;
  platform: string;
  conversation_id: string;
  message_id: string;
  posted_at: Date;
}

/** A reply under one of a topic's posts; `author` is `platform:userId`. */
export interface TopicRepliesTable {
  platform: string;
  conversation_id: string;
  message_id: string;
  topic_id: string;
  author: string;
  text: string;
  at: Date;
}

/** A topic's title and description in another language. */
export interface TopicTranslationsTable {
  topic_id: string;
  lang: string;
  title: string;
  description: string;
}

/**
 * A post in one of the web page's discussion channels: the bot's card (top-level, or in a thread) or
 * a person's reply in a thread. `author` is `bot` or `web:<userId>`.
 */
export interface WebPostsTable {
  /** A UUID: the MessageRef's messageId. */
  id: string;
  /** Insertion order, for posts of the same instant. */
  seq: Generated<string>;
  channel_id: string;
  /** Null for a top-level post; otherwise the root post's id. */
  thread_id: string | null;
  author: string;
  /** The bot's neutral Card as JSON; null for a person's reply. */
  card: string | null;
  /** A person's reply; '' for the bot's posts. */
  text: string;
  posted_at: Date;
}

/** One thing that happened in the forum (see src/store/usage.ts). */
export interface UsageEventsTable {
  id: Generated<string>;
  at: Date;
  kind: string;
  platform: string;
  workspace_id: string;
  person: string | null;
  subject: string | null;
}

/** A member's request that someone be invited as a guest, decided once by a moderator. */
export interface GuestRequestsTable {
  id: Generated<number>;
  platform: string;
  workspace_id: string;
  user_id: string;
  display_name: string | null;
  days: number;
  /** `platform:userId` of the member who asked. */
  requested_by: string;
  requested_at: Date;
  status: ColumnType<'pending' | 'approved' | 'declined', 'pending' | undefined, 'approved' | 'declined'>;
  decided_by: string | null;
  decided_at: Date | null;
}

/** A counter of failed attempts (sign-in), per key, until `reset_at`. */
export interface RateLimitsTable {
  key: string;
  hits: number;
  reset_at: Date;
}

/** A file waiting for its person's consent (Teams), until `expires_at`. */
export interface PendingFilesTable {
  id: string;
  user_id: string;
  name: string;
  title: string;
  mime: string;
  /** The file's UTF-8 bytes, exactly (a leading BOM included). */
  content: Buffer;
  expires_at: Date;
}

export type InboxStatus = 'pending' | 'done' | 'parked';

/** What a platform sent, kept until it is done (see src/store/inbox.ts). */
export interface InboxTable {
  id: Generated<string>;
  /** `platform:deliveryId`, the de-duplication key (also claimed in `processed_events`). */
  event_key: string;
  platform: string;
  /** The serialized event and what is needed to answer it later (the adapter's own shape). */
  payload: ColumnType<unknown, string, string>;
  status: ColumnType<InboxStatus, InboxStatus, InboxStatus>;
  /** Times the row was taken. */
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Date;
  claimed_by: string | null;
  claimed_until: Date | null;
  last_error: string | null;
  created_at: CreatedAt;
  done_at: Date | null;
}

/** A post already made for an inbox row: its `seq`-th post, and the platform's message id when it has one. */
export interface InboxPostsTable {
  inbox_id: string;
  seq: number;
  message_id: string | null;
  /** The reference the post returned, as JSON (null for posts that return none). */
  ref: ColumnType<unknown, string | null, never>;
  posted_at: Date;
}

export interface Database {
  processed_events: ProcessedEventsTable;
  people: PeopleTable;
  guest_requests: GuestRequestsTable;
  audit_log: AuditLogTable;
  documents: DocumentsTable;
  chunks: ChunksTable;
  questions: QuestionsTable;
  answer_feedback: AnswerFeedbackTable;
  conversations: ConversationsTable;
  topics: TopicsTable;
  topic_events: TopicEventsTable;
  topic_schedule: TopicScheduleTable;
  scheduled_jobs: ScheduledJobsTable;
  topic_posts: TopicPostsTable;
  topic_replies: TopicRepliesTable;
  topic_translations: TopicTranslationsTable;
  web_posts: WebPostsTable;
  polls: PollsTable;
  poll_posts: PollPostsTable;
  poll_ballots: PollBallotsTable;
  poll_choices: PollChoicesTable;
  poll_redraws: PollRedrawsTable;
  forum_secrets: ForumSecretsTable;
  usage_events: UsageEventsTable;
  web_accounts: WebAccountsTable;
  web_sign_in_links: WebSignInLinksTable;
  web_sessions: WebSessionsTable;
  rate_limits: RateLimitsTable;
  pending_files: PendingFilesTable;
  inbox: InboxTable;
  inbox_posts: InboxPostsTable;
}
