/**
 * Membership, privacy and the moderators' figures in Slack over HTTP, as Slack drives them: the
 * real host and Bolt app, signed events, slash commands and button clicks, the Web API played by the
 * recording fake, an embedded store and an injected clock. An outsider is refused and nothing is
 * kept; `my-data` sends a person's scripted activity back as a JSON file, exactly; `forget-me`
 * confirmed by its button leaves their id in no column of any table while the counts stay; a member
 * is refused `stats`, and a moderator's card shows the figures of a scripted week.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../adapters/host/server.ts';
import { ACTIONS } from '../../../src/core/actions.ts';
import { loadConfig } from '../../../src/config.ts';
import { messages } from '../../../src/i18n/index.ts';
import { silentLogger } from '../../../src/log.ts';
import { ingestMarkdown } from '../../../src/rag/ingest/ingest.ts';
import { type Store } from '../../../src/store/index.ts';
import { findPoll, pollPosts, tallyPoll } from '../../../src/store/polls.ts';
import { topicReplies } from '../../../src/store/topic-replies.ts';
import { topicPosts } from '../../../src/store/topics.ts';
import { inboxSettled } from '../../support/inbox-settled.ts';
import { FILE_UPLOAD, useFakeSlack, type SlackCall } from '../../support/fake-slack.ts';
import { SIGNING_SECRET, TEAM_ID } from '../../support/slack-requests.ts';
import { buttonsOf, shownLines, slackForumDriver, type SlackForumDriver, type SlackMessageAt } from '../../support/slack/forum-driver.ts';
import { openTestStore } from '../../support/pglite-template.ts';

const fake = useFakeSlack();
const en = messages('en');
const fr = messages('fr');
const OTHER_TEAM = 'T0002';
const KNOWN = 'How does a member state request technical assistance?';
const CAKE = 'What is the recipe for a chocolate cake?';
/** A forum on its own embedded store, its clock in the test's hands, one knowledge document indexed. */
async function startForum(env: Record<string, string>, clock: { now: Date }): Promise<{ host: Host; store: Store; forum: SlackForumDriver; close: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-slack-privacy-'));
  const store = await openTestStore();
  const config = loadConfig(
    { HOST: '127.0.0.1', TA_FORUM_DATA_DIR: dataDir, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake().apiUrl, MODERATORS: 'slack:U0MOD', DISCUSSION_CHANNELS: 'slack:C0FORUM', ...env },
    { port: 0 },
  );
  const host = await startHost(config, silentLogger(), { store, ingestKnowledge: false, now: () => clock.now });
  await host.scheduler.stop();
  const markdown = readFileSync(new URL('../../../knowledge/docs/en/requesting-assistance.md', import.meta.url), 'utf8');
  await ingestMarkdown(host.app.services.knowledge, store.db, { source: 'docs/requesting-assistance.md', title: 'How a member state requests technical assistance', lang: 'en', category: null, markdown }, clock.now);
  const close = async (): Promise<void> => {
    await host.close();
    await store.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { host, store, forum: slackForumDriver(host.url, fake), close };
}

/** `#12` in an answer. */
const idIn = (call: SlackCall): string => /#(\d+)/.exec(shownLines(call).join('\n'))?.[1] ?? '';

/** A poll created with `/forum poll …` in C0FORUM: its id, its message and its buttons. */
async function createPoll(store: Store, forum: SlackForumDriver, text: string): Promise<{ id: string; at: SlackMessageAt; buttons: ReturnType<typeof buttonsOf> }> {
  const before = fake().calls.length;
  await forum.command('U0MOD', text);
  const post = await fake().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0FORUM' && forum.indexOf(c) >= before);
  const buttons = buttonsOf(post);
  const id = buttons[0]?.value.split(':')[0] ?? '';
  await expect.poll(async () => (await pollPosts(store.db, id)).length).toBe(1);
  return { id, at: { channel: 'C0FORUM', ts: (await pollPosts(store.db, id))[0]?.message_id ?? '' }, buttons };
}

/** A topic proposed, approved and posted now by the moderator: its id and its post in C0FORUM. */
async function postTopic(store: Store, forum: SlackForumDriver, title: string): Promise<{ id: string; at: SlackMessageAt }> {
  const id = idIn(await forum.command('U0MOD', `topic propose ${title}`));
  await forum.command('U0MOD', `topic approve ${id}`);
  await forum.command('U0MOD', 'topic post-now');
  const [post] = await topicPosts(store.db, id);
  return { id, at: { channel: 'C0FORUM', ts: post?.message_id ?? '' } };
}

/** Every column of every row of every table of the store holding `text`: `table.column: row`. */
async function rowsNaming(store: Store, text: string): Promise<string[]> {
  const { rows: tables } = await sql<{ table_schema: string; table_name: string }>`select table_schema, table_name from information_schema.tables
    where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE' order by 1, 2`.execute(store.db);
  expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['people', 'questions', 'usage_events', 'poll_ballots', 'audit_log']));
  const found: string[] = [];
  for (const { table_schema: schema, table_name: table } of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(`${schema}.${table}`)}`.execute(store.db);
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (JSON.stringify(value ?? null).includes(text)) found.push(`${table}.${column}: ${JSON.stringify(row)}`);
      }
    }
  }
  return found;
}

/**
 * Waits until the inbox holds no request under way: a request's row keeps the person's words until
 * it is marked done, a moment after its answer was sent.
 */
const inboxIdle = (store: Store): Promise<void> =>
  expect.poll(async () => (await store.db.selectFrom('inbox').select('id').where('status', '=', 'pending').execute()).length).toBe(0);

const count = async (store: Store, table: 'usage_events' | 'questions'): Promise<number> =>
  Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('membership and privacy over Slack', () => {
  const clock = { now: new Date('2026-11-24T09:00:00Z') };
  /** One minute later: each step of the script has its own time. */
  const tick = (): Date => (clock.now = new Date(clock.now.getTime() + 60_000));
  let store: Store;
  let forum: SlackForumDriver;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, forum, close } = await startForum({ SLACK_ALLOWED_WORKSPACES: TEAM_ID }, clock));
  });
  afterAll(() => close());

  it('refuses an outsider privately, to a slash command and a direct message, and keeps nothing about them', async () => {
    const events = await count(store, 'usage_events');
    const answer = await forum.command('U0EVE', KNOWN, { teamId: 'T0OUTSIDE' });
    expect(answer.body.response_type).toBe('ephemeral');
    expect(shownLines(answer)).toEqual([en.access.refused]);
    const dm = await forum.directMessage('U0EVE', KNOWN, { teamId: 'T0OUTSIDE' });
    expect(dm.body.channel).toBe('D0EVE');
    expect(shownLines(dm)).toEqual([en.access.refused]);
    await inboxSettled(store.db);
    // One answer each, and no placeholder, file or post anywhere else.
    expect(fake().calls.filter((c) => ['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'response_url', 'views.open'].includes(c.method))).toEqual([answer, dm]);
    expect(await count(store, 'questions')).toBe(0);
    expect(await count(store, 'usage_events')).toBe(events);
    expect(await rowsNaming(store, 'U0EVE')).toEqual([]);
  });

  let questionId = '';
  let pollId = '';
  let topicId = '';

  it('sends a person everything stored about them as a JSON file in their direct messages, exact to the value', async () => {
    const asked = tick();
    const answer = await forum.ask('U0ANA', KNOWN);
    const helpful = buttonsOf(answer).find((b) => b.action_id.startsWith(`${ACTIONS.qaFeedback}#`) && b.value.endsWith(':1'));
    if (!helpful) throw new Error('the answer has no helpful button');
    questionId = helpful.value.split(':')[0] ?? '';
    const thanked = tick();
    await forum.click('U0ANA', { channel: 'D0ANA', ts: String(answer.body.ts) }, helpful);
    await fake().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0ANA' && shownLines(c).includes(en.ask.thanks));

    const proposed = tick();
    const proposal = idIn(await forum.command('U0ANA', 'topic propose Peer reviews | Ana would like to compare notes'));
    const poll = await createPoll(store, forum, 'poll "Next format?" "Webinar" "Workshop"');
    pollId = poll.id;
    const voted = tick();
    await forum.click('U0ANA', poll.at, poll.buttons[1]!);
    await forum.click('U0BEN', poll.at, poll.buttons[0]!);
    await expect.poll(async () => (await tallyPoll(store.db, (await findPoll(store.db, pollId))!)).voters).toBe(2);

    const topic = await postTopic(store, forum, 'Mentoring new delegates');
    topicId = topic.id;
    const replied = tick();
    await forum.threadReply('U0ANA', topic.at, 'My mentor was from the delegation next door.');
    await forum.threadReply('U0BEN', topic.at, 'We pair newcomers for a month.');
    await expect.poll(async () => (await topicReplies(store.db, topicId)).length).toBe(2);
    tick();
    expect(shownLines(await forum.command('U0ANA', 'lang fr'))).toContain(fr.lang.set);

    const since = fake().calls.length;
    const confirmation = await forum.command('U0ANA', 'my-data');
    const after = (method: string) => fake().waitFor((c) => c.method === method && forum.indexOf(c) >= since);
    const [open, named, upload, complete] = await Promise.all(['conversations.open', 'files.getUploadURLExternal', FILE_UPLOAD, 'files.completeUploadExternal'].map(after));
    expect(open?.body.users).toBe('U0ANA');
    expect(named?.body.filename).toBe('my-data.json');
    expect(complete?.body).toMatchObject({ channel_id: 'D0ANA', files: [{ title: fr.privacy.myDataTitle }] });
    expect(shownLines(confirmation)).toEqual([fr.privacy.myDataSent({ file: 'my-data.json' })]);

    const data = JSON.parse(upload?.bytes?.toString('utf8') ?? '{}') as Record<string, unknown>;
    const at = (d: Date): string => d.toISOString();
    const expected: Record<string, unknown> = {
      person: 'slack:U0ANA',
      // The profile's other columns (membership work adds some) are not the point here.
      profile: [expect.objectContaining({ workspace_id: TEAM_ID, display_name: null, role: null, lang: 'fr', guest_expires_at: null }) as unknown],
      questions: [{ asked_at: at(asked), workspace_id: TEAM_ID, question: KNOWN, lang: 'en', answered: true }],
      answerFeedback: [{ question_id: questionId, helpful: true, given_at: at(thanked) }],
      topicProposals: [{ id: proposal, title: 'Peer reviews', description: 'Ana would like to compare notes', status: 'proposed', created_at: at(proposed) }],
      topicReplies: [{ topic_id: topicId, text: 'My mentor was from the delegation next door.', at: expect.any(String) as string }],
      // A vote's time is when Slack delivered the click (the adapter's clock, as a topic reply's).
      pollVotes: [{ id: pollId, question: 'Next format?', option: 1, voted_at: expect.any(String) as string }],
      pollsCreated: [],
      webReplies: [],
      usage: [
        { at: at(asked), kind: 'question_asked', subject: questionId },
        { at: at(asked), kind: 'question_answered', subject: questionId },
        { at: at(thanked), kind: 'feedback', subject: questionId },
        { at: at(voted), kind: 'poll_answered', subject: pollId },
        { at: at(replied), kind: 'reply_counted', subject: topicId },
      ],
      moderatorActions: [],
    };
    const [known, added] = [true, false].map((is) => Object.fromEntries(Object.entries(data).filter(([key]) => key in expected === is)));
    expect(known).toEqual(expected);
    // Sections added since (the membership work's) hold nothing of hers: she did nothing else.
    expect(added).toEqual(Object.fromEntries(Object.keys(added ?? {}).map((key) => [key, []])));
    // Nobody else's activity is in it: not Ben's vote or reply, not the moderator's poll or topic.
    expect(JSON.stringify(data)).not.toMatch(/U0BEN|U0MOD|newcomers/);
  });

  it('forgets the person once they click the confirm button: their id is in no column of any table, the counts stay', async () => {
    await inboxIdle(store);
    const before = await rowsNaming(store, 'U0ANA');
    const tables = [...new Set(before.map((row) => row.split('.')[0]))];
    expect(tables).toEqual(expect.arrayContaining(['answer_feedback', 'people', 'poll_ballots', 'questions', 'topic_replies', 'topics', 'usage_events']));
    const ben = await rowsNaming(store, 'U0BEN');
    expect(ben.length).toBeGreaterThan(2);
    const events = await count(store, 'usage_events');
    const anonymous = await store.db.selectFrom('usage_events').select('kind').where('person', 'is', null).execute();

    const asked = await forum.command('U0ANA', 'forget-me');
    expect(shownLines(asked)).toContain(fr.privacy.forgetAsk);
    const [confirm] = buttonsOf(asked);
    expect(confirm?.action_id.replace(/#\d+$/, '')).toBe(ACTIONS.forgetConfirm);
    // Nothing goes until the button is clicked.
    await inboxIdle(store);
    expect(await rowsNaming(store, 'U0ANA')).toEqual(before);

    // The button is on the command's private answer: Slack sends the click with is_ephemeral and a response_url.
    const responseUrl = fake().responseUrl('forget-confirm');
    await forum.click('U0ANA', { channel: 'C0FORUM', ts: '1764000000.000100' }, confirm!, { responseUrl });
    const done = await fake().waitFor((c) => c.method === 'response_url' && c.path.endsWith('/forget-confirm'));
    expect(shownLines(done)).toEqual([fr.privacy.forgotten]);

    await inboxIdle(store);
    expect(await rowsNaming(store, 'U0ANA')).toEqual([]);
    // Her vote still counts, as an anonymous ballot; the figures keep her events without her name.
    const poll = await findPoll(store.db, pollId);
    expect(await tallyPoll(store.db, poll!)).toEqual({ counts: [1, 1], voters: 2 });
    expect(await count(store, 'usage_events')).toBe(events);
    const nowAnonymous = await store.db.selectFrom('usage_events').select('kind').where('person', 'is', null).execute();
    expect(nowAnonymous.map((e) => e.kind).sort()).toEqual(
      [...anonymous.map((e) => e.kind), 'question_asked', 'question_answered', 'feedback', 'poll_answered', 'reply_counted'].sort(),
    );
    // Her reply and question are gone; Ben's rows are exactly as they were.
    expect((await topicReplies(store.db, topicId)).map((r) => r.author)).toEqual(['slack:U0BEN']);
    expect(await count(store, 'questions')).toBe(0);
    expect(await rowsNaming(store, 'U0BEN')).toEqual(ben);
  });
});

