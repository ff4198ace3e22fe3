/**
 * The durable inbox behind the Slack adapter, over HTTP with the real host and Bolt: a request is
 * acknowledged only once it is in the inbox (a failed write is answered 500 — by the direct
 * acknowledgement and by Bolt's listeners alike — and Slack's retry then goes through); a row run
 * again — as after a crash between its effects and its done mark — posts nothing it posted before
 * and does not count its vote twice; a failed answer is retried and posted once; a row that cannot
 * run is parked with its reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockActionToEvent, directMessageToEvent } from '../../../adapters/slack/inbound.ts';
import type { SlackWork } from '../../../adapters/slack/inbox.ts';
import type { InboundEvent } from '../../../src/core/events.ts';
import { enqueueInbox, inboxPosts, parkedInbox } from '../../../src/store/inbox.ts';
import { findPoll, tallyPoll } from '../../../src/store/polls.ts';
import { useFakeSlack, type SlackCall } from '../../support/fake-slack.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { buttonsOf, slackForumDriver, type SlackForumDriver } from '../../support/slack/forum-driver.ts';
import { BOT_USER_ID, SIGNING_SECRET, TEAM_ID, blockAction, directMessage, eventEnvelope, sendToSlack, slashCommand, viewSubmission } from '../../support/slack-requests.ts';

const fake = useFakeSlack();
const CHANNEL = 'C0INBOX';
const MODERATOR = 'U0MOD';
const QUESTION = 'How does a member state request technical assistance?';
/** Longer than the first retry's delay (2 s) and the worker's poll. */
const RETRY_WAIT_MS = 10_000;

