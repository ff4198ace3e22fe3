/** Questions asked and the feedback on their answers, for the moderator's list of gaps. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { PersonKey } from '../store/people.ts';
import type { Answer } from './answer-types.ts';

export async function recordQuestion(db: Kysely<Database>, person: PersonKey, answer: Answer, now: Date): Promise<string> {
  const row = await db
    .insertInto('questions')
    .values({
      asked_at: now,
      platform: person.platform,
      workspace_id: person.workspaceId,
      user_id: person.userId,
      question: answer.question,
      lang: answer.language,
      answered: answer.answered,
      support: answer.support,
      sources: JSON.stringify(answer.citations.map((c) => c.source)),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** Stores a helpful / not helpful click; a second click by the same person replaces the first. */
export async function recordFeedback(
  db: Kysely<Database>,
  questionId: string,
  person: PersonKey,
  helpful: boolean,
  now: Date,
): Promise<boolean> {
  const exists = await db.selectFrom('questions').select('id').where('id', '=', questionId).executeTakeFirst();
  if (!exists) return false;
  await db
    .insertInto('answer_feedback')
    .values({ question_id: questionId, platform: person.platform, workspace_id: person.workspaceId, user_id: person.userId, helpful, given_at: now })
    .onConflict((oc) => oc.columns(['question_id', 'platform', 'workspace_id', 'user_id']).doUpdateSet({ helpful, given_at: now }))
    .execute();
  return true;
}

export interface UnansweredQuestion {
  question: string;
  lang: string;
  times: number;
  lastAsked: Date;
}

/** The questions the knowledge base could not answer (or whose answer was found unhelpful), most asked first. */
export async function listUnanswered(db: Kysely<Database>, limit: number): Promise<UnansweredQuestion[]> {
  const rows = await db
    .selectFrom('questions')
    .leftJoin('answer_feedback', (join) =>
      join.onRef('answer_feedback.question_id', '=', 'questions.id').on('answer_feedback.helpful', '=', false),
    )
    .where((eb) => eb.or([eb('questions.answered', '=', false), eb('answer_feedback.helpful', '=', false)]))
    .select((eb) => [
      eb.fn('lower', ['questions.question']).as('question'),
      'questions.lang',
      // Each asking once, however many people found its answer unhelpful (the join repeats it).
      eb.fn.count<string>('questions.id').distinct().as('times'),
      eb.fn.max('questions.asked_at').as('last_asked'),
    ])
    .groupBy([(eb) => eb.fn('lower', ['questions.question']), 'questions.lang'])
    .orderBy('times', 'desc')
    .orderBy('last_asked', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    question: String(r.question),
    lang: r.lang,
    times: Number(r.times),
    lastAsked: new Date(r.last_asked as unknown as string),
  }));
}
