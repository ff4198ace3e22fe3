/**
 * Moderation through the dispatcher on a real store: the rules (command, welcome, topics), reports
 * of messages to the moderators (message action with and without a form, and `report <link>`),
 * and the moderators' removal of the bot's posts, each written to the audit log. The platforms
 * are played by a recording messenger; the adapters' message actions are tested over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, type ReportedMessage } from '../../../src/core/actions.ts';
import type { Form } from '../../../src/core/adapter.ts';
import { cardToText } from '../../../src/core/card.ts';
import { loadConfig } from '../../../src/config.ts';
import type { InboundEvent } from '../../../src/core/events.ts';
import { messages } from '../../../src/i18n/index.ts';
import { silentLogger } from '../../../src/log.ts';
import { createApp, type App } from '../../../src/main.ts';
import { RecordingAdapter } from '../../support/recording-adapter.ts';
import { RecordingMessenger, TEST_LINK_PREFIX } from '../../support/recording-messenger.ts';
import { openTestStore } from '../../support/pglite-template.ts';

let n = 0;
function event(userId: string, partial: Partial<InboundEvent> & Pick<InboundEvent, 'type'>): InboundEvent {
  n++;
  return {
    id: `moderation-${n}`,
    platform: 'slack',
    actor: { platform: 'slack', workspaceId: 'T1', userId, displayName: userId === 'UANA' ? 'Ana' : undefined },
    conversation: { platform: 'slack', workspaceId: 'T1', channelId: `D${userId}`, kind: 'direct' },
    receivedAt: new Date(),
    ...partial,
  } as InboundEvent;
}

/** A platform with forms: it records the forms it is asked to open. */
class FormAdapter extends RecordingAdapter {
  readonly forms: Form[] = [];
  openForm(_event: InboundEvent, form: Form): Promise<void> {
    this.forms.push(form);
    return Promise.resolve();
  }
}

const reported: ReportedMessage = {
  messageId: '1764000000.123456',
  channelId: 'C0FORUM',
  authorId: 'UBEN',
  text: 'Call me on +41 22 123 45 67, everyone!',
  link: 'https://forum.slack.com/archives/C0FORUM/p1764000000123456',
};
const en = messages('en');
const fr = messages('fr');

