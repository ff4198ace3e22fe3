/**
 * Guests in Teams over HTTP: the real host, activities posted as Teams posts them, the recording Bot
 * Connector. A moderator mentions a person of another organisation in a channel (`invite @Olga`):
 * the bot asks the channel's roster who that is (their Entra object id and tenant), makes them a
 * guest, and from then on their personal chat with the bot — in their own tenant — is served until
 * the expiry. A member's mention of someone of a member state's tenant is no invitation.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatDate, messages } from '../../../src/i18n/index.ts';
import type { Store } from '../../../src/store/index.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { findPerson } from '../../../src/store/people.ts';
import { useFakeBotConnector, type ConnectorCall } from '../../support/fake-bot-connector.ts';
import {
  CHANNEL_ID,
  TENANT_ID,
  USER_ADA,
  USER_GRACE,
  channelMessage,
  conversationUpdate,
  personalConversationIdFor,
  personalMessage,
  postActivity,
  type TeamsUser,
} from '../../support/teams-activities.ts';

const connector = useFakeBotConnector();
const en = messages('en');
const DAY = 24 * 60 * 60 * 1000;
const PARTNER_TENANT = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
const OLGA: TeamsUser = {
  ...USER_GRACE,
  id: '29:1Olga7Partner3Kq2Lm5Np8Rs1Tv4Wx7Yb0Cd3Ef6Gh9Jk2Mn5Pq8St1Uv4Wx7Yz',
  name: 'Olga Partner',
  aadObjectId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  personalConversationId: personalConversationIdFor('29:1Olga7Partner3Kq2Lm5Np8Rs1Tv4Wx7Yb0Cd3Ef6Gh9Jk2Mn5Pq8St1Uv4Wx7Yz', PARTNER_TENANT),
};

/** Every TextBlock's text in a posted message's cards. */
function shown(call: ConnectorCall): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text.replace(/\\(.)/g, '$1'));
      Object.values(o).forEach(walk);
    }
  };
  walk(call.body.attachments);
  return out;
}

const isPost = (c: ConnectorCall): boolean => c.method === 'reply' || c.method === 'send';

describe('Teams guests over HTTP', () => {
  let store: Store;
  let host: TestHost;
  let clock = new Date('2026-11-02T09:00:00Z');

  beforeAll(async () => {
    host = await startTestHost({ TEAMS_ALLOWED_TENANTS: TENANT_ID, MODERATORS: `teams:${USER_ADA.aadObjectId}` }, { ingestKnowledge: false, now: () => clock });
    await host.scheduler.stop();
    store = host.app.services.store;
    expect((await postActivity(host.url, conversationUpdate({ scope: 'team', botAdded: true, serviceUrl: connector().serviceUrl }))).status).toBeLessThan(300);
  });

  // The fake forgets its rosters between tests.
  beforeEach(() => {
    connector().setMembers(CHANNEL_ID, [
      { id: USER_ADA.id, name: USER_ADA.name, aadObjectId: USER_ADA.aadObjectId },
      { id: USER_GRACE.id, name: USER_GRACE.name, aadObjectId: USER_GRACE.aadObjectId },
      { id: OLGA.id, name: OLGA.name, aadObjectId: OLGA.aadObjectId, tenantId: PARTNER_TENANT, userRole: 'guest' },
    ]);
  });

  afterAll(() => host.close());

  /** Posts an activity and waits for the bot's first message after it, anywhere. */
  async function answerTo(activity: object): Promise<string[]> {
    const before = connector().calls.length;
    expect((await postActivity(host.url, activity)).status).toBeLessThan(300);
    return shown(await connector().waitFor((c) => isPost(c) && connector().calls.indexOf(c) >= before, 10_000));
  }
  const olgaSays = (text: string): Promise<string[]> => answerTo(personalMessage({ text, from: OLGA, tenantId: PARTNER_TENANT, serviceUrl: connector().serviceUrl }));

  it('admits a person of another tenant a moderator invited by mention, until the expiry', async () => {
    expect(await olgaSays('help')).toEqual([en.access.refused]);

    const expires = new Date(clock.getTime() + 5 * DAY);
    const invite = channelMessage({ text: 'invite <at>Olga Partner</at> --days 5', from: USER_ADA, mentions: [{ id: OLGA.id, name: OLGA.name }], serviceUrl: connector().serviceUrl });
    const answer = await answerTo(invite);
    expect(answer).toContain(en.membership.invited({ name: 'Olga Partner', date: formatDate(expires, 'en'), mayPropose: false }));
    // The roster was asked about the person mentioned, by the id the mention carried.
    expect(connector().calls.some((c) => c.method === 'member' && c.memberId === OLGA.id)).toBe(true);
    expect(await findPerson(store.db, { platform: 'teams', workspaceId: PARTNER_TENANT, userId: OLGA.aadObjectId })).toMatchObject({ role: 'guest', display_name: 'Olga Partner' });

    expect((await olgaSays('help'))[0]).toBe(en.help.title);
    expect(await olgaSays('topic propose How donors see it')).toEqual([en.membership.guestCannotPropose]);

    clock = new Date(expires.getTime() + 1000);
    expect(await olgaSays('help')).toEqual([en.access.guestExpired({ date: formatDate(expires, 'en') })]);
  });

  it('does not invite someone of a member state’s tenant: they are a member already', async () => {
    const invite = channelMessage({ text: 'invite <at>Grace Hopper</at>', from: USER_ADA, mentions: [{ id: USER_GRACE.id, name: USER_GRACE.name }], serviceUrl: connector().serviceUrl });
    expect(await answerTo(invite)).toContain(en.membership.alreadyMember({ name: 'Grace Hopper' }));
    expect(await findPerson(store.db, { platform: 'teams', workspaceId: TENANT_ID, userId: USER_GRACE.aadObjectId })).toBeUndefined();
  });
});
