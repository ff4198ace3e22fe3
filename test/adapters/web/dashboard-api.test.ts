/**
 * The moderators' dashboard API over real HTTP, on a real PGlite store with the real app, behind a
 * stand-in for the web sign-in (dashboard-harness.ts). Members are refused; a moderator's decisions
 * go through the core (store, topic events, audit log); the queue is reordered; polls are created,
 * tallied and exported as CSV; a guest's access ends and a member's request for a guest is
 * approved; a web person is invited with a sign-in link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/core/actions.ts';
import { messages } from '../../../src/i18n/index.ts';
import { silentLogger } from '../../../src/log.ts';
import { recordUsage } from '../../../src/store/usage.ts';
import { dashboardMessages, dashboardText } from '../../../src/i18n/dashboard/index.ts';
import { findPerson, grantRole } from '../../../src/store/people.ts';
import { findTopic, getSchedule, queuedTopics, topicEvents } from '../../../src/store/topics.ts';
import { DAY, MODERATOR, openDashboardHarness, type DashboardHarness } from './dashboard-harness.ts';

const en = dashboardMessages('en');
const fr = dashboardMessages('fr');

describe('moderators’ dashboard API', () => {
  let h: DashboardHarness;
  beforeAll(async () => {
    h = await openDashboardHarness();
  });
  afterAll(() => h?.close());

  const call: DashboardHarness['call'] = (...args) => h.call(...args);
  const slack: DashboardHarness['slack'] = (...args) => h.slack(...args);
  const auditActions: DashboardHarness['auditActions'] = (subject) => h.auditActions(subject);

  async function propose(title: string): Promise<string> {
    const reply = await slack('UALICE', { type: 'message', text: `topic propose ${title} | About ${title.toLowerCase()}` });
    const id = /#(\d+)/.exec(reply.texts()[0] ?? '')?.[1];
    expect(id).toBeDefined();
    return id as string;
  }

  it('refuses anyone but a moderator, in their language', async () => {
    const nobody = await call('GET', '/topics', { user: null, lang: 'fr-CH' });
    expect(nobody.status).toBe(401);
    expect(nobody.body.message).toBe(fr.signInNeeded);
    const member = await call('GET', '/topics', { user: 'bob' });
    expect(member.status).toBe(403);
    expect(member.body.message).toBe(en.notModerator);
    expect((await call('POST', '/topics/post-now', { user: 'bob' })).status).toBe(403);
    const memberFr = await call('GET', '/people', { user: 'bob', lang: 'fr' });
    expect(memberFr.body.message).toBe(fr.notModerator);
    // A guest whose access ended, and a person of another realm, are not moderators either.
    expect((await call('GET', '/usage', { user: 'eve', realm: 'web-guest' })).status).toBe(403);

    const session = await call('GET', '/session');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ lang: 'en', dir: 'ltr', moderator: { userId: MODERATOR } });
    expect((session.body.strings as Record<string, string>).title).toBe(en.title);
    const arabic = await call('GET', '/session', { lang: 'ar' });
    expect(arabic.body).toMatchObject({ lang: 'ar', dir: 'rtl' });
    // The charting library, from node_modules.
    const chart = await call('GET', '/vendor/chart.js', { user: null });
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toContain('javascript');
    expect(chart.text).toContain('Chart.js v4');
  });

  it('approves and rejects proposals through the core, with a reason required', async () => {
    const first = await propose('Measuring impact');
    const second = await propose('Contacts');
    const list = await call('GET', '/topics');
    expect((list.body.proposals as { id: string; title: string }[]).map((t) => t.title)).toEqual(['Measuring impact', 'Contacts']);

    const approved = await call('POST', `/topics/${first}/approve`, { body: {} });
    expect(approved.status).toBe(200);
    expect(approved.body.outcome).toBe('handled');
    expect(approved.body.replies?.[0]).toContain(`#${first}`);
    expect((await queuedTopics(h.app.services.store.db)).map((t) => t.id)).toEqual([first]);
    expect((await topicEvents(h.app.services.store.db, first)).map((e) => [e.action, e.actor])).toEqual([
      ['proposed', 'slack:UALICE'],
      ['approved', `web:${MODERATOR}`],
    ]);
    expect(await auditActions(`topic:${first}`)).toEqual([`topic.approved by web:${MODERATOR}`]);
    // The proposer is told.
    expect(h.messenger.notesTo('slack', 'UALICE').join('\n')).toContain('Measuring impact');

    const noReason = await call('POST', `/topics/${second}/reject`, { body: { reason: '   ' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toBe(en.reasonRequired);
    expect((await findTopic(h.app.services.store.db, second))?.status).toBe('proposed');
    const rejected = await call('POST', `/topics/${second}/reject`, { body: { reason: 'Please share contacts\nprivately' } });
    expect(rejected.status).toBe(200);
    expect(await findTopic(h.app.services.store.db, second)).toMatchObject({ status: 'rejected', reject_reason: 'Please share contacts privately' });
    expect(await auditActions(`topic:${second}`)).toEqual([`topic.rejected by web:${MODERATOR}`]);
    // Deciding again: the core says nothing waits under that id.
    expect((await call('POST', `/topics/${second}/approve`, { body: {} })).body.replies?.[0]).toContain(`#${second}`);
    expect((await call('POST', '/topics/abc/approve', { body: {} })).status).toBe(404);
  });

  it('reorders the queue, each move audited', async () => {
    const ids = [await propose('Training of trainers'), await propose('Peer visits')];
    for (const id of ids) await call('POST', `/topics/${id}/approve`, { body: {} });
    const before = (await queuedTopics(h.app.services.store.db)).map((t) => t.id);
    expect(before.slice(-2)).toEqual(ids);
    const last = ids[1] as string;
    const moved = await call('POST', `/topics/${last}/move`, { body: { position: 1 } });
    expect(moved.body).toMatchObject({ outcome: 'moved', position: 1 });
    const after = await queuedTopics(h.app.services.store.db);
    expect(after.map((t) => t.id)).toEqual([last, ...before.filter((id) => id !== last)]);
    expect(after.map((t) => t.queue_position)).toEqual(after.map((_, i) => i + 1));
    expect((await topicEvents(h.app.services.store.db, last)).at(-1)).toMatchObject({ action: 'moved', actor: `web:${MODERATOR}`, detail: `${before.length}→1` });
    expect(await auditActions(`topic:${last}`)).toEqual([`topic.approved by web:${MODERATOR}`, `topic.moved by web:${MODERATOR}`]);
    // Beyond the end means last; the same place changes nothing; a topic not queued is not found.
    expect((await call('POST', `/topics/${last}/move`, { body: { position: 99 } })).body).toMatchObject({ outcome: 'moved', position: before.length });
    expect((await call('POST', `/topics/${last}/move`, { body: { position: before.length } })).body).toMatchObject({ outcome: 'unchanged' });
    expect((await call('POST', '/topics/999/move', { body: { position: 1 } })).status).toBe(404);
    expect((await call('POST', `/topics/${last}/move`, { body: { position: 0 } })).status).toBe(400);
    const listed = await call('GET', '/topics');
    expect((listed.body.queue as { id: string; position: number }[]).map((t) => t.id)).toEqual((await queuedTopics(h.app.services.store.db)).map((t) => t.id));
  });

  it('sets the weekly slot, posts the next topic now and closes it', async () => {
    const scheduled = await call('POST', '/topics/schedule', { body: { weekday: 1, time: '09:00', timeZone: 'Europe/Zurich', starters: true } });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.replies?.[0]).toContain('Monday');
    expect(await getSchedule(h.app.services.store.db)).toMatchObject({ weekday: 1, hour: 9, minute: 0, time_zone: 'Europe/Zurich', use_starters: true, updated_by: `web:${MODERATOR}` });
    expect(await auditActions('topic_schedule')).toEqual([`topic.schedule by web:${MODERATOR}`]);
    expect((await call('POST', '/topics/schedule', { body: { weekday: 8, time: '09:00', timeZone: 'UTC' } })).status).toBe(400);

    const next = (await queuedTopics(h.app.services.store.db))[0];
    const posted = await call('POST', '/topics/post-now', { body: {} });
    expect(posted.body.replies?.[0]).toContain(`#${next?.id}`);
    expect(await findTopic(h.app.services.store.db, next?.id ?? '')).toMatchObject({ status: 'posted' });
    expect(h.messenger.posts.some((p) => p.conversation.channelId === 'C1')).toBe(true);
    const listed = await call('GET', '/topics');
    expect((listed.body.open as { id: string }[]).map((t) => t.id)).toEqual([next?.id]);

    const closed = await call('POST', `/topics/${next?.id}/close`, { body: {} });
    expect(closed.status).toBe(200);
    expect(await findTopic(h.app.services.store.db, next?.id ?? '')).toMatchObject({ status: 'closed' });
    expect((await topicEvents(h.app.services.store.db, next?.id ?? '')).map((e) => e.action).slice(-2)).toEqual(['posted', 'closed']);
    expect(await auditActions(`topic:${next?.id}`)).toContain(`topic.closed by web:${MODERATOR}`);
  });

  it('creates a poll in the discussion channels, tallies it live and exports it as CSV', async () => {
    const created = await call('POST', '/polls', { body: { question: 'Which "format" suits you?', options: ['Webinar', 'Workshop', '=1+1'], kind: 'single' } });
    expect(created.status).toBe(200);
    const id = created.body.pollId as string;
    expect(id).toMatch(/^\d+$/);
    expect(created.body.replies?.[0]).toContain(`#${id}`);
    const post = h.messenger.posts.at(-1);
    expect(post?.conversation.channelId).toBe('C1');

    const empty = await call('GET', `/polls/${id}`);
    expect(empty.body).toMatchObject({ question: 'Which "format" suits you?', options: ['Webinar', 'Workshop', '=1+1'], counts: [0, 0, 0], voters: 0, status: 'open' });
    await slack('UALICE', { type: 'action', actionId: ACTIONS.pollVote, value: `${id}:1` });
    await slack('UBOB', { type: 'action', actionId: ACTIONS.pollVote, value: `${id}:1` });
    await slack('UCARL', { type: 'action', actionId: ACTIONS.pollVote, value: `${id}:2` });
    expect((await call('GET', `/polls/${id}`)).body).toMatchObject({ counts: [0, 2, 1], voters: 3 });
    const listed = await call('GET', '/polls');
    expect((listed.body.polls as { id: string; voters: number }[]).find((p) => p.id === id)?.voters).toBe(3);

    const csv = await call('GET', `/polls/${id}/csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="poll-${id}.csv"`);
    const lines = csv.text.replace(/^\uFEFF/, '').split('\n');
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('voter,option,voted_at');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['slack:UALICE,Workshop', 'slack:UBOB,Workshop', "slack:UCARL,'=1+1"]);

    const closed = await call('POST', `/polls/${id}/close`, { body: {} });
    expect(closed.body.replies?.[0]).toContain(`#${id}`);
    expect((await call('GET', `/polls/${id}`)).body.status).toBe('closed');
    expect(await auditActions(`poll:${id}`)).toEqual([`poll.closed by web:${MODERATOR}`]);

    // An anonymous rating: its export has counts only; a bad poll is the core's usage message, no poll made.
    const rating = await call('POST', '/polls', { body: { question: 'Rate the session', kind: 'rating', anonymous: true, closesAt: '2026-12-01T17:00:00Z' } });
    const ratingId = rating.body.pollId as string;
    await slack('UALICE', { type: 'action', actionId: ACTIONS.pollVote, value: `${ratingId}:4` });
    expect((await call('GET', `/polls/${ratingId}/csv`)).text.replace(/^\uFEFF/, '').split('\n')).toEqual(['option,votes', '1,0', '2,0', '3,0', '4,0', '5,1']);
    // A refused form names the field to fix and says what to do, never the chat's usage text; no poll made.
    const polls = (await call('GET', '/polls')).body.polls as unknown[];
    const refused: [object, string, string][] = [
      [{ question: 'Only one?', options: ['Yes'] }, 'options', dashboardText('en', 'fieldTooFewOptions', { n: 2 })],
      [{ question: 'Too many?', options: Array.from({ length: 11 }, (_, i) => `Option ${i + 1}`) }, 'options', dashboardText('en', 'fieldTooManyOptions', { n: 10 })],
      [{ question: '--anonymous', options: ['Yes', 'No'] }, 'question', en.fieldQuotes],
      [{ question: 'Quotes?', options: ['"“”«»', 'No'] }, 'options', en.fieldQuotes],
      [{ question: 'Already over?', options: ['Yes', 'No'], closesAt: new Date(h.now().getTime() - DAY).toISOString() }, 'closes', en.fieldClosesPast],
    ];
    for (const [body, field, message] of refused) {
      const answer = await call('POST', '/polls', { body });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: 'invalid_field', field, message });
    }
    expect((await call('GET', '/polls')).body.polls).toHaveLength(polls.length);
    expect((await call('GET', '/polls/999')).status).toBe(404);
  });

  it('lists people with their roles and ends a guest’s access now', async () => {
    await grantRole(h.app.services.store.db, {
      key: { platform: 'slack', workspaceId: 'TPARTNER', userId: 'UPAT' },
      role: 'guest',
      guestExpiresAt: new Date(h.now().getTime() + 10 * DAY),
      displayName: 'Pat Partner',
      by: 'slack:USOMEONE',
      now: h.now(),
    });
    await slack('UALICE', { type: 'message', text: 'lang fr' });
    const listed = await call('GET', '/people');
    const people = listed.body.people as { userId: string; role: string; canExpire: boolean; fromConfig: boolean; name: string; accessUntil: string | null }[];
    expect(people[0]).toMatchObject({ userId: MODERATOR, role: 'moderator', fromConfig: true });
    expect(people.find((p) => p.userId === 'UPAT')).toMatchObject({ name: 'Pat Partner', role: 'guest', canExpire: true, accessUntil: new Date(h.now().getTime() + 10 * DAY).toISOString() });
    expect(people.find((p) => p.userId === 'UALICE')).toMatchObject({ role: 'member', canExpire: false });
    // People who only took part (here: voted in the poll above) are listed too.
    expect(people.find((p) => p.userId === 'UCARL')).toMatchObject({ name: 'UCARL', role: 'member', canExpire: false, fromConfig: false });
    expect(people.filter((p) => p.userId === 'UBOB')).toHaveLength(1);

    const key = { platform: 'slack', workspaceId: 'TPARTNER', userId: 'UPAT' };
    const ended = await call('POST', '/people/expire', { body: key });
    expect(ended.status).toBe(200);
    expect(ended.body.replies?.[0]).toBe('The access of Pat Partner has ended.');
    expect((await findPerson(h.app.services.store.db, key))?.guest_expires_at?.toISOString()).toBe(h.now().toISOString());
    expect(await auditActions('slack:UPAT')).toEqual(['role.grant by slack:USOMEONE', `role.end by web:${MODERATOR}`]);
    const again = await call('POST', '/people/expire', { body: key });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Pat Partner is not a guest whose access runs.');
    expect(((await call('GET', '/people')).body.people as { userId: string; role: string }[]).find((p) => p.userId === 'UPAT')?.role).toBe('guest_ended');
  });

  it('names the web chat’s workspace in the moderator’s language, never by its key', async () => {
    await recordUsage(h.app.services.store.db, silentLogger(), { kind: 'question_asked', platform: 'web', workspaceId: 'web', person: 'web:someone', at: h.now() });
    const usage = await call('GET', '/usage', { lang: 'fr' });
    const names = (usage.body.workspaces as { platform: string; name: string }[]).filter((w) => w.platform === 'web').map((w) => w.name);
    expect(names).toEqual([messages('fr').stats.webWorkspace]);
  });

  it('approves and declines members’ requests for guests through the core', async () => {
    await slack('UALICE', { type: 'message', text: 'invite <@UOLGA> --days 14' });
    await slack('UALICE', { type: 'message', text: 'invite <@UOMAR>' });
    const requests = (await call('GET', '/people')).body.requests as { id: number; name: string; days: number; requestedBy: string }[];
    expect(requests.map((r) => [r.name, r.days, r.requestedBy])).toEqual([
      ['Olga Partner', 14, 'slack:UALICE'],
      ['Omar Partner', 30, 'slack:UALICE'],
    ]);
    const [olga, omar] = requests;
    const approved = await call('POST', `/people/requests/${olga?.id}/approve`, { body: {} });
    expect(approved.body.outcome).toBe('handled');
    expect(approved.body.replies?.[0]).toContain('Olga Partner');
    expect(await findPerson(h.app.services.store.db, { platform: 'slack', workspaceId: 'TPARTNER', userId: 'UOLGA' })).toMatchObject({
      role: 'guest',
      guest_expires_at: new Date(h.now().getTime() + 14 * DAY),
    });
    expect(await auditActions('slack:UOLGA')).toEqual([`role.grant by web:${MODERATOR}`]);
    await call('POST', `/people/requests/${omar?.id}/decline`, { body: {} });
    expect(await auditActions('slack:UOMAR')).toEqual([`guest.decline by web:${MODERATOR}`]);
    expect((await call('GET', '/people')).body.requests).toEqual([]);
    // The member who asked is told, in the language they chose.
    expect(h.messenger.notesTo('slack', 'UALICE').some((note) => note.includes('Olga Partner'))).toBe(true);
  });

  it('invites a web person with a sign-in link, who is then a moderator if asked', async () => {
    const invited = await call('POST', '/people/invite', { body: { login: 'Lena@Example.org', displayName: 'Lena Lind', kind: 'member', moderator: true } });
    expect(invited.status).toBe(200);
    expect(invited.body).toMatchObject({ login: 'lena@example.org', name: 'Lena Lind', kind: 'member' });
    expect(invited.body.link).toMatch(new RegExp(`^${h.base.replace('/web/api/dashboard', '')}/web/signin/[A-Za-z0-9_-]{43}$`));
    expect((await call('GET', '/session', { user: 'lena@example.org' })).status).toBe(200);
    const guest = await call('POST', '/people/invite', { body: { login: 'gus', displayName: 'Gus Guest', kind: 'guest', guestDays: 7 } });
    expect(guest.status).toBe(200);
    expect(await findPerson(h.app.services.store.db, { platform: 'web', workspaceId: 'web-guest', userId: 'gus' })).toMatchObject({ role: 'guest', guest_expires_at: new Date(h.now().getTime() + 7 * DAY) });
    const people = (await call('GET', '/people')).body.people as { userId: string; role: string }[];
    expect(people.find((p) => p.userId === 'gus')?.role).toBe('guest');
    expect(people.find((p) => p.userId === 'lena@example.org')?.role).toBe('moderator');
    const taken = await call('POST', '/people/invite', { body: { login: 'gus', displayName: 'Another', kind: 'member' } });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toBe(en.loginTaken);
    expect((await call('POST', '/people/invite', { body: { login: 'a b', displayName: 'Bad', kind: 'member' } })).status).toBe(400);
  });

});
