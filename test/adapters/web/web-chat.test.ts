/**
 * A person's own chat on the web page, kept by the server, over real HTTP against the real host:
 * it comes back after a reload (per person, never another's), a vote redraws the poll card where
 * it is shown, and `forget-me` deletes the whole chat.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebChatEntry } from '../../../adapters/web/chat.ts';
import { ACTIONS } from '../../../src/core/actions.ts';
import { messages } from '../../../src/i18n/index.ts';
import { WEB_CHAT_KEPT_MESSAGES, webChatChannel } from '../../../src/store/web-chat.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { WebPerson } from './web-person.ts';

const en = messages('en');
const es = messages('es');

async function chatOf(person: WebPerson): Promise<WebChatEntry[]> {
  const res = await person.request('/web/api/chat');
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: WebChatEntry[] }).messages;
}

describe('the web chat kept per person', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({}, { ingestKnowledge: false });
  });
  afterAll(() => host?.close());

  it('gives back what the person typed and the bot answered, in order, and nobody else’s', async () => {
    const amina = new WebPerson(host.url);
    const other = new WebPerson(host.url);
    expect(await chatOf(amina)).toEqual([]);
    const answered = await amina.say('lang fr');
    await other.say('help');
    const chat = await chatOf(amina);
    expect(chat.map((m) => [m.kind, m.text])).toEqual([
      ['me', 'lang fr'],
      ['bot', answered.messages[0]?.text],
    ]);
    // The card is the one the page was given, under the same id.
    expect(chat[1]).toMatchObject({ id: answered.messages[0]?.id, html: answered.messages[0]?.html, lang: 'fr' });
    expect(JSON.stringify(chat)).not.toContain(other.userId);
    expect((await chatOf(other)).map((m) => m.kind)).toEqual(['me', 'bot']);
  });

  it('redraws a poll card in the chat after a vote, so a reload shows the counts and the buttons', async () => {
    const person = new WebPerson(host.url);
    const created = await person.say('poll "Lunch?" "Pizza" "Soup"');
    const card = created.messages.find((m) => m.text.includes('Lunch?'));
    expect(card?.html).toContain('data-action-id="poll:vote"');
    const vote = /data-value="([^"]+)">Pizza</.exec(card?.html ?? '')?.[1] ?? '';
    expect((await person.click('poll:vote', vote)).outcome).toBe('handled');
    // The bot redraws the poll's messages soon after the vote, the kept card among them.
    await expect
      .poll(async () => (await chatOf(person)).find((m) => m.id === card?.id)?.text ?? '', { timeout: 15_000 })
      .toContain('1 voter');
    const kept = (await chatOf(person)).find((m) => m.id === card?.id);
    expect(kept?.kind === 'bot' && kept.html).toContain('data-action-id="poll:vote"');
  });

  it('draws a poll of the chat in the language the person chose since, with its counts', async () => {
    const person = new WebPerson(host.url);
    const created = await person.say('poll "Dinner?" "Rice" "Bread"');
    const card = created.messages.find((m) => m.text.includes('Dinner?'));
    expect(card?.text).toContain(en.polls.voters({ count: 0 }));
    await person.say('lang es');
    const kept = (await chatOf(person)).find((m) => m.id === card?.id);
    expect(kept?.kind === 'bot' && kept.lang).toBe('es');
    expect(kept?.kind === 'bot' && kept.text).toContain(es.polls.voters({ count: 0 }));
    expect(kept?.kind === 'bot' && kept.text).toContain('Dinner?');
    expect(kept?.kind === 'bot' && kept.text).not.toContain(en.polls.voters({ count: 0 }));
  });

  it('keeps the latest messages only', async () => {
    const person = new WebPerson(host.url);
    const { db } = host.app.services.store;
    await person.say('help');
    const channel = webChatChannel(person.userId);
    const now = new Date();
    await db
      .insertInto('web_posts')
      .values(Array.from({ length: WEB_CHAT_KEPT_MESSAGES }, (_, i) => ({ id: randomUUID(), channel_id: channel, thread_id: null, author: `web:${person.userId}`, card: null, text: `old ${i}`, posted_at: now })))
      .execute();
    await person.say('rules');
    const rows = await db.selectFrom('web_posts').select(['text']).where('channel_id', '=', channel).orderBy('seq').execute();
    expect(rows).toHaveLength(WEB_CHAT_KEPT_MESSAGES);
    expect(rows.at(-2)?.text).toBe('rules');
    expect(rows.map((r) => r.text)).not.toContain('help');
  });

  it('is deleted whole by forget-me, the confirmation included', async () => {
    const person = new WebPerson(host.url);
    await person.say('help');
    await person.say('forget-me');
    const done = await person.click(ACTIONS.forgetConfirm, '');
    expect(done.messages.map((m) => m.text)).toEqual([en.privacy.forgotten]);
    expect(await chatOf(person)).toEqual([]);
    const rows = await host.app.services.store.db.selectFrom('web_posts').selectAll().where('channel_id', '=', webChatChannel(person.userId)).execute();
    expect(rows).toEqual([]);
  });
});
