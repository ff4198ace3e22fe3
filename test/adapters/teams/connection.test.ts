/**
 * What the host uses the Teams connection for outside any turn, for polls: refreshing one of the
 * bot's posts in place (`updateActivity` with the stored conversation reference, into a channel
 * thread when the conversation names one) and listing a conversation's members (the paged members
 * API, every page), with Teams' refusals turned into the core's error codes. The real host and
 * CloudAdapter (local development mode) against the recording fake Bot Connector.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../adapters/host/server.ts';
import type { TeamsConnection } from '../../../adapters/teams/app.ts';
import { TEAMS_MEMBERS_PAGE_SIZE } from '../../../adapters/teams/proactive.ts';
import { TEAMS_CARD_MAX_BYTES, cardToAdaptiveCards } from '../../../adapters/teams/render.ts';
import { ACTIONS } from '../../../src/core/actions.ts';
import type { Card } from '../../../src/core/card.ts';
import type { Conversation } from '../../../src/core/events.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/log.ts';
import { findConversation } from '../../../src/store/conversations.ts';
import { type Store } from '../../../src/store/index.ts';
import { adaptiveCardProblems } from '../../support/adaptive-cards.ts';
import { useFakeBotConnector, type FakeTeamsMember } from '../../support/fake-bot-connector.ts';
import {
  BOT_ID,
  CHANNEL_ID,
  GROUP_CHAT_ID,
  TENANT_ID,
  USERS,
  USER_ADA,
  USER_GRACE,
  conversationUpdate,
  postActivity,
  teamsMessageId,
} from '../../support/teams-activities.ts';
import { openTestStore } from '../../support/pglite-template.ts';

const connector = useFakeBotConnector();
const channel: Conversation = { platform: 'teams', workspaceId: TENANT_ID, channelId: CHANNEL_ID, kind: 'channel' };
const chat: Conversation = { platform: 'teams', workspaceId: TENANT_ID, channelId: GROUP_CHAT_ID, kind: 'group' };
/** A conversation the bot was never installed in. */
const unknown: Conversation = { ...channel, channelId: '19:0000000000000000000000000000dead@thread.tacv2' };

/** A poll-like card: a question, counts and a button. */
const POLL: Card = {
  lang: 'en',
  blocks: [
    { type: 'header', text: 'Was the webinar useful?' },
    { type: 'fields', fields: [{ label: 'Yes', value: '3 votes' }, { label: 'No', value: '1 vote' }] },
    { type: 'actions', buttons: [{ label: 'Yes', actionId: ACTIONS.pollVote, value: 'yes' }] },
  ],
};

