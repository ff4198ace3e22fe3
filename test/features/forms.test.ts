/**
 * Forms through the dispatcher: the bare slash command's menu, a form opened where the platform has
 * forms and the typed command suggested where it has not, and submissions checked as the commands
 * are (a real store; the adapter records what it is asked to do).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter, Form } from '../../src/core/adapter.ts';
import { ACTIONS } from '../../src/core/actions.ts';
import { loadConfig } from '../../src/config.ts';
import type { Card } from '../../src/core/card.ts';
import type { InboundEvent } from '../../src/core/events.ts';
import { formToCommand } from '../../src/features/forms/forms.ts';
import { silentLogger } from '../../src/log.ts';
import { createApp, type App } from '../../src/main.ts';
import { RecordingAdapter } from '../support/recording-adapter.ts';
import { openTestStore } from '../support/pglite-template.ts';

class FormAdapter extends RecordingAdapter implements Adapter {
  readonly forms: Form[] = [];
  openForm(_event: InboundEvent, form: Form): Promise<void> {
    this.forms.push(form);
    return Promise.resolve();
  }
}

let n = 0;
function event(partial: Partial<InboundEvent> & Pick<InboundEvent, 'type'>): InboundEvent {
  n++;
  return {
    id: `forms-${n}`,
    platform: 'slack',
    actor: { platform: 'slack', workspaceId: 'T1', userId: 'U1', locale: 'es-ES' },
    conversation: { platform: 'slack', workspaceId: 'T1', channelId: 'C1', kind: 'channel' },
    receivedAt: new Date(),
    ...partial,
  } as InboundEvent;
}

const buttons = (card: Card | undefined): { actionId: string }[] =>
  (card?.blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.buttons : []));

describe('forms', () => {
  let app: App;
  beforeAll(async () => {
    app = await createApp(loadConfig({ SLACK_ALLOWED_WORKSPACES: 'T1' }), silentLogger(), { store: await openTestStore() });
  });
  afterAll(() => app.close());

  it('shows the menu for the bare slash command, in the person’s language', async () => {
    const adapter = new RecordingAdapter();
    await app.dispatcher.handle(event({ type: 'command', text: '  ' }), adapter);
    expect(buttons(adapter.cards[0]).map((b) => b.actionId)).toEqual([ACTIONS.topicForm, ACTIONS.pollForm, ACTIONS.helpShow]);
    expect(adapter.cards[0]?.lang).toBe('es');
  });

  it('opens the form where the platform has forms, and names the command where it has not', async () => {
    const withForms = new FormAdapter();
    await app.dispatcher.handle(event({ type: 'action', actionId: ACTIONS.pollForm, value: '' }), withForms);
    expect(withForms.forms[0]?.actionId).toBe(ACTIONS.pollCreateSubmit);
    expect(withForms.forms[0]?.fields.map((f) => f.id)).toEqual(['question', 'options', 'kind', 'anonymous', 'closes']);
    expect(withForms.cards).toHaveLength(0);

    const without = new RecordingAdapter();
    await app.dispatcher.handle(event({ type: 'action', actionId: ACTIONS.topicForm, value: '' }), without);
    expect(without.texts()[0]).toContain('topic propose <title> | <description>');
  });

  it('answers a poll submitted with one option with the poll’s usage message', async () => {
    const adapter = new RecordingAdapter();
    const formValues = { question: 'Useful?', options: 'Yes', kind: 'single', anonymous: 'no', closes: '' };
    await app.dispatcher.handle(event({ type: 'action', actionId: ACTIONS.pollCreateSubmit, value: '', formValues }), adapter);
    expect(adapter.texts()[0]).toContain('poll "<question>"');
  });
});

describe('formToCommand', () => {
  it('makes the poll command from the fields, as the typed command would', () => {
    const parsed = formToCommand(ACTIONS.pollCreateSubmit, {
      question: ' Was the webinar useful? ',
      options: 'Yes\n\n Partly \nNo',
      kind: 'multi',
      anonymous: 'yes',
      closes: '2026-12-01 17:00 UTC',
    });
    expect(parsed).toEqual({
      ok: true,
      command: {
        kind: 'poll.create',
        question: 'Was the webinar useful?',
        options: ['Yes', 'Partly', 'No'],
        anonymous: true,
        multi: true,
        rating: false,
        discussion: false,
        closesAt: new Date('2026-12-01T17:00:00Z'),
      },
    });
  });

  it('refuses what the command refuses: a date without a zone, options with a rating, a missing title', () => {
    const bad = formToCommand(ACTIONS.pollCreateSubmit, { question: 'Q', options: 'A\nB', kind: 'single', anonymous: 'no', closes: '2026-12-01 17:00' });
    expect(bad).toMatchObject({ ok: false, error: { reason: 'bad_date' } });
    const rating = formToCommand(ACTIONS.pollCreateSubmit, { question: 'Q', options: 'A\nB', kind: 'rating', anonymous: 'no' });
    expect(rating).toMatchObject({ ok: false, error: { reason: 'options_with_rating' } });
    expect(formToCommand(ACTIONS.topicProposeSubmit, { title: ' ', description: 'x' })).toMatchObject({ ok: false, error: { topic: 'topic propose' } });
    expect(formToCommand(ACTIONS.topicProposeSubmit, { title: 'Impact', description: 'How?' })).toEqual({
      ok: true,
      command: { kind: 'topic.propose', title: 'Impact', description: 'How?' },
    });
    expect(formToCommand('unknown:form', {})).toBeUndefined();
  });
});
