/**
 * my-data and forget-me through the dispatcher on a real store: a person's scripted activity
 * (questions, feedback, a proposal, a reply under a topic, votes, a report, a poll they created),
 * the copy they receive, then — after they confirm — no row anywhere still names them, while the
 * counts stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ACTIONS } from '../../src/core/actions.ts';
import { cardToText, textCard } from '../../src/core/card.ts';
import { loadConfig } from '../../src/config.ts';
import type { InboundEvent } from '../../src/core/events.ts';
import { messages } from '../../src/i18n/index.ts';
import { silentLogger } from '../../src/log.ts';
import { createApp, type App } from '../../src/main.ts';
import { findPoll, tallyPoll, voterKey, voterOf } from '../../src/store/polls.ts';
import { enqueueInbox } from '../../src/store/inbox.ts';
import { applyRetentionIfDue } from '../../src/features/privacy/retention-job.ts';
import { addChatCard, addChatMessage } from '../../src/store/web-chat.ts';
import { addBotPost } from '../../src/store/web-posts.ts';
import { RecordingAdapter } from '../support/recording-adapter.ts';
import { RecordingMessenger, TEST_LINK_PREFIX } from '../support/recording-messenger.ts';
import { openTestStore } from '../support/pglite-template.ts';

let n = 0;
function event(userId: string, partial: Partial<InboundEvent> & Pick<InboundEvent, 'type'>): InboundEvent {
  n++;
  return {
    id: `privacy-${n}`,
    platform: 'slack',
    actor: { platform: 'slack', workspaceId: 'T1', userId },
    conversation: { platform: 'slack', workspaceId: 'T1', channelId: 'C0FORUM', kind: 'channel' },
    receivedAt: new Date(),
    ...partial,
  } as InboundEvent;
}

const en = messages('en');

describe('my-data and forget-me', () => {
  let app: App;
  const messenger = new RecordingMessenger();

  beforeAll(async () => {
    const config = loadConfig({ SLACK_ALLOWED_WORKSPACES: 'T1', MODERATORS: 'slack:UMOD', DISCUSSION_CHANNELS: 'slack:C0FORUM' });
    app = await createApp(config, silentLogger(), { store: await openTestStore(), ingestKnowledge: true });
    app.services.messenger = messenger;
  });
  afterAll(() => app.close());

  const send = async (e: InboundEvent): Promise<RecordingAdapter> => {
    const adapter = new RecordingAdapter();
    await app.dispatcher.handle(e, adapter);
    return adapter;
  };
  const say = async (userId: string, text: string): Promise<string[]> => (await send(event(userId, { type: 'message', text }))).texts();

  /** Every row of every table, as text, with the rows naming the person. */
  async function rowsNaming(id: string): Promise<string[]> {
    const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(app.services.store.db);
    const found: string[] = [];
    for (const { table_name: table } of tables.rows) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(app.services.store.db);
      for (const row of rows.rows) if (JSON.stringify(row).includes(id)) found.push(`${table}: ${JSON.stringify(row)}`);
    }
    return found;
  }

  it('gives the person everything stored about them, then forgets them on confirmation, keeping anonymous counts', async () => {
    await send(event('UANA', { type: 'member_joined' }));
    await say('UANA', 'lang fr');
    await say('UANA', 'How does a member state request technical assistance?');
    const questionId = (await app.services.store.db.selectFrom('questions').select(['id']).executeTakeFirstOrThrow()).id;
    await send(event('UANA', { type: 'action', actionId: ACTIONS.qaFeedback, value: `${questionId}:0` }));
    await say('UANA', 'topic propose Peer reviews | Ana would like to compare notes');
    const taken = /#(\d+)/.exec((await say('UANA', 'topic propose Mentoring new delegates'))[0] ?? '')?.[1] ?? '';
    await say('UMOD', `topic approve ${taken}`);
    await say('UMOD', 'topic post-now');
    const root = messenger.posts.at(-1)?.messageId ?? '';
    await send(event('UANA', { type: 'thread_reply', text: 'My mentor was from the delegation next door.', messageId: 'r-ana', conversation: { platform: 'slack', workspaceId: 'T1', channelId: 'C0FORUM', threadId: root, kind: 'channel' } }));
    const named = /#(\d+)/.exec((await say('UMOD', 'poll "Next format?" "Webinar" "Workshop"'))[0] ?? '')?.[1] ?? '';
    const own = /#(\d+)/.exec((await say('UANA', 'poll "Tea or coffee?" "Tea" "Coffee"'))[0] ?? '')?.[1] ?? '';
    await send(event('UANA', { type: 'action', actionId: ACTIONS.pollVote, value: `${named}:1` }));
    await send(event('UBEN', { type: 'action', actionId: ACTIONS.pollVote, value: `${named}:0` }));
    const secret = /#(\d+)/.exec((await say('UMOD', 'poll "Secret ballot?" "Yes" "No" --anonymous'))[0] ?? '')?.[1] ?? '';
    await send(event('UANA', { type: 'action', actionId: ACTIONS.pollVote, value: `${secret}:0` }));
    await say('UANA', `report ${TEST_LINK_PREFIX}slack/C0FORUM/1764000000.000100 off topic`);
    await app.services.polls.idle();
    // A request of hers waiting in the inbox, and one parked there after failing.
    const db = app.services.store.db;
    await enqueueInbox(db, { eventKey: 'slack:Ev-waiting', platform: 'slack', payload: { kind: 'dispatch', event: event('UANA', { type: 'message', text: 'Is this still waiting?' }) } }, new Date());
    await enqueueInbox(db, { eventKey: 'slack:Ev-parked', platform: 'slack', payload: { kind: 'dispatch', event: event('UANA', { type: 'message', text: 'This one failed' }) } }, new Date());
    await db.updateTable('inbox').set({ status: 'parked', last_error: 'failed' }).where('event_key', '=', 'slack:Ev-parked').execute();
    expect((await rowsNaming('UANA')).length).toBeGreaterThan(8);

    // my-data: the copy holds each kind of thing she did.
    const copy = (await say('UANA', 'my-data')).join('\n');
    expect(copy).toContain(messages('fr').privacy.myDataTitle);
    for (const piece of ['How does a member state request technical assistance?', 'Peer reviews', 'Mentoring new delegates', 'My mentor was from the delegation next door.', 'Next format?', 'Tea or coffee?', '"lang": "fr"', 'message.report', 'member_joined']) {
      expect(copy).toContain(piece);
    }

    // forget-me asks first; nothing is deleted until she confirms with the button.
    const asked = await send(event('UANA', { type: 'message', text: 'forget-me' }));
    const button = asked.cards[0]?.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []))[0];
    expect(button).toMatchObject({ actionId: ACTIONS.forgetConfirm, style: 'danger' });
    expect(cardToText(asked.cards[0] ?? { blocks: [] })).toContain(messages('fr').privacy.forgetAsk);
    expect((await rowsNaming('UANA')).length).toBeGreaterThan(8);
    const done = await send(event('UANA', { type: 'action', actionId: ACTIONS.forgetConfirm, value: '' }));
    expect(done.texts()).toEqual([messages('fr').privacy.forgotten]);

    expect(await rowsNaming('UANA')).toEqual([]);
    // Counts stay: her vote still counts, anonymously; the topic she proposed stays, without her name.
    const poll = await findPoll(app.services.store.db, named);
    expect(await tallyPoll(app.services.store.db, poll!)).toEqual({ counts: [1, 1], voters: 2 });
    expect(await findPoll(app.services.store.db, own)).toMatchObject({ creator: 'forgotten' });
    const usage = await app.services.store.db.selectFrom('usage_events').select(['kind']).where('person', 'is', null).execute();
    expect(usage.map((u) => u.kind)).toEqual(expect.arrayContaining(['member_joined', 'question_asked', 'feedback', 'reply_counted', 'poll_answered']));
    // Her anonymous ballot cannot be found again from her id: recomputed for every poll, no key remains.
    const key = await voterKey(app.services.store.db, undefined);
    const polls = await app.services.store.db.selectFrom('polls').select(['id', 'anonymous']).execute();
    const hers = polls.map((p) => voterOf(p, 'slack:UANA', key));
    const ballots = await app.services.store.db.selectFrom('poll_ballots').select('voter').execute();
    const choices = await app.services.store.db.selectFrom('poll_choices').select('voter').execute();
    expect([...ballots, ...choices].filter((b) => hers.includes(b.voter))).toEqual([]);
    expect(await tallyPoll(app.services.store.db, (await findPoll(app.services.store.db, secret))!)).toMatchObject({ voters: 1 });
    // What she wrote in her own words (the report's reason) is gone from the audit log; the report stays.
    const audit = await app.services.store.db.selectFrom('audit_log').select(['action', 'detail']).execute();
    expect(JSON.stringify(audit)).not.toContain('off topic');
    expect(audit.map((a) => a.action)).toContain('message.report');
    // Someone else is untouched.
    expect(await rowsNaming('UBEN')).not.toEqual([]);
    // Afterwards she is a newcomer: English again.
    expect((await say('UANA', 'my-data')).join('\n')).toContain(en.privacy.myDataTitle);
  });
});