describe('Teams connection outside a turn (local development mode)', () => {
  let store: Store;
  let host: Host;
  let dataDir: string;
  let teams: TeamsConnection;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-teams-connection-'));
    store = await openTestStore();
    const config = loadConfig({ HOST: '127.0.0.1', TA_FORUM_DATA_DIR: dataDir, TEAMS_ALLOWED_TENANTS: TENANT_ID }, { port: 0 });
    host = await startHost(config, silentLogger(), { store });
    const { connectTeams } = await import('../../../adapters/teams/app.ts');
    teams = connectTeams(host.app, host.app.services.config.teams, silentLogger());
    // Installed in the team (its Questions channel) and in a group chat: references stored.
    await postActivity(host.url, conversationUpdate({ scope: 'team', botAdded: true, serviceUrl: connector().serviceUrl, from: USER_ADA }));
    await postActivity(host.url, conversationUpdate({ scope: 'groupChat', botAdded: true, serviceUrl: connector().serviceUrl, from: USER_ADA }));
    expect((await findConversation(store.db, 'teams', CHANNEL_ID))?.active).toBe(true);
    expect((await findConversation(store.db, 'teams', GROUP_CHAT_ID))?.active).toBe(true);
  });

  afterAll(async () => {
    await host?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('updating a post in place', () => {
    it('puts the card as the message’s single Adaptive Card, at the post’s id in the channel', async () => {
      const id = teamsMessageId();
      await teams.updateMessage(channel, id, POLL);
      const calls = connector().callsTo('update');
      expect(calls).toHaveLength(1);
      const call = calls[0];
      expect(call).toMatchObject({ httpMethod: 'PUT', conversationId: CHANNEL_ID, activityId: id, authorization: undefined });
      expect(call?.path).toBe(`/v3/conversations/${encodeURIComponent(CHANNEL_ID)}/activities/${id}`);
      const [expected] = cardToAdaptiveCards(POLL);
      expect(call?.body).toMatchObject({ type: 'message', id, summary: expected?.text, conversation: { id: CHANNEL_ID }, from: { id: BOT_ID } });
      expect(call?.body.text).toBeUndefined();
      expect(call?.body.attachments).toEqual([{ contentType: 'application/vnd.microsoft.card.adaptive', content: expected?.card }]);
      expect(adaptiveCardProblems(call?.body.attachments?.[0]?.content)).toEqual([]);
      // Refreshed in place: nothing posted.
      expect(connector().posted()).toEqual([]);
    });

    it('updates a reply in a channel thread at the thread’s conversation id', async () => {
      const root = teamsMessageId();
      const id = teamsMessageId();
      await teams.updateMessage({ ...channel, threadId: root }, id, POLL);
      const [call] = connector().callsTo('update');
      expect(call).toMatchObject({ conversationId: `${CHANNEL_ID};messageid=${root}`, activityId: id });
      expect(call?.path).toContain(encodeURIComponent(`${CHANNEL_ID};messageid=${root}`));
      expect(call?.body.conversation?.id).toBe(`${CHANNEL_ID};messageid=${root}`);
    });

    it('updates with the first card of one too large for a message, and posts none of the rest', async () => {
      const long: Card = { lang: 'en', blocks: Array.from({ length: 300 }, (_, i) => ({ type: 'text' as const, text: `Paragraph ${i + 1}: ${'words '.repeat(20)}` })) };
      const messages = cardToAdaptiveCards(long);
      expect(messages.length).toBeGreaterThan(1);
      await teams.updateMessage(channel, teamsMessageId(), long);
      const [call] = connector().callsTo('update');
      expect(call?.body.attachments).toHaveLength(1);
      expect(call?.body.attachments?.[0]?.content).toEqual(messages[0]?.card);
      expect(Buffer.byteLength(JSON.stringify(call?.body.attachments?.[0]?.content))).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
      expect(call?.body.summary).toBe(messages[0]?.text);
      expect(connector().posted()).toEqual([]);
    });

    it('says not_found for a message gone (404) or a conversation never installed, forbidden when Teams refuses (403)', async () => {
      connector().fail('update', { status: 404, code: 'NotFound', message: 'Message not found.' });
      await expect(teams.updateMessage(channel, '1763700000001', POLL)).rejects.toMatchObject({ code: 'not_found' });
      connector().fail('update', { status: 403, code: 'Forbidden', message: 'The bot is not allowed to update this message.' });
      await expect(teams.updateMessage(channel, '1763700000002', POLL)).rejects.toMatchObject({ code: 'forbidden' });
      // Someone else's message is no reason to stop posting in the channel.
      expect((await findConversation(store.db, 'teams', CHANNEL_ID))?.active).toBe(true);
      await expect(teams.updateMessage(unknown, '1763700000003', POLL)).rejects.toMatchObject({ code: 'not_found' });
      expect(connector().callsTo('update').map((c) => c.activityId)).toEqual(['1763700000001', '1763700000002']);
    });
  });

  describe('listing a conversation’s members', () => {
    const guest: FakeTeamsMember = { id: '29:1GuestWithoutEntraId', name: 'Guest Person', userRole: 'guest' };
    const otherBot: FakeTeamsMember = { id: '28:0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', name: 'Other Bot', role: 'bot' };
    const self: FakeTeamsMember = { id: BOT_ID, name: 'TA Forum' };

    it('follows every continuation token of pagedmembers, returning Entra object ids and leaving bots out', async () => {
      connector().setMembers(CHANNEL_ID, [USER_ADA, otherBot, USER_GRACE, self, ...USERS.slice(2), guest]);
      // Teams may answer fewer than asked: two a page here.
      connector().setMembersPageSize(2);
      const members = await teams.listMembers(channel);
      expect(members).toEqual([USER_ADA.aadObjectId, USER_GRACE.aadObjectId, ...USERS.slice(2).map((u) => u.aadObjectId), guest.id]);

      const calls = connector().callsTo('members');
      // Seven members, two a page: four pages, each asked with the token the last one ended with.
      expect(calls).toHaveLength(4);
      expect(calls.every((c) => c.httpMethod === 'GET' && c.path.endsWith('/pagedmembers') && c.conversationId === CHANNEL_ID)).toBe(true);
      expect(calls.every((c) => c.query.pageSize === String(TEAMS_MEMBERS_PAGE_SIZE) && c.authorization === undefined)).toBe(true);
      expect(calls[0]?.query.continuationToken).toBeUndefined();
      const tokens = calls.slice(1).map((c) => c.query.continuationToken);
      expect(tokens.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
      expect(new Set(tokens).size).toBe(3);
    });

    it('takes a page of up to Teams’ largest size, and a thread’s members are its channel’s', async () => {
      const many = Array.from({ length: 520 }, (_, i) => ({ id: `29:1Member${i}`, name: `Member ${i}`, aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
      connector().setMembers(CHANNEL_ID, many);
      const members = await teams.listMembers({ ...channel, threadId: teamsMessageId() });
      expect(members).toEqual(many.map((m) => m.aadObjectId));
      const calls = connector().callsTo('members');
      expect(calls.map((c) => c.conversationId)).toEqual([CHANNEL_ID, CHANNEL_ID]);
    });

    it('lists a group chat’s members in one page', async () => {
      connector().setMembers(GROUP_CHAT_ID, [USER_ADA, USER_GRACE, self]);
      expect(await teams.listMembers(chat)).toEqual([USER_ADA.aadObjectId, USER_GRACE.aadObjectId]);
      expect(connector().callsTo('members').map((c) => c.conversationId)).toEqual([GROUP_CHAT_ID]);
    });

    it('says forbidden when Teams refuses (403), not_found for a conversation it or the store does not know', async () => {
      connector().fail('members', { status: 403 });
      await expect(teams.listMembers(channel)).rejects.toMatchObject({ code: 'forbidden' });
      connector().fail('members', { status: 404 });
      await expect(teams.listMembers(channel)).rejects.toMatchObject({ code: 'not_found' });
      await expect(teams.listMembers(unknown)).rejects.toMatchObject({ code: 'not_found' });
      expect(connector().callsTo('members')).toHaveLength(2);
    });
  });
});
