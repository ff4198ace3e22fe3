/**
 * Guests through the dispatcher on a real store: a moderator invites someone from outside the
 * member states; the guest asks and votes but may not propose (unless allowed) nor invite; the
 * access ends at the expiry or by `revoke`, and the guest is told politely; a member's request is
 * decided once by a moderator's button; every change of role is in the audit log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/core/actions.ts';
import type { Card } from '../../src/core/card.ts';
import type { InboundEvent } from '../../src/core/events.ts';
import { loadConfig } from '../../src/config.ts';
import { formatDate, messages } from '../../src/i18n/index.ts';
import { silentLogger } from '../../src/log.ts';
import { createApp, type App } from '../../src/main.ts';
import { findPerson } from '../../src/store/people.ts';
import { RecordingAdapter } from '../support/recording-adapter.ts';
import { RecordingMessenger } from '../support/recording-messenger.ts';
import { openTestStore } from '../support/pglite-template.ts';

const en = messages('en').membership;
const DAY = 24 * 60 * 60 * 1000;
let n = 0;
let clock = new Date('2026-11-02T09:00:00Z');

/** An event from `userId` of workspace `workspaceId`, in a direct chat of that workspace. */
function event(userId: string, workspaceId: string, partial: Partial<InboundEvent> & Pick<InboundEvent, 'type'>): InboundEvent {
  n++;
  return {
    id: `membership-${n}`,
    platform: 'slack',
    actor: { platform: 'slack', workspaceId, userId, displayName: userId },
    conversation: { platform: 'slack', workspaceId, channelId: `D${userId}`, kind: 'direct' },
    receivedAt: clock,
    ...partial,
  } as InboundEvent;
}

function buttonsOf(card: Card | undefined): { actionId: string; value: string }[] {
  return (card?.blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.buttons : []));
}

