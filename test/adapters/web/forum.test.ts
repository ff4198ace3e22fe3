/**
 * The web page as a discussion channel, over real HTTP against the real host (in-memory store):
 * the moderator runs a week from the web chat, the topic appears on the page with its thread, two
 * people reply (recorded by the discussions feature, each seeing only their own as "You"), the
 * close posts its summary in the thread, and the messenger removes and redraws web posts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebForumThread } from '../../../adapters/web/forum.ts';
import { WEB_REPLY_MAX_CHARS } from '../../../adapters/web/inbound.ts';
import { textCard } from '../../../src/core/card.ts';
import type { Conversation } from '../../../src/core/events.ts';
import { messages } from '../../../src/i18n/index.ts';
import { topicReplies } from '../../../src/store/topic-replies.ts';
import { topicPosts } from '../../../src/store/topics.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { WebPerson } from './web-person.ts';

const en = messages('en');
const CHANNEL = 'forum';
const MODERATOR_ID = randomUUID();
const TITLE = 'Measuring impact <a year> later';
const DESCRIPTION = 'How do you evaluate a programme a year after it ends?';

/** A 400-class answer: JSON with the fixed sentence, and nothing of the server's insides. */
async function expectFixedSentence(res: Response, status: number, error: string, message: string = en.web.failed): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await res.text();
  expect(text).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts\b|Error|stack/);
  expect(JSON.parse(text)).toEqual({ error, message });
}

const webChannel = (threadId?: string): Conversation => ({ platform: 'web', workspaceId: '', channelId: CHANNEL, kind: 'channel', ...(threadId ? { threadId } : {}) });

