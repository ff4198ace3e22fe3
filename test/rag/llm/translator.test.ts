import { describe, expect, it } from 'vitest';
import { openAIQueryTranslator, parseTranslations } from '../../../src/rag/llm/translator.ts';
import { CHAT_PATH, chatMessages, chatReply, errorReply, fakeClient, useFakeOpenAI, type FakeOpenAI } from '../../support/fake-openai.ts';

describe('openAIQueryTranslator', () => {
  let fake: FakeOpenAI;
  useFakeOpenAI((f) => (fake = f));

  it('asks once for the listed languages and parses fenced JSON', async () => {
    fake.on(CHAT_PATH, chatReply('```json\n{"fr": "Qui peut demander une assistance UNDP ?", "es": "¿Quién puede pedir asistencia UNDP?", "de": "Wer?", "ru": 3}\n```'));
    const translations = await openAIQueryTranslator(fakeClient(fake), 'test-chat').translate('Who may request UNDP assistance?', 'en', ['fr', 'es', 'ru', 'en']);
    expect(translations).toEqual({ fr: 'Qui peut demander une assistance UNDP ?', es: '¿Quién puede pedir asistencia UNDP?' });
    expect(fake.requests).toHaveLength(1);
    const body = fake.requests[0]?.body as { model: string; temperature: number };
    expect(body.model).toBe('test-chat');
    expect(body.temperature).toBe(0);
    const [system, user] = chatMessages(fake.requests[0]);
    expect(system?.content).toContain('JSON');
    expect(user?.content).toContain('from English into: fr (French), es (Spanish), ru (Russian).');
    expect(user?.content).toContain('<question>Who may request UNDP assistance?</question>');
  });

  it.each(['not json at all', '{"fr": ', '["fr"]', ''])('gives no translations for %j', async (content) => {
    fake.on(CHAT_PATH, chatReply(content));
    expect(await openAIQueryTranslator(fakeClient(fake), 'test-chat').translate('Question?', 'en', ['fr'])).toEqual({});
  });

  it('gives no translations when the server fails, without retrying', async () => {
    fake.on(CHAT_PATH, errorReply(500));
    expect(await openAIQueryTranslator(fakeClient(fake), 'test-chat').translate('Question?', 'en', ['fr'])).toEqual({});
    expect(fake.requests).toHaveLength(1);
  });

  it('asks nothing when there is nothing to translate into', async () => {
    expect(await openAIQueryTranslator(fakeClient(fake), 'test-chat').translate('Question?', 'en', ['en'])).toEqual({});
    expect(fake.requests).toHaveLength(0);
  });
});

describe('parseTranslations', () => {
  it('accepts text around the object and trims values', () => {
    expect(parseTranslations('Here you go: {"FR": "  Bonjour  ", "es": ""} Done.', ['fr', 'es'])).toEqual({ fr: 'Bonjour' });
  });
});
