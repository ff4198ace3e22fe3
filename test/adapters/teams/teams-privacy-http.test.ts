/**
 * Membership and privacy in Teams, over HTTP as Teams drives it (the real host and CloudAdapter in
 * local development mode, the Bot Connector played by the recording fake, an embedded PGlite store):
 * a person from another tenant refused and left unstored, a moderator's command refused to a member
 * and shown to a moderator, `my-data` sent as a file (the consent card, then the upload), and `forget-me`
 * confirmed by a card click, after which no row of any table names the person.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/core/actions.ts';
import { STATS_WEEKS } from '../../../src/features/stats/handle-stats.ts';
import { messages } from '../../../src/i18n/index.ts';
import { findConversation } from '../../../src/store/conversations.ts';
import type { Store } from '../../../src/store/index.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { FILE_CONSENT_CARD, FILE_INFO_CARD } from '../../../adapters/teams/files.ts';
import { MY_DATA_FILE } from '../../../src/features/privacy/handle-privacy.ts';
import { useFakeBotConnector, type ConnectorCall } from '../../support/fake-bot-connector.ts';
import { useFakeUploadServer } from '../../support/fake-upload-server.ts';
import {
  CHANNEL_ID,
  TENANT_ID,
  USER_ADA,
  USER_ALAN,
  USER_GRACE,
  actionExecuteInvoke,
  conversationUpdate,
  fileConsentInvoke,
  installationUpdate,
  personalConversationIdFor,
  personalMessage,
  postActivity,
  type TeamsUser,
} from '../../support/teams-activities.ts';

const connector = useFakeBotConnector();
const uploads = useFakeUploadServer();
const en = messages('en');
const fr = messages('fr');
const QUESTION = 'How does a member state request technical assistance?';
const GRACE_QUESTION = 'Who can ask for an evaluation of a programme?';
const OTHER_TENANT = '00000000-0000-4000-8000-00000000beef';
const OUTSIDER = { id: '29:1Zz9Outsider7Kq2Lm5Np8Rs1Tv4Wx7Yb0Cd3Ef6Gh9Jk2Mn5Pq8St1Uv4Wx7Yz', name: 'Otto Outsider', aadObjectId: 'e7d6c5b4-a392-4817-9e6d-5c4b3a291807' };

interface CardElement {
  type?: string;
  text?: string;
  fontType?: string;
  verb?: string;
  style?: string;
  data?: Record<string, unknown>;
  body?: CardElement[];
  actions?: CardElement[];
  items?: CardElement[];
  columns?: CardElement[];
}

/** The Adaptive Card of a message the bot posted. */
function cardOf(call: ConnectorCall): CardElement {
  const attachments = call.body.attachments ?? [];
  expect(attachments.map((a) => a.contentType)).toEqual(['application/vnd.microsoft.card.adaptive']);
  return attachments[0]?.content as CardElement;
}

/** Every element of a card, depth first. */
function elements(element: CardElement): CardElement[] {
  const children = [...(element.body ?? []), ...(element.items ?? []), ...(element.columns ?? []), ...(element.actions ?? [])];
  return [element, ...children.flatMap(elements)];
}

/** Text as the person reads it: Teams markdown escapes undone. */
const unescape = (text: string): string => text.replace(/\\(.)/g, '$1');

/** The TextBlocks of a card, as the person reads them. */
function texts(card: CardElement): string[] {
  return elements(card)
    .filter((e) => e.type === 'TextBlock' && typeof e.text === 'string')
    .map((e) => unescape(e.text ?? ''));
}

/** The `table.column` of each value found by `valuesNaming`. */
const placesOf = (found: string[]): string[] => [...new Set(found.map((v) => v.slice(0, v.indexOf(': '))))];

const isPost = (c: ConnectorCall): boolean => c.method === 'reply' || c.method === 'send';

/** Sends a message in the person's personal chat and waits for the bot's first post there. */
async function say(host: TestHost, from: TeamsUser, text: string): Promise<ConnectorCall> {
  const before = connector().posted().length;
  const activity = personalMessage({ text, from, serviceUrl: connector().serviceUrl });
  expect((await postActivity(host.url, activity)).status).toBeLessThan(300);
  return connector().waitFor((c) => isPost(c) && connector().posted().indexOf(c) >= before);
}

