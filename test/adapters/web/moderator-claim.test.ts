/**
 * The first moderator, from the web chat on the server's own machine, over real HTTP against the
 * real host: while the forum has no moderator, `help` offers the local person the role and one
 * click gives it (audited; `stats` then answers them). A signed-in person, another local person
 * once there is a moderator, and any local person of a forum with MODERATORS are not offered it,
 * and their clicks are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/core/actions.ts';
import { messages } from '../../../src/i18n/index.ts';
import { createWebAccount, setPassword } from '../../../src/store/web-accounts.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { WebPerson } from './web-person.ts';

const en = messages('en');
const PASSWORD = 'a long enough passphrase';
const CLAIM_BUTTON = `data-action-id="${ACTIONS.moderatorClaim}"`;

async function said(person: WebPerson, text: string): Promise<{ text: string; html: string }> {
  const reply = await person.say(text);
  return { text: reply.messages.map((m) => m.text).join('\n'), html: reply.messages.map((m) => m.html).join('\n') };
}

async function clicked(person: WebPerson): Promise<string> {
  const reply = await person.click(ACTIONS.moderatorClaim, '');
  return reply.messages.map((m) => m.text).join('\n');
}

describe('the first moderator, from the web chat on this machine', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({}, { ingestKnowledge: false });
    const db = host.app.services.store.db;
    await createWebAccount(db, { login: 'amina', displayName: 'Amina', kind: 'member', by: 'test', now: new Date() });
    await setPassword(db, 'amina', PASSWORD, 'test', new Date());
  });
  afterAll(() => host?.close());

  it('offers nothing to a signed-in person, and refuses their click', async () => {
    const amina = await WebPerson.signedIn(host.url, 'amina', PASSWORD);
    const help = await said(amina, 'help');
    expect(help.text).toContain(en.help.title);
    expect(help.html).not.toContain(CLAIM_BUTTON);
    expect(await clicked(amina)).toContain(en.membership.claimRefused);
    expect((await said(amina, 'stats')).text).toContain(en.access.moderatorOnly({ command: 'stats' }));
  });

  it('offers the local person the role under help, and one click makes them the moderator', async () => {
    const local = new WebPerson(host.url);
    expect((await said(local, 'stats')).text).toContain(en.access.moderatorOnly({ command: 'stats' }));
    const help = await said(local, 'help');
    expect(help.text).toContain(en.membership.claimOffer);
    expect(help.html).toContain(CLAIM_BUTTON);
    expect(await clicked(local)).toContain(en.membership.claimDone);
    expect((await said(local, 'stats')).text).toContain('How the forum is used');
    // The web chat's line among workspaces has a name, not its internal key.
    await said(local, 'How does a member state request technical assistance?');
    const stats = (await said(local, 'stats')).text;
    expect(stats).toContain(`${en.stats.webWorkspace}: `);
    expect(stats).not.toContain('web:web');
    const after = await said(local, 'help');
    expect(after.text).toContain(en.help.moderatorSection);
    expect(after.html).not.toContain(CLAIM_BUTTON);
    const audit = await host.app.services.store.db.selectFrom('audit_log').select(['action', 'actor']).where('subject', '=', `web:${local.userId}`).execute();
    expect(audit).toEqual([{ action: 'role.grant', actor: `web:${local.userId}` }]);
  });

  it('offers nothing once the forum has a moderator, and refuses another local person’s click', async () => {
    const other = new WebPerson(host.url);
    expect((await said(other, 'help')).html).not.toContain(CLAIM_BUTTON);
    expect(await clicked(other)).toContain(en.membership.claimRefused);
    expect((await said(other, 'stats')).text).toContain(en.access.moderatorOnly({ command: 'stats' }));
  });
});

describe('a forum with moderators in MODERATORS', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ MODERATORS: 'web:boss' }, { ingestKnowledge: false });
  });
  afterAll(() => host?.close());

  it('offers the local person nothing, and refuses the click', async () => {
    const local = new WebPerson(host.url);
    expect((await said(local, 'help')).html).not.toContain(CLAIM_BUTTON);
    expect(await clicked(local)).toContain(en.membership.claimRefused);
  });
});
