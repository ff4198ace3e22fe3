/**
 * Guests in Slack over HTTP, as Slack drives them: the real host and Bolt app, signed requests, the
 * Web API played by the recording fake. A person of another organisation (Slack Connect: their home
 * workspace is not a member state's) is refused until a moderator invites them with `/forum invite`;
 * then they ask and are answered, may not propose a topic, and once the invitation runs out they are
 * told politely when it ended. A member's request reaches the moderators with buttons; one click
 * decides it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/core/actions.ts';
import { formatDate, messages } from '../../../src/i18n/index.ts';
import type { Store } from '../../../src/store/index.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { useFakeSlack, type SlackCall } from '../../support/fake-slack.ts';
import { SIGNING_SECRET, TEAM_ID, directMessage, eventEnvelope, sendToSlack } from '../../support/slack-requests.ts';
import { buttonsOf, shownLines, slackForumDriver, type SlackForumDriver } from '../../support/slack/forum-driver.ts';

const fake = useFakeSlack();
const en = messages('en');
const DAY = 24 * 60 * 60 * 1000;
const PARTNER = 'T0PARTNER';

describe('Slack guests over HTTP', () => {
  let store: Store;
  let host: TestHost;
  let slack: SlackForumDriver;
  let clock = new Date('2026-11-02T09:00:00Z');

  beforeAll(async () => {
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake().apiUrl,
      SLACK_ALLOWED_WORKSPACES: TEAM_ID,
      MODERATORS: 'slack:U0MOD',
    };
    host = await startTestHost(env, { ingestKnowledge: false, now: () => clock });
    await host.scheduler.stop();
    store = host.app.services.store;
    slack = slackForumDriver(host.url, fake);
  });

  afterAll(() => host.close());

  /** A direct message from a person of the partner organisation (their `team` is theirs; the app's install is ours). */
  async function guestSays(user: string, text: string): Promise<string[]> {
    const before = fake().calls.length;
    const message = directMessage({ user, text, teamId: PARTNER });
    expect((await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(message))).status).toBe(200);
    const shown = await fake().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === message.channel && fake().calls.indexOf(c) >= before, 10_000);
    return shownLines(shown);
  }

  /** The first private note to `user` (a DM: the user id as channel) after call index `from`. */
  const noteTo = (user: string, from: number): Promise<SlackCall> =>
    fake().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === user && fake().calls.indexOf(c) >= from, 10_000);

  it('refuses an outsider, admits them once invited, refuses a topic proposal, and refuses them politely after the expiry', async () => {
    fake().setUser('U0OLGA', { teamId: PARTNER, realName: 'Olga Partner' });
    expect(await guestSays('U0OLGA', 'help')).toEqual([en.access.refused]);

    const from = fake().calls.length;
    const expires = new Date(clock.getTime() + 7 * DAY);
    const invited = await slack.command('U0MOD', 'invite <@U0OLGA|olga> --days 7');
    expect(shownLines(invited)).toEqual([en.membership.invited({ name: 'Olga Partner', date: formatDate(expires, 'en'), mayPropose: false })]);
    // Slack told who the mention names, and the guest was welcomed privately.
    expect(fake().callsTo('users.info').map((c) => c.body.user)).toContain('U0OLGA');
    expect(shownLines(await noteTo('U0OLGA', from))).toEqual([en.membership.welcomeGuest({ date: formatDate(expires, 'en') })]);

    expect((await guestSays('U0OLGA', 'help'))[0]).toBe(en.help.title);
    expect(await guestSays('U0OLGA', 'topic propose How donors see it')).toEqual([en.membership.guestCannotPropose]);
    expect(await store.db.selectFrom('topics').select('id').execute()).toEqual([]);

    clock = new Date(expires.getTime() + 1000);
    expect(await guestSays('U0OLGA', 'help')).toEqual([en.access.guestExpired({ date: formatDate(expires, 'en') })]);
    const audit = await store.db.selectFrom('audit_log').select(['actor', 'action', 'subject']).where('subject', '=', 'slack:U0OLGA').execute();
    expect(audit).toEqual([{ actor: 'slack:U0MOD', action: 'role.grant', subject: 'slack:U0OLGA' }]);
  });

  it('refuses a moderator’s command to a member; a member’s request is approved by a moderator’s click', async () => {
    fake().setUser('U0OMAR', { teamId: PARTNER, realName: 'Omar Partner' });
    expect(shownLines(await slack.command('U0MIA', 'guests'))).toEqual([en.access.moderatorOnly({ command: 'guests' })]);

    const from = fake().calls.length;
    expect(shownLines(await slack.command('U0MIA', 'invite <@U0OMAR|omar> --days 10'))).toEqual([en.membership.requestSent({ name: 'Omar Partner', days: 10 })]);
    const note = await noteTo('U0MOD', from);
    expect(shownLines(note)[0]).toMatch(/^Request #\d+: /);
    const [approve] = buttonsOf(note);
    expect(approve?.action_id.split('#')[0]).toBe(ACTIONS.guestApprove);
    expect(await guestSays('U0OMAR', 'help')).toEqual([en.access.refused]);

    // The member cannot decide it; the moderator can, once.
    const afterMember = fake().calls.length;
    await slack.click('U0MIA', { channel: 'U0MOD', ts: '1764000000.000100' }, approve ?? { action_id: '', value: '' });
    await fake().waitFor((c) => shownLines(c).includes(en.membership.onlyModeratorsDecide) && fake().calls.indexOf(c) >= afterMember, 10_000);
    const afterClick = fake().calls.length;
    await slack.click('U0MOD', { channel: 'U0MOD', ts: '1764000000.000100' }, approve ?? { action_id: '', value: '' });
    const expires = new Date(clock.getTime() + 10 * DAY);
    await fake().waitFor((c) => shownLines(c).includes(en.membership.approved({ name: 'Omar Partner', date: formatDate(expires, 'en') })) && fake().calls.indexOf(c) >= afterClick, 10_000);
    expect(shownLines(await noteTo('U0MIA', afterClick))).toEqual([en.membership.requestApproved({ name: 'Omar Partner', date: formatDate(expires, 'en') })]);

    expect((await guestSays('U0OMAR', 'help'))[0]).toBe(en.help.title);
    const request = await store.db.selectFrom('guest_requests').select(['status', 'decided_by', 'requested_by']).where('user_id', '=', 'U0OMAR').execute();
    expect(request).toEqual([{ status: 'approved', decided_by: 'slack:U0MOD', requested_by: 'slack:U0MIA' }]);
  });
});
