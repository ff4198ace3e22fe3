/**
 * Files in Teams over HTTP, by the file consent flow of bots in personal chats (the real host and
 * CloudAdapter in local development mode, the Bot Connector played by the recording fake, the
 * person's OneDrive upload session by a local upload server): `my-data` and `poll export` post a
 * file consent card; accepting it (`fileConsent/invoke`) has the bot PUT exactly the file's bytes
 * with the right Content-Range, then post a file info card; declining, an unknown file id and
 * someone else's answer each get their sentence; from a channel, the card goes to the 1:1 chat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_CONSENT_CARD, FILE_INFO_CARD, PendingFiles } from '../../../adapters/teams/files.ts';
import { CSV_BOM, pollCsvFileName } from '../../../src/features/polls/results.ts';
import { MY_DATA_FILE } from '../../../src/features/privacy/handle-privacy.ts';
import { messages } from '../../../src/i18n/index.ts';
import { personalData } from '../../../src/store/personal-data.ts';
import { createPoll } from '../../../src/store/polls.ts';
import type { Store } from '../../../src/store/index.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { useFakeBotConnector, type ConnectorCall } from '../../support/fake-bot-connector.ts';
import { useFakeUploadServer } from '../../support/fake-upload-server.ts';
import {
  TENANT_ID,
  USER_ADA,
  USER_ALAN,
  USER_GRACE,
  channelMessage,
  fileConsentInvoke,
  personalConversationIdFor,
  personalMessage,
  postActivity,
  type FileConsentInvoke,
  type TeamsUser,
} from '../../support/teams-activities.ts';
import { openTestStore } from '../../support/pglite-template.ts';

const connector = useFakeBotConnector();
const uploads = useFakeUploadServer();
const en = messages('en');
const fr = messages('fr');

interface ConsentCard {
  contentType: string;
  name: string;
  content: { description: string; sizeInBytes: number; acceptContext: { fileId: string }; declineContext: { fileId: string } };
}

const isPost = (c: ConnectorCall): boolean => c.method === 'reply' || c.method === 'send';
const contentTypes = (c: ConnectorCall): string[] => (c.body.attachments ?? []).map((a) => a.contentType);
const postedAfter = (before: number) => (c: ConnectorCall): boolean => isPost(c) && connector().posted().indexOf(c) >= before;

/** The text a card message says (its plain fallback, without Teams markdown escapes). */
const said = (c: ConnectorCall): string => (typeof c.body.summary === 'string' ? c.body.summary : '').replace(/\\(.)/g, '$1');

/** A person's message in their personal chat; resolves with the consent card the bot posted, and its message id. */
async function askForFile(host: TestHost, from: TeamsUser, text: string): Promise<{ call: ConnectorCall; card: ConsentCard; messageId: string }> {
  const before = connector().posted().length;
  const messageId = connector().peekNextActivityId();
  expect((await postActivity(host.url, personalMessage({ text, from, serviceUrl: connector().serviceUrl }))).status).toBeLessThan(300);
  const call = await connector().waitFor((c) => postedAfter(before)(c) && contentTypes(c).includes(FILE_CONSENT_CARD), 10_000);
  expect(contentTypes(call)).toEqual([FILE_CONSENT_CARD]);
  return { call, card: call.body.attachments?.[0] as unknown as ConsentCard, messageId };
}

/** Posts a person's answer to a consent card; resolves with the invoke's HTTP status and the bot's next post. */
async function answer(host: TestHost, invoke: FileConsentInvoke): Promise<{ status: number; post: ConnectorCall }> {
  const before = connector().posted().length;
  const { status } = await postActivity(host.url, invoke);
  return { status, post: await connector().waitFor(postedAfter(before)) };
}

function accept(from: TeamsUser, consent: { card: ConsentCard; messageId: string }): FileConsentInvoke {
  return fileConsentInvoke({
    action: 'accept',
    from,
    serviceUrl: connector().serviceUrl,
    replyToId: consent.messageId,
    context: consent.card.content.acceptContext,
    upload: { uploadUrl: uploads().uploadUrl(consent.card.name), name: consent.card.name },
  });
}

