import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ACTIONS } from '../../src/core/actions.ts';
import { cardToText, type Card } from '../../src/core/card.ts';
import { COMMAND_SYNTAX } from '../../src/core/command-grammar.ts';
import type { InboundEvent } from '../../src/core/events.ts';
import { messages } from '../../src/i18n/index.ts';
import { silentLogger } from '../../src/log.ts';
import { createApp, type App } from '../../src/main.ts';
import type { Store } from '../../src/store/index.ts';
import { findPerson } from '../../src/store/people.ts';
import { claimEvent } from '../../src/store/processed-events.ts';
import { RECORDED_PLATFORM_ERROR, RecordingAdapter } from '../support/recording-adapter.ts';
import { describeEngine, storeEngines } from '../support/stores.ts';

const FRENCH_QUESTION = 'Comment puis-je demander une assistance technique pour mon ministère ?';
const PLATFORM_ERROR = RECORDED_PLATFORM_ERROR;

let seq = 0;

interface EventOptions {
  id?: string;
  userId?: string;
  workspaceId?: string;
  locale?: string;
}

function base(o: EventOptions) {
  const workspaceId = o.workspaceId ?? 'T_MEMBER';
  return {
    id: o.id ?? `Ev${++seq}-${Math.random().toString(36).slice(2)}`,
    platform: 'slack' as const,
    actor: { platform: 'slack' as const, workspaceId, userId: o.userId ?? 'U_MEMBER', ...(o.locale ? { locale: o.locale } : {}) },
    conversation: { platform: 'slack' as const, workspaceId, channelId: 'C_FORUM', kind: 'channel' as const },
    receivedAt: new Date(),
  };
}

function message(text: string, o: EventOptions = {}): InboundEvent {
  return { ...base(o), type: 'message', text };
}

function slash(text: string, o: EventOptions = {}): InboundEvent {
  return { ...base(o), type: 'command', text };
}

function expectNoInternals(texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toContain(PLATFORM_ERROR);
    expect(text).not.toMatch(/\bError\b|\n\s+at |\.ts:\d+/);
  }
}

// The store is always passed in, so the configured data directory is never opened.
const config = loadConfig(
  { SLACK_ALLOWED_WORKSPACES: 'T_MEMBER', MODERATORS: 'slack:U_MOD', LOG_LEVEL: 'silent' },
  {},
  path.join(tmpdir(), 'ta-forum-dispatcher-test'),
);
const en = messages('en');

