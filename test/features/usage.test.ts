/**
 * The usage record: each thing people do in the forum leaves one event with its platform and
 * workspace — questions (answered or not), feedback, joins, replies under a topic, topics posted,
 * first answers to polls (an anonymous poll's without anyone's name). Through the dispatcher, on a
 * real store and knowledge base; the platforms are played by a recording messenger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/core/actions.ts';
import { loadConfig } from '../../src/config.ts';
import type { InboundEvent } from '../../src/core/events.ts';
import { silentLogger } from '../../src/log.ts';
import { createApp, type App } from '../../src/main.ts';
import { messages } from '../../src/i18n/index.ts';
import { sendDigestIfDue } from '../../src/features/stats/digest.ts';
import { RecordingAdapter } from '../support/recording-adapter.ts';
import { RecordingMessenger } from '../support/recording-messenger.ts';
import { openTestStore } from '../support/pglite-template.ts';

let n = 0;
function event(userId: string, partial: Partial<InboundEvent> & Pick<InboundEvent, 'type'>, workspaceId = 'T1'): InboundEvent {
  n++;
  return {
    id: `usage-${n}`,
    platform: 'slack',
    actor: { platform: 'slack', workspaceId, userId },
    conversation: { platform: 'slack', workspaceId, channelId: 'C0FORUM', kind: 'channel' },
    receivedAt: new Date(),
    ...partial,
  } as InboundEvent;
}

describe('usage record', () => {
  let app: App;
  const messenger = new RecordingMessenger();
  const clock = { now: new Date('2026-11-23T09:00:00Z') };

  beforeAll(async () => {
    const config = loadConfig({
      SLACK_ALLOWED_WORKSPACES: 'T1,T2',
      MODERATORS: 'slack:UMOD',
      DISCUSSION_CHANNELS: 'slack:C0FORUM',
      WORKSPACE_NAMES: 'slack:T1=France',
    });
    app = await createApp(config, silentLogger(), { store: await openTestStore(), now: () => clock.now, ingestKnowledge: true });
    app.services.messenger = messenger;
  });
  afterAll(() => app.close());

  const send = async (e: InboundEvent): Promise<string[]> => {
    const adapter = new RecordingAdapter();
    await app.dispatcher.handle(e, adapter);
    return adapter.texts();
  };
  const say = (userId: string, text: string, workspaceId = 'T1') => send(event(userId, { type: 'message', text }, workspaceId));
  const events = () =>
    app.services.store.db.selectFrom('usage_events').select(['kind', 'platform', 'workspace_id', 'person', 'subject']).orderBy('id').execute();

  it('records one event per thing done, with platform, workspace and person', async () => {
    await send(event('UANA', { type: 'member_joined' }));
    await say('UANA', 'How does a member state request technical assistance?');
    await say('UBEN', 'What is the recipe for a chocolate cake?', 'T2');
    const questionId = (await app.services.store.db.selectFrom('questions').select(['id']).orderBy('id').executeTakeFirstOrThrow()).id;
    await send(event('UANA', { type: 'action', actionId: ACTIONS.qaFeedback, value: `${questionId}:1` }));

    const poll = /#(\d+)/.exec((await say('UMOD', 'poll "Next format?" "Webinar" "Workshop"'))[0] ?? '')?.[1] ?? '';
    const anonymous = /#(\d+)/.exec((await say('UMOD', 'poll "Rate it" --rating --anonymous'))[0] ?? '')?.[1] ?? '';
    await send(event('UANA', { type: 'action', actionId: ACTIONS.pollVote, value: `${poll}:0` }));
    await send(event('UANA', { type: 'action', actionId: ACTIONS.pollVote, value: `${poll}:1` }));
    await send(event('UBEN', { type: 'action', actionId: ACTIONS.pollVote, value: `${anonymous}:4` }, 'T2'));

    const topic = /#(\d+)/.exec((await say('UANA', 'topic propose Mentoring new delegates'))[0] ?? '')?.[1] ?? '';
    await say('UMOD', `topic approve ${topic}`);
    await say('UMOD', 'topic post-now');
    const root = messenger.posts.at(-1)?.messageId ?? '';
    await send(
      event('UBEN', { type: 'thread_reply', text: 'A mentor from a neighbouring delegation helps a lot.', messageId: 'r1', conversation: { platform: 'slack', workspaceId: 'T2', channelId: 'C0FORUM', threadId: root, kind: 'channel' } }, 'T2'),
    );
    await app.services.polls.idle();

    expect(await events()).toEqual([
      { kind: 'member_joined', platform: 'slack', workspace_id: 'T1', person: 'slack:UANA', subject: null },
      { kind: 'question_asked', platform: 'slack', workspace_id: 'T1', person: 'slack:UANA', subject: questionId },
      { kind: 'question_answered', platform: 'slack', workspace_id: 'T1', person: 'slack:UANA', subject: questionId },
      { kind: 'question_asked', platform: 'slack', workspace_id: 'T2', person: 'slack:UBEN', subject: expect.any(String) as string },
      { kind: 'question_abstained', platform: 'slack', workspace_id: 'T2', person: 'slack:UBEN', subject: expect.any(String) as string },
      { kind: 'feedback', platform: 'slack', workspace_id: 'T1', person: 'slack:UANA', subject: questionId },
      // A changed vote is not a second answer; the anonymous poll's answer names nobody.
      { kind: 'poll_answered', platform: 'slack', workspace_id: 'T1', person: 'slack:UANA', subject: poll },
      { kind: 'poll_answered', platform: 'slack', workspace_id: 'T2', person: null, subject: anonymous },
      { kind: 'topic_posted', platform: 'slack', workspace_id: '', person: null, subject: topic },
      { kind: 'reply_counted', platform: 'slack', workspace_id: 'T2', person: 'slack:UBEN', subject: topic },
    ]);
  });

  it('gives moderators the figures of that week: people active, questions answered, by workspace, topics, polls, gaps', async () => {
    expect((await say('UANA', 'stats'))[0]).toMatch(/moderator/i);
    // The channel the polls went to has five members: the response rate follows.
    messenger.channelMembers.set('C0FORUM', ['UANA', 'UBEN', 'UCAT', 'UDAN', 'UMOD']);
    const stats = (await say('UMOD', 'stats')).join('\n');
    const m = messages('en').stats;
    expect(stats).toContain(m.title({ weeks: 4 }));
    // Four weeks, the quiet ones too; this week: Ana and Ben, two questions, one answered.
    expect(stats).toContain(m.week({ week: 'November 23, 2026', active: 2, questions: 2, share: '50%' }));
    expect(stats).toContain(m.week({ week: 'November 2, 2026', active: 0, questions: 0, share: '0%' }));
    expect(stats).toContain(m.workspace({ name: 'France', active: 1, questions: 1, share: '100%' }));
    expect(stats).toContain(m.workspace({ name: 'slack:T2', active: 1, questions: 1, share: '0%' }));
    expect(stats).toMatch(/#\d+ Mentoring new delegates: 1 reply from 1 participant/);
    expect(stats).toMatch(/#\d+ Next format\?: 1 voter \(open\) · 20% of 5 members answered/);
    expect(stats).toMatch(/#\d+ Rate it: 1 voter \(open\) · 20% of 5 members answered/);
    expect(stats).toContain(m.unansweredItem({ question: 'what is the recipe for a chocolate cake?', times: 1 }));
  });

  it('sends the figures to the moderators privately on Monday morning, once', async () => {
    clock.now = new Date('2026-11-30T06:59:00Z');
    expect(await sendDigestIfDue(app.services, 'a')).toBeUndefined();
    clock.now = new Date('2026-11-30T07:05:00Z');
    expect(await sendDigestIfDue(app.services, 'a')).toBe(1);
    expect(await sendDigestIfDue(app.services, 'b')).toBeUndefined();
    const digest = messenger.notesTo('slack', 'UMOD').at(-1) ?? '';
    expect(digest).toContain(messages('en').stats.title({ weeks: 4 }));
    // Last week's figures are in it.
    expect(digest).toContain(messages('en').stats.week({ week: 'November 23, 2026', active: 2, questions: 2, share: '50%' }));
    // A week whose Monday passed while the bot was stopped for more than a day gets none.
    clock.now = new Date('2026-12-08T09:00:00Z');
    expect(await sendDigestIfDue(app.services, 'a')).toBeUndefined();
  });
});

