/**
 * The figures moderators read (`stats`), computed from the usage record: people active and
 * questions (and the share answered) per week, the same by platform and workspace, replies per
 * topic and answers per poll. Weeks start on Monday, in UTC.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface WeekFigures {
  /** The Monday the week starts on (UTC). */
  week: Date;
  active: number;
  questions: number;
  answered: number;
}

export interface WorkspaceFigures {
  platform: string;
  workspaceId: string;
  active: number;
  questions: number;
  answered: number;
}

export interface TopicFigures {
  id: string;
  title: string;
  replies: number;
  participants: number;
}

export interface PollFigures {
  id: string;
  question: string;
  status: string;
  voters: number;
}

/** People active and questions asked per week since `from`. */
export async function weeklyFigures(db: Kysely<Database>, from: Date): Promise<WeekFigures[]> {
  const { rows } = await sql<{ week: string; active: string; questions: string; answered: string }>`
    select to_char(date_trunc('week', at at time zone 'UTC'), 'YYYY-MM-DD') as week,
      count(distinct person) as active,
      count(*) filter (where kind = 'question_asked') as questions,
      count(*) filter (where kind = 'question_answered') as answered
    from usage_events where at >= ${from}
    group by 1 order by 1`.execute(db);
  return rows.map((r) => ({ week: new Date(`${r.week}T00:00:00Z`), active: Number(r.active), questions: Number(r.questions), answered: Number(r.answered) }));
}

/** The same since `from`, by platform and workspace (or tenant). */
export async function workspaceFigures(db: Kysely<Database>, from: Date): Promise<WorkspaceFigures[]> {
  const { rows } = await sql<{ platform: string; workspace_id: string; active: string; questions: string; answered: string }>`
    select platform, workspace_id,
      count(distinct person) as active,
      count(*) filter (where kind = 'question_asked') as questions,
      count(*) filter (where kind = 'question_answered') as answered
    from usage_events where at >= ${from} and workspace_id <> ''
    group by platform, workspace_id order by count(distinct person) desc, platform, workspace_id`.execute(db);
  return rows.map((r) => ({ platform: r.platform, workspaceId: r.workspace_id, active: Number(r.active), questions: Number(r.questions), answered: Number(r.answered) }));
}

/** The latest topics posted, with their replies and participants. */
export async function topicFigures(db: Kysely<Database>, limit: number): Promise<TopicFigures[]> {
  const { rows } = await sql<{ id: string; title: string; replies: string; participants: string }>`
    select t.id, t.title, count(r.message_id) as replies, count(distinct r.author) as participants
    from topics t left join topic_replies r on r.topic_id = t.id
    where t.status in ('posted', 'closed')
    group by t.id, t.title order by max(t.updated_at) desc, t.id desc limit ${limit}`.execute(db);
  return rows.map((r) => ({ id: String(r.id), title: r.title, replies: Number(r.replies), participants: Number(r.participants) }));
}

/** The latest polls, with how many answered. */
export async function pollFigures(db: Kysely<Database>, limit: number): Promise<PollFigures[]> {
  const { rows } = await sql<{ id: string; question: string; status: string; voters: string }>`
    select p.id, p.question, p.status,
      (select count(distinct voter) from poll_ballots b where b.poll_id = p.id)
        + (select count(distinct voter) from poll_choices c where c.poll_id = p.id) as voters
    from polls p order by p.created_at desc, p.id desc limit ${limit}`.execute(db);
  return rows.map((r) => ({ id: String(r.id), question: r.question, status: r.status, voters: Number(r.voters) }));
}