describe('moderation', () => {
  let app: App;
  const messenger = new RecordingMessenger();

  beforeAll(async () => {
    const config = loadConfig({ SLACK_ALLOWED_WORKSPACES: 'T1', MODERATORS: 'slack:UMOD,slack:UMOD2' });
    app = await createApp(config, silentLogger(), { store: await openTestStore() });
    app.services.messenger = messenger;
  });
  afterAll(() => app.close());

  async function send(e: InboundEvent, adapter = new RecordingAdapter()): Promise<string[]> {
    await app.dispatcher.handle(e, adapter);
    return adapter.texts();
  }
  const say = (userId: string, text: string): Promise<string[]> => send(event(userId, { type: 'message', text }));
  const auditOf = (action: string) => app.services.store.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

  it('shows the four rules on request, in the person’s language, and on joining a channel', async () => {
    await say('UFR', 'lang fr');
    const rules = (await say('UFR', 'rules'))[0] ?? '';
    expect(rules).toContain(fr.moderation.rulesTitle);
    for (const rule of ['use', 'respect', 'confidentiality', 'copyright'] as const) expect(rules).toContain(fr.moderation.rules[rule]);
    const welcome = (await send(event('UNEW', { type: 'member_joined', conversation: { platform: 'slack', workspaceId: 'T1', channelId: 'C0FORUM', kind: 'channel' } })))[0] ?? '';
    expect(welcome).toContain(en.moderation.rules.confidentiality);
    expect(welcome).toContain(en.moderation.rules.copyright);
  });

  it('asks for a reason where forms open, then tells every moderator privately and records the report', async () => {
    const adapter = new FormAdapter();
    const where = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C0FORUM', kind: 'channel' as const };
    await send(event('UANA', { type: 'action', actionId: ACTIONS.messageReportStart, value: JSON.stringify(reported), conversation: where }), adapter);
    const form = adapter.forms[0];
    expect(form?.actionId).toBe(ACTIONS.messageReport);
    expect(form?.fields.map((f) => [f.id, f.required])).toEqual([['reason', false]]);
    expect(messenger.notes).toHaveLength(0);

    const thanks = await send(event('UANA', { type: 'action', actionId: ACTIONS.messageReport, value: form?.value ?? '', formValues: { reason: 'A phone number in a channel' } }));
    expect(thanks).toEqual([en.moderation.reportSent]);
    for (const moderator of ['UMOD', 'UMOD2']) {
      const note = messenger.notesTo('slack', moderator).join('\n');
      expect(note).toContain('Ana (slack:UANA) reported a message');
      expect(note).toContain('A phone number in a channel');
      expect(note).toContain('+41 22 123 45 67');
      expect(note).toContain(reported.link);
    }
    // The reported author is not told; the report is in the audit log.
    expect(messenger.notesTo('slack', 'UBEN')).toEqual([]);
    const [entry] = await auditOf('message.report');
    expect(entry).toMatchObject({ actor: 'slack:UANA', subject: 'slack:C0FORUM:1764000000.123456' });
    expect(entry?.detail).toMatchObject({ reason: 'A phone number in a channel', authorId: 'UBEN' });
  });

  it('reports at once where no form opens, and by link with the command', async () => {
    messenger.notes.length = 0;
    await send(event('UCAM', { type: 'action', actionId: ACTIONS.messageReportStart, value: JSON.stringify(reported) }));
    expect(messenger.notesTo('slack', 'UMOD').join('\n')).toContain(en.moderation.reportNoReason);

    const link = `${TEST_LINK_PREFIX}teams/19:abc@thread.tacv2/1764000000000`;
    expect(await say('UCAM', `report <${link}> insulting a delegate`)).toEqual([en.moderation.reportSent]);
    expect(messenger.notesTo('slack', 'UMOD').at(-1)).toContain('insulting a delegate');
    expect(messenger.notesTo('slack', 'UMOD').at(-1)).toContain(link);
    expect((await auditOf('message.report')).at(-1)?.subject).toBe('teams:19:abc@thread.tacv2:1764000000000');

    // Not a message link: said so; "report" followed by words that are no link gets the command's usage.
    expect((await say('UCAM', 'report https://example.org/page'))[0]).toContain('is not a link to a Slack or Teams message');
    expect((await say('UCAM', 'report'))[0]).toContain('report <message link>');
    expect((await say('UCAM', 'report on capacity building?'))[0]).toContain(en.usage.reasons.bad_link({ detail: 'on' }));
    // A forged or stale action value is ignored without a word.
    expect(await send(event('UCAM', { type: 'action', actionId: ACTIONS.messageReport, value: '{"messageId":' }))).toEqual([]);
  });

  it('keeps the report when no moderator can be reached, and says so', async () => {
    messenger.unreachable.add('slack:UMOD').add('slack:UMOD2');
    expect(await say('UCAM', `report ${TEST_LINK_PREFIX}slack/C0FORUM/1764000000.000200`)).toEqual([en.moderation.reportKept]);
    messenger.unreachable.clear();
    expect((await auditOf('message.report')).at(-1)?.subject).toBe('slack:C0FORUM:1764000000.000200');
  });

  it('lets moderators remove the bot’s posts, and says why when it cannot', async () => {
    const link = `${TEST_LINK_PREFIX}slack/C0FORUM/1764000000.000300`;
    expect((await say('UANA', `remove ${link}`))[0]).toMatch(/moderator/i);
    expect(messenger.removed).toHaveLength(0);

    expect(await say('UMOD', `remove ${link}`)).toEqual([en.moderation.removed]);
    expect(messenger.removed[0]).toMatchObject({ platform: 'slack', messageId: '1764000000.000300', conversation: { channelId: 'C0FORUM' } });
    expect((await auditOf('message.remove')).map((a) => [a.actor, a.subject])).toEqual([['slack:UMOD', 'slack:C0FORUM:1764000000.000300']]);

    messenger.failRemoval = 'forbidden';
    expect(await say('UMOD', `remove ${link}`)).toEqual([en.moderation.removeForbidden]);
    messenger.failRemoval = 'not_found';
    expect(await say('UMOD', `remove ${link}`)).toEqual([en.moderation.removeNotFound]);
    // A failure of the platform itself is the generic sentence, and nothing is recorded as removed.
    messenger.failRemoval = 'platform_error';
    expect(await say('UMOD', `remove ${link}`)).toEqual([en.errors.generic]);
    expect(await auditOf('message.remove')).toHaveLength(1);
    expect(cardToText({ blocks: [{ type: 'text', text: (await say('UMOD', 'remove https://example.org/x'))[0] ?? '' }] })).toContain('Copy link');
    // A link to a platform the bot is not connected to: said plainly, nothing attempted.
    messenger.connected = ['teams'];
    expect(await say('UMOD', `remove ${link}`)).toEqual([en.moderation.notConnected({ platform: 'Slack' })]);
    messenger.connected = ['slack', 'teams'];
    expect(messenger.removed).toHaveLength(1);
  });
});
