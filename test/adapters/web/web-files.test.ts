/**
 * Files on the web chat (`Adapter.sendFile`): they come back with the reply, in the JSON answer of
 * POST /web/api/messages, for the page to offer as downloads — over real HTTP against the real host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_FILES_MAX_BYTES, WebReplyCollector } from '../../../adapters/web/send.ts';
import { isForumError } from '../../../src/core/errors.ts';
import type { InboundEvent } from '../../../src/core/events.ts';
import { ACTIONS } from '../../../src/core/actions.ts';
import { messages } from '../../../src/i18n/index.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { WebPerson } from './web-person.ts';

const MODERATOR_ID = '7b0c3c52-2f1e-4c43-9a57-3d1f3b1d9e21';
const QUESTION = 'Comment un État membre demande-t-il une assistance « technique » ?';

describe('files on the web chat', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ MODERATORS: `web:${MODERATOR_ID}` }, { ingestKnowledge: false });
  });
  afterAll(() => host?.close());

  it('returns `my-data` as a JSON file holding the person’s question and language exactly', async () => {
    const person = new WebPerson(host.url);
    expect((await person.say('lang fr')).outcome).toBe('handled');
    expect((await person.say(QUESTION)).outcome).toBe('handled');

    const reply = (await person.say('my-data'));
    expect(reply.outcome).toBe('handled');
    const fr = messages('fr').privacy;
    expect(reply.files).toHaveLength(1);
    const file = reply.files[0];
    expect(file).toMatchObject({ name: 'my-data.json', title: fr.myDataTitle, mime: 'application/json' });
    const content = WebPerson.fileTexts(reply)[0] ?? '';
    expect(file?.size).toBe(Buffer.byteLength(content, 'utf8'));
    const data = JSON.parse(content) as { person: string; profile: { lang: string }[]; questions: { question: string; lang: string }[] };
    expect(data.person).toBe(`web:${person.userId}`);
    expect(data.profile.map((p) => p.lang)).toEqual(['fr']);
    expect(data.questions.map((q) => ({ question: q.question, lang: q.lang }))).toEqual([{ question: QUESTION, lang: 'fr' }]);

    // The reply is the title (the page puts the download link under it): no code block, and no
    // word of direct messages, which the web chat does not have.
    expect(reply.messages.map((m) => m.text)).toEqual([fr.myDataTitle]);
    expect(reply.messages[0]?.html).not.toContain('card-code');
    expect(JSON.stringify(reply.messages)).not.toContain(fr.myDataSent({ file: 'my-data.json' }));
  });

  it('returns `poll export <id>` to a moderator as a CSV file', async () => {
    const moderator = WebPerson.withId(host.url, MODERATOR_ID);
    const created = await moderator.answer('poll "Tea or coffee?" "Tea" "=1+1, coffee"');
    const id = /#(\d+)/.exec(created.join('\n'))?.[1] ?? '';
    expect(id).not.toBe('');
    const voter = new WebPerson(host.url);
    expect((await voter.click(ACTIONS.pollVote, `${id}:1`)).outcome).toBe('handled');

    const reply = (await moderator.say(`poll export ${id}`));
    expect(reply.outcome).toBe('handled');
    const en = messages('en').polls;
    expect(reply.files.map((f) => ({ name: f.name, title: f.title, mime: f.mime }))).toEqual([{ name: `poll-${id}.csv`, title: en.exportTitle({ id }), mime: 'text/csv' }]);
    const csv = WebPerson.fileTexts(reply)[0] ?? '';
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\n');
    expect(lines[0]).toBe('voter,option,voted_at');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^web:${voter.userId},"'=1\\+1, coffee",\\d{4}-\\d\\d-\\d\\dT`));
    expect(reply.messages.map((m) => m.text)).toEqual([en.exportTitle({ id })]);

    // Someone else may not export it: no file.
    const refused = (await voter.say(`poll export ${id}`));
    expect(refused.files).toEqual([]);
  });

  it('has no files in answers without one', async () => {
    const reply = (await new WebPerson(host.url).say('help'));
    expect(reply.files).toEqual([]);
  });

  it('refuses files over the answer’s limit, so that the caller shows the content another way', async () => {
    const collector = new WebReplyCollector();
    const event = { type: 'message', id: 'e1', platform: 'web', actor: { platform: 'web', workspaceId: 'web', userId: 'u1' }, conversation: { platform: 'web', workspaceId: 'web', channelId: 'direct:u1', kind: 'direct' }, receivedAt: new Date(), text: 'my-data' } as InboundEvent;
    const file = { name: 'a.json', title: 'A', mime: 'application/json' };
    await collector.sendFile(event, { ...file, content: 'é'.repeat(WEB_FILES_MAX_BYTES / 4) });
    const refused = await collector.sendFile(event, { ...file, content: 'x'.repeat(WEB_FILES_MAX_BYTES) }).catch((error: unknown) => error);
    expect(isForumError(refused)).toBe(true);
    expect(collector.files.map((f) => f.size)).toEqual([WEB_FILES_MAX_BYTES / 2]);
  });
});
