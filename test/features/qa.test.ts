/**
 * Questions and answers through the dispatcher: the answer card, the "thinking" card updated in
 * place, feedback buttons, and the moderators' list of unanswered questions. A real store and the
 * app's own knowledge-folder ingestion of the test corpus; the adapter records what it is asked to post.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ACTIONS } from '../../src/core/actions.ts';
import type { MessageRef } from '../../src/core/adapter.ts';
import type { Block, Button, Card } from '../../src/core/card.ts';
import type { InboundEvent } from '../../src/core/events.ts';
import { formatDate, messages } from '../../src/i18n/index.ts';
import { silentLogger } from '../../src/log.ts';
import { createApp, type App } from '../../src/main.ts';
import type { Store } from '../../src/store/index.ts';
import { writeCorpus, type Corpus } from '../rag/fixtures/corpus.ts';
import { RecordingAdapter } from '../support/recording-adapter.ts';
import { describeEngine, storeEngines } from '../support/stores.ts';

const FRENCH_QUESTION = 'Comment un État membre demande-t-il une assistance technique ?';
const ENGLISH_QUESTION = 'How does a member state request technical assistance?';
const OFF_TOPIC = 'Quelle est la meilleure recette de gâteau au chocolat ?';
const PLAN_QUESTION = 'Qui adopte le plan de travail annuel ?';

/** A platform that can replace a message it posted: records the replacements too. */
class UpdatingAdapter extends RecordingAdapter {
  readonly updates: { ref: MessageRef; card: Card }[] = [];

  updateMessage(ref: MessageRef, card: Card): Promise<void> {
    this.updates.push({ ref, card });
    return Promise.resolve();
  }
}

let seq = 0;

function base(userId: string, locale?: string) {
  return {
    id: `Ev${++seq}-${Math.random().toString(36).slice(2)}`,
    platform: 'slack' as const,
    actor: { platform: 'slack' as const, workspaceId: 'T_MEMBER', userId, ...(locale ? { locale } : {}) },
    conversation: { platform: 'slack' as const, workspaceId: 'T_MEMBER', channelId: 'C_FORUM', kind: 'channel' as const },
    receivedAt: new Date(),
  };
}

const message = (text: string, userId: string): InboundEvent => ({ ...base(userId), type: 'message', text });
const click = (value: string, userId: string): InboundEvent => ({
  ...base(userId, 'fr-FR'),
  type: 'action',
  actionId: ACTIONS.qaFeedback,
  value,
});

function block<T extends Block['type']>(card: Card | undefined, type: T): Extract<Block, { type: T }> | undefined {
  return card?.blocks.find((b): b is Extract<Block, { type: T }> => b.type === type);
}

function buttons(card: Card | undefined): Button[] {
  return block(card, 'actions')?.buttons ?? [];
}

/** The question id an answer card's buttons carry. */
function questionIdOf(card: Card | undefined): string {
  const id = /^(\d+):1$/.exec(buttons(card)[0]?.value ?? '')?.[1];
  expect(id).toBeDefined();
  return id as string;
}

const NOW = new Date();
const fr = messages('fr');
const en = messages('en');

