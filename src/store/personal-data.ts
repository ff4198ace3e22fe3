/**
 * Everything the store holds about one person (`my-data`), and its deletion (`forget-me`). A person
 * is `platform:userId` (in every workspace); a web person's account is their login (= userId). Forgetting keeps only anonymous counts: their votes in
 * named polls, and their anonymous ballots (whose key can be recomputed from their id), become
 * ballots nobody can link back, their usage events lose their name, their name is taken off
 * what stays forum content (topics, polls, the audit trail); everything else about them is deleted,
 * in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { voterKey, voterOf } from './polls.ts';
import { rateLimitKey, SIGN_IN_LIMITS } from './rate-limits.ts';
import type { Database } from './schema.ts';
import { webChatChannel } from './web-chat.ts';

export interface PersonId {
  platform: string;
  userId: string;
}

/** What stands for a forgotten person where a name must remain (an author, an actor). */
export const FORGOTTEN = 'forgotten';

const ref = (p: PersonId): string => `${p.platform}:${p.userId}`;

/** Everything stored about the person, section by section (for the file they receive). */
export async function personalData(db: Kysely<Database>, person: PersonId): Promise<Record<string, unknown[]>> {
  const who = ref(person);
  const [people, questions, feedback, proposals, replies, ballots, choices, polls, webPosts, usage, audit, guestRequests] = await Promise.all([
    db.selectFrom('people').select(['workspace_id', 'display_name', 'role', 'lang', 'guest_expires_at', 'may_propose', 'created_at']).where('platform', '=', person.platform).where('user_id', '=', person.userId).execute(),
    db.selectFrom('questions').select(['asked_at', 'workspace_id', 'question', 'lang', 'answered']).where('platform', '=', person.platform).where('user_id', '=', person.userId).orderBy('asked_at').execute(),
    db.selectFrom('answer_feedback').select(['question_id', 'helpful', 'given_at']).where('platform', '=', person.platform).where('user_id', '=', person.userId).execute(),
    db.selectFrom('topics').select(['id', 'title', 'description', 'status', 'created_at']).where('author', '=', who).orderBy('id').execute(),
    db.selectFrom('topic_replies').select(['topic_id', 'text', 'at']).where('author', '=', who).orderBy('at').execute(),
    db.selectFrom('poll_ballots').innerJoin('polls', 'polls.id', 'poll_ballots.poll_id').select(['polls.id', 'polls.question', 'poll_ballots.option', 'poll_ballots.voted_at']).where('poll_ballots.voter', '=', who).execute(),
    db.selectFrom('poll_choices').innerJoin('polls', 'polls.id', 'poll_choices.poll_id').select(['polls.id', 'polls.question', 'poll_choices.option', 'poll_choices.voted_at']).where('poll_choices.voter', '=', who).execute(),
    db.selectFrom('polls').select(['id', 'question', 'created_at', 'status']).where('creator', '=', who).execute(),
    db.selectFrom('web_posts').select(['channel_id', 'thread_id', 'text', 'posted_at']).where('author', '=', who).execute(),
    db.selectFrom('usage_events').select(['at', 'kind', 'subject']).where('person', '=', who).orderBy('at').execute(),
    db.selectFrom('audit_log').select(['at', 'action', 'subject']).where((eb) => eb.or([eb('actor', '=', who), eb('subject', '=', who)])).orderBy('at').execute(),
    db
      .selectFrom('guest_requests')
      .select(['id', 'platform', 'user_id', 'display_name', 'days', 'requested_by', 'requested_at', 'status', 'decided_at'])
      .where((eb) => eb.or([eb('requested_by', '=', who), eb.and([eb('platform', '=', person.platform), eb('user_id', '=', person.userId)])]))
      .orderBy('id')
      .execute(),
  ]);
  const web = person.platform === 'web' ? await webAccountData(db, person.userId) : { webAccount: [], webSessions: [], webSignInLinks: [] };
  return {
    profile: people,
    questions,
    answerFeedback: feedback,
    topicProposals: proposals,
    topicReplies: replies,
    pollVotes: [...ballots, ...choices],
    pollsCreated: polls,
    webReplies: webPosts,
    usage,
    moderatorActions: audit,
    guestRequests,
    ...web,
  };
}

