/**
 * Slack's Request URL as `http-endpoint.ts` serves it, on a real HTTP server and a real store (each
 * engine), its inbox worker running: an event, the slash command, a click and the report shortcut
 * are written to the inbox before their empty 200 and run exactly once, without Bolt's receiver (a
 * recording router stands in for it here); a redelivery — Slack's retry, or the same request sent
 * several times at once — is acknowledged and writes and runs nothing; what needs an answer with
 * a body goes on to the receiver with its raw body; a request whose row the store refuses is 400,
 * alone among those written with it; forged, unsigned, stale and future requests are
 * 401 and signed garbage 400, and neither reaches the inbox nor the receiver; the bot's own
 * events are acknowledged and dropped.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inboxCounts } from '../../../src/store/inbox.ts';
import { startSlackEndpoint, type SlackEndpointHarness } from '../../support/slack-endpoint.ts';
import {
  BOT_ID,
  BOT_USER_ID,
  SIGNING_SECRET,
  blockAction,
  channelMessage,
  directMessage,
  eventEnvelope,
  messageShortcut,
  nowSeconds,
  sendSignedRaw,
  sendToSlack,
  slashCommand,
  urlVerification,
  viewSubmission,
} from '../../support/slack-requests.ts';
import { describeEngine, storeEngines } from '../../support/stores.ts';

/** How long the worker may take to run what was written (it is nudged at once). */
const RUN_WAIT_MS = 10_000;