describe('Slack work through the durable inbox', () => {
  let host: TestHost;
  let slack: SlackForumDriver;

  beforeAll(async () => {
    host = await startTestHost({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake().apiUrl,
      SLACK_ALLOWED_WORKSPACES: TEAM_ID,
      MODERATORS: `slack:${MODERATOR}`,
      DISCUSSION_CHANNELS: `slack:${CHANNEL}`,
    });
    await host.scheduler.stop();
    slack = slackForumDriver(host.url, fake);
  });
  afterAll(async () => {
    await host?.close();
  });

  const db = () => host.app.services.store.db;
  const postsTo = (channel: string): SlackCall[] => fake().calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);

  /** Writes `work` as a new row, due in a moment, with the posts of the row `copyPostsOf` (a row run again). */
  async function runAgain(work: SlackWork, copyPostsOf?: string): Promise<string> {
    const soon = new Date(Date.now() + 500);
    const id = (await enqueueInbox(db(), { eventKey: `slack:again:${Math.random()}`, platform: 'slack', payload: work }, soon)) as string;
    // Taken once before: this run is its second attempt.
    await db().updateTable('inbox').set({ attempts: 1 }).where('id', '=', id).execute();
    if (copyPostsOf) {
      const original = await db().selectFrom('inbox').select('id').where('event_key', '=', copyPostsOf).executeTakeFirstOrThrow();
      const posts = await db().selectFrom('inbox_posts').selectAll().where('inbox_id', '=', original.id).execute();
      for (const post of posts) {
        await db()
          .insertInto('inbox_posts')
          .values({ inbox_id: id, seq: post.seq, message_id: post.message_id, ref: post.ref === null ? null : JSON.stringify(post.ref), posted_at: post.posted_at })
          .execute();
      }
    }
    await expect.poll(async () => (await db().selectFrom('inbox').select('status').where('id', '=', id).executeTakeFirst())?.status, { timeout: RETRY_WAIT_MS }).toBe('done');
    return id;
  }

  it('runs a row again without posting twice or counting its vote twice', async () => {
    // A question: the "looking it up" post, then the answer in its place.
    const message = directMessage({ user: 'U0ASK', text: QUESTION });
    const envelope = eventEnvelope(message);
    const before = fake().calls.length;
    expect((await sendToSlack(host.url, SIGNING_SECRET, 'event', envelope)).status).toBe(200);
    const answer = await fake().waitFor((c) => c.method === 'chat.update' && c.body.channel === message.channel, RETRY_WAIT_MS);
    const [placeholder] = postsTo(message.channel);
    expect(postsTo(message.channel)).toHaveLength(1);
    const rowKey = `slack:${envelope.event_id}`;
    await expect.poll(async () => (await db().selectFrom('inbox').select('status').where('event_key', '=', rowKey).executeTakeFirst())?.status).toBe('done');
    const original = await db().selectFrom('inbox').select(['id', 'payload']).where('event_key', '=', rowKey).executeTakeFirstOrThrow();
    // Done: the person's words are not kept; the post is recorded with Slack's ts.
    expect(original.payload).toBeNull();
    expect([...(await inboxPosts(db(), original.id)).values()].map((p) => p.messageId)).toEqual([answer.body.ts]);

    const event = directMessageToEvent(envelope, message, BOT_USER_ID, new Date()) as InboundEvent;
    await runAgain({ kind: 'dispatch', event, context: { kind: 'event' }, payloadType: 'message.im' }, rowKey);
    // Nothing posted again; the answer set again in the same message.
    expect(postsTo(message.channel)).toEqual([placeholder]);
    const updates = fake().calls.slice(before).filter((c) => c.method === 'chat.update' && c.body.channel === message.channel);
    expect(updates.map((c) => c.body.ts)).toEqual([answer.body.ts, answer.body.ts]);

    // A multiple-choice vote: run again, it would take the pick back.
    const created = await slack.directMessage(MODERATOR, `poll "Which format?" "Webinar" "Workshop" --multi --discussion`);
    expect(created.body.channel).toBeDefined();
    const post = await fake().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === CHANNEL);
    const [first] = buttonsOf(post);
    const pollId = first?.value.split(':')[0] ?? '';
    const click = blockAction({ user: 'U0VOTER', channel: CHANNEL, messageTs: '1763700000.000100', actionId: first?.action_id ?? '', value: first?.value ?? '' });
    expect((await sendToSlack(host.url, SIGNING_SECRET, 'interaction', click)).status).toBe(200);
    const poll = await findPoll(db(), pollId);
    if (!poll) throw new Error('no poll');
    await expect.poll(async () => (await tallyPoll(db(), poll)).voters, { timeout: RETRY_WAIT_MS }).toBe(1);
    const action = blockActionToEvent(click, new Date());
    if (!action) throw new Error('no action');
    await runAgain({ kind: 'dispatch', event: action.event, context: { kind: 'action', triggerId: click.trigger_id, responseUrl: click.response_url }, payloadType: 'block_actions' });
    expect(await tallyPoll(db(), poll)).toEqual({ counts: [1, 0], voters: 1 });
  });

  it('retries an answer Slack failed to take, and posts it once', async () => {
    // Three failures: the Web API client's own two retries, then the inbox's.
    fake().fail('chat.update', { status: 500 }, { status: 500 }, { status: 500 });
    const message = directMessage({ user: 'U0RETRY', text: QUESTION });
    expect((await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(message))).status).toBe(200);
    const answer = await fake().waitFor((c) => c.method === 'chat.update' && c.body.channel === message.channel && c.failed !== true, RETRY_WAIT_MS);
    expect(postsTo(message.channel)).toHaveLength(1);
    expect(answer.body.ts).toBeDefined();
    // The person was not told of the failure that was mended.
    expect(fake().calls.filter((c) => c.body.channel === message.channel && c.method !== 'chat.update')).toHaveLength(1);
    const row = () => db().selectFrom('inbox').select(['status', 'attempts', 'last_error']).where('event_key', 'like', 'slack:%').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await expect.poll(async () => (await row()).status).toBe('done');
    expect(await row()).toMatchObject({ attempts: 2, last_error: expect.stringMatching(/chat\.update/) as unknown });
  });

  it('parks a row that cannot run, with its reason, for the moderators', async () => {
    const id = await enqueueInbox(db(), { eventKey: 'slack:broken-1', platform: 'slack', payload: { kind: 'something else' } }, new Date());
    await expect.poll(async () => (await parkedInbox(db())).map((p) => p.id), { timeout: RETRY_WAIT_MS }).toContain(id);
    const [parked] = (await parkedInbox(db())).filter((p) => p.id === id);
    expect(parked).toMatchObject({ eventKey: 'slack:broken-1', attempts: 1 });
    expect(parked?.lastError).toMatch(/^bad_request: unknown Slack inbox work/);
  });

  it('answers 500, not 200, when the work cannot be written, and takes Slack’s retry', async () => {
    await db().schema.alterTable('inbox').renameTo('inbox_away').execute();
    const message = directMessage({ user: 'U0LATER', text: 'help' });
    const envelope = eventEnvelope(message);
    const command = slashCommand({ user: 'U0LATER', channel: 'C0FORUM', text: 'help', responseUrl: fake().responseUrl('not-written') });
    try {
      expect((await sendToSlack(host.url, SIGNING_SECRET, 'event', envelope)).status).toBe(500);
      expect((await sendToSlack(host.url, SIGNING_SECRET, 'command', command)).status).toBe(500);
      // A form goes through Bolt's listener rather than the direct acknowledgement: the same answer.
      const form = viewSubmission({ user: 'U0LATER', callbackId: 'topic:propose', privateMetadata: '{}', values: { title: 'x' } });
      expect((await sendToSlack(host.url, SIGNING_SECRET, 'interaction', form)).status).toBe(500);
    } finally {
      await db().schema.alterTable('inbox_away').renameTo('inbox').execute();
    }
    // Nothing was claimed: Slack's retry of the event is taken and answered.
    expect((await sendToSlack(host.url, SIGNING_SECRET, 'event', envelope, { retryNum: 1, retryReason: 'http_error' })).status).toBe(200);
    await fake().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === message.channel, RETRY_WAIT_MS);
    expect(postsTo(message.channel)).toHaveLength(1);
  });

  it('answers 500 when the write does not end within Slack’s 3 seconds, and takes the retry as a redelivery', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The embedded store's one connection, held: the write waits for it past Slack's deadline.
    const holding = db()
      .connection()
      .execute(() => held);
    const message = directMessage({ user: 'U0SLOW', text: 'help' });
    const envelope = eventEnvelope(message);
    try {
      expect((await sendToSlack(host.url, SIGNING_SECRET, 'event', envelope)).status).toBe(500);
    } finally {
      release();
      await holding;
    }
    // The write ended after the answer: the work runs once, and Slack's retry writes nothing.
    await fake().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === message.channel, RETRY_WAIT_MS);
    expect((await sendToSlack(host.url, SIGNING_SECRET, 'event', envelope, { retryNum: 1, retryReason: 'http_timeout' })).status).toBe(200);
    expect(await db().selectFrom('inbox').select('id').where('event_key', '=', `slack:${envelope.event_id}`).execute()).toHaveLength(1);
    expect(postsTo(message.channel)).toHaveLength(1);
  });
});