describe('the retention period', () => {
  it('removes personal rows older than RETENTION_DAYS once a day, keeping counts and recent rows', async () => {
    const clock = { now: new Date('2026-10-01T10:00:00Z') };
    const config = loadConfig({ SLACK_ALLOWED_WORKSPACES: 'T1', RETENTION_DAYS: '30' });
    const app = await createApp(config, silentLogger(), { store: await openTestStore(), now: () => clock.now, ingestKnowledge: true });
    try {
      const ask = (userId: string, text: string) => app.dispatcher.handle(event(userId, { type: 'message', text }), new RecordingAdapter());
      await ask('UOLD', 'How does a member state request technical assistance?');
      // A web chat of that time (what the person typed and the bot's card), and a post of a discussion channel.
      await addChatMessage(app.services.store.db, { id: 'chat-old', userId: 'visitor', text: 'help' }, clock.now);
      await addChatCard(app.services.store.db, { id: 'chat-old-card', userId: 'visitor', card: textCard('Help') }, clock.now);
      await addBotPost(app.services.store.db, { channelId: 'forum', card: textCard('Topic of the week') }, clock.now);
      clock.now = new Date('2026-11-05T10:00:00Z');
      await ask('UNEW', 'Who can ask for an evaluation?');
      const db = app.services.store.db;
      // Before 03:00 UTC nothing runs; at 03:10 it runs once, whoever else looks.
      clock.now = new Date('2026-11-05T02:59:00Z');
      expect(await applyRetentionIfDue(app.services, 'a')).toBeUndefined();
      clock.now = new Date('2026-11-05T03:10:00Z');
      expect(await applyRetentionIfDue(app.services, 'a')).toBeGreaterThan(0);
      expect(await applyRetentionIfDue(app.services, 'b')).toBeUndefined();
      expect((await db.selectFrom('questions').select(['user_id']).execute()).map((q) => q.user_id)).toEqual(['UNEW']);
      // The whole old chat goes, the bot's card in it too; the forum's post stays.
      expect((await db.selectFrom('web_posts').select(['channel_id']).execute()).map((p) => p.channel_id)).toEqual(['forum']);
      const usage = await db.selectFrom('usage_events').select(['person', 'kind']).where('kind', '=', 'question_asked').orderBy('at').execute();
      expect(usage).toEqual([
        { person: null, kind: 'question_asked' },
        { person: 'slack:UNEW', kind: 'question_asked' },
      ]);
    } finally {
      await app.close();
    }
  });
});