describe('guests', () => {
  let app: App;
  let messenger: RecordingMessenger;

  beforeAll(async () => {
    const config = loadConfig({ SLACK_ALLOWED_WORKSPACES: 'T1', MODERATORS: 'slack:UMOD,slack:UMOD2' });
    app = await createApp(config, silentLogger(), { store: await openTestStore(), ingestKnowledge: false, now: () => clock });
  });
  afterAll(() => app.close());

  beforeEach(() => {
    messenger = new RecordingMessenger();
    for (const [id, workspaceId, name] of [['UOUT', 'TPARTNER', 'Olga Partner'], ['UOUT2', 'TPARTNER', 'Omar Partner'], ['UOUT3', 'TOTHER', 'Oona Other'], ['UMEM2', 'T1', 'Mia Member'], ['UMOD2', 'T1', 'Max Moderator']] as const) {
      messenger.directory.set(`slack:${id}`, { platform: 'slack', workspaceId, userId: id, displayName: name });
    }
    app.services.messenger = messenger;
  });

  const send = async (e: InboundEvent): Promise<RecordingAdapter> => {
    const adapter = new RecordingAdapter();
    await app.dispatcher.handle(e, adapter);
    return adapter;
  };
  const mod = async (text: string): Promise<string[]> => (await send(event('UMOD', 'T1', { type: 'message', text }))).texts();
  const member = async (text: string): Promise<RecordingAdapter> => send(event('UMEM', 'T1', { type: 'message', text }));
  const outsider = async (id: string, workspaceId: string, text: string): Promise<string[]> => (await send(event(id, workspaceId, { type: 'message', text }))).texts();
  const audit = (subject: string) =>
    app.services.store.db.selectFrom('audit_log').select(['actor', 'action', 'detail']).where('subject', '=', subject).orderBy('id').execute();

  it('admits an invited guest until the expiry: asking yes, proposing and inviting no; then refused politely with the date', async () => {
    expect(await outsider('UOUT', 'TPARTNER', 'help')).toEqual([messages('en').access.refused]);

    const expires = new Date(clock.getTime() + 14 * DAY);
    expect(await mod('invite <@UOUT|olga> --days 14')).toEqual([en.invited({ name: 'Olga Partner', date: formatDate(expires, 'en'), mayPropose: false })]);
    expect(messenger.notesTo('slack', 'UOUT')).toEqual([en.welcomeGuest({ date: formatDate(expires, 'en') })]);
    expect(await findPerson(app.services.store.db, { platform: 'slack', workspaceId: 'TPARTNER', userId: 'UOUT' })).toMatchObject({ role: 'guest', may_propose: false, display_name: 'Olga Partner' });
    expect(await audit('slack:UOUT')).toEqual([
      { actor: 'slack:UMOD', action: 'role.grant', detail: { role: 'guest', workspace: 'TPARTNER', guestExpiresAt: expires.toISOString(), mayPropose: false } },
    ]);

    const help = (await outsider('UOUT', 'TPARTNER', 'help'))[0] ?? '';
    expect(help).toContain(messages('en').help.title);
    // Their help shows what they may do: asking and voting, not proposing or inviting.
    expect(help).toContain(messages('en').help.commands.ask);
    expect(help).not.toContain(messages('en').help.commands.invite);
    expect(help).not.toContain(messages('en').help.commands['topic propose']);
    expect((await mod('help'))[0]).toContain(messages('en').help.commands.invite);
    expect(await outsider('UOUT', 'TPARTNER', 'topic propose Partner view | How donors see it')).toEqual([en.guestCannotPropose]);
    expect(await app.services.store.db.selectFrom('topics').select('id').execute()).toEqual([]);
    expect(await outsider('UOUT', 'TPARTNER', 'invite <@UOUT2>')).toEqual([en.guestsCannotInvite]);
    expect(await outsider('UOUT', 'TPARTNER', 'stats')).toEqual([messages('en').access.moderatorOnly({ command: 'stats' })]);

    clock = new Date(expires.getTime() + 60_000);
    expect(await outsider('UOUT', 'TPARTNER', 'help')).toEqual([messages('en').access.guestExpired({ date: formatDate(expires, 'en') })]);
  });

  it('lets a guest invited with --propose propose topics; revoke ends the access at once, audited', async () => {
    expect((await mod('invite <@UOUT3> --propose'))[0]).toContain('Oona Other');
    const proposed = await outsider('UOUT3', 'TOTHER', 'topic propose Partner view');
    expect(proposed[0]).toMatch(/#\d+/);

    expect(await mod('revoke <@UOUT3>')).toEqual([en.revoked({ name: 'Oona Other' })]);
    expect(await outsider('UOUT3', 'TOTHER', 'help')).toEqual([messages('en').access.guestExpired({ date: formatDate(clock, 'en') })]);
    expect((await audit('slack:UOUT3')).map((a) => a.action)).toEqual(['role.grant', 'role.end']);
    expect(await mod('revoke <@UMEM2>')).toEqual([en.notAGuest({ name: 'Mia Member' })]);
  });

  it('explains why someone cannot be invited: unknown, a member already, a moderator', async () => {
    expect(await mod('invite <@UNOBODY1>')).toEqual([en.notFound({ user: 'UNOBODY1' })]);
    expect(await mod('invite <@UMEM2>')).toEqual([en.alreadyMember({ name: 'Mia Member' })]);
    expect(await mod('invite <@UMOD2>')).toEqual([en.alreadyModerator({ name: 'Max Moderator' })]);
    expect((await mod('invite @olga'))[0]).toContain(messages('en').usage.reasons.bad_user({ detail: '@olga' }));
    expect(await app.services.store.db.selectFrom('guest_requests').select('id').execute()).toEqual([]);
  });

  it('sends a member’s request to the moderators; one decides it with a button, once; the member and the guest are told', async () => {
    const asked = await member('invite <@UOUT2> --days 10');
    expect(asked.texts()).toEqual([en.requestSent({ name: 'Omar Partner', days: 10 })]);
    const note = messenger.notes.find((x) => x.person.userId === 'UMOD');
    expect(messenger.notesTo('slack', 'UMOD2')).toHaveLength(1);
    const [approve, decline] = buttonsOf(note?.card);
    expect(approve).toMatchObject({ actionId: ACTIONS.guestApprove });
    expect(decline).toMatchObject({ actionId: ACTIONS.guestDecline, value: approve?.value });
    expect(await findPerson(app.services.store.db, { platform: 'slack', workspaceId: 'TPARTNER', userId: 'UOUT2' })).toBeUndefined();

    // A member cannot decide; the moderators see the request in `guests`.
    expect((await send(event('UMEM', 'T1', { type: 'action', actionId: ACTIONS.guestApprove, value: approve?.value ?? '' }))).texts()).toEqual([en.onlyModeratorsDecide]);
    const listed = await send(event('UMOD', 'T1', { type: 'message', text: 'guests' }));
    expect(listed.texts()[0]).toContain(en.pendingTitle);
    expect(buttonsOf(listed.cards[0]).map((b) => b.value)).toContain(approve?.value);

    const expires = new Date(clock.getTime() + 10 * DAY);
    const clicked = await send(event('UMOD', 'T1', { type: 'action', actionId: ACTIONS.guestApprove, value: approve?.value ?? '' }));
    expect(clicked.texts()).toEqual([en.approved({ name: 'Omar Partner', date: formatDate(expires, 'en') })]);
    const late = await send(event('UMOD2', 'T1', { type: 'action', actionId: ACTIONS.guestDecline, value: approve?.value ?? '' }));
    expect(late.texts()).toEqual([en.alreadyDecided({ approved: true })]);
    expect(messenger.notesTo('slack', 'UMEM')).toEqual([en.requestApproved({ name: 'Omar Partner', date: formatDate(expires, 'en') })]);
    expect(messenger.notesTo('slack', 'UOUT2')).toEqual([en.welcomeGuest({ date: formatDate(expires, 'en') })]);
    expect(await findPerson(app.services.store.db, { platform: 'slack', workspaceId: 'TPARTNER', userId: 'UOUT2' })).toMatchObject({ role: 'guest' });
    expect(await audit('slack:UOUT2')).toEqual([
      {
        actor: 'slack:UMOD',
        action: 'role.grant',
        detail: { role: 'guest', workspace: 'TPARTNER', guestExpiresAt: expires.toISOString(), mayPropose: false, request: Number(approve?.value), requestedBy: 'slack:UMEM' },
      },
    ]);
    expect((await outsider('UOUT2', 'TPARTNER', 'help'))[0]).toContain(messages('en').help.title);

    const guests = (await mod('guests'))[0] ?? '';
    expect(guests).toContain(en.guestActive({ name: 'Omar Partner', date: formatDate(expires, 'en'), mayPropose: false }));
    expect(guests).not.toContain(en.pendingTitle);
  });

  it('declines a request: nobody is admitted and the member is told', async () => {
    messenger.directory.set('slack:UOUT4', { platform: 'slack', workspaceId: 'TPARTNER', userId: 'UOUT4', displayName: 'Otto Partner' });
    await member('invite <@UOUT4>');
    const value = buttonsOf(messenger.notes.find((x) => x.person.userId === 'UMOD')?.card)[1]?.value ?? '';
    expect((await send(event('UMOD2', 'T1', { type: 'action', actionId: ACTIONS.guestDecline, value }))).texts()).toEqual([en.declined({ name: 'Otto Partner' })]);
    expect(messenger.notesTo('slack', 'UMEM')).toEqual([en.requestDeclined({ name: 'Otto Partner' })]);
    expect(await outsider('UOUT4', 'TPARTNER', 'help')).toEqual([messages('en').access.refused]);
    expect((await audit('slack:UOUT4')).map((a) => [a.actor, a.action])).toEqual([['slack:UMOD2', 'guest.decline']]);
    expect((await send(event('UMOD', 'T1', { type: 'action', actionId: ACTIONS.guestApprove, value: '999999' }))).texts()).toEqual([en.requestUnknown]);
  });

  it('forgets a guest who asks: their invitation and request go, the member who asked loses nothing', async () => {
    await send(event('UOUT2', 'TPARTNER', { type: 'action', actionId: ACTIONS.forgetConfirm, value: '' }));
    expect(await findPerson(app.services.store.db, { platform: 'slack', workspaceId: 'TPARTNER', userId: 'UOUT2' })).toBeUndefined();
    const requests = await app.services.store.db.selectFrom('guest_requests').select(['user_id', 'requested_by']).execute();
    expect(requests.map((r) => r.user_id)).not.toContain('UOUT2');
    expect(requests.map((r) => r.requested_by)).toContain('slack:UMEM');
    expect(await outsider('UOUT2', 'TPARTNER', 'help')).toEqual([messages('en').access.refused]);
  });
});
