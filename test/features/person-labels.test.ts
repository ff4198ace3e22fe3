/**
 * People shown by name, never by an id, on a real store: a web account's name, a name the forum
 * learnt, the web chat at the server's own machine as "you, on this computer" (for that person) or
 * "someone else on this computer", in the reader's language; and `topic queue` over real HTTP
 * names its proposer so.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personLabels } from '../../src/features/membership/person-labels.ts';
import { messages } from '../../src/i18n/index.ts';
import type { Store } from '../../src/store/index.ts';
import { openTestStore } from '../support/pglite-template.ts';
import { grantRole } from '../../src/store/people.ts';
import { createWebAccount } from '../../src/store/web-accounts.ts';
import { startTestHost, type TestHost } from '../support/host.ts';
import { WebPerson } from '../adapters/web/web-person.ts';

const now = new Date('2026-12-01T09:00:00Z');
const fr = messages('fr');

describe('people by name', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
    await createWebAccount(store.db, { login: 'amina', displayName: 'Amina Diallo', kind: 'member', by: 'test', now });
    await grantRole(store.db, { key: { platform: 'slack', workspaceId: 'T1', userId: 'U1' }, role: 'guest', guestExpiresAt: new Date('2027-01-01T00:00:00Z'), displayName: 'Jo Slack', by: 'test', now });
  });
  afterAll(() => store.close());

  it('names each person for the reader, in the reader’s language', async () => {
    const me = randomUUID();
    const other = randomUUID();
    const refs = ['web:amina', 'slack:U1', `web:${me}`, `web:${other}`, 'slack:U9', 'web:gone'];
    const labels = await personLabels(store.db, refs, 'fr', { platform: 'web', userId: me });
    expect(refs.map((r) => labels.get(r))).toEqual(['Amina Diallo', 'Jo Slack', fr.membership.localYou, fr.membership.localOther, 'slack:U9', 'web:gone']);
    // Without a reader, nobody is "you".
    expect((await personLabels(store.db, [`web:${me}`], 'fr')).get(`web:${me}`)).toBe(fr.membership.localOther);
  });
});

describe('topic queue names the proposer', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({}, { ingestKnowledge: false });
  });
  afterAll(() => host?.close());

  it('shows the local web person as "you, on this computer" in their language, never web:<id>', async () => {
    const local = new WebPerson(host.url);
    await local.say('help');
    await local.click('moderator:claim', '');
    await local.answer('lang fr');
    await local.answer('topic propose Revues à mi-parcours | Qu’avez-vous changé ?');
    const queue = (await local.answer('topic queue')).join('\n');
    expect(queue).toContain(fr.topics.item({ id: '1', title: 'Revues à mi-parcours', author: fr.membership.localYou }));
    expect(queue).not.toContain(local.userId);
  });
});
