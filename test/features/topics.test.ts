/**
 * Topic commands through the dispatcher: a member proposes, a moderator sees the queue (personal
 * data flagged), approves with a button or a command, rejects with a reason, sets the weekly slot;
 * members are refused the moderators' commands and buttons. A real store; the adapter records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/core/actions.ts';
import { loadConfig } from '../../src/config.ts';
import type { InboundEvent } from '../../src/core/events.ts';
import { mayHoldPersonalData, weekdayName } from '../../src/features/discussions/handle-topics.ts';
import { silentLogger } from '../../src/log.ts';
import { createApp, type App } from '../../src/main.ts';
import { findTopic, getSchedule, queuedTopics, topicEvents, topicTranslations, type Topic } from '../../src/store/topics.ts';
import { queueNextStarter, weeklyTopicToCard } from '../../src/features/discussions/publish.ts';
import { cardToText } from '../../src/core/card.ts';
import { messages } from '../../src/i18n/index.ts';
import { RecordingAdapter } from '../support/recording-adapter.ts';
import { openTestStore } from '../support/pglite-template.ts';

let n = 0;
function event(userId: string, partial: Partial<InboundEvent> & Pick<InboundEvent, 'type'>): InboundEvent {
  n++;
  return {
    id: `topics-${n}`,
    platform: 'slack',
    actor: { platform: 'slack', workspaceId: 'T1', userId },
    conversation: { platform: 'slack', workspaceId: 'T1', channelId: 'D1', kind: 'direct' },
    receivedAt: new Date(),
    ...partial,
  } as InboundEvent;
}

describe('topic commands', () => {
  let app: App;
  const now = new Date('2026-11-18T10:00:00Z');
  beforeAll(async () => {
    const config = loadConfig({ SLACK_ALLOWED_WORKSPACES: 'T1', MODERATORS: 'slack:UMOD' });
    app = await createApp(config, silentLogger(), { store: await openTestStore(), now: () => now });
  });
  afterAll(() => app.close());

  async function say(userId: string, text: string): Promise<RecordingAdapter> {
    const adapter = new RecordingAdapter();
    await app.dispatcher.handle(event(userId, { type: 'message', text }), adapter);
    return adapter;
  }

  it('takes a proposal from a member, flags personal data to the moderator, and records who decided', async () => {
    const proposed = await say('UALICE', 'topic propose Measuring impact | How do you evaluate a programme a year later?');
    const id = /#(\d+)/.exec(proposed.texts()[0] ?? '')?.[1] ?? '';
    expect(id).not.toBe('');
    await say('UBOB', 'topic propose Contacts | Write to me at bob@example.org or +41 22 123 45 67');

    const queue = await say('UMOD', 'topic queue');
    const card = queue.cards[0];
    const text = queue.texts()[0] ?? '';
    expect(text).toContain('Measuring impact');
    expect(text.match(/⚠/g)).toHaveLength(1);
    const approve = card?.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).find((b) => b.actionId === ACTIONS.topicApprove && b.value === id);
    expect(approve).toBeDefined();

    // A member's click on the moderator's button is refused; the moderator's goes through.
    const refused = new RecordingAdapter();
    await app.dispatcher.handle(event('UALICE', { type: 'action', actionId: ACTIONS.topicApprove, value: id }), refused);
    expect((await queuedTopics(app.services.store.db)).map((t) => t.id)).not.toContain(id);
    const clicked = new RecordingAdapter();
    await app.dispatcher.handle(event('UMOD', { type: 'action', actionId: ACTIONS.topicApprove, value: id }), clicked);
    expect(clicked.texts()[0]).toContain(`#${id}`);
    expect((await queuedTopics(app.services.store.db)).map((t) => t.id)).toEqual([id]);
    expect((await topicEvents(app.services.store.db, id)).map((e) => [e.action, e.actor])).toEqual([
      ['proposed', 'slack:UALICE'],
      ['approved', 'slack:UMOD'],
    ]);
    // Approving again: nothing waits under that id.
    expect((await say('UMOD', `topic approve ${id}`)).texts()[0]).toContain(`#${id}`);
  });

  it('asks for a reason before rejecting, and refuses moderators’ commands to members', async () => {
    const proposed = await say('UALICE', 'topic propose Off topic | Something else');
    const id = /#(\d+)/.exec(proposed.texts()[0] ?? '')?.[1] ?? '';
    const button = new RecordingAdapter();
    await app.dispatcher.handle(event('UMOD', { type: 'action', actionId: ACTIONS.topicReject, value: id }), button);
    expect(button.texts()[0]).toContain(`topic reject ${id}`);
    expect((await say('UALICE', `topic reject ${id} no`)).texts()[0]).toMatch(/moderator/i);
    await say('UMOD', `topic reject ${id} Already discussed in March`);
    const events = await topicEvents(app.services.store.db, id);
    expect(events.at(-1)).toMatchObject({ action: 'rejected', actor: 'slack:UMOD', detail: 'Already discussed in March' });
  });

  it('sets the weekly slot and says when the next topic goes out, in the moderator’s language', async () => {
    await say('UMOD', 'lang fr');
    const reply = await say('UMOD', 'topic schedule lundi 09:00 Europe/Zurich');
    expect(await getSchedule(app.services.store.db)).toMatchObject({ weekday: 1, hour: 9, minute: 0, time_zone: 'Europe/Zurich', updated_by: 'slack:UMOD' });
    // Wednesday 18 November: the next Monday is the 23rd, 09:00 in Zurich.
    expect(reply.texts()[0]).toContain('lundi');
    expect(reply.texts()[0]).toContain('23');
    expect(reply.texts()[0]).toContain('09:00');
  });

  it('names weekdays in the reader’s language and recognises personal data', () => {
    expect(weekdayName(1, 'en')).toBe('Monday');
    expect(weekdayName(7, 'es')).toBe('domingo');
    expect(mayHoldPersonalData('write to ana.perez@ministerio.gob')).toBe(true);
    expect(mayHoldPersonalData('call +1 (212) 555-0100')).toBe(true);
    expect(mayHoldPersonalData('The 2025 webinar had 120 participants from 14 countries')).toBe(false);
  });

  it('files a proposal under its assistance area, and posts it with the translations the moderator adds', async () => {
    const proposed = await say('UALICE', 'topic propose Evaluating programmes | How do you evaluate a programme and its indicators a year after the mission?');
    const id = /#(\d+)/.exec(proposed.texts()[0] ?? '')?.[1] ?? '';
    const topic = await findTopic(app.services.store.db, id);
    expect(topic?.category).toBe('evaluation');
    // The moderator reads French (chosen above).
    const fr = messages('fr');
    expect((await say('UMOD', 'topic queue')).texts()[0]).toContain(fr.topics.area({ area: fr.areas.evaluation }));

    expect((await say('UMOD', `topic translate ${id} es Evaluar los programas | ¿Cómo evalúan un programa un año después?`)).texts()[0]).toContain('espagnol');
    // English is the topic's own language.
    expect((await say('UMOD', `topic translate ${id} en Evaluating | Again`)).texts()[0]).toContain('anglais');
    expect((await say('UMOD', `topic translate 999 fr Titre`)).texts()[0]).toContain('#999');
    expect((await say('UALICE', `topic translate ${id} fr Évaluer`)).texts()[0]).toMatch(/moderat/i);
    expect((await topicTranslations(app.services.store.db, id)).map((t) => t.lang)).toEqual(['es']);
    expect((await topicEvents(app.services.store.db, id)).map((e) => e.action)).toContain('translated');

    const card = weeklyTopicToCard(topic as Topic, { translations: await topicTranslations(app.services.store.db, id) });
    const text = cardToText(card);
    expect(text).toContain('Evaluating programmes');
    expect(text).toContain('Evaluar los programas');
    expect(text).toContain('español');
    expect(text).toContain(messages('en').moderation.rulesHint);
  });

  it('takes nothing from the queue when no discussion channel is configured, and says so', async () => {
    const queued = (await queuedTopics(app.services.store.db)).length;
    expect(queued).toBeGreaterThan(0);
    expect((await say('UMOD', 'topic post-now')).texts()[0]).toBe(messages('fr').topics.noChannels);
    expect(await queuedTopics(app.services.store.db)).toHaveLength(queued);
    expect((await say('UMOD', 'topic schedule monday 09:00 Europe/Zurich')).texts()[0]).toContain('DISCUSSION_CHANNELS');
  });

  it('takes a starter from the library with its other languages', async () => {
    const starter = await queueNextStarter(app.services);
    expect(starter).toBeDefined();
    const translations = await topicTranslations(app.services.store.db, starter?.id ?? '');
    expect(translations.map((t) => t.lang).sort()).toEqual(['es', 'fr']);
    expect(starter?.category).toBe(starter?.starter_id?.replace(/-\d+$/, ''));
  });
});
