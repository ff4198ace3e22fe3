/**
 * Moderators kept in the store, on each engine: granted and listed, ended with an audit row (and
 * only when there was one), and the web chat's local people found from their chats and people
 * rows, the most recent first, web accounts' chats left out.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { endModeratorRole, listStoredModerators, localWebPeople } from '../../src/store/moderators.ts';
import { findPerson, grantRole, setPersonLang } from '../../src/store/people.ts';
import { addChatMessage } from '../../src/store/web-chat.ts';
import { describeEngine, storeEngines } from '../support/stores.ts';

const T0 = new Date('2026-12-01T10:00:00Z');
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

for (const engine of storeEngines()) {
  describeEngine(engine)(`moderators in the store on ${engine.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await engine.open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('lists a granted moderator, ends the role with an audit row, and ends nothing twice', async () => {
      const key = { platform: 'slack', workspaceId: 'T0001', userId: 'U0MOD' };
      await grantRole(store.db, { key, role: 'moderator', guestExpiresAt: null, by: 'cli:test', now: at(0) });
      expect(await listStoredModerators(store.db)).toEqual([{ ...key, displayName: null, since: at(0) }]);
      expect(await endModeratorRole(store.db, key, 'cli:test', at(5))).toBe(true);
      expect((await findPerson(store.db, key))?.role).toBeNull();
      expect(await listStoredModerators(store.db)).toEqual([]);
      const audit = await store.db.selectFrom('audit_log').select(['action', 'actor']).where('subject', '=', 'slack:U0MOD').orderBy('id').execute();
      expect(audit).toEqual([
        { action: 'role.grant', actor: 'cli:test' },
        { action: 'role.end', actor: 'cli:test' },
      ]);
      expect(await endModeratorRole(store.db, key, 'cli:test', at(6))).toBe(false);
    });

    it('finds the web chat’s local people, the most recent first, and leaves web accounts’ chats out', async () => {
      const older = randomUUID();
      const newer = randomUUID();
      await addChatMessage(store.db, { id: randomUUID(), userId: older, text: 'help' }, at(10));
      await setPersonLang(store.db, { platform: 'web', workspaceId: 'web', userId: newer }, 'fr', at(20));
      await addChatMessage(store.db, { id: randomUUID(), userId: 'amina', text: 'help' }, at(30));
      const found = await localWebPeople(store.db);
      expect(found.map((p) => p.userId)).toEqual([newer, older]);
      expect(found[1]?.lastSeen.getTime()).toBe(at(10).getTime());
    });
  });
}