describe('the web page as a discussion channel', () => {
  let host: TestHost;
  let moderator: WebPerson;
  let alice: WebPerson;
  let bob: WebPerson;
  let thread: WebForumThread;

  beforeAll(async () => {
    host = await startTestHost({ DISCUSSION_CHANNELS: `slack:C0NOWHERE,web:${CHANNEL},web:second`, MODERATORS: `web:${MODERATOR_ID}` }, { ingestKnowledge: false });
    moderator = WebPerson.withId(host.url, MODERATOR_ID);
    alice = new WebPerson(host.url);
    bob = new WebPerson(host.url);
  });
  afterAll(() => host?.close());

  it('names the first web discussion channel in the session, and has no topic yet', async () => {
    expect((await alice.session()).forumChannel).toBe(CHANNEL);
    expect(await alice.forum(CHANNEL)).toEqual({ channel: CHANNEL, threads: [] });
    await bob.session();
    expect(alice.userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(bob.userId).not.toBe(alice.userId);
  });

  it('shows the topic on the page once the moderator posts it from the web chat', async () => {
    expect(await alice.answer(`topic propose ${TITLE} | ${DESCRIPTION}`)).toEqual([expect.stringContaining('#1')]);
    expect(await moderator.answer('topic approve 1')).toEqual([en.topics.approved({ id: '1', position: 1 })]);
    // Slack is not configured here: of the three channels, the two web ones take the topic.
    expect(await moderator.answer('topic post-now')).toEqual([en.topics.postedNow({ id: '1', channels: 2 })]);

    const page = await alice.forum(CHANNEL);
    expect(page.threads).toHaveLength(1);
    thread = page.threads[0] as WebForumThread;
    expect(thread.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(thread.post).toMatchObject({ id: thread.id, kind: 'bot', mine: false, author: '', lang: 'en', dir: 'ltr' });
    expect(thread.post.text).toContain(TITLE);
    expect(thread.post.html).toContain(`<h3 class="card-header">Measuring impact &lt;a year&gt; later</h3>`);
    expect(thread.post.html).not.toContain('<a year>');
    expect(thread.replies).toEqual([]);
    // The post is the topic's thread root, as for Slack and Teams posts.
    const posts = await topicPosts(host.app.services.store.db, '1');
    expect(posts.map((p) => [p.platform, p.conversation_id])).toEqual([
      ['web', CHANNEL],
      ['web', 'second'],
    ]);
    expect(posts.find((p) => p.conversation_id === CHANNEL)?.message_id).toBe(thread.id);
    // Each channel has its own post.
    expect((await alice.forum('second')).threads[0]?.id).not.toBe(thread.id);
  });

  it('records two people’s replies, and each sees only their own as “You”', async () => {
    const first = await alice.reply(CHANNEL, thread.id, 'We survey partners a year later <b>and</b> compare with the baseline.');
    expect(first.outcome).toBe('handled');
    expect(first.thread.id).toBe(thread.id);
    expect(first.thread.replies).toHaveLength(1);
    expect(first.thread.replies[0]).toMatchObject({ kind: 'reply', mine: true, author: en.web.you, dir: 'auto' });
    expect(first.thread.replies[0]?.html).toContain('&lt;b&gt;and&lt;/b&gt;');
    expect(first.thread.replies[0]?.html).not.toContain('<b>');

    const second = await bob.reply(CHANNEL, thread.id, '  Our office runs a tracer study of former trainees.  ');
    expect(second.thread.replies.map((r) => [r.author, r.mine, r.text])).toEqual([
      [`${en.web.participant} 1`, false, 'We survey partners a year later <b>and</b> compare with the baseline.'],
      [en.web.you, true, 'Our office runs a tracer study of former trainees.'],
    ]);

    const stored = await topicReplies(host.app.services.store.db, '1');
    expect(stored.map((r) => [r.platform, r.conversation_id, r.author, r.text])).toEqual([
      ['web', CHANNEL, `web:${alice.userId}`, 'We survey partners a year later <b>and</b> compare with the baseline.'],
      ['web', CHANNEL, `web:${bob.userId}`, 'Our office runs a tracer study of former trainees.'],
    ]);
    // The platform message id of a reply is its web post's id.
    expect(stored.map((r) => r.message_id)).toEqual(second.thread.replies.map((r) => r.id));

    const aliceView = await alice.forum(CHANNEL);
    const bobView = await bob.forum(CHANNEL);
    expect(aliceView.threads[0]?.replies.map((r) => r.author)).toEqual([en.web.you, `${en.web.participant} 2`]);
    expect(bobView.threads[0]?.replies.map((r) => r.author)).toEqual([`${en.web.participant} 1`, en.web.you]);
    // Nobody's cookie id reaches anyone else.
    expect(JSON.stringify(aliceView)).not.toContain(bob.userId);
    expect(JSON.stringify(bobView)).not.toContain(alice.userId);
    const stranger = await new WebPerson(host.url).forum(CHANNEL);
    expect(stranger.threads[0]?.replies.map((r) => r.author)).toEqual([`${en.web.participant} 1`, `${en.web.participant} 2`]);
    expect(JSON.stringify(stranger)).not.toMatch(new RegExp(`${alice.userId}|${bob.userId}`));
  });

  it('stores a retried reply once', async () => {
    const eventId = randomUUID();
    const first = await alice.reply(CHANNEL, thread.id, 'One more thing: we also ask the beneficiaries.', eventId);
    const again = await alice.reply(CHANNEL, thread.id, 'One more thing: we also ask the beneficiaries.', eventId);
    expect(first.outcome).toBe('handled');
    expect(again.outcome).toBe('duplicate');
    expect(again.thread.replies).toHaveLength(3);
    expect(await topicReplies(host.app.services.store.db, '1')).toHaveLength(3);
  });

  it('rejects bad replies with a plain 400 and the fixed sentence', async () => {
    const person = new WebPerson(host.url);
    const replyId = (await alice.forum(CHANNEL)).threads[0]?.replies[0]?.id ?? '';
    const cases: [string, object | string][] = [
      ['malformed JSON', '{"eventId": '],
      ['a missing threadId', { eventId: randomUUID(), text: 'hello' }],
      ['an eventId that is not a UUID', { eventId: 'abc', threadId: thread.id, text: 'hello' }],
      ['blank text', { eventId: randomUUID(), threadId: thread.id, text: '  \n ' }],
      ['an unknown thread', { eventId: randomUUID(), threadId: randomUUID(), text: 'hello' }],
      ['a reply as the thread', { eventId: randomUUID(), threadId: replyId, text: 'hello' }],
      ['a thread of another channel', { eventId: randomUUID(), threadId: (await alice.forum('second')).threads[0]?.id ?? '', text: 'hello' }],
    ];
    for (const [name, body] of cases) {
      await expectFixedSentence(await person.replyRaw(CHANNEL, body), 400, 'bad_request').catch((error: unknown) => {
        throw new Error(`${name}: ${String(error)}`);
      });
    }
    // A reply over the limit is said to be too long (not “check your connection”).
    const long = await person.replyRaw(CHANNEL, { eventId: randomUUID(), threadId: thread.id, text: 'x'.repeat(WEB_REPLY_MAX_CHARS + 1) });
    expect(long.status).toBe(400);
    expect(await long.json()).toEqual({ error: 'too_long', message: en.web.tooLong.replace('{max}', WEB_REPLY_MAX_CHARS.toLocaleString('en')), max: WEB_REPLY_MAX_CHARS });
    // An event id already used for a chat message does not become a reply.
    const eventId = randomUUID();
    await person.say('help', eventId);
    await expectFixedSentence(await person.replyRaw(CHANNEL, { eventId, threadId: thread.id, text: 'hello' }), 400, 'bad_request');
    // A channel that is not a web discussion channel has no page.
    await expectFixedSentence(await person.request('/web/api/forum/C0NOWHERE'), 404, 'not_found');
    await expectFixedSentence(await person.replyRaw('elsewhere', { eventId: randomUUID(), threadId: thread.id, text: 'hello' }), 404, 'not_found');
    // None of them was kept.
    expect((await alice.forum(CHANNEL)).threads[0]?.replies).toHaveLength(3);
    expect(await topicReplies(host.app.services.store.db, '1')).toHaveLength(3);
  });

  it('posts the closing summary in the thread on `topic close`', async () => {
    expect(await moderator.answer('topic close')).toEqual([en.topics.closed({ id: '1', title: TITLE, participants: 2, replies: 3, threads: 2 })]);
    const replies = (await bob.forum(CHANNEL)).threads[0]?.replies ?? [];
    expect(replies.map((r) => r.kind)).toEqual(['reply', 'reply', 'reply', 'bot']);
    const summary = replies[3];
    expect(summary).toMatchObject({ mine: false, author: '', lang: 'en', dir: 'ltr' });
    expect(summary?.html).toContain(`<h3 class="card-header">${en.topics.summaryTitle}</h3>`);
    expect(summary?.text).toContain(en.topics.summaryCounts({ participants: 2, replies: 3 }));
  });

  it('removes and redraws the bot’s web posts through the messenger, never a person’s', async () => {
    const { messenger } = host.app.services;
    expect(messenger.platforms()).toContain('web');
    const before = (await alice.forum(CHANNEL)).threads[0]?.replies ?? [];
    const summaryId = before[3]?.id ?? '';
    const ref = { platform: 'web' as const, conversation: webChannel(thread.id), messageId: summaryId };

    await messenger.update(ref, textCard('Summary, corrected'));
    expect((await alice.forum(CHANNEL)).threads[0]?.replies[3]?.text).toBe('Summary, corrected');

    await messenger.remove(ref);
    expect((await alice.forum(CHANNEL)).threads[0]?.replies.map((r) => r.kind)).toEqual(['reply', 'reply', 'reply']);
    await expect(messenger.remove(ref)).rejects.toMatchObject({ code: 'not_found' });
    await expect(messenger.update(ref, textCard('again'))).rejects.toMatchObject({ code: 'not_found' });
    const aliceReply = { ...ref, messageId: before[0]?.id ?? '' };
    await expect(messenger.remove(aliceReply)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(messenger.update(aliceReply, textCard('not yours'))).rejects.toMatchObject({ code: 'forbidden' });
    // Posting in a thread that is not there fails; a new top-level post comes first on the page.
    await expect(messenger.post(webChannel(randomUUID()), textCard('lost'))).rejects.toMatchObject({ code: 'not_found' });
    const posted = await messenger.post(webChannel(), textCard('A note from the moderators'));
    expect(posted).toMatchObject({ platform: 'web', conversation: { channelId: CHANNEL, kind: 'channel' } });
    const page = await alice.forum(CHANNEL);
    // The topic stays the topic: the note is listed beside it, not in its place.
    expect(page.threads.map((t) => [t.id, t.kind])).toEqual([
      [thread.id, 'topic'],
      [posted.messageId, 'post'],
    ]);

    // Removing the topic's post takes its thread off the page; the replies stay recorded.
    await messenger.remove({ ...ref, messageId: thread.id });
    expect((await alice.forum(CHANNEL)).threads.map((t) => t.id)).toEqual([posted.messageId]);
    expect(await topicReplies(host.app.services.store.db, '1')).toHaveLength(3);
  });
});

describe('polls posted to the web discussion channel', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ DISCUSSION_CHANNELS: `web:${CHANNEL}`, MODERATORS: `web:${MODERATOR_ID}` }, { ingestKnowledge: false });
  });
  afterAll(() => host?.close());

  it('sit beside this week’s topic, which keeps its place, and every reply counts where it was written', async () => {
    const moderator = WebPerson.withId(host.url, MODERATOR_ID);
    const people = [new WebPerson(host.url), new WebPerson(host.url), new WebPerson(host.url)];
    await moderator.answer('topic propose Peer reviews | How do you organise them?');
    await moderator.answer('topic approve 1');
    await moderator.answer('topic post-now');
    const topicId = (await moderator.forum(CHANNEL)).threads[0]?.id ?? '';
    await people[0]?.reply(CHANNEL, topicId, 'We pair offices.');
    await people[1]?.reply(CHANNEL, topicId, 'We swap reviewers every year.');

    // Two polls to the discussion channel, one after the other, as a moderator does after a webinar.
    await moderator.answer('poll "Was the webinar useful?" "Yes" "No" --discussion');
    await moderator.answer('poll "Another session next month?" "Yes" "No" --discussion');
    const page = await people[2]?.forum(CHANNEL);
    expect(page?.threads.map((t) => t.kind)).toEqual(['topic', 'post', 'post']);
    expect(page?.threads[0]?.id).toBe(topicId);
    expect(page?.threads[0]?.post.text).toContain('Peer reviews');
    expect(page?.threads[1]?.post.text).toContain('Another session next month?');
    expect(page?.threads[2]?.post.text).toContain('Was the webinar useful?');

    // Replies after the polls go to the topic, and count there.
    for (const [i, text] of ['Reviews by a neighbouring office work best.', 'We publish every review.', 'A checklist helps.'].entries()) {
      const answered = await people[i % 2 === 0 ? 2 : 0]?.reply(CHANNEL, topicId, text);
      expect(answered?.thread).toMatchObject({ id: topicId, kind: 'topic' });
    }
    expect(await topicReplies(host.app.services.store.db, '1')).toHaveLength(5);
    expect(await moderator.answer('topic close')).toEqual([en.topics.closed({ id: '1', title: 'Peer reviews', participants: 3, replies: 5, threads: 1 })]);
  });
});

describe('a web reply the forum’s access rules refuse', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ DISCUSSION_CHANNELS: `web:${CHANNEL}`, ALLOWED_CHANNELS: 'web:another', MODERATORS: `web:${MODERATOR_ID}` }, { ingestKnowledge: false });
  });
  afterAll(() => host?.close());

  it('is answered 403 with a fixed sentence and not kept', async () => {
    const moderator = WebPerson.withId(host.url, MODERATOR_ID);
    await moderator.answer('topic propose Peer reviews | How do you organise them?');
    await moderator.answer('topic approve 1');
    await moderator.answer('topic post-now');
    const member = new WebPerson(host.url);
    const threadId = (await member.forum(CHANNEL)).threads[0]?.id ?? '';
    const res = await member.replyRaw(CHANNEL, { eventId: randomUUID(), threadId, text: 'We pair offices.' });
    await expectFixedSentence(res, 403, 'forbidden', en.web.replyRefused);
    expect((await member.forum(CHANNEL)).threads[0]?.replies).toEqual([]);
    expect(await topicReplies(host.app.services.store.db, '1')).toEqual([]);
  });
});
