/**
 * `experts <query>` through the dispatcher: the card in the reader's language (area, language and
 * region names, availability with its English fallback), filters, the no-match sentence, usage
 * errors; and the parsing of `--lang` / `--region`. A real store, a roster and glossary written
 * here; the adapter records what it is asked to post.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { cardToText, type Block, type Card } from '../../src/core/card.ts';
import type { InboundEvent } from '../../src/core/events.ts';
import { parseExpertsQuery } from '../../src/features/experts/handle-experts.ts';
import { messages } from '../../src/i18n/index.ts';
import { silentLogger } from '../../src/log.ts';
import { createApp, type App } from '../../src/main.ts';
import { RecordingAdapter } from '../support/recording-adapter.ts';
import { describeEngine, storeEngines } from '../support/stores.ts';

const GLOSSARY = {
  version: 1,
  entries: [
    { id: 'evaluation', category: 'evaluation', terms: { en: ['evaluation'], fr: ['évaluation'], es: ['evaluación'] } },
    { id: 'impact', category: 'evaluation', terms: { en: ['impact'], fr: ['impact'], es: ['impacto'] } },
  ],
};

const filler = (id: string, name: string, areas: string[], expertise: string) => ({
  id,
  name,
  areas,
  expertise: { en: expertise },
  languages: ['en'],
  region: 'Europe and Central Asia',
  availability: { en: 'On request.' },
  contact: `${id}@example.org`,
});

const ROSTER = {
  version: 1,
  experts: [
    {
      id: 'f1',
      name: 'Ana Impact',
      areas: ['evaluation', 'training'],
      expertise: { en: 'Impact evaluation of training courses.', fr: "Évaluation d'impact des formations." },
      keywords: ['impact evaluation'],
      languages: ['fr', 'en'],
      region: 'Africa',
      availability: { en: 'Two days a month, remotely.', fr: 'Deux jours par mois, à distance.', es: 'Dos días al mes, a distancia.' },
      contact: 'ana@example.org',
    },
    {
      id: 'f2',
      name: 'Bruno Suivi',
      areas: ['evaluation'],
      expertise: { fr: "Évaluation d'impact des programmes." },
      languages: ['fr', 'es'],
      region: 'Latin America and the Caribbean',
      availability: { en: 'From September.' },
      contact: 'bruno@example.org',
    },
    filler('f3', 'Chen Copyright', ['policy'], 'Copyright law.'),
    filler('f4', 'Dora Webinars', ['training'], 'Webinars and e-learning.'),
    filler('f5', 'Emil Planning', ['planning'], 'National strategies.'),
    filler('f6', 'Fatou Partners', ['cooperation'], 'Partnerships with donors.'),
    filler('f7', 'Gus Requests', ['requests'], 'Drafting requests for assistance.'),
  ],
};

let seq = 0;
function message(text: string, locale: string): InboundEvent {
  const userId = `U_EXP${++seq}`;
  return {
    id: `Ev-experts-${seq}-${Math.random().toString(36).slice(2)}`,
    platform: 'slack',
    type: 'message',
    text,
    actor: { platform: 'slack', workspaceId: 'T_MEMBER', userId, locale },
    conversation: { platform: 'slack', workspaceId: 'T_MEMBER', channelId: 'C_FORUM', kind: 'channel' },
    receivedAt: new Date(),
  };
}

function fieldsOf(card: Card | undefined, index = 0): Record<string, string> {
  const blocks = (card?.blocks ?? []).filter((b): b is Extract<Block, { type: 'fields' }> => b.type === 'fields');
  return Object.fromEntries((blocks[index]?.fields ?? []).map((f) => [f.label, f.value]));
}

function names(card: Card | undefined): string[] {
  const blocks = card?.blocks ?? [];
  // An expert's name is the text block just before its fields.
  return blocks.flatMap((b, i) => (b.type === 'text' && blocks[i + 1]?.type === 'fields' ? [b.text] : []));
}

const fr = messages('fr');
const es = messages('es');
const en = messages('en');

describe('the experts query', () => {
  it.each([
    ['impact evaluation', { text: 'impact evaluation', langs: [] }],
    ['impact --lang fr,ES evaluation', { text: 'impact evaluation', langs: ['fr', 'es'] }],
    ['--region amérique latine impact', { text: 'impact', langs: [], region: 'amérique latine' }],
    ['impact —region "Latin America" --lang=en', { text: 'impact', langs: ['en'], region: 'Latin America' }],
    ['--region=afrique', { text: '', langs: [], region: 'afrique' }],
    ['training --region Atlantis Island', { text: 'training', langs: [], region: 'Atlantis Island' }],
  ])('%s', (raw, search) => {
    expect(parseExpertsQuery(raw)).toEqual({ ok: true, search });
  });

  it.each([
    ['impact --lang', 'missing_argument', ''],
    ['impact --lang xx', 'bad_lang', 'xx'],
    ['impact --region', 'missing_argument', ''],
    ['impact --colour red', 'unknown_option', '--colour'],
    ['""', 'missing_argument', ''],
  ])('refuses %s', (raw, reason, detail) => {
    expect(parseExpertsQuery(raw)).toEqual({ ok: false, error: { topic: 'experts', reason, detail } });
  });
});

for (const engine of storeEngines()) {
  describeEngine(engine)(`experts on ${engine.name}`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ta-forum-experts-feature-'));
    let app: App;

    beforeAll(async () => {
      writeFileSync(path.join(dir, 'glossary.json'), JSON.stringify(GLOSSARY));
      writeFileSync(path.join(dir, 'experts.json'), JSON.stringify(ROSTER));
      const config = loadConfig(
        { SLACK_ALLOWED_WORKSPACES: 'T_MEMBER', LOG_LEVEL: 'silent', KNOWLEDGE_DIR: dir },
        {},
        path.join(tmpdir(), 'ta-forum-experts-test'),
      );
      app = await createApp(config, silentLogger(), { store: await engine.open() });
    });
    afterAll(async () => {
      await app?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    async function send(text: string, locale: string) {
      const adapter = new RecordingAdapter();
      const outcome = await app.dispatcher.handle(message(text, locale), adapter);
      expect(outcome).toBe('handled');
      expect(adapter.cards).toHaveLength(1);
      const card = adapter.cards[0] as Card;
      return { card, text: cardToText(card) };
    }

    it('lists the experts in the reader’s language', async () => {
      const { card } = await send('experts impact evaluation', 'fr-FR');
      expect(card.lang).toBe('fr');
      expect(card.blocks[0]).toEqual({ type: 'header', text: fr.experts.title({ query: 'impact evaluation' }) });
      expect(names(card)).toEqual(['Ana Impact', 'Bruno Suivi']);
      expect(fieldsOf(card)).toEqual({
        [fr.experts.areas]: `${fr.areas.evaluation} ; ${fr.areas.training}`,
        [fr.experts.languages]: 'français et anglais',
        [fr.experts.region]: 'Afrique',
        [fr.experts.availability]: 'Deux jours par mois, à distance.',
        [fr.experts.contact]: 'ana@example.org',
      });
    });

    it('filters by region named in Spanish and falls back to the English availability', async () => {
      const { card } = await send("experts évaluation d'impact --region américa latina", 'es-ES');
      expect(card.lang).toBe('es');
      expect(card.blocks[1]).toEqual({ type: 'context', text: es.experts.inRegion({ region: 'América Latina y el Caribe' }) });
      expect(names(card)).toEqual(['Bruno Suivi']);
      expect(fieldsOf(card)).toMatchObject({
        [es.experts.areas]: es.areas.evaluation,
        [es.experts.languages]: 'francés y español',
        [es.experts.region]: 'América Latina y el Caribe',
        [es.experts.availability]: 'From September.',
      });
    });

    it('writes area and region names in Arabic and Chinese', async () => {
      const ar = await send('experts impact --region africa', 'ar');
      expect(ar.card.lang).toBe('ar');
      expect(fieldsOf(ar.card)).toMatchObject({ [messages('ar').experts.region]: 'أفريقيا' });
      expect(ar.text).toContain(messages('ar').areas.evaluation);
      const zh = await send('experts impact --lang fr', 'zh-CN');
      expect(fieldsOf(zh.card)).toMatchObject({
        [messages('zh').experts.region]: '非洲',
        [messages('zh').experts.availability]: 'Two days a month, remotely.',
      });
    });

    it('shows five experts and counts the others', async () => {
      const { card } = await send('experts --lang en', 'en-GB');
      expect(card.blocks[0]).toEqual({ type: 'header', text: en.experts.titleAll });
      expect(card.blocks[1]).toEqual({ type: 'context', text: en.experts.speaks({ languages: 'English' }) });
      expect(names(card)).toHaveLength(5);
      expect(card.blocks.at(-1)).toEqual({ type: 'context', text: en.experts.more({ count: 1 }) });
    });

    it('suggests broader words when no expert matches', async () => {
      const none = await send('experts receta de pastel de chocolate', 'es-MX');
      expect(none.text).toBe(es.experts.none({ query: 'receta de pastel de chocolate' }));
      const filtered = await send('experts copyright --lang ru', 'en-US');
      expect(filtered.text).toBe(`${en.experts.none({ query: 'copyright' })} ${en.experts.noneFiltered}`);
    });

    it('explains a malformed option', async () => {
      const { text } = await send('experts impact --lang xx', 'en-US');
      expect(text).toContain(en.usage.reasons.bad_lang({ detail: 'xx' }));
      expect(text).toContain('experts <query>');
    });

    it('suggests matching experts when the knowledge base cannot answer', async () => {
      // The knowledge folder of this test holds no documents: every question is abstained from.
      const { card, text } = await send('How should we run an impact evaluation of our training courses?', 'en-US');
      expect(text).toContain(en.ask.abstain);
      expect(text).toContain(en.experts.suggestTitle);
      expect(text).toContain('Ana Impact');
      expect(text).not.toContain('Chen Copyright');
      const off = await send('What is the best recipe for a chocolate cake at home?', 'en-US');
      expect(off.text).toContain(en.ask.abstain);
      expect(off.text).not.toContain(en.experts.suggestTitle);
      expect(card.lang).toBe('en');
    });

    it('answers "who can help" with the roster first, in English and in Spanish', async () => {
      const en1 = await send('Who can help us with impact evaluation?', 'en-US');
      expect(en1.card.blocks[0]).toEqual({ type: 'context', text: en.experts.suggestTitle });
      expect(en1.text).toContain('Ana Impact');
      expect(en1.text).not.toContain(en.ask.abstain);
      const es1 = await send('¿Quién puede ayudarnos con la evaluación de impacto?', 'es-MX');
      expect(es1.card.blocks[0]).toEqual({ type: 'context', text: es.experts.suggestTitle });
      expect(es1.text).toContain('Ana Impact');
      expect(es1.text).not.toContain(es.ask.abstain);
    });
  });
}
