/** Conversations the bot may post to unasked: stored, refreshed, marked inactive, listed. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { activeConversations, findConversation, saveConversation, setConversationActive } from '../../src/store/conversations.ts';
import { describeEngine, storeEngines } from '../support/stores.ts';

for (const engine of storeEngines()) {
  describeEngine(engine)(`conversations on ${engine.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await engine.open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('keeps one reference per conversation, the latest, and lists the active ones', async () => {
      const t0 = new Date('2026-11-01T10:00:00Z');
      const record = { platform: 'teams', conversationId: '19:general@thread.tacv2', workspaceId: 'tenant-1', kind: 'channel', reference: { serviceUrl: 'https://a/', n: 1 } };
      await saveConversation(store.db, record, t0);
      await saveConversation(store.db, { ...record, reference: { serviceUrl: 'https://b/', n: 2 } }, new Date('2026-11-02T10:00:00Z'));
      await saveConversation(store.db, { ...record, conversationId: 'a:personal', kind: 'direct' }, t0);
      const stored = await findConversation(store.db, 'teams', '19:general@thread.tacv2');
      expect(JSON.parse(stored?.reference ?? '{}')).toEqual({ serviceUrl: 'https://b/', n: 2 });
      expect(stored?.active).toBe(true);
      expect((await activeConversations(store.db, 'teams')).map((c) => c.conversation_id)).toEqual(['19:general@thread.tacv2', 'a:personal']);

      await setConversationActive(store.db, 'teams', 'a:personal', false, new Date());
      expect((await activeConversations(store.db, 'teams')).map((c) => c.conversation_id)).toEqual(['19:general@thread.tacv2']);
      expect(await activeConversations(store.db, 'slack')).toEqual([]);
      // Added again: active again.
      await saveConversation(store.db, { ...record, conversationId: 'a:personal', kind: 'direct' }, new Date());
      expect((await findConversation(store.db, 'teams', 'a:personal'))?.active).toBe(true);
    });
  });
}
