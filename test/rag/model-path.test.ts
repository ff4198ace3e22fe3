/**
 * The model path end to end: the real app with OPENAI_BASE_URL pointing at a local
 * OpenAI-compatible server that records what it is sent. An English question over French
 * documents: the question is translated and embedded, the French passages go into the prompt with
 * the instruction to answer in English, and the answer comes back cited. Without a working model
 * the bot falls back to extractive answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { createApp, ingestKnowledgeDir, type App } from '../../src/main.ts';
import {
  CHAT_PATH,
  EMBEDDINGS_PATH,
  FAKE_API_KEY,
  chatMessages,
  chatReply,
  embeddingsReply,
  errorReply,
  startFakeOpenAI,
  type FakeOpenAI,
  type RecordedRequest,
} from '../support/fake-openai.ts';
import { writeCorpus, type Corpus } from './fixtures/corpus.ts';
import { openTestStore } from '../support/pglite-template.ts';

const QUESTION = 'How long does the secretariat take to acknowledge an official letter requesting technical assistance?';

/** A tiny deterministic "embedding": counts of a few letters, so vectors differ by text. */
function vectorOf(text: string): number[] {
  return ['a', 'e', 'i', 'o'].map((ch) => text.split(ch).length);
}

function embeddingsFor(request: RecordedRequest) {
  const input = (request.body as { input: string[] | string }).input;
  return embeddingsReply((Array.isArray(input) ? input : [input]).map(vectorOf));
}

/** The translation prompt (prompts/translate-query.md) opens with this; the answer prompt does not. */
const isTranslation = (request: RecordedRequest | undefined): boolean =>
  (chatMessages(request)[0]?.content ?? '').startsWith('You translate short search questions');

/** Answers a translation request with JSON, and an answer request with a cited sentence. */
function chatFor(request: RecordedRequest) {
  if (isTranslation(request)) return chatReply('```json\n{"fr": "Combien de temps le secrétariat met-il pour accuser réception d\'une lettre officielle ?"}\n```');
  // Cite the passage that holds the answer, as a model would.
  const user = chatMessages(request)[1]?.content ?? '';
  const n = /<passage n="(\d+)"[^>]*>[^<]*quinze jours ouvrables/.exec(user)?.[1] ?? '99';
  return chatReply(`The secretariat acknowledges the request within fifteen working days [${n}].`);
}

describe('answers written by a language model', () => {
  let fake: FakeOpenAI;
  let corpus: Corpus;
  let app: App;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    corpus = await writeCorpus();
    const config = loadConfig({
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_API_KEY: FAKE_API_KEY,
      OPENAI_MODEL: 'test-chat',
      OPENAI_EMBEDDING_MODEL: 'test-embed',
      KNOWLEDGE_DIR: corpus.root,
    });
    fake.on(EMBEDDINGS_PATH, embeddingsFor);
    fake.on(CHAT_PATH, chatFor);
    app = await createApp(config, silentLogger(), { store: await openTestStore() });
    await ingestKnowledgeDir(app.services, { prune: false });
  });

  afterAll(async () => {
    await app?.close();
    await fake?.close();
    await corpus?.remove();
  });

  it('embeds passages at ingestion, as floats, with the configured model', () => {
    const embeddings = fake.requests.filter((r) => r.path === EMBEDDINGS_PATH);
    expect(embeddings.length).toBeGreaterThan(0);
    for (const request of embeddings) {
      expect(request.body).toMatchObject({ model: 'test-embed', encoding_format: 'float' });
      expect(request.headers.authorization).toBe(`Bearer ${FAKE_API_KEY}`);
    }
  });

  it('sends the French passages and the English instruction, and returns the cited answer', async () => {
    fake.requests.length = 0;
    const answer = await app.services.knowledge.answer(QUESTION, 'en');

    const chats = fake.requests.filter((r) => r.path === CHAT_PATH);
    const translation = chats.find(isTranslation);
    expect(translation, 'the question is translated into the corpus languages').toBeDefined();
    expect(JSON.stringify(translation?.body)).toContain(QUESTION);

    const answering = chats.find((r) => r !== translation);
    const [system, user] = chatMessages(answering);
    expect(answering?.body).toMatchObject({ model: 'test-chat', temperature: 0 });
    expect(`${system?.content}\n${user?.content}`).toContain('English');
    expect(user?.content).toContain('quinze jours ouvrables');
    expect(user?.content).toContain('lang="fr"');
    expect(user?.content).toContain(QUESTION);
    // The question was embedded for dense search too.
    expect(fake.requests.some((r) => r.path === EMBEDDINGS_PATH && JSON.stringify(r.body).includes('acknowledge'))).toBe(true);

    expect(answer).toMatchObject({ answered: true, mode: 'model', language: 'en' });
    expect(answer.answer).toMatch(/^The secretariat acknowledges the request within fifteen working days \[\d\]\.$/);
    expect(answer.citations).toHaveLength(1);
    expect(answer.answer).toContain(`[${answer.citations[0]?.n}]`);
    expect(answer.citations[0]?.source.endsWith(corpus.source('fr/demande-assistance.md'))).toBe(true);
  });

  it('abstains when the model finds no answer in the passages', async () => {
    fake.on(CHAT_PATH, (request) =>
      isTranslation(request) ? chatReply('{}') : chatReply('NO_ANSWER'),
    );
    const answer = await app.services.knowledge.answer('Qui signe la lettre officielle de demande ?', 'fr');
    expect(answer).toMatchObject({ answered: false, mode: 'abstained', answer: '' });
  });

  it('falls back to an extractive answer when the model fails', async () => {
    fake.on(CHAT_PATH, errorReply(500));
    fake.on(EMBEDDINGS_PATH, errorReply(500));
    const answer = await app.services.knowledge.answer("Dans quel délai le secrétariat accuse-t-il réception de la demande d'assistance technique ?", 'fr');
    expect(answer.mode).toBe('extractive');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('quinze jours ouvrables');
  });
});
