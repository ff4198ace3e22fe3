/** The web page's discussion posts in the store (`web_posts`), on every store engine. */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { textCard } from '../../../src/core/card.ts';
import type { Store } from '../../../src/store/index.ts';
import { addBotPost, addReply, deleteBotPost, deleteReply, findThreadRoot, latestThreads, updateBotPost, webThread } from '../../../src/store/web-posts.ts';
import { describeEngine, storeEngines } from '../../support/stores.ts';

const at = (minutes: number): Date => new Date(Date.UTC(2026, 10, 2, 9, minutes));

for (const engine of storeEngines()) {
  describeEngine(engine)(`web posts on ${engine.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await engine.open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('lists a channel’s latest top-level posts, newest first, each with its thread in order', async () => {
      const { db } = store;
      const week1 = await addBotPost(db, { channelId: 'forum', card: textCard('Week 1', 'fr') }, at(0));
      const week2 = await addBotPost(db, { channelId: 'forum', card: textCard('Week 2') }, at(10));
      await addBotPost(db, { channelId: 'elsewhere', card: textCard('Other channel') }, at(20));
      // A fixed clock: posts of the same instant keep the order they were made in.
      const r1 = randomUUID();
      const r2 = randomUUID();
      expect(await addReply(db, { id: r1, channelId: 'forum', threadId: week1.id, userId: 'alice', text: 'First' }, at(30))).toBe(true);
      expect(await addReply(db, { id: r2, channelId: 'forum', threadId: week1.id, userId: 'bob', text: 'Second' }, at(30))).toBe(true);
      const summary = await addBotPost(db, { channelId: 'forum', threadId: week1.id, card: textCard('Summary') }, at(30));
      // The same reply again is not stored twice.
      expect(await addReply(db, { id: r1, channelId: 'forum', threadId: week1.id, userId: 'alice', text: 'First' }, at(31))).toBe(false);

      const threads = await latestThreads(db, 'forum', { maxThreads: 5, maxPosts: 10 });
      expect(threads.map((t) => t.root.id)).toEqual([week2.id, week1.id]);
      expect(threads[1]?.root).toMatchObject({ author: 'bot', threadId: null, text: '', card: { lang: 'fr', blocks: [{ type: 'text', text: 'Week 1' }] } });
      expect(threads[1]?.posts.map((p) => [p.id, p.author, p.text, p.card === null])).toEqual([
        [r1, 'web:alice', 'First', true],
        [r2, 'web:bob', 'Second', true],
        [summary.id, 'bot', '', false],
      ]);
      expect(threads[0]?.posts).toEqual([]);
      // Limits: the newest threads, the latest posts of a thread.
      expect((await latestThreads(db, 'forum', { maxThreads: 1, maxPosts: 10 })).map((t) => t.root.id)).toEqual([week2.id]);
      expect((await webThread(db, 'forum', week1.id, 2))?.posts.map((p) => p.id)).toEqual([r2, summary.id]);
      // Only a top-level post of the same channel is a thread.
      expect(await findThreadRoot(db, 'forum', r1)).toBeUndefined();
      expect(await findThreadRoot(db, 'elsewhere', week1.id)).toBeUndefined();
      expect(await webThread(db, 'forum', randomUUID(), 10)).toBeUndefined();
    });

    it('deletes and redraws only the bot’s posts', async () => {
      const { db } = store;
      const root = await addBotPost(db, { channelId: 'mod', card: textCard('Topic') }, at(0));
      const reply = randomUUID();
      await addReply(db, { id: reply, channelId: 'mod', threadId: root.id, userId: 'carol', text: 'Mine' }, at(1));
      expect(await updateBotPost(db, root.id, textCard('Topic, corrected'))).toBe('updated');
      expect((await webThread(db, 'mod', root.id, 10))?.root.card).toEqual(textCard('Topic, corrected'));
      expect(await updateBotPost(db, reply, textCard('x'))).toBe('forbidden');
      expect(await deleteBotPost(db, reply)).toBe('forbidden');
      expect(await deleteBotPost(db, root.id)).toBe('deleted');
      expect(await deleteBotPost(db, root.id)).toBe('not_found');
      expect(await updateBotPost(db, root.id, textCard('x'))).toBe('not_found');
      // The reply is kept, no longer reachable from a thread; the person's own removal takes it.
      expect(await latestThreads(db, 'mod', { maxThreads: 5, maxPosts: 10 })).toEqual([]);
      await deleteReply(db, reply, 'someone-else');
      expect((await db.selectFrom('web_posts').select('id').where('id', '=', reply).execute()).length).toBe(1);
      await deleteReply(db, reply, 'carol');
      expect((await db.selectFrom('web_posts').select('id').where('id', '=', reply).execute()).length).toBe(0);
    });

    it('refuses rows that break the table’s rules', async () => {
      const { db } = store;
      const insert = (values: { author: string; card: string | null; thread_id: string | null }) =>
        sql`insert into web_posts (id, channel_id, thread_id, author, card, text, posted_at) values (${randomUUID()}, 'x', ${values.thread_id}, ${values.author}, ${values.card}, '', now())`.execute(db);
      // A person's top-level post, a person's card, a bot post without one, an author of another platform.
      await expect(insert({ author: 'web:dan', card: null, thread_id: null })).rejects.toThrow();
      await expect(insert({ author: 'web:dan', card: '{}', thread_id: randomUUID() })).rejects.toThrow();
      await expect(insert({ author: 'bot', card: null, thread_id: null })).rejects.toThrow();
      await expect(insert({ author: 'slack:U1', card: null, thread_id: randomUUID() })).rejects.toThrow();
      await expect(insert({ author: 'bot', card: '{}', thread_id: null })).resolves.toBeDefined();
    });
  });
}