for (const engine of storeEngines()) {
  describeEngine(engine)(`dispatcher on ${engine.name}`, () => {
    let store: Store;
    let app: App;

    beforeAll(async () => {
      store = await engine.open();
      app = await createApp(config, silentLogger(), { store, now: () => new Date() });
    });
    afterAll(async () => {
      await app?.close();
    });

    async function send(event: InboundEvent, adapter = new RecordingAdapter()) {
      const outcome = await app.dispatcher.handle(event, adapter);
      return { outcome, adapter, texts: adapter.texts() };
    }

    it('answers help in the language chosen with lang', async () => {
      const who = { userId: 'U_ES' };
      const set = await send(message('lang es', who));
      expect(set.outcome).toBe('handled');
      expect(set.texts).toEqual([messages('es').lang.set]);
      expect((await findPerson(store.db, { platform: 'slack', workspaceId: 'T_MEMBER', userId: 'U_ES' }))?.lang).toBe('es');

      const help = await send(message('help', who));
      expect(help.outcome).toBe('handled');
      expect(help.adapter.cards).toHaveLength(1);
      const card = help.adapter.cards[0] as Card;
      expect(card.lang).toBe('es');
      expect(card.blocks[0]).toEqual({ type: 'header', text: messages('es').help.title });
      expect(cardToText(card)).not.toContain(en.help.title);
    });

    it('handles a redelivered event once', async () => {
      const adapter = new RecordingAdapter();
      const event = message('help');
      expect(await app.dispatcher.handle(event, adapter)).toBe('handled');
      expect(await app.dispatcher.handle({ ...event, receivedAt: new Date() }, adapter)).toBe('duplicate');
      expect(adapter.cards).toHaveLength(1);
      // The same id on another platform is another event.
      expect(await app.dispatcher.handle({ ...event, platform: 'teams' }, adapter)).toBe('handled');
    });

    it('still recognises a redelivery after the store is closed and opened again', async () => {
      const target = await engine.persistent();
      const adapter = new RecordingAdapter();
      const event = message('help', { id: 'Ev-restart' });
      try {
        const first = await createApp(config, silentLogger(), { store: await target.open() });
        expect(await first.dispatcher.handle(event, adapter)).toBe('handled');
        await first.close();

        const second = await createApp(config, silentLogger(), { store: await target.open() });
        try {
          expect(await second.dispatcher.handle(event, adapter)).toBe('duplicate');
          expect(await second.dispatcher.handle(message('help', { id: 'Ev-after-restart' }), adapter)).toBe('handled');
        } finally {
          await second.close();
        }
        expect(adapter.cards).toHaveLength(2);
      } finally {
        await target.dispose();
      }
    });

    it('refuses an outsider with the refusal text', async () => {
      const { outcome, texts } = await send(message('help', { workspaceId: 'T_OUTSIDE', userId: 'U_X' }));
      expect(outcome).toBe('refused');
      expect(texts).toEqual([en.access.refused]);
    });

    it('refuses an outsider joining a channel without a word', async () => {
      const { outcome, texts } = await send({ ...base({ workspaceId: 'T_OUTSIDE' }), type: 'member_joined' });
      expect(outcome).toBe('refused');
      expect(texts).toEqual([]);
    });

    it('keeps moderator commands for moderators', async () => {
      const member = await send(message('topic queue'));
      expect(member.outcome).toBe('handled');
      expect(member.texts).toEqual([en.access.moderatorOnly({ command: 'topic queue' })]);

      const moderator = await send(message('topic queue', { userId: 'U_MOD' }));
      expect(moderator.outcome).toBe('handled');
      expect(moderator.texts).toEqual([en.topics.queueEmpty]);
      const guests = await send(message('guests'));
      expect(guests.texts).toEqual([en.access.moderatorOnly({ command: 'guests' })]);
    });

    it('takes text with NUL characters and lone surrogates: the poll is created, the question answered', async () => {
      const poll = await send(message('poll "Which\u0000 format?" "Webinar\uD800" "Work\u0000shop"', { userId: 'U_MOD' }));
      expect(poll.outcome).toBe('handled');
      const stored = await store.db.selectFrom('polls').select(['question', 'options']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(stored.question).toBe('Which format?');
      expect(JSON.stringify(stored.options)).toContain('Webinar\uFFFD');
      expect(JSON.stringify(stored.options)).toContain('Workshop');
      const asked = await send(message('How do I request\u0000 technical assistance?\uDC00'));
      expect(asked.outcome).toBe('handled');
      expectNoInternals(asked.texts);
      expect(asked.texts.join(' ')).not.toContain(en.errors.generic);
    });

    it('answers a malformed poll with its usage', async () => {
      const { outcome, adapter } = await send(message('poll "Q" "only one"'));
      expect(outcome).toBe('handled');
      expect(adapter.cards).toHaveLength(1);
      const blocks = (adapter.cards[0] as Card).blocks;
      expect(blocks[0]).toEqual({ type: 'text', text: `${en.usage.title} ${en.usage.reasons.too_few_options({ detail: '' })}` });
      const code = blocks.find((b) => b.type === 'code');
      expect(code?.type === 'code' && code.text.split('\n')[0]).toBe(COMMAND_SYNTAX.poll);
    });

    it.each<[string, string, (m: ReturnType<typeof messages>) => string]>([
      ['report not-a-link', 'report', (m) => m.usage.reasons.bad_link({ detail: 'not-a-link' })],
      ['help nonexistent', 'help', (m) => m.usage.reasons.unknown_command({ detail: 'nonexistent' })],
      ['poll "Unclosed quote "A" "B"', 'poll', (m) => m.usage.reasons.stray_quote({ detail: 'A"' })],
    ])('answers %j with its usage in the person’s language, not from the knowledge base', async (text, topic, reason) => {
      const es = messages('es');
      const { outcome, adapter } = await send(message(text, { userId: 'U_USAGE', locale: 'es-ES' }));
      expect(outcome).toBe('handled');
      expect(adapter.cards).toHaveLength(1);
      const card = adapter.cards[0] as Card;
      expect(card.lang).toBe('es');
      expect(card.blocks[0]).toEqual({ type: 'text', text: `${es.usage.title} ${reason(es)}` });
      const code = card.blocks.find((b) => b.type === 'code');
      expect(code?.type === 'code' && code.text).toContain(COMMAND_SYNTAX[topic as keyof typeof COMMAND_SYNTAX]);
      expect(cardToText(card)).not.toContain(es.ask.abstain);
    });

    it('turns a failure into the generic sentence, with no internals', async () => {
      const adapter = new RecordingAdapter(1);
      const outcome = await app.dispatcher.handle(message('help'), adapter);
      expect(outcome).toBe('failed');
      expect(adapter.texts()).toEqual([en.errors.generic]);
      expectNoInternals(adapter.texts());
    });

    it('runs an event the inbox claimed already, and leaves a failure to retry untold when asked', async () => {
      const event = message('help');
      await claimEvent(store.db, `slack:${event.id}`, new Date());
      const adapter = new RecordingAdapter(1);
      const seen: unknown[] = [];
      const retry = { claimed: true, retryLater: (error: unknown) => seen.push(error) > 0 };
      await expect(app.dispatcher.handle(event, adapter, retry)).rejects.toThrow(PLATFORM_ERROR);
      expect(seen).toHaveLength(1);
      expect(adapter.cards).toEqual([]);
      // The next attempt succeeds; without the option the claim would make it a duplicate.
      expect(await app.dispatcher.handle(event, adapter, retry)).toBe('handled');
      expect(adapter.cards).toHaveLength(1);
      expect(await app.dispatcher.handle(event, adapter)).toBe('duplicate');
      // A failure not to be retried is the person's generic sentence, as always.
      const last = new RecordingAdapter(1);
      expect(await app.dispatcher.handle(message('help'), last, { claimed: true, retryLater: () => false })).toBe('failed');
      expect(last.texts()).toEqual([en.errors.generic]);
    });

    it('gives up quietly when even the error sentence cannot be sent', async () => {
      const adapter = new RecordingAdapter(2);
      expect(await app.dispatcher.handle(message('help'), adapter)).toBe('failed');
      expect(adapter.cards).toEqual([]);
    });

    it('answers a French question in French when no language is stored', async () => {
      const { outcome, adapter } = await send(message(FRENCH_QUESTION, { userId: 'U_FR' }));
      expect(outcome).toBe('handled');
      expect(adapter.cards.map((c) => c.lang)).toEqual(['fr']);
      // The knowledge base of this test is empty: the bot abstains, in French.
      expect(adapter.texts()).toEqual([messages('fr').ask.abstain]);
    });

    it('answers a French question asked with /forum or ask in French', async () => {
      for (const event of [slash(FRENCH_QUESTION, { userId: 'U_FR2' }), message(`ask ${FRENCH_QUESTION}`, { userId: 'U_FR3' })]) {
        const { texts } = await send(event);
        expect(texts).toEqual([messages('fr').ask.abstain]);
      }
    });

    it('uses the locale for commands, which are not guessed from', async () => {
      const { texts } = await send(message('topic queue', { userId: 'U_LOC', locale: 'ru-RU' }));
      expect(texts).toEqual([messages('ru').access.moderatorOnly({ command: 'topic queue' })]);
    });

    it('gives every card it produces a non-empty plain-text form', async () => {
      const events: InboundEvent[] = [
        message('help'),
        message('help', { userId: 'U_MOD' }),
        message('help poll'),
        message('lang'),
        message('lang ar', { userId: 'U_AR' }),
        message('poll "Q"'),
        message('topic schedule someday 9:00 UTC', { userId: 'U_MOD' }),
        message('stats'),
        message('stats', { userId: 'U_MOD' }),
        message('help', { workspaceId: 'T_OUTSIDE' }),
        message(FRENCH_QUESTION),
        slash(''),
        { ...base({ userId: 'U_ZH' }), type: 'action', actionId: ACTIONS.langSet, value: 'zh' },
        { ...base({}), type: 'action', actionId: ACTIONS.langSet, value: '' },
        { ...base({ userId: 'U_HELPBTN' }), type: 'action', actionId: ACTIONS.helpShow, value: '' },
        { ...base({ userId: 'U_NEW' }), type: 'member_joined', actor: { platform: 'slack', workspaceId: 'T_MEMBER', userId: 'U_NEW', displayName: 'Ana' } },
        { ...base({}), type: 'installed' },
      ];
      const adapter = new RecordingAdapter();
      for (const event of events) expect(await app.dispatcher.handle(event, adapter)).not.toBe('failed');
      const failing = new RecordingAdapter(1);
      await app.dispatcher.handle(message('help'), failing);

      const cards = [...adapter.cards, ...failing.cards];
      expect(cards.length).toBe(events.length + 1);
      for (const card of cards) {
        expect(card.blocks.length).toBeGreaterThan(0);
        expect(cardToText(card).trim().length).toBeGreaterThan(0);
      }
      expect(adapter.texts().some((t) => t.startsWith(en.welcome.memberJoined({ name: 'Ana' })) && t.includes(en.moderation.rules.respect))).toBe(true);
      expect(adapter.texts()).toContain(messages('zh').lang.set);
      expectNoInternals(cards.map(cardToText));
    });
  });
}
