/**
 * A weekly topic's whole life in the core, on a real store and knowledge base: proposed, approved,
 * posted, replied to in its thread, closed with a summary posted in that thread and stored as a
 * knowledge-base document that `ask` then cites; the next week's post closes the topic before it.
 * The platforms are played by a recording messenger (the HTTP path is tested over the adapters).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { cardToText } from '../../../src/core/card.ts';
import type { InboundEvent } from '../../../src/core/events.ts';
import { discussionSource } from '../../../src/features/discussions/close.ts';
import { silentLogger } from '../../../src/log.ts';
import { createApp, type App } from '../../../src/main.ts';
import { topicReplies } from '../../../src/store/topic-replies.ts';
import { findTopic, topicEvents } from '../../../src/store/topics.ts';
import { RecordingAdapter } from '../../support/recording-adapter.ts';
import { CHAT_PATH, chatReply, FAKE_API_KEY, useFakeOpenAI, type FakeOpenAI } from '../../support/fake-openai.ts';
import { RecordingMessenger } from '../../support/recording-messenger.ts';
import { openTestStore } from '../../support/pglite-template.ts';

let n = 0;
function event(userId: string, partial: Partial<InboundEvent> & Pick<InboundEvent, 'type'>): InboundEvent {
  n++;
  return {
    id: `close-${n}`,
    platform: 'slack',
    actor: { platform: 'slack', workspaceId: 'T1', userId },
    conversation: { platform: 'slack', workspaceId: 'T1', channelId: `D${userId}`, kind: 'direct' },
    receivedAt: new Date('2026-11-18T11:00:00Z'),
    ...partial,
  } as InboundEvent;
}

const REPLIES: [string, string][] = [
  ['UANA', 'Hello everyone!'],
  ['UANA', 'In our ministry, statisticians spend six months in a partner office through a rotating secondment, and they come back with methods the whole team adopts.'],
  ['UBEN', '+1'],
  ['UBEN', 'The rotating secondment worked for us too, but only once the host office named a mentor for each visiting statistician.'],
  ['UCAM', 'We measured the effect a year later: the seconded statisticians trained twelve colleagues on average.'],
];

describe('closing a weekly topic', () => {
  let app: App;
  const messenger = new RecordingMessenger();
  const clock = { now: new Date('2026-11-18T10:00:00Z') };

  beforeAll(async () => {
    const config = loadConfig({ SLACK_ALLOWED_WORKSPACES: 'T1', MODERATORS: 'slack:UMOD', DISCUSSION_CHANNELS: 'slack:C0FORUM' });
    app = await createApp(config, silentLogger(), { store: await openTestStore(), now: () => clock.now, ingestKnowledge: true });
    app.services.messenger = messenger;
  });
  afterAll(() => app.close());

  async function say(userId: string, text: string): Promise<string[]> {
    const adapter = new RecordingAdapter();
    await app.dispatcher.handle(event(userId, { type: 'message', text }), adapter);
    return adapter.texts();
  }

  function reply(userId: string, text: string, threadId: string, id = `reply-${++n}`): InboundEvent {
    return event(userId, {
      type: 'thread_reply',
      id,
      text,
      messageId: id,
      conversation: { platform: 'slack', workspaceId: 'T1', channelId: 'C0FORUM', threadId, kind: 'channel' },
    });
  }

  it('goes from proposal to a summary that ask cites', async () => {
    const proposed = await say('UANA', 'topic propose Secondments between statistics offices | Have staff exchanges between offices worked for you?');
    const id = /#(\d+)/.exec(proposed[0] ?? '')?.[1] ?? '';
    await say('UMOD', `topic approve ${id}`);
    await say('UMOD', 'topic post-now');
    const post = messenger.posts.find((p) => cardToText(p.card).includes('Secondments between statistics offices'));
    expect(post?.conversation).toMatchObject({ platform: 'slack', channelId: 'C0FORUM' });
    const root = post?.messageId ?? '';
    // Every topic links to the rules.
    expect(cardToText(post?.card ?? { blocks: [] })).toContain('rules');

    for (const [user, text] of REPLIES) await app.dispatcher.handle(reply(user, text, root), new RecordingAdapter());
    // The same message delivered twice is one reply; a thread under another message is not the topic's.
    await app.dispatcher.handle(reply('UCAM', 'Delivered twice.', root, 'twice'), new RecordingAdapter());
    await app.dispatcher.handle(reply('UCAM', 'Delivered twice.', root, 'twice'), new RecordingAdapter());
    await app.dispatcher.handle(reply('UDAN', 'Another thread entirely.', 'not-a-topic'), new RecordingAdapter());
    expect(await topicReplies(app.services.store.db, id)).toHaveLength(REPLIES.length + 1);

    clock.now = new Date('2026-11-20T16:00:00Z');
    const closed = await say('UMOD', 'topic close');
    expect(closed[0]).toContain(`#${id}`);
    expect(closed[0]).toContain('6 replies from 3 participants');

    // The summary went into the topic's thread, with the counts, and without greetings or "+1".
    const summary = messenger.posts.at(-1);
    expect(summary?.conversation).toMatchObject({ channelId: 'C0FORUM', threadId: root });
    const summaryText = cardToText(summary?.card ?? { blocks: [] });
    expect(summaryText).toContain('Summary of the discussion');
    expect(summaryText).toContain('6 replies from 3 participants.');
    expect(summaryText).toContain('rotating secondment');
    expect(summaryText).not.toContain('Hello everyone');
    expect(summaryText).not.toContain('+1');

    const topic = await findTopic(app.services.store.db, id);
    expect(topic).toMatchObject({ status: 'closed', closed_at: clock.now });
    expect(topic?.summary).toContain('rotating secondment');
    expect((await topicEvents(app.services.store.db, id)).at(-1)).toMatchObject({ action: 'closed', actor: 'slack:UMOD' });
    const audit = await app.services.store.db.selectFrom('audit_log').selectAll().where('subject', '=', `topic:${id}`).where('action', '=', 'topic.closed').execute();
    expect(audit).toHaveLength(1);

    // Closing twice: nothing open any more.
    expect((await say('UMOD', `topic close ${id}`))[0]).toContain(`#${id} is not open`);
    expect((await say('UMOD', 'topic close'))[0]).toBe('No topic is open for discussion at the moment.');
    // Replies after the close are not recorded.
    await app.dispatcher.handle(reply('UEVA', 'Too late to count.', root), new RecordingAdapter());
    expect(await topicReplies(app.services.store.db, id)).toHaveLength(REPLIES.length + 1);

    // Later questions cite what the community said.
    const answer = await app.services.knowledge.answer('Did the rotating secondment of statisticians work, and what did it need?', 'en');
    expect(answer.answered).toBe(true);
    expect(answer.citations.map((c) => c.source)).toContain(discussionSource(id));
    // As a member asks it in chat: the answer quotes the summary and names the topic as its source.
    const asked = (await say('UEVA', 'Did the rotating secondment of statisticians work, and what did it need?')).join('\n');
    expect(asked).toContain('mentor');
    expect(asked).toContain('Secondments between statistics offices');
  });

  it('closes last week’s topic when the next one goes out, and members cannot close', async () => {
    expect((await say('UANA', 'topic close'))[0]).toMatch(/moderator/i);
    const first = /#(\d+)/.exec((await say('UBEN', 'topic propose Mentors for new delegates'))[0] ?? '')?.[1] ?? '';
    const second = /#(\d+)/.exec((await say('UBEN', 'topic propose Sharing evaluation reports'))[0] ?? '')?.[1] ?? '';
    await say('UMOD', `topic approve ${first}`);
    await say('UMOD', `topic approve ${second}`);
    await say('UMOD', 'topic post-now');
    const firstRoot = messenger.posts.at(-1)?.messageId ?? '';
    await app.dispatcher.handle(reply('UANA', 'A mentor from a neighbouring delegation helped me through my first session.', firstRoot), new RecordingAdapter());
    const before = messenger.posts.length;
    await say('UMOD', 'topic post-now');
    // The summary of the first went into its thread before the second topic was posted.
    const [summary, next] = messenger.posts.slice(before);
    expect(summary?.conversation.threadId).toBe(firstRoot);
    expect(cardToText(summary?.card ?? { blocks: [] })).toContain('1 reply from 1 participant.');
    expect(cardToText(next?.card ?? { blocks: [] })).toContain('Sharing evaluation reports');
    expect((await findTopic(app.services.store.db, first))?.status).toBe('closed');
    expect((await findTopic(app.services.store.db, second))?.status).toBe('posted');
    const docs = await app.services.store.db.selectFrom('documents').select(['source']).where('source', 'like', 'discussion/%').execute();
    expect(docs.map((d) => d.source)).toContain(discussionSource(first));
    expect(docs.map((d) => d.source)).not.toContain(discussionSource(second));
  });

  it('adds nothing to the knowledge base when a topic nobody answered is closed', async () => {
    const id = /#(\d+)/.exec((await say('UBEN', 'topic propose Translation budgets | How much do you set aside for translation?'))[0] ?? '')?.[1] ?? '';
    await say('UMOD', `topic approve ${id}`);
    await say('UMOD', 'topic post-now');
    const root = messenger.posts.at(-1)?.messageId ?? '';
    // The previous topic's close is the post's doing; this one is closed by hand with no reply.
    const said = await say('UMOD', `topic close ${id}`);
    expect(said[0]).toContain(`#${id}`);
    expect(said[0]).toContain('Nobody replied, so nothing was added to the knowledge base');
    expect(said[0]).toContain('1 thread.');
    const note = messenger.posts.at(-1);
    expect(note?.conversation.threadId).toBe(root);
    const noteText = cardToText(note?.card ?? { blocks: [] });
    expect(noteText).toContain('Nobody replied to this topic.');
    expect(noteText).not.toContain('now part of the knowledge base');
    expect((await findTopic(app.services.store.db, id))?.status).toBe('closed');
    const docs = await app.services.store.db.selectFrom('documents').select(['source']).where('source', '=', discussionSource(id)).execute();
    expect(docs).toEqual([]);
    const answer = await app.services.knowledge.answer('How much do you set aside for translation budgets?', 'en');
    expect(answer.citations.map((c) => c.source)).not.toContain(discussionSource(id));
  });
});

describe('closing a weekly topic with a model configured', () => {
  let fake: FakeOpenAI;
  useFakeOpenAI((f) => (fake = f));

  it('posts the model’s summary, written from the replies it was sent without anyone’s id', async () => {
    const config = loadConfig({
      SLACK_ALLOWED_WORKSPACES: 'T1',
      MODERATORS: 'slack:UMOD',
      DISCUSSION_CHANNELS: 'slack:C0FORUM',
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_API_KEY: FAKE_API_KEY,
    });
    const app = await createApp(config, silentLogger(), { store: await openTestStore() });
    const messenger = new RecordingMessenger();
    app.services.messenger = messenger;
    try {
      const say = async (userId: string, text: string): Promise<string[]> => {
        const adapter = new RecordingAdapter();
        await app.dispatcher.handle(event(userId, { type: 'message', text }), adapter);
        return adapter.texts();
      };
      await say('UMOD', 'lang fr');
      const id = /#(\d+)/.exec((await say('UMOD', 'topic propose Détachements entre offices statistiques | Les échanges de personnel ont-ils marché chez vous ?'))[0] ?? '')?.[1] ?? '';
      await say('UMOD', `topic approve ${id}`);
      await say('UMOD', 'topic post-now');
      const root = messenger.posts.at(-1)?.messageId ?? '';
      for (const [user, text] of REPLIES) {
        await app.dispatcher.handle(
          event(user, { type: 'thread_reply', text, messageId: `m-${user}-${text.length}`, conversation: { platform: 'slack', workspaceId: 'T1', channelId: 'C0FORUM', threadId: root, kind: 'channel' } }),
          new RecordingAdapter(),
        );
      }
      fake.on(CHAT_PATH, chatReply('- Les détachements tournants ont été utiles, à condition de nommer un mentor.\n- Un an après, chaque statisticien détaché avait formé une douzaine de collègues.'));
      expect((await say('UMOD', 'topic close'))[0]).toContain('5 réponses de 3 participants');

      const summary = cardToText(messenger.posts.at(-1)?.card ?? { blocks: [] });
      expect(summary).toContain('Synthèse de la discussion');
      expect(summary).toContain('à condition de nommer un mentor');
      expect(summary).toContain('Rédigée par l’assistant');
      const sent = JSON.stringify(fake.requests.at(-1)?.body);
      expect(sent).toContain('mentor for each visiting statistician');
      expect(sent).toContain('French');
      for (const user of ['UANA', 'UBEN', 'UCAM', 'slack:']) expect(sent).not.toContain(user);
    } finally {
      await app.close();
    }
  });
});