/** A web person's account (never its password hash), their signed-in browsers and sign-in links. */
async function webAccountData(db: Kysely<Database>, login: string): Promise<Record<'webAccount' | 'webSessions' | 'webSignInLinks', unknown[]>> {
  const [accounts, sessions, links] = await Promise.all([
    db.selectFrom('web_accounts').select(['login', 'display_name', 'kind', 'created_at', 'disabled_at', 'password_hash']).where('login', '=', login).execute(),
    db.selectFrom('web_sessions').select(['created_at', 'expires_at']).where('login', '=', login).orderBy('created_at').execute(),
    db.selectFrom('web_sign_in_links').select(['created_at', 'expires_at', 'used_at']).where('login', '=', login).orderBy('created_at').execute(),
  ]);
  const webAccount = accounts.map(({ password_hash: hash, ...account }) => ({ ...account, has_password: hash !== null }));
  return { webAccount, webSessions: sessions, webSignInLinks: links };
}

/**
 * A personal chat's stored reference names the person (Teams): the whole reference goes. A team's
 * or group chat's reference may name who added the bot: that name goes, the conversation stays.
 */
async function forgetInConversations(trx: Transaction<Database>, person: PersonId): Promise<number> {
  const rows = await trx.selectFrom('conversations').select(['conversation_id', 'kind', 'reference']).where('platform', '=', person.platform).execute();
  let changed = 0;
  for (const row of rows) {
    const reference = JSON.parse(row.reference) as { user?: { id?: string; aadObjectId?: string } };
    if (reference.user?.aadObjectId !== person.userId && reference.user?.id !== person.userId) continue;
    if (row.kind === 'direct') {
      await trx.deleteFrom('conversations').where('platform', '=', person.platform).where('conversation_id', '=', row.conversation_id).execute();
    } else {
      delete reference.user;
      await trx.updateTable('conversations').set({ reference: JSON.stringify(reference) }).where('platform', '=', person.platform).where('conversation_id', '=', row.conversation_id).execute();
    }
    changed++;
  }
  return changed;
}

/** A LIKE pattern matching `text` anywhere. */
const like = (text: string): string => `%${text.replace(/[%_\\]/g, '\\$&')}%`;

/** Anonymous ballot keys re-keyed per statement. */
const REKEY_BATCH = 1000;