describe('Teams files over HTTP: the file consent card (local development mode)', () => {
  let store: Store;
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost({ TEAMS_ALLOWED_TENANTS: TENANT_ID, MODERATORS: `teams:${USER_ADA.aadObjectId}` });
    store = host.app.services.store;
  });

  afterAll(() => host.close());

  it('my-data: a consent card; accepted, exactly the JSON is uploaded in one piece, then a file info card is posted', async () => {
    const consent = await askForFile(host, USER_ALAN, 'my-data');
    expect(consent.call.conversationId).toBe(USER_ALAN.personalConversationId);
    const expected = Buffer.from(JSON.stringify({ person: `teams:${USER_ALAN.aadObjectId}`, ...(await personalData(store.db, { platform: 'teams', userId: USER_ALAN.aadObjectId })) }, null, 2), 'utf8');
    expect(consent.card).toEqual({
      contentType: FILE_CONSENT_CARD,
      name: MY_DATA_FILE,
      content: { description: en.privacy.myDataTitle, sizeInBytes: expected.length, acceptContext: { fileId: expect.any(String) as string }, declineContext: consent.card.content.acceptContext },
    });
    // No code block: the data goes as the file only.
    expect(connector().posted().map((c) => said(c)).join('\n')).not.toContain(USER_ALAN.aadObjectId);

    const invoke = accept(USER_ALAN, consent);
    const { status, post } = await answer(host, invoke);
    expect(status).toBe(200);
    const [upload, ...more] = uploads().uploads;
    expect(more).toEqual([]);
    expect(upload).toMatchObject({ method: 'PUT', status: 201, path: new URL(invoke.value.uploadInfo?.uploadUrl ?? '').pathname });
    expect(upload?.headers['content-range']).toBe(`bytes 0-${expected.length - 1}/${expected.length}`);
    expect(upload?.headers['content-length']).toBe(String(expected.length));
    expect(upload?.body.equals(expected)).toBe(true);

    expect(post.conversationId).toBe(USER_ALAN.personalConversationId);
    const info = invoke.value.uploadInfo;
    expect(post.body.attachments).toEqual([{ contentType: FILE_INFO_CARD, contentUrl: info?.contentUrl, name: MY_DATA_FILE, content: { uniqueId: info?.uniqueId, fileType: 'json' } }]);

    // Answered once: the same card accepted again is a file no longer held.
    const again = await answer(host, accept(USER_ALAN, consent));
    expect(said(again.post)).toBe(en.files.expired);
    expect(uploads().uploads).toHaveLength(1);
  });

  it('declined: says, in the person’s language, that the file was not sent, and uploads nothing', async () => {
    const before = connector().posted().length;
    expect((await postActivity(host.url, personalMessage({ text: 'lang fr', from: USER_GRACE, serviceUrl: connector().serviceUrl }))).status).toBeLessThan(300);
    await connector().waitFor(postedAfter(before));
    const consent = await askForFile(host, USER_GRACE, 'my-data');
    expect(consent.card.content.description).toBe(fr.privacy.myDataTitle);
    const decline = fileConsentInvoke({ action: 'decline', from: USER_GRACE, serviceUrl: connector().serviceUrl, replyToId: consent.messageId, context: consent.card.content.declineContext });
    const { status, post } = await answer(host, decline);
    expect(status).toBe(200);
    expect(post.conversationId).toBe(USER_GRACE.personalConversationId);
    expect(said(post)).toBe(fr.files.declined({ file: MY_DATA_FILE }));
    expect(said(post)).toContain('\u00a0:');
    expect(uploads().uploads).toEqual([]);
  });

  it('an unknown or expired file id: a clear sentence asking to ask again, nothing uploaded', async () => {
    const invoke = fileConsentInvoke({
      action: 'accept',
      from: USER_ALAN,
      serviceUrl: connector().serviceUrl,
      replyToId: '1763700000007',
      context: { fileId: '5f0c8a1e-0000-4000-8000-000000000000' },
      upload: { uploadUrl: uploads().uploadUrl(MY_DATA_FILE), name: MY_DATA_FILE },
    });
    const { status, post } = await answer(host, invoke);
    expect(status).toBe(200);
    expect(said(post)).toBe(en.files.expired);
    expect(uploads().uploads).toEqual([]);
  });

  it('someone else’s answer is refused; the person it was for may still accept it', async () => {
    const consent = await askForFile(host, USER_ALAN, 'my-data');
    const stolen = fileConsentInvoke({
      action: 'accept',
      from: USER_ADA,
      serviceUrl: connector().serviceUrl,
      replyToId: consent.messageId,
      context: consent.card.content.acceptContext,
      upload: { uploadUrl: uploads().uploadUrl(MY_DATA_FILE), name: MY_DATA_FILE },
    });
    const refused = await answer(host, stolen);
    expect(refused.status).toBe(200);
    expect(said(refused.post)).toBe(en.files.notYours);
    expect(uploads().uploads).toEqual([]);

    const { post } = await answer(host, accept(USER_ALAN, consent));
    expect(contentTypes(post)).toEqual([FILE_INFO_CARD]);
    expect(uploads().uploads).toHaveLength(1);
  });

  it('poll export by a moderator: a consent card for the CSV, uploaded with its BOM on acceptance', async () => {
    const poll = await createPoll(store.db, { question: 'Was the webinar useful?', options: ['Yes', 'No'], kind: 'single', anonymous: true, lang: 'en', creator: `teams:${USER_GRACE.aadObjectId}` }, new Date());
    const consent = await askForFile(host, USER_ADA, `poll export ${poll.id}`);
    expect(consent.call.conversationId).toBe(USER_ADA.personalConversationId);
    const expected = Buffer.from(`${CSV_BOM}option,votes\nYes,0\nNo,0`, 'utf8');
    expect(consent.card).toMatchObject({ name: pollCsvFileName(poll.id), content: { description: en.polls.exportTitle({ id: poll.id }), sizeInBytes: expected.length } });

    const invoke = accept(USER_ADA, consent);
    const { post } = await answer(host, invoke);
    expect(uploads().uploads[0]?.body.equals(expected)).toBe(true);
    expect(uploads().uploads[0]?.headers['content-range']).toBe(`bytes 0-${expected.length - 1}/${expected.length}`);
    expect(post.body.attachments).toEqual([
      { contentType: FILE_INFO_CARD, contentUrl: invoke.value.uploadInfo?.contentUrl, name: pollCsvFileName(poll.id), content: { uniqueId: invoke.value.uploadInfo?.uniqueId, fileType: 'csv' } },
    ]);
  });

  it('from a channel: the consent card goes to the person’s 1:1 chat, never to the channel', async () => {
    const before = connector().posted().length;
    expect((await postActivity(host.url, channelMessage({ text: 'my-data', from: USER_ALAN, serviceUrl: connector().serviceUrl }))).status).toBeLessThan(300);
    const call = await connector().waitFor((c) => postedAfter(before)(c) && contentTypes(c).includes(FILE_CONSENT_CARD), 10_000);
    expect(call.conversationId).toBe(personalConversationIdFor(USER_ALAN.id));
    expect(connector().callsTo('createConversation').length).toBeGreaterThan(0);
    expect(connector().posted().filter((c) => contentTypes(c).includes(FILE_CONSENT_CARD) && c.conversationId.includes('thread.tacv2'))).toEqual([]);
  });
});

describe('Teams files waiting for consent', () => {
  it('are kept one hour in the store (another instance, or one restarted, finds them), then forgotten; only one taker', async () => {
    const store = await openTestStore();
    try {
      let now = new Date('2026-11-20T10:00:00Z');
      const files = new PendingFiles(store.db, () => now);
      const pending = await files.add({ name: 'a.csv', title: 'A', mime: 'text/csv', content: 'é' }, 'someone');
      expect(pending.bytes.length).toBe(2);
      now = new Date('2026-11-20T10:59:59Z');
      const elsewhere = new PendingFiles(store.db, () => now);
      expect(await elsewhere.get(pending.id)).toMatchObject({ id: pending.id, userId: 'someone', file: { name: 'a.csv', content: 'é' } });
      now = new Date('2026-11-20T11:00:00Z');
      expect(await files.get(pending.id)).toBeUndefined();
      const again = await files.add({ name: 'b.csv', title: 'B', mime: 'text/csv', content: 'b' }, 'someone');
      expect(await Promise.all([files.take(again.id), elsewhere.take(again.id)])).toEqual(expect.arrayContaining([true, false]));
    } finally {
      await store.close();
    }
  });
});
