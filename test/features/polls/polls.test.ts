/**
 * Polls through the dispatcher on a real store: created in a channel (or in every discussion
 * channel), one vote per person enforced by the store, anonymous votes kept as keyed hashes, live
 * counts refreshed in place (coalesced), results with the response rate, CSV export, close by the
 * creator or a moderator, deadlines and the one reminder, the webinar template. The platforms are
 * played by a recording messenger; the HTTP path and the load are tested over the adapters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/core/actions.ts';
import { cardToText, type Card } from '../../../src/core/card.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Conversation, InboundEvent } from '../../../src/core/events.ts';
import { closePollAtDeadline, remindPoll } from '../../../src/features/polls/handle-polls.ts';
import { POLL_REFRESH_MIN_INTERVAL_MS } from '../../../src/features/polls/refresher.ts';
import { messages } from '../../../src/i18n/index.ts';
import { silentLogger } from '../../../src/log.ts';
import { createApp, type App } from '../../../src/main.ts';
import { PollDeadlines } from '../../../src/scheduler/poll-deadlines.ts';
import { findPoll, tallyPoll } from '../../../src/store/polls.ts';
import { RecordingAdapter } from '../../support/recording-adapter.ts';
import { RecordingMessenger } from '../../support/recording-messenger.ts';
import { openTestStore } from '../../support/pglite-template.ts';

const CHANNEL: Conversation = { platform: 'slack', workspaceId: 'T1', channelId: 'C0WEBINAR', kind: 'channel' };
let n = 0;
function event(userId: string, partial: Partial<InboundEvent> & Pick<InboundEvent, 'type'>): InboundEvent {
  n++;
  return {
    id: `polls-${n}`,
    platform: 'slack',
    actor: { platform: 'slack', workspaceId: 'T1', userId },
    conversation: CHANNEL,
    receivedAt: new Date(),
    ...partial,
  } as InboundEvent;
}

const en = messages('en');
const buttonsOf = (card: Card | undefined) => (card?.blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.buttons : []));

describe('polls', () => {
  let app: App;
  const messenger = new RecordingMessenger();
  const clock = { now: new Date('2026-11-23T09:00:00Z') };

  beforeAll(async () => {
    const config = loadConfig({ SLACK_ALLOWED_WORKSPACES: 'T1', MODERATORS: 'slack:UMOD', DISCUSSION_CHANNELS: 'slack:C0FORUM,teams:19:forum@thread.tacv2' });
    app = await createApp(config, silentLogger(), { store: await openTestStore(), now: () => clock.now });
    app.services.messenger = messenger;
  });
  afterAll(() => app.close());

  async function say(userId: string, text: string, conversation: Conversation = CHANNEL): Promise<string[]> {
    const adapter = new RecordingAdapter();
    await app.dispatcher.handle(event(userId, { type: 'message', text, conversation }), adapter);
    return adapter.texts();
  }
  async function vote(userId: string, value: string): Promise<string[]> {
    const adapter = new RecordingAdapter();
    // Clicked at the test's time: a vote's time is its click's.
    await app.dispatcher.handle(event(userId, { type: 'action', actionId: ACTIONS.pollVote, value, receivedAt: clock.now }), adapter);
    return adapter.texts();
  }
  const lastPost = () => messenger.posts.at(-1);

  it('posts a poll in the channel with a button per option, and counts one vote per person', async () => {
    const created = await say('UANA', 'poll "Which topic next week?" "Evaluation" "Training" "Planning"');
    const id = /#(\d+)/.exec(created[0] ?? '')?.[1] ?? '';
    expect(created[0]).toBe(en.polls.created({ id, channels: 1 }));
    const post = lastPost();
    expect(post?.conversation).toMatchObject({ platform: 'slack', channelId: 'C0WEBINAR' });
    expect(buttonsOf(post?.card).map((b) => [b.label, b.value])).toEqual([
      ['Evaluation', `${id}:0`],
      ['Training', `${id}:1`],
      ['Planning', `${id}:2`],
    ]);

    // Ana changes her mind; Ben votes twice for the same option; Cam votes once.
    await vote('UANA', `${id}:0`);
    await vote('UANA', `${id}:1`);
    await vote('UBEN', `${id}:1`);
    await vote('UBEN', `${id}:1`);
    await vote('UCAM', `${id}:2`);
    const poll = await findPoll(app.services.store.db, id);
    expect(await tallyPoll(app.services.store.db, poll!)).toEqual({ counts: [0, 2, 1], voters: 3 });
    const rows = await app.services.store.db.selectFrom('poll_ballots').select(['voter']).where('poll_id', '=', id).execute();
    expect(rows.map((r) => r.voter).sort()).toEqual(['slack:UANA', 'slack:UBEN', 'slack:UCAM']);

    // The message is redrawn with the counts, coalesced: updates of one message at least the interval apart.
    await app.services.polls.idle();
    const updates = messenger.updates.filter((u) => u.ref.messageId === post?.messageId);
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.length).toBeLessThan(5);
    for (let i = 1; i < updates.length; i++) expect((updates[i]?.at ?? 0) - (updates[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(POLL_REFRESH_MIN_INTERVAL_MS - 50);
    const shown = cardToText(updates.at(-1)?.card ?? { blocks: [] });
    expect(shown).toContain('Training  ▓▓▓▓▓▓▓░░░  2 · 67%');
    expect(shown).toContain(en.polls.voters({ count: 3 }));
  });

  it('toggles the options of a multiple-choice poll, and keeps an anonymous poll’s voters as hashes', async () => {
    const created = await say('UMOD', 'poll "Which formats suit you?" "Webinar" "Workshop" "Peer visit" --multi --anonymous');
    const id = /#(\d+)/.exec(created[0] ?? '')?.[1] ?? '';
    await vote('UANA', `${id}:0`);
    await vote('UANA', `${id}:2`);
    await vote('UANA', `${id}:0`);
    await vote('UBEN', `${id}:2`);
    const poll = await findPoll(app.services.store.db, id);
    expect(await tallyPoll(app.services.store.db, poll!)).toEqual({ counts: [0, 0, 2], voters: 2 });
    const voters = (await app.services.store.db.selectFrom('poll_choices').select(['voter']).where('poll_id', '=', id).execute()).map((r) => r.voter);
    expect(voters).toHaveLength(2);
    for (const voter of voters) {
      expect(voter).toMatch(/^anon:[0-9a-f]{64}$/);
      expect(voter).not.toContain('UANA');
    }
    // The export of an anonymous poll has counts only.
    const csv = (await say('UMOD', `poll export ${id}`)).join('\n');
    expect(csv).toContain('option,votes\nWebinar,0\nWorkshop,0\nPeer visit,2');
    expect(csv).not.toMatch(/UANA|anon:/);
  });

  it('shows results with the response rate to the creator and moderators only, and exports named votes as CSV', async () => {
    messenger.channelMembers.set('C0WEBINAR', ['UANA', 'UBEN', 'UCAM', 'UDAN', 'UEVA', 'UFAY']);
    const created = await say('UANA', 'poll "Was the session useful?" "Yes" "=1+1, no"');
    const id = /#(\d+)/.exec(created[0] ?? '')?.[1] ?? '';
    await vote('UBEN', `${id}:0`);
    await vote('UCAM', `${id}:1`);
    expect((await say('UBEN', `poll results ${id}`))[0]).toBe(en.polls.notYours({ id }));
    const results = (await say('UANA', `poll results ${id}`)).join('\n');
    expect(results).toContain(en.polls.responseRate({ voters: 2, members: 6, rate: '33%' }));
    const csv = (await say('UMOD', `poll export ${id}`)).join('\n');
    expect(csv).toContain('voter,option,voted_at');
    expect(csv).toContain(`slack:UBEN,Yes,${clock.now.toISOString()}`);
    // Text a spreadsheet would take for a formula is quoted.
    expect(csv).toContain(`slack:UCAM,"'=1+1, no"`);
    expect((await say('UANA', 'poll results 999'))[0]).toBe(en.polls.notFound({ id: '999' }));
  });

  it('closes by its creator: the final results replace the buttons, and a later click gets a private notice', async () => {
    const created = await say('UANA', 'poll "Keep the Monday slot?" "Yes" "No"');
    const id = /#(\d+)/.exec(created[0] ?? '')?.[1] ?? '';
    const post = lastPost();
    await vote('UBEN', `${id}:0`);
    expect((await say('UCAM', `poll close ${id}`))[0]).toBe(en.polls.notYours({ id }));
    expect((await say('UANA', `poll close ${id}`))[0]).toBe(en.polls.closedDone({ id }));
    expect((await say('UMOD', `poll close ${id}`))[0]).toBe(en.polls.alreadyClosed({ id }));
    await app.services.polls.idle();
    const final = messenger.updates.filter((u) => u.ref.messageId === post?.messageId).at(-1)?.card;
    expect(buttonsOf(final)).toEqual([]);
    expect(cardToText(final ?? { blocks: [] })).toContain(en.polls.closedNote);
    expect(await vote('UDAN', `${id}:1`)).toEqual([en.polls.closedNotice({ question: 'Keep the Monday slot?' })]);
    const poll = await findPoll(app.services.store.db, id);
    expect(await tallyPoll(app.services.store.db, poll!)).toEqual({ counts: [1, 0], voters: 1 });
  });

  it('posts to every discussion channel with --discussion, sends one reminder and closes at the deadline', async () => {
    const before = messenger.posts.length;
    const created = await say('UMOD', 'poll "Rate the new format" --rating --discussion --closes 2026-11-25T17:00Z');
    const id = /#(\d+)/.exec(created[0] ?? '')?.[1] ?? '';
    expect(created[0]).toBe(en.polls.created({ id, channels: 2 }));
    const posts = messenger.posts.slice(before);
    expect(posts.map((p) => `${p.conversation.platform}:${p.conversation.channelId}`)).toEqual(['slack:C0FORUM', 'teams:19:forum@thread.tacv2']);
    expect(buttonsOf(posts[0]?.card).map((b) => b.label)).toEqual(['1 ★', '2 ★', '3 ★', '4 ★', '5 ★']);
    await vote('UANA', `${id}:4`);
    await vote('UBEN', `${id}:3`);

    const deadlines = new PollDeadlines({
      db: app.services.store.db,
      now: () => clock.now,
      instance: 'test',
      close: (poll, actor) => closePollAtDeadline(app.services, poll, actor),
      remind: (poll) => remindPoll(app.services, poll),
      log: silentLogger(),
    });
    // A day before the deadline: one reminder in each channel, however often the scheduler looks.
    clock.now = new Date('2026-11-24T17:30:00Z');
    expect(await deadlines.tick()).toEqual({ closed: [], reminded: [id] });
    expect(await deadlines.tick()).toEqual({ closed: [], reminded: [] });
    const reminders = messenger.posts.slice(before + 2);
    expect(reminders.map((p) => p.conversation.channelId)).toEqual(['C0FORUM', '19:forum@thread.tacv2']);
    expect(cardToText(reminders[0]?.card ?? { blocks: [] })).toContain('Rate the new format');

    clock.now = new Date('2026-11-25T17:01:00Z');
    expect(await vote('UCAM', `${id}:0`)).toEqual([en.polls.closedNotice({ question: 'Rate the new format' })]);
    expect(await deadlines.tick()).toEqual({ closed: [id], reminded: [] });
    expect(await deadlines.tick()).toEqual({ closed: [], reminded: [] });
    expect(messenger.notesTo('slack', 'UMOD').at(-1)).toBe(en.polls.closedCreator({ id, question: 'Rate the new format', voters: 2 }));
    await app.services.polls.idle();
    const final = cardToText(messenger.updates.filter((u) => u.ref.messageId === posts[0]?.messageId).at(-1)?.card ?? { blocks: [] });
    expect(final).toContain(en.polls.average({ value: '4.5' }));
  });

  it('posts the webinar survey in the creator’s language with one command', async () => {
    await say('UFR', 'lang fr');
    const before = messenger.posts.length;
    const created = await say('UFR', 'poll template webinar');
    expect(created).toHaveLength(1);
    const fr = messages('fr');
    const posted = messenger.posts.slice(before).map((p) => cardToText(p.card));
    expect(posted).toHaveLength(3);
    expect(posted[0]).toContain(fr.polls.webinar.satisfaction);
    expect(posted[1]).toContain(fr.polls.webinar.useful);
    expect(posted[2]).toContain(fr.polls.webinar.again);
    expect((await say('UFR', 'poll template party'))[0]).toContain('webinar');
  });

  it('refuses a deadline in the past, and a vote for an option that does not exist changes nothing', async () => {
    expect((await say('UANA', 'poll "Late?" "Yes" "No" --closes 2026-01-01T00:00Z'))[0]).toBe(en.polls.closesInPast);
    const created = await say('UANA', 'poll "Tea or coffee?" "Tea" "Coffee"');
    const id = /#(\d+)/.exec(created[0] ?? '')?.[1] ?? '';
    expect(await vote('UBEN', `${id}:7`)).toEqual([]);
    expect(await vote('UBEN', 'not-a-vote')).toEqual([]);
    const poll = await findPoll(app.services.store.db, id);
    expect(await tallyPoll(app.services.store.db, poll!)).toEqual({ counts: [0, 0], voters: 0 });
  });
});