for (const engine of storeEngines()) {
  describeEngine(engine)(`questions and answers on ${engine.name}`, () => {
    let corpus: Corpus;
    let store: Store;
    let app: App;
    /** A corpus document's source as the app ingests its knowledge folder (relative to the folder's parent). */
    const source = (doc: Parameters<Corpus['file']>[0]) => path.relative(path.dirname(corpus.root), corpus.file(doc));

    beforeAll(async () => {
      corpus = await writeCorpus();
      store = await engine.open();
      const config = loadConfig(
        { SLACK_ALLOWED_WORKSPACES: 'T_MEMBER', MODERATORS: 'slack:U_MOD', LOG_LEVEL: 'silent', KNOWLEDGE_DIR: corpus.root },
        {},
        path.join(tmpdir(), 'ta-forum-qa-test'),
      );
      app = await createApp(config, silentLogger(), { store, now: () => NOW, ingestKnowledge: true });
    });
    afterAll(async () => {
      await app?.close();
      await corpus?.remove();
    });

    async function send(event: InboundEvent, adapter: RecordingAdapter = new RecordingAdapter()) {
      const outcome = await app.dispatcher.handle(event, adapter);
      return { outcome, adapter, card: adapter.cards[0], texts: adapter.texts() };
    }

    function feedbackRows(questionId: string) {
      return store.db.selectFrom('answer_feedback').select(['user_id', 'helpful']).where('question_id', '=', questionId).orderBy('user_id').execute();
    }

    it('answers a question with the answer, its sources and two feedback buttons', async () => {
      const { outcome, adapter, card } = await send(message(FRENCH_QUESTION, 'U_Q1'));
      expect(outcome).toBe('handled');
      expect(adapter.cards).toHaveLength(1);
      expect(card?.lang).toBe('fr');
      // Quoted from French documents for a French reader: no "quoted from" line.
      expect(card?.blocks[0]).toEqual({ type: 'text', text: expect.stringContaining('lettre officielle adressée au secrétariat. » [1]') as string });
      expect(block(card, 'text')?.text).not.toContain(fr.ask.quotedFrom({ language: 'français' }));
      expect(card?.blocks).toContainEqual({ type: 'context', text: fr.ask.sources });
      const items = block(card, 'list')?.items ?? [];
      expect(items[0]).toBe(`[1] Demander une assistance technique › La lettre officielle — ${source('fr/demande-assistance.md')}`);

      const id = questionIdOf(card);
      expect(buttons(card)).toEqual([
        { actionId: 'qa:feedback', label: fr.ask.helpful, value: `${id}:1` },
        { actionId: 'qa:feedback', label: fr.ask.notHelpful, value: `${id}:0` },
      ]);
      const row = await store.db.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ question: FRENCH_QUESTION, lang: 'fr', answered: true, user_id: 'U_Q1' });
      expect(row.sources).toEqual([source('fr/demande-assistance.md')]);
    });

    it('posts "thinking" first where the platform can update it, then replaces it with the answer', async () => {
      const adapter = new UpdatingAdapter();
      const { outcome } = await send(message(ENGLISH_QUESTION, 'U_Q2'), adapter);
      expect(outcome).toBe('handled');
      expect(adapter.texts()).toEqual([en.ask.thinking]);
      expect(adapter.updates).toHaveLength(1);
      const { ref, card } = adapter.updates[0] as { ref: MessageRef; card: Card };
      expect(ref.messageId).toBe('m1');
      expect(card.lang).toBe('en');
      // An English reader is told, in English, that the answer is quoted from French documents.
      expect(block(card, 'text')?.text).toMatch(new RegExp(`^${en.ask.quotedFrom({ language: 'French' })}\n“Un État membre demande une assistance technique .*” \\[1\\]$`));
      expect(buttons(card).map((b) => b.actionId)).toEqual([ACTIONS.qaFeedback, ACTIONS.qaFeedback]);
    });

    it('stores one feedback per person per question, a second click changing it', async () => {
      const id = questionIdOf((await send(message(FRENCH_QUESTION, 'U_FB'))).card);

      const helpful = await send(click(`${id}:1`, 'U_FB'));
      expect(helpful.outcome).toBe('handled');
      expect(helpful.texts).toEqual([fr.ask.thanks]);
      expect(await feedbackRows(id)).toEqual([{ user_id: 'U_FB', helpful: true }]);

      expect((await send(click(`${id}:0`, 'U_FB'))).texts).toEqual([fr.ask.thanks]);
      expect(await feedbackRows(id)).toEqual([{ user_id: 'U_FB', helpful: false }]);

      await send(click(`${id}:1`, 'U_FB2'));
      expect(await feedbackRows(id)).toEqual([
        { user_id: 'U_FB', helpful: false },
        { user_id: 'U_FB2', helpful: true },
      ]);
    });

    it('lists abstained and unhelpful answers for a moderator, and refuses the list to a member', async () => {
      const abstained = await send(message(OFF_TOPIC, 'U_UN1'));
      expect(abstained.card?.lang).toBe('fr');
      expect(abstained.texts).toEqual([fr.ask.abstain]);
      expect(buttons(abstained.card)).toEqual([]);

      const plan = await send(message(PLAN_QUESTION, 'U_UN2'));
      const planId = questionIdOf(plan.card);
      expect(block(plan.card, 'text')?.text).toContain('comité directeur');
      // Two people find the answer unhelpful; it was still asked once.
      await send(click(`${planId}:0`, 'U_UN2'));
      await send(click(`${planId}:0`, 'U_UN3'));
      // An answer found helpful is not a gap.
      const good = questionIdOf((await send(message('Quel a été le taux de réponse à l’enquête de satisfaction ?', 'U_UN4'))).card);
      await send(click(`${good}:1`, 'U_UN4'));

      const member = await send(message('unanswered', 'U_UN1'));
      expect(member.outcome).toBe('handled');
      expect(member.texts).toEqual([en.access.moderatorOnly({ command: 'unanswered' })]);

      const moderator = await send(message('unanswered', 'U_MOD'));
      expect(moderator.card?.blocks[0]).toEqual({ type: 'header', text: en.ask.unansweredTitle });
      const items = block(moderator.card, 'list')?.items ?? [];
      const once = en.ask.unansweredTimes({ count: 1, date: formatDate(NOW, 'en') });
      expect(items).toContain(`${OFF_TOPIC.toLowerCase()} ${once}`);
      expect(items).toContain(`${PLAN_QUESTION.toLowerCase()} ${once}`);
      expect(items.join('\n')).not.toContain('taux de réponse');
    });

    it('ignores malformed feedback values without an error or a reply', async () => {
      const id = questionIdOf((await send(message(FRENCH_QUESTION, 'U_BAD'))).card);
      const values = ['', 'abc', id, `${id}:2`, `${id}:1:1`, `-${id}:1`, `${id} :1`, '1234567890123456789:1', '999999999:1', `${id}:yes`];
      for (const value of values) {
        const { outcome, texts } = await send(click(value, 'U_BAD'));
        expect({ value, outcome, texts }).toEqual({ value, outcome: 'handled', texts: [] });
      }
      expect(await feedbackRows(id)).toEqual([]);
    });
  });
}
