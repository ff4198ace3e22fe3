/**
 * The inbox worker holds off while Slack requests are being acknowledged over HTTP, on a real
 * server and store (each engine), the endpoint's clock in the test's hands: a row written while
 * another request is still being read is not taken, however often the worker looks, until that
 * request is answered — then it runs; and a stretch of requests holds the worker off for
 * `HOLD_OFF_MAX_MS` at most by the endpoint's clock: past it the row runs although a request is
 * still being read. A statement of a row already running waits meanwhile (the store's gate).
 */
import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HOLD_OFF_MAX_MS } from '../../../adapters/slack/http-endpoint.ts';
import { startSlackEndpoint, SLACK_PATH, type SlackEndpointHarness } from '../../support/slack-endpoint.ts';
import { SIGNING_SECRET, directMessage, eventEnvelope, sendToSlack, signSlackBody, slackRequestBody, type SlackEventEnvelope } from '../../support/slack-requests.ts';
import { describeEngine, storeEngines } from '../../support/stores.ts';

/** How many times the worker must have looked for rows, and been held off, before the row is checked not taken. */
const LOOKS = 3;
const WAIT_MS = 10_000;

/** A signed event whose body is sent in two halves: the server is reading it until `finish` sends the rest. */
function halfSent(url: string, envelope: SlackEventEnvelope): { answered: Promise<number>; finish(): void } {
  const { rawBody, contentType } = slackRequestBody('event', envelope);
  const signed = signSlackBody(SIGNING_SECRET, rawBody);
  const request = http.request(`${url}${SLACK_PATH}`, {
    method: 'POST',
    agent: false,
    headers: { 'content-type': contentType, 'content-length': String(Buffer.byteLength(rawBody)), 'x-slack-request-timestamp': signed.timestamp, 'x-slack-signature': signed.signature },
  });
  const answered = new Promise<number>((resolve, reject) => {
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
  });
  const half = Math.floor(rawBody.length / 2);
  request.write(rawBody.slice(0, half));
  return { answered, finish: () => request.end(rawBody.slice(half)) };
}

for (const engine of storeEngines()) {
  describeEngine(engine)(`the inbox worker held off by acknowledgements, on ${engine.name}`, () => {
    let endpoint: SlackEndpointHarness;
    /** The endpoint's clock. */
    let clock = Date.now();
    /** What happened, in order: `answered <user>`, `ran <user>`. */
    const log: string[] = [];
    /** The endpoint's own answer to "are requests being acknowledged?". */
    let holding: () => boolean;
    /** Times the worker asked it (each time it looked for rows with no write under way). */
    let looks = 0;

    beforeAll(async () => {
      endpoint = await startSlackEndpoint(engine, {
        now: () => clock,
        onRun: (work) => log.push(`ran ${work.kind === 'dispatch' ? work.event.actor.userId : work.kind}`),
      });
      holding = endpoint.inbox.acknowledging;
      endpoint.inbox.acknowledging = () => {
        looks++;
        return holding();
      };
    });
    afterAll(async () => {
      await endpoint?.close();
    });

    // Read through the acknowledgements' own way in: the store's other statements wait while a request is being read.
    const attemptsOf = async (envelope: SlackEventEnvelope): Promise<number[]> =>
      (await endpoint.app.services.store.intake.selectFrom('inbox').select('attempts').where('event_key', '=', `slack:${envelope.event_id}`).execute()).map((r) => r.attempts);

    /** Starts reading `slow`'s request, then writes `quick`'s and checks the worker, looking again and again, does not take it. */
    async function quickWrittenWhileSlowIsRead(slow: SlackEventEnvelope, quick: SlackEventEnvelope): Promise<{ answered: Promise<number>; finish(): void }> {
      const reading = halfSent(endpoint.url, slow);
      void reading.answered.then(() => log.push(`answered ${slow.event.user as string}`));
      await expect.poll(() => holding(), { timeout: WAIT_MS }).toBe(true);
      expect((await sendToSlack(endpoint.url, SIGNING_SECRET, 'event', quick)).status).toBe(200);
      looks = 0;
      await expect.poll(() => looks, { timeout: WAIT_MS }).toBeGreaterThanOrEqual(LOOKS);
      // Written, due, and not taken.
      expect(await attemptsOf(quick)).toEqual([0]);
      expect(endpoint.runsOf(quick.event_id)).toBe(0);
      return reading;
    }

    it('takes no row while a request is being read, and takes it once that request is answered', async () => {
      const slow = eventEnvelope(directMessage({ user: 'U0SLOW1', text: 'help' }));
      const quick = eventEnvelope(directMessage({ user: 'U0QUICK1', text: 'help' }));
      const reading = await quickWrittenWhileSlowIsRead(slow, quick);
      // On the embedded store a statement of a row under way (through the store's `db`) waits as
      // well, the quick request's write did not; on PostgreSQL it has its own connection and goes on.
      const { store } = endpoint.app.services;
      const statement = store.db.selectFrom('inbox').select('id').execute().then(() => log.push('statement'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(log).toEqual(store.engine === 'pglite' ? [] : ['statement']);
      reading.finish();
      expect(await reading.answered).toBe(200);
      await statement;
      await expect.poll(() => endpoint.runsOf(slow.event_id), { timeout: WAIT_MS }).toBe(1);
      expect(endpoint.runsOf(quick.event_id)).toBe(1);
      expect(log.filter((e) => e !== 'statement')).toEqual(['answered U0SLOW1', 'ran U0QUICK1', 'ran U0SLOW1']);
    });

    it('holds the worker off for HOLD_OFF_MAX_MS at most: past it, the row runs while a request is still being read', async () => {
      log.length = 0;
      const slow = eventEnvelope(directMessage({ user: 'U0SLOW2', text: 'help' }));
      const quick = eventEnvelope(directMessage({ user: 'U0QUICK2', text: 'help' }));
      const reading = await quickWrittenWhileSlowIsRead(slow, quick);
      clock += HOLD_OFF_MAX_MS - 1;
      looks = 0;
      await expect.poll(() => looks, { timeout: WAIT_MS }).toBeGreaterThanOrEqual(LOOKS);
      expect(endpoint.runsOf(quick.event_id)).toBe(0);
      clock += 1;
      await expect.poll(() => endpoint.runsOf(quick.event_id), { timeout: WAIT_MS }).toBe(1);
      expect(log).toEqual(['ran U0QUICK2']);
      reading.finish();
      expect(await reading.answered).toBe(200);
      await expect.poll(() => endpoint.runsOf(slow.event_id), { timeout: WAIT_MS }).toBe(1);
      expect(log).toEqual(['ran U0QUICK2', 'answered U0SLOW2', 'ran U0SLOW2']);
    });
  });
}