for (const engine of storeEngines()) {
  describeEngine(engine)(`Slack's Request URL served before Bolt, on ${engine.name}`, () => {
    let endpoint: SlackEndpointHarness;
    let url: string;
    let handedOn: string[];

    beforeAll(async () => {
      endpoint = await startSlackEndpoint(engine);
      ({ url, handedOn } = endpoint);
    });
    afterAll(async () => {
      await endpoint?.close();
    });

    const db = () => endpoint.app.services.store.db;
    const rowsOf = (deliveryId: string) => db().selectFrom('inbox').select(['id', 'status']).where('event_key', '=', `slack:${deliveryId}`).execute();
    const runsOf = (deliveryId: string): number => endpoint.runsOf(deliveryId);
    /** Until the worker has nothing left pending. */
    const drained = (): Promise<void> => expect.poll(async () => (await inboxCounts(db())).pending ?? 0, { timeout: RUN_WAIT_MS }).toBe(0);

    it('writes an event, the command, a click and the report shortcut before their empty 200, and runs each once without Bolt', async () => {
      const question = eventEnvelope(directMessage({ user: 'U0ASK', text: 'help' }));
      const command = slashCommand({ user: 'U0CMD', channel: 'C0FORUM', text: 'help' });
      const click = blockAction({ user: 'U0VOTE', channel: 'C0FORUM', messageTs: '1700000000.000100', actionId: 'poll:vote#0', value: '1:0' });
      const report = messageShortcut({ user: 'U0REP', channel: 'C0FORUM', messageTs: '1700000000.000200', text: 'spam', author: 'U0SPAM' });
      const requests = [
        { kind: 'event', payload: question, deliveryId: question.event_id },
        { kind: 'command', payload: command, deliveryId: `command:${command.trigger_id}` },
        { kind: 'interaction', payload: click, deliveryId: `action:${click.trigger_id}` },
        { kind: 'interaction', payload: report, deliveryId: `shortcut:${report.trigger_id}` },
      ] as const;
      for (const { kind, payload, deliveryId } of requests) {
        const response = await sendToSlack(url, SIGNING_SECRET, kind, payload);
        expect(response).toMatchObject({ status: 200, body: '' });
        // Written before the acknowledgement.
        expect(await rowsOf(deliveryId)).toHaveLength(1);
      }
      await drained();
      for (const { deliveryId } of requests) {
        expect(await rowsOf(deliveryId)).toEqual([expect.objectContaining({ status: 'done' })]);
        expect(runsOf(deliveryId)).toBe(1);
      }
      expect(handedOn).toEqual([]);
    });

    it('writes a message holding NUL and a lone surrogate, the characters the store refuses, cleaned', async () => {
      const question = eventEnvelope(directMessage({ user: 'U0NUL', text: 'help\u0000 me \ud800 now' }));
      expect((await sendToSlack(url, SIGNING_SECRET, 'event', question)).status).toBe(200);
      await drained();
      const work = endpoint.ran.find((w) => w.kind === 'dispatch' && w.event.id === question.event_id);
      expect(work?.kind === 'dispatch' && work.event.type === 'message' ? work.event.text : undefined).toBe('help me \uFFFD now');
    });

    it('answers 500 when the write fails, so that Slack sends it again, and takes the retry', async () => {
      const click = blockAction({ user: 'U0LATER', channel: 'C0FORUM', messageTs: '1700000000.000100', actionId: 'poll:vote#2', value: '1:2' });
      await db().schema.alterTable('inbox').renameTo('inbox_away').execute();
      try {
        expect((await sendToSlack(url, SIGNING_SECRET, 'interaction', click)).status).toBe(500);
      } finally {
        await db().schema.alterTable('inbox_away').renameTo('inbox').execute();
      }
      expect(await rowsOf(`action:${click.trigger_id}`)).toHaveLength(0);
      expect((await sendToSlack(url, SIGNING_SECRET, 'interaction', click)).status).toBe(200);
      await drained();
      expect(runsOf(`action:${click.trigger_id}`)).toBe(1);
    });

    it('refuses with 400 only the request whose row the store cannot take, among requests written together', async () => {
      const questions = ['U0W1', 'U0W2', 'U0W3', 'U0W4'].map((user) => eventEnvelope(directMessage({ user, text: 'help' })));
      // An event id far longer than an index entry may be: the store refuses its row.
      const unwritable = eventEnvelope(directMessage({ user: 'U0W5', text: 'help' }), { eventId: `Ev${randomBytes(6000).toString('hex')}` });
      const answers = await Promise.all([...questions.slice(0, 2), unwritable, ...questions.slice(2)].map((e) => sendToSlack(url, SIGNING_SECRET, 'event', e)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 400, 200, 200]);
      expect(await rowsOf(unwritable.event_id)).toHaveLength(0);
      await drained();
      for (const question of questions) expect(runsOf(question.event_id)).toBe(1);
    });

    it('acknowledges a redelivery without writing or running it again, retried or sent several times at once', async () => {
      const question = eventEnvelope(directMessage({ user: 'U0AGAIN', text: 'help' }));
      expect((await sendToSlack(url, SIGNING_SECRET, 'event', question)).status).toBe(200);
      await drained();
      // Slack's retries after a timeout, signed anew.
      for (const retryNum of [1, 2]) {
        expect((await sendToSlack(url, SIGNING_SECRET, 'event', question, { retryNum, retryReason: 'http_timeout' })).status).toBe(200);
      }
      const click = blockAction({ user: 'U0TWICE', channel: 'C0FORUM', messageTs: '1700000000.000100', actionId: 'poll:vote#1', value: '1:1' });
      const answers = await Promise.all(Array.from({ length: 5 }, () => sendToSlack(url, SIGNING_SECRET, 'interaction', click)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      // Every request's row (if any) was written before its 200: nothing more can come to run.
      expect(await rowsOf(question.event_id)).toHaveLength(1);
      expect(await rowsOf(`action:${click.trigger_id}`)).toHaveLength(1);
      await drained();
      expect(runsOf(question.event_id)).toBe(1);
      expect(runsOf(`action:${click.trigger_id}`)).toBe(1);
    });

    it('hands what needs an answer with a body to Bolt’s receiver, with its raw body, and writes nothing for it', async () => {
      const before = await db().selectFrom('inbox').select('id').execute();
      const challenge = urlVerification('challenge-1');
      const response = await sendToSlack(url, SIGNING_SECRET, 'event', challenge);
      expect(response).toMatchObject({ status: 200, body: JSON.stringify({ from: 'receiver' }) });
      const form = viewSubmission({ user: 'U0FORM', callbackId: 'topic:propose', privateMetadata: '{}', values: { title: 'x' } });
      expect((await sendToSlack(url, SIGNING_SECRET, 'interaction', form)).status).toBe(200);
      expect(handedOn).toEqual([JSON.stringify(challenge), new URLSearchParams({ payload: JSON.stringify(form) }).toString()]);
      expect(await db().selectFrom('inbox').select('id').execute()).toHaveLength(before.length);
      handedOn.length = 0;
    });

    it('refuses forged, unsigned, stale and future requests with 401, and signed garbage with 400, writing and handing on nothing', async () => {
      const before = await db().selectFrom('inbox').select('id').execute();
      const question = eventEnvelope(directMessage({ user: 'U0BAD', text: 'help' }));
      expect((await sendToSlack(url, SIGNING_SECRET, 'event', question, { signature: 'forged' })).status).toBe(401);
      expect((await sendToSlack(url, SIGNING_SECRET, 'event', question, { signature: 'none' })).status).toBe(401);
      expect((await sendToSlack(url, SIGNING_SECRET, 'event', question, { timestamp: nowSeconds() - 301 })).status).toBe(401);
      expect((await sendToSlack(url, SIGNING_SECRET, 'event', question, { timestamp: nowSeconds() + 301 })).status).toBe(401);
      const garbage: [string, string][] = [
        ['{"type":', 'application/json'],
        ['[]', 'application/json'],
        ['{"type":"event_callback","event":{"type":"message","user":null}}', 'application/json'],
        ['payload=%7B%22type%22%3A%22block_actions%22%7D', 'application/x-www-form-urlencoded'],
        ['payload=%7B', 'application/x-www-form-urlencoded'],
        ['user_id=U0X&text=help', 'application/x-www-form-urlencoded'],
        ['\u0000\uFFFF', 'text/plain'],
      ];
      for (const [body, contentType] of garbage) expect((await sendSignedRaw(url, SIGNING_SECRET, body, contentType)).status).toBe(400);
      expect(await db().selectFrom('inbox').select('id').execute()).toHaveLength(before.length);
      expect(handedOn).toEqual([]);
    });

    it('acknowledges the bot’s own messages and writes nothing for them', async () => {
      const before = await db().selectFrom('inbox').select('id').execute();
      const own = eventEnvelope(channelMessage({ user: BOT_USER_ID, channel: 'C0FORUM', threadTs: '1700000000.000100', text: 'posted by the bot' }));
      const ownBot = eventEnvelope(channelMessage({ user: 'U0OTHER', channel: 'C0FORUM', threadTs: '1700000000.000100', text: 'posted', botId: BOT_ID, subtype: 'bot_message' }));
      for (const envelope of [own, ownBot]) expect((await sendToSlack(url, SIGNING_SECRET, 'event', envelope)).status).toBe(200);
      expect(await db().selectFrom('inbox').select('id').execute()).toHaveLength(before.length);
      expect(handedOn).toEqual([]);
    });
  });
}