describe('Teams membership and privacy over HTTP (local development mode)', () => {
  let store: Store;
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost({ TEAMS_ALLOWED_TENANTS: TENANT_ID, MODERATORS: `teams:${USER_ADA.aadObjectId}` });
    store = host.app.services.store;
  });

  afterAll(() => host.close());

  /**
   * Every value of a text, character or JSON column, in every table of the store, that contains one
   * of the needles: `table.column: value`.
   */
  async function valuesNaming(...needles: string[]): Promise<string[]> {
    const columns = await sql<{ table_name: string; column_name: string }>`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
      order by c.table_name, c.column_name`.execute(store.db);
    expect(columns.rows.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns.rows) {
      const rows = await sql<{ v: string | null }>`select ${sql.ref(column)}::text as v from ${sql.table(table)}`.execute(store.db);
      for (const { v } of rows.rows) if (v !== null && needles.some((n) => v.includes(n))) found.push(`${table}.${column}: ${v}`);
    }
    return found;
  }

  it('refuses a person from a tenant the forum does not serve, in their chat, and stores nothing about them', async () => {
    const conversationId = personalConversationIdFor(OUTSIDER.id, OTHER_TENANT);
    // Installing the app for themselves keeps nothing either: the forum does not serve their tenant.
    const install = installationUpdate({ action: 'add', scope: 'personal', from: OUTSIDER, tenantId: OTHER_TENANT, serviceUrl: connector().serviceUrl });
    expect((await postActivity(host.url, install)).status).toBeLessThan(300);
    const activity = personalMessage({ text: QUESTION, from: OUTSIDER, tenantId: OTHER_TENANT, serviceUrl: connector().serviceUrl });
    expect((await postActivity(host.url, activity)).status).toBeLessThan(300);
    const refusal = await connector().waitFor(isPost);
    expect(refusal.conversationId).toBe(conversationId);
    expect(texts(cardOf(refusal))).toEqual([en.access.refused]);
    // Refused, not answered: no "looking it up" then an answer, nothing else posted.
    expect(connector().posted()).toHaveLength(1);
    expect(connector().callsTo('update', 'createConversation')).toEqual([]);
    expect(await store.db.selectFrom('questions').select(['id']).where('question', '=', QUESTION).execute()).toEqual([]);
    expect(await valuesNaming(OUTSIDER.aadObjectId, OUTSIDER.id, conversationId, OTHER_TENANT)).toEqual([]);
  });

  it('refuses a moderator’s command to a member, and shows it to a moderator of MODERATORS', async () => {
    const title = en.stats.title({ weeks: STATS_WEEKS });
    const refused = await say(host, USER_GRACE, 'stats');
    expect(refused.conversationId).toBe(USER_GRACE.personalConversationId);
    expect(texts(cardOf(refused))).toEqual([en.access.moderatorOnly({ command: 'stats' })]);
    expect(texts(cardOf(refused))).not.toContain(title);

    const shown = await say(host, USER_ADA, 'stats');
    expect(shown.conversationId).toBe(USER_ADA.personalConversationId);
    const card = texts(cardOf(shown));
    expect(card[0]).toBe(title);
    expect(card).not.toContain(en.access.moderatorOnly({ command: 'stats' }));
  });

  describe('a person’s data', () => {
    beforeAll(async () => {
      // Alan and Grace install the app for themselves (their personal chats' references are stored),
      // ask a question each; Alan then chooses French.
      for (const person of [USER_ALAN, USER_GRACE]) {
        const install = installationUpdate({ action: 'add', scope: 'personal', from: person, serviceUrl: connector().serviceUrl });
        expect((await postActivity(host.url, install)).status).toBeLessThan(300);
        const stored = await findConversation(store.db, 'teams', person.personalConversationId);
        expect(stored?.active).toBe(true);
        expect(JSON.parse(stored?.reference ?? '{}')).toMatchObject({ user: { id: person.id, aadObjectId: person.aadObjectId } });
      }
      for (const [person, question] of [[USER_ALAN, QUESTION], [USER_GRACE, GRACE_QUESTION]] as const) {
        const before = connector().callsTo('update').length;
        await say(host, person, question);
        await connector().waitFor((c) => c.method === 'update' && connector().callsTo('update').indexOf(c) >= before, 15_000);
      }
      // Alan also adds the bot to a team: its reference keeps the team, not the person who added it.
      const team = conversationUpdate({ scope: 'team', botAdded: true, from: USER_ALAN, serviceUrl: connector().serviceUrl });
      expect((await postActivity(host.url, team)).status).toBeLessThan(300);
      const teamRow = await findConversation(store.db, 'teams', CHANNEL_ID);
      expect(teamRow?.active).toBe(true);
      expect(teamRow?.reference).not.toContain(USER_ALAN.aadObjectId);
      // A group chat's reference stored the way earlier versions did, naming who added the bot.
      await store.db
        .insertInto('conversations')
        .values({ platform: 'teams', conversation_id: '19:group-of-alan@thread.v2', workspace_id: TENANT_ID, kind: 'group', active: true, updated_at: new Date(), reference: JSON.stringify({ conversation: { id: '19:group-of-alan@thread.v2' }, user: { id: USER_ALAN.id, aadObjectId: USER_ALAN.aadObjectId } }) })
        .execute();
      expect(texts(cardOf(await say(host, USER_ALAN, 'lang fr')))).toEqual([fr.lang.set]);
      const people = await store.db.selectFrom('people').select(['user_id', 'lang']).where('platform', '=', 'teams').where('user_id', '=', USER_ALAN.aadObjectId).execute();
      expect(people).toEqual([{ user_id: USER_ALAN.aadObjectId, lang: 'fr' }]);
    }, 60_000);

    it('my-data: a file consent card in their personal chat; accepted, the uploaded JSON holds their question and language', async () => {
      const cardId = connector().peekNextActivityId();
      const shown = await say(host, USER_ALAN, 'my-data');
      expect(shown.conversationId).toBe(USER_ALAN.personalConversationId);
      // In this chat: no other conversation, no code block.
      expect(connector().callsTo('createConversation')).toEqual([]);
      const [consent, ...others] = shown.body.attachments ?? [];
      expect(others).toEqual([]);
      expect(consent).toMatchObject({ contentType: FILE_CONSENT_CARD, name: MY_DATA_FILE, content: { description: fr.privacy.myDataTitle } });
      const content = consent?.content as { sizeInBytes: number; acceptContext: { fileId: string } };
      const accepted = fileConsentInvoke({
        action: 'accept',
        from: USER_ALAN,
        serviceUrl: connector().serviceUrl,
        replyToId: cardId,
        context: content.acceptContext,
        upload: { uploadUrl: uploads().uploadUrl(MY_DATA_FILE), name: MY_DATA_FILE },
      });
      expect((await postActivity(host.url, accepted)).status).toBe(200);
      const fileCard = await connector().waitFor((c) => isPost(c) && (c.body.attachments ?? []).some((a) => a.contentType === FILE_INFO_CARD));
      expect(fileCard.conversationId).toBe(USER_ALAN.personalConversationId);
      const [upload] = uploads().uploads;
      expect(upload?.body.length).toBe(content.sizeInBytes);
      expect(upload?.headers['content-range']).toBe(`bytes 0-${content.sizeInBytes - 1}/${content.sizeInBytes}`);
      const data = JSON.parse(upload?.body.toString('utf8') ?? '') as {
        person: string;
        profile: { lang: string; role: string }[];
        questions: { question: string; lang: string }[];
      };
      expect(data.person).toBe(`teams:${USER_ALAN.aadObjectId}`);
      expect(data.profile).toEqual([expect.objectContaining({ lang: 'fr', workspace_id: TENANT_ID })]);
      expect(data.questions).toEqual([expect.objectContaining({ question: QUESTION, lang: 'en' })]);
      // Alan's data only.
      expect(JSON.stringify(data)).not.toContain(GRACE_QUESTION);
    });

    it('forget-me: confirmed with the card’s button (Action.Execute), leaves no value naming the person in any table', async () => {
      const alan = [USER_ALAN.aadObjectId, USER_ALAN.id, USER_ALAN.personalConversationId];
      const named = await valuesNaming(...alan);
      // What must go: the person, their question, their personal chat's reference.
      expect(placesOf(named)).toEqual(expect.arrayContaining(['people.user_id', 'questions.user_id', 'conversations.reference']));

      const cardId = connector().peekNextActivityId();
      const asked = await say(host, USER_ALAN, 'forget-me');
      expect(asked.conversationId).toBe(USER_ALAN.personalConversationId);
      const card = cardOf(asked);
      expect(texts(card)).toContain(fr.privacy.forgetAsk);
      const button = elements(card).find((e) => e.type === 'Action.Execute' && e.verb === ACTIONS.forgetConfirm);
      expect(button).toMatchObject({ style: 'destructive', data: { actionId: ACTIONS.forgetConfirm } });
      // Asking deletes nothing.
      expect(await valuesNaming(...alan)).toEqual(expect.arrayContaining(named));

      const click = actionExecuteInvoke({
        verb: button?.verb ?? '',
        data: button?.data ?? {},
        replyToId: cardId,
        from: USER_ALAN,
        scope: 'personal',
        serviceUrl: connector().serviceUrl,
      });
      const response = await postActivity(host.url, click);
      expect(response.status).toBe(200);
      expect(response.json).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: fr.privacy.forgotten });

      expect(await valuesNaming(...alan, USER_ALAN.name)).toEqual([]);
      expect(await findConversation(store.db, 'teams', USER_ALAN.personalConversationId)).toBeUndefined();
      // The team and the group chat stay served: only his name left their references.
      expect((await findConversation(store.db, 'teams', CHANNEL_ID))?.active).toBe(true);
      expect(JSON.parse((await findConversation(store.db, 'teams', '19:group-of-alan@thread.v2'))?.reference ?? '{}')).toEqual({ conversation: { id: '19:group-of-alan@thread.v2' } });

      // Grace is untouched: her question, her personal chat's reference.
      const grace = await valuesNaming(USER_GRACE.aadObjectId, USER_GRACE.id);
      expect(placesOf(grace)).toEqual(expect.arrayContaining(['questions.user_id', 'conversations.reference']));
      expect(await store.db.selectFrom('questions').select(['question']).where('user_id', '=', USER_GRACE.aadObjectId).execute()).toEqual([{ question: GRACE_QUESTION }]);
      expect((await findConversation(store.db, 'teams', USER_GRACE.personalConversationId))?.active).toBe(true);
    });
  });
});