describe('the moderators’ figures over Slack', () => {
  const clock = { now: new Date('2026-11-18T10:00:00Z') };
  const on = (iso: string): void => {
    clock.now = new Date(iso);
  };
  let store: Store;
  let forum: SlackForumDriver;
  let close: () => Promise<void>;
  const OTHER = { teamId: OTHER_TEAM };
  const SKI = 'Which ski resort has the most snow in winter?';
  /** Waits until the usage record has `n` events (votes and replies are answered with nothing). */
  const recorded = (n: number) => expect.poll(() => count(store, 'usage_events'), { timeout: 10_000 }).toBe(n);

  beforeAll(async () => {
    ({ store, forum, close } = await startForum({ SLACK_ALLOWED_WORKSPACES: `${TEAM_ID},${OTHER_TEAM}`, WORKSPACE_NAMES: `slack:${TEAM_ID}=Republic of Testland` }, clock));
  });
  afterAll(() => close());

  it('refuses `stats` to a member privately, and gives a moderator the exact figures of a scripted week', async () => {
    /** Asks in a DM; the answer says whether the knowledge base answered (it has feedback buttons then). */
    const ask = async (user: string, text: string, answered: boolean, options: { teamId?: string } = {}): Promise<void> => {
      const answer = await forum.ask(user, text, options);
      expect(buttonsOf(answer).length > 0, `${user}: ${text}`).toBe(answered);
    };
    // The week before: Eve (second workspace) asks something the knowledge base answers.
    await ask('U0EVE', KNOWN, true, OTHER);
    // The week of Monday 23 November.
    on('2026-11-23T09:00:00Z');
    await ask('U0ANA', KNOWN, true);
    on('2026-11-23T10:00:00Z');
    await ask('U0BEN', CAKE, false);
    on('2026-11-24T09:00:00Z');
    await ask('U0CHLOE', KNOWN, true, OTHER);
    await ask('U0CHLOE', SKI, false, OTHER);
    on('2026-11-25T09:00:00Z');
    const poll = await createPoll(store, forum, 'poll "Which day suits the webinar?" "Tuesday" "Thursday"');
    await forum.click('U0ANA', poll.at, poll.buttons[0]!);
    await forum.click('U0DAN', poll.at, poll.buttons[1]!, OTHER);
    // Two events a question (asked, then answered or not), one a first vote.
    await recorded(12);
    // A changed vote is no second answer.
    await forum.click('U0ANA', poll.at, poll.buttons[1]!);
    await expect.poll(async () => (await tallyPoll(store.db, (await findPoll(store.db, poll.id))!)).counts).toEqual([0, 2]);
    on('2026-11-26T09:00:00Z');
    const topic = await postTopic(store, forum, 'Evaluating a year later');
    await forum.threadReply('U0BEN', topic.at, 'We run a review a year after the end.');
    await forum.threadReply('U0BEN', topic.at, 'And we share it with the donors.');
    await forum.threadReply('U0FAY', topic.at, 'We ask the beneficiaries first.', OTHER);
    // The topic's post (nobody's, in no workspace) and three replies.
    await recorded(16);
    on('2026-11-27T09:00:00Z');
    await ask('U0DAN', CAKE, false, OTHER);
    on('2026-11-28T09:00:00Z');
    await ask('U0ANA', KNOWN, true);
    on('2026-11-29T18:00:00Z');

    const refused = await forum.command('U0BEN', 'stats');
    expect(refused.body.response_type).toBe('ephemeral');
    expect(shownLines(refused)).toEqual([en.access.moderatorOnly({ command: 'stats' })]);

    const card = await forum.command('U0MOD', 'stats');
    expect(card.body.response_type).toBe('ephemeral');
    const m = en.stats;
    const item = (text: string): string => `• ${text}`;
    expect(shownLines(card)).toEqual([
      m.title({ weeks: 4 }),
      m.byWeek,
      item(m.week({ week: 'November 2, 2026', active: 0, questions: 0, share: '0%' })),
      item(m.week({ week: 'November 9, 2026', active: 0, questions: 0, share: '0%' })),
      // Eve alone.
      item(m.week({ week: 'November 16, 2026', active: 1, questions: 1, share: '100%' })),
      // Ana, Ben, Chloe, Dan and Fay; Ana ×2, Ben, Chloe ×2, Dan asked, three of them answered.
      item(m.week({ week: 'November 23, 2026', active: 5, questions: 6, share: '50%' })),
      m.byWorkspace,
      // Eve, Chloe, Dan, Fay; then Ana and Ben under the workspace's configured name.
      item(m.workspace({ name: `slack:${OTHER_TEAM}`, active: 4, questions: 4, share: '50%' })),
      item(m.workspace({ name: 'Republic of Testland', active: 2, questions: 3, share: '67%' })),
      m.topics,
      item(m.topic({ id: topic.id, title: 'Evaluating a year later', replies: 3, participants: 2 })),
      m.polls,
      item(m.poll({ id: poll.id, question: 'Which day suits the webinar?', voters: 2, open: true })),
      m.unanswered,
      item(m.unansweredItem({ question: CAKE.toLowerCase(), times: 2 })),
      item(m.unansweredItem({ question: SKI.toLowerCase(), times: 1 })),
    ]);
    // Only the moderator saw it, and only through the command's response_url.
    expect(fake().calls.filter((c) => ['chat.postMessage', 'chat.postEphemeral'].includes(c.method) && c.body.channel === 'C0FORUM' && forum.indexOf(c) > forum.indexOf(refused))).toEqual([]);
  });
});
