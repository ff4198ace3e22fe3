/**
 * A month of the forum's routine over the real adapters: a member proposes in Slack, the moderator
 * is told privately with the buttons and approves, the proposer is told; the weekly slot comes and
 * the topic goes out to a Slack channel and a Teams channel (recorded by the local Slack Web API and
 * Bot Connector), once, however often the scheduler looks; `topic post-now` sends the next one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../adapters/host/server.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/log.ts';
import { activeConversations } from '../../../src/store/conversations.ts';
import { type Store } from '../../../src/store/index.ts';
import { topicReplies } from '../../../src/store/topic-replies.ts';
import { topicPosts } from '../../../src/store/topics.ts';
import { useFakeBotConnector } from '../../support/fake-bot-connector.ts';
import { useFakeSlack } from '../../support/fake-slack.ts';
import { SIGNING_SECRET, TEAM_ID, blockAction, channelMessage, directMessage, eventEnvelope, sendToSlack } from '../../support/slack-requests.ts';
import { TENANT_ID, USER_ADA, channelMessage as teamsChannelMessage, conversationUpdate, postActivity } from '../../support/teams-activities.ts';
import { openTestStore } from '../../support/pglite-template.ts';

const slack = useFakeSlack();
const connector = useFakeBotConnector();

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

describe('weekly topics over Slack and Teams', () => {
  let store: Store;
  let host: Host;
  let dataDir: string;
  let teamsChannel: string;
  // Wednesday 18 November 2026, 10:00 UTC; the test moves it.
  const clock = { now: new Date('2026-11-18T10:00:00Z') };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-weekly-'));
    store = await openTestStore();
    // The Teams channel is known once the bot is installed there: install first, on a bare host.
    const env = {
      HOST: '127.0.0.1',
      TA_FORUM_DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack().apiUrl,
      SLACK_ALLOWED_WORKSPACES: TEAM_ID,
      TEAMS_ALLOWED_TENANTS: TENANT_ID,
      MODERATORS: 'slack:U0MOD',
    };
    // Without Slack: the bare host is not closed (that would close the store), and a Slack inbox
    // worker of its own would take some of the second host's messages and run them without its
    // discussion channels.
    const teamsOnly = Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('SLACK_')));
    const first = await startHost(loadConfig(teamsOnly, { port: 0 }), silentLogger(), { store, now: () => clock.now, ingestKnowledge: false });
    await postActivity(first.url, conversationUpdate({ scope: 'team', botAdded: true, serviceUrl: connector().serviceUrl, from: USER_ADA }));
    teamsChannel = (await activeConversations(store.db, 'teams'))[0]?.conversation_id ?? '';
    await first.scheduler.stop();
    // The same store goes on with the discussion channels configured (closing the host would close the store).
    host = await startHost(loadConfig({ ...env, DISCUSSION_CHANNELS: `slack:C0FORUM,teams:${teamsChannel}` }, { port: 0 }), silentLogger(), {
      store,
      now: () => clock.now,
      ingestKnowledge: false,
    });
    await host.scheduler.stop();
  });

  afterAll(async () => {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Writes to the bot and waits for its answer in the same conversation. */
  const say = async (user: string, text: string): Promise<void> => {
    const before = slack().calls.length;
    await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(directMessage({ user, channel: `D${user}`, text })));
    await slack().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === `D${user}` && slack().calls.indexOf(c) >= before);
  };

  it('runs proposal → approval → schedule → weekly post, once, in both platforms', async () => {
    expect(teamsChannel).not.toBe('');
    await say('U0ALICE', 'topic propose Measuring impact | How do you evaluate a programme a year later?');
    // The moderator is told privately, with the buttons.
    const note = await slack().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'U0MOD');
    const approve = (note.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id.startsWith('topic:approve'));
    expect(approve).toBeDefined();
    await sendToSlack(host.url, SIGNING_SECRET, 'interaction', blockAction({ user: 'U0MOD', channel: 'DU0MOD', messageTs: '1763700000.000300', actionId: approve?.action_id ?? '', value: approve?.value ?? '' }));
    // The proposer hears the decision.
    const told = await slack().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'U0ALICE' && texts(c.body.blocks).join(' ').includes('Measuring impact'));
    expect(told).toBeDefined();

    await say('U0MOD', 'topic schedule monday 09:00 Europe/Zurich');

    // Monday 23 November 09:00 in Zurich is 08:00 UTC; the scheduler looks several times around it.
    slack().reset();
    connector().reset();
    for (const at of ['2026-11-23T07:59:00Z', '2026-11-23T08:00:30Z', '2026-11-23T08:01:00Z', '2026-11-23T12:00:00Z']) {
      clock.now = new Date(at);
      await host.scheduler.tick();
    }
    const posts = slack().callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0FORUM');
    expect(posts).toHaveLength(1);
    expect(texts(posts[0]?.body.blocks).join(' ')).toContain('Measuring impact');
    const teamsPosts = connector().callsTo('send').filter((c) => c.conversationId === teamsChannel);
    expect(teamsPosts).toHaveLength(1);
    expect(texts(teamsPosts[0]?.body).join(' ')).toContain('Measuring impact');
    const topic = await store.db.selectFrom('topics').selectAll().where('title', '=', 'Measuring impact').executeTakeFirstOrThrow();
    expect(topic.status).toBe('posted');
    expect((await topicPosts(store.db, topic.id)).map((p) => p.platform)).toEqual(['slack', 'teams']);
  });

  it('sends the next queued topic at once with topic post-now, and tells the moderator when nothing is left', async () => {
    await say('U0MOD', 'topic propose Sharing evaluation reports | Who reads them, and what changes?');
    const proposal = await store.db.selectFrom('topics').selectAll().where('status', '=', 'proposed').executeTakeFirstOrThrow();
    await say('U0MOD', `topic approve ${proposal.id}`);
    slack().reset();
    await say('U0MOD', 'topic post-now');
    // The answer to an earlier command may come after `reset` and be the one `say` saw: wait for the posts themselves.
    await slack().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0FORUM' && c.body.thread_ts === undefined);
    const confirmation = await slack().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'DU0MOD' && texts(c.body.blocks).join(' ').includes(`#${proposal.id}`));
    // Last week's topic is closed first: its summary goes into its thread, then the new topic out.
    const forum = slack().callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0FORUM');
    expect(forum.map((c) => c.body.thread_ts === undefined)).toEqual([false, true]);
    expect(texts(forum[0]?.body.blocks).join(' ')).toContain('Summary of the discussion');
    expect(texts(forum[1]?.body.blocks).join(' ')).toContain('Sharing evaluation reports');
    expect(texts(confirmation.body.blocks).join(' ')).toContain(`#${proposal.id}`);
    slack().reset();
    await say('U0MOD', 'topic post-now');
    const empty = await slack().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'DU0MOD');
    expect(slack().callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0FORUM')).toHaveLength(0);
    expect(texts(empty.body.blocks).join(' ')).toMatch(/queue/i);
    // Two days before the next Monday, with the queue empty: the moderator is reminded, once.
    slack().reset();
    for (const at of ['2026-11-28T09:00:00Z', '2026-11-28T10:00:00Z']) {
      clock.now = new Date(at);
      await host.scheduler.tick();
    }
    const reminders = slack().callsTo('chat.postMessage').filter((c) => c.body.channel === 'U0MOD');
    expect(reminders).toHaveLength(1);
    expect(texts(reminders[0]?.body.blocks).join(' ')).toContain('topic propose');
  });

  it('records the replies in both threads, and topic close posts the summary there and into the knowledge base', async () => {
    const topic = await store.db.selectFrom('topics').selectAll().where('title', '=', 'Sharing evaluation reports').executeTakeFirstOrThrow();
    const posts = await topicPosts(store.db, topic.id);
    const slackRoot = posts.find((p) => p.platform === 'slack')?.message_id ?? '';
    const teamsRoot = posts.find((p) => p.platform === 'teams')?.message_id ?? '';
    expect(slackRoot).not.toBe('');
    expect(teamsRoot).not.toBe('');

    // Replies in the Slack thread (one delivered twice) and in the Teams thread, none of them answered.
    const slackReplies = [
      channelMessage({ user: 'U0ALICE', channel: 'C0FORUM', threadTs: slackRoot, text: 'Thanks for raising this!' }),
      channelMessage({ user: 'U0ALICE', channel: 'C0FORUM', threadTs: slackRoot, text: 'Our evaluation reports are read by the steering committee, which now changes the work plan within a month.' }),
      channelMessage({ user: 'U0BOB', channel: 'C0FORUM', threadTs: slackRoot, text: 'In our office a two-page summary of each evaluation report goes to every delegation, and far more people read it.' }),
    ];
    slack().reset();
    connector().reset();
    for (const event of slackReplies) await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(event));
    const twice = eventEnvelope(channelMessage({ user: 'U0BOB', channel: 'C0FORUM', threadTs: slackRoot, text: 'The delegations that read them ask for the data behind each evaluation report.' }));
    await sendToSlack(host.url, SIGNING_SECRET, 'event', twice);
    await sendToSlack(host.url, SIGNING_SECRET, 'event', twice);
    const teamsReply = teamsChannelMessage({
      text: 'We publish a two-page summary of each evaluation report too, in three languages, and the steering committee discusses it.',
      mentionBot: false,
      channelId: teamsChannel,
      threadId: teamsRoot,
      from: USER_ADA,
      serviceUrl: connector().serviceUrl,
    });
    await postActivity(host.url, teamsReply);
    await expect.poll(async () => (await topicReplies(store.db, topic.id)).length).toBe(5);
    expect(slack().calls.filter((c) => c.method.startsWith('chat.'))).toHaveLength(0);
    expect(connector().callsTo('send', 'reply')).toHaveLength(0);

    clock.now = new Date('2026-11-30T07:00:00Z');
    await say('U0MOD', 'topic close');
    const inSlackThread = slack().callsTo('chat.postMessage').find((c) => c.body.channel === 'C0FORUM' && c.body.thread_ts === slackRoot);
    const summary = texts(inSlackThread?.body.blocks).join(' ');
    expect(summary).toContain('Summary of the discussion');
    expect(summary).toContain('5 replies from 3 participants.');
    expect(summary).toContain('two-page summary');
    expect(summary).not.toContain('Thanks for raising this');
    const inTeamsThread = connector().callsTo('send').find((c) => c.conversationId === `${teamsChannel};messageid=${teamsRoot}`);
    expect(texts(inTeamsThread?.body).join(' ')).toContain('5 replies from 3 participants.');
    const closed = slack().callsTo('chat.postMessage').find((c) => c.body.channel === 'DU0MOD');
    expect(texts(closed?.body.blocks).join(' ')).toContain(`#${topic.id}`);

    // A member's question is answered from what the community said, citing the closed topic.
    slack().reset();
    await say('U0ALICE', 'Who reads the evaluation reports, and does a two-page summary help?');
    const answer = await slack().waitFor((c) => c.method === 'chat.update' && c.body.channel === 'DU0ALICE');
    const answerText = texts(answer?.body.blocks).join(' ');
    expect(answerText).toContain('Sharing evaluation reports');
    expect(answerText).toContain('two-page summary');
  });
});