/** Deletes the person's data (see the module comment); returns how many rows went or lost their name. */
export async function forgetPerson(db: Kysely<Database>, person: PersonId, options: { pollVoterKey?: string | undefined } = {}): Promise<number> {
  const who = ref(person);
  // Their anonymous ballots are keyed by a hash of the poll and their id: computable for every
  // poll by whoever has the key, so re-keyed too (read before the transaction: it may create the key).
  const key = await voterKey(db, options.pollVoterKey);
  return db.transaction().execute(async (trx) => {
    let changed = 0;
    const count = (result: { numDeletedRows?: bigint; numUpdatedRows?: bigint }[]): void => {
      for (const r of result) changed += Number(r.numDeletedRows ?? r.numUpdatedRows ?? 0);
    };
    count(await trx.deleteFrom('answer_feedback').where('platform', '=', person.platform).where('user_id', '=', person.userId).execute());
    // Feedback by others on the person's questions goes with them.
    count(
      await trx
        .deleteFrom('answer_feedback')
        .where('question_id', 'in', trx.selectFrom('questions').select('id').where('platform', '=', person.platform).where('user_id', '=', person.userId))
        .execute(),
    );
    count(await trx.deleteFrom('questions').where('platform', '=', person.platform).where('user_id', '=', person.userId).execute());
    count(await trx.deleteFrom('people').where('platform', '=', person.platform).where('user_id', '=', person.userId).execute());
    // Files waiting for their consent (Teams) go.
    if (person.platform === 'teams') count(await trx.deleteFrom('pending_files').where('user_id', '=', person.userId).execute());
    if (person.platform === 'web') {
      // A web person's account goes, with their sessions (signed out everywhere) and sign-in links.
      count(await trx.deleteFrom('web_sessions').where('login', '=', person.userId).execute());
      count(await trx.deleteFrom('web_sign_in_links').where('login', '=', person.userId).execute());
      count(await trx.deleteFrom('web_accounts').where('login', '=', person.userId).execute());
      // The count of failed sign-ins to their login names it.
      count(await trx.deleteFrom('rate_limits').where('key', '=', rateLimitKey(SIGN_IN_LIMITS.login, person.userId)).execute());
      // Their chat with the bot, the bot's cards in it included.
      count(await trx.deleteFrom('web_posts').where('channel_id', '=', webChatChannel(person.userId)).execute());
    }
    // What they sent that waits in the inbox, or was parked there, goes (a row being run now is
    // left to finish: its words are dropped when it is done).
    count(
      await trx
        .deleteFrom('inbox')
        .where('platform', '=', person.platform)
        .where(sql<string>`payload::text`, 'like', like(JSON.stringify(person.userId)))
        .where((eb) => eb.or([eb('status', '=', 'parked'), eb('claimed_until', 'is', null), eb('claimed_until', '<', sql<Date>`now()`)]))
        .execute(),
    );
    count(await trx.deleteFrom('topic_replies').where('author', '=', who).execute());
    count(await trx.deleteFrom('web_posts').where('author', '=', who).execute());
    // Proposals not taken stay theirs alone: deleted. Topics that became the forum's lose the name.
    count(await trx.deleteFrom('topics').where('author', '=', who).where('status', 'in', ['proposed', 'rejected']).execute());
    count(await trx.updateTable('topics').set({ author: FORGOTTEN }).where('author', '=', who).execute());
    count(await trx.updateTable('topic_events').set({ detail: null }).where('actor', '=', who).where('detail', 'is not', null).execute());
    count(await trx.updateTable('topic_events').set({ actor: FORGOTTEN }).where('actor', '=', who).execute());
    count(await trx.updateTable('topic_schedule').set({ updated_by: FORGOTTEN }).where('updated_by', '=', who).execute());
    count(await trx.updateTable('polls').set({ creator: FORGOTTEN }).where('creator', '=', who).execute());
    count(await trx.updateTable('polls').set({ closed_by: FORGOTTEN }).where('closed_by', '=', who).execute());
    // Their votes stay counted, as anonymous ballots nobody can link back.
    const anonymous = `anon:forgotten:${randomUUID()}`;
    count(await trx.updateTable('poll_ballots').set({ voter: anonymous }).where('voter', '=', who).execute());
    count(await trx.updateTable('poll_choices').set({ voter: anonymous }).where('voter', '=', who).execute());
    const anonymousPolls = await trx.selectFrom('polls').select(['id', 'anonymous']).where('anonymous', '=', true).execute();
    const hashes = anonymousPolls.map((poll) => voterOf(poll, who, key));
    for (let i = 0; i < hashes.length; i += REKEY_BATCH) {
      const batch = hashes.slice(i, i + REKEY_BATCH);
      count(await trx.updateTable('poll_ballots').set({ voter: anonymous }).where('voter', 'in', batch).execute());
      count(await trx.updateTable('poll_choices').set({ voter: anonymous }).where('voter', 'in', batch).execute());
    }
    count(await trx.updateTable('usage_events').set({ person: null }).where('person', '=', who).execute());
    // A request to invite them goes; requests they made or decided stay as the forum's, without their name.
    count(await trx.deleteFrom('guest_requests').where('platform', '=', person.platform).where('user_id', '=', person.userId).execute());
    count(await trx.updateTable('guest_requests').set({ requested_by: FORGOTTEN }).where('requested_by', '=', who).execute());
    count(await trx.updateTable('guest_requests').set({ decided_by: FORGOTTEN }).where('decided_by', '=', who).execute());
    // What they wrote in their own words (a report's reason, a rejection's) goes; the action stays.
    const reasons = await sql`update audit_log set detail = detail - 'reason' where actor = ${who} and detail ? 'reason'`.execute(trx);
    changed += Number(reasons.numAffectedRows ?? 0);
    count(await trx.updateTable('audit_log').set({ actor: FORGOTTEN }).where('actor', '=', who).execute());
    count(await trx.updateTable('audit_log').set({ subject: FORGOTTEN }).where('subject', '=', who).execute());
    // Details written by the audit log (a role change's target, a report's author) name them too.
    const details = await sql`update audit_log set detail = '{"forgotten": true}'::jsonb
      where detail::text like ${like(who)} or detail::text like ${like(JSON.stringify(person.userId))}`.execute(trx);
    changed += Number(details.numAffectedRows ?? 0);
    changed += await forgetInConversations(trx, person);
    return changed;
  });
}
