/**
 * Fuzzing the platforms' endpoints of the real host over loopback, with a fixed seed (the same
 * requests on every run): Slack's `/slack/events` (bodies signed with the app's secret, unsigned,
 * forged and stale; JSON events, form-encoded commands and `payload=` interactions, their fields
 * deleted, retyped or replaced; random JSON, broken JSON, bytes that are not UTF-8, a few
 * megabytes) and Teams' `/api/messages` in local development mode (activities of every kind with
 * wrong or missing fields, random JSON, garbage). No answer may be a server error, show a stack
 * trace or name an internal path, and `/healthz` answers afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFakeBotConnector } from '../../support/fake-bot-connector.ts';
import { useFakeSlack } from '../../support/fake-slack.ts';
import { fuzz, mutate, randomString, randomValue, send, type FuzzReport, type FuzzRequest, type Random } from '../../support/fuzz.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import {
  SIGNING_SECRET,
  TEAM_ID,
  appMention,
  blockAction,
  directMessage,
  eventEnvelope,
  memberJoined,
  messageShortcut,
  nowSeconds,
  signSlackBody,
  slackRequestBody,
  slashCommand,
  urlVerification,
  viewSubmission,
  type SlackRequestKind,
} from '../../support/slack-requests.ts';
import { USER_ADA, actionExecuteInvoke, channelMessage, conversationUpdate, installationUpdate, personalMessage } from '../../support/teams-activities.ts';

const SEED = 16_2026;
const SLACK_REQUESTS = 2500;
const TEAMS_REQUESTS = 2000;
const MB = 1024 * 1024;
/** Where a mutated URL the bot might call is sent instead: the discard port, refused at once. */
const NOWHERE = 'http://127.0.0.1:9/';

const fakeSlack = useFakeSlack();
const connector = useFakeBotConnector();

/** URLs the bot would call (response_url, serviceUrl) kept on this machine whatever the mutation made of them. */
function keepLocal(value: unknown, allowed: string): unknown {
  if (typeof value === 'string') return value.includes('://') && !value.startsWith(allowed) ? NOWHERE : value;
  if (Array.isArray(value)) return value.map((v) => keepLocal(v, allowed));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keepLocal(v, allowed)]));
  return value;
}

/** Bytes that are not UTF-8, or a body cut short. */
function garbage(r: Random): Buffer {
  const bytes = Buffer.alloc(1 + r.int(2000));
  for (let i = 0; i < bytes.length; i++) bytes[i] = r.int(256);
  return r.chance(0.5) ? bytes : Buffer.concat([Buffer.from('{"type":"event_callback","event":{"text":"'), bytes]);
}

function failures(report: FuzzReport): string {
  return report.problems
    .slice(0, 10)
    .map((p) => `${p.problem} (${p.status}) for ${p.label}: ${p.body}\n  sent: ${p.request}`)
    .join('\n');
}

describe('fuzzed requests to the platforms’ endpoints', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost(
      { SLACK_BOT_TOKEN: 'xoxb-fuzz', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fakeSlack().apiUrl, SLACK_ALLOWED_WORKSPACES: TEAM_ID, TEAMS_ALLOWED_TENANTS: '' },
      { ingestKnowledge: false },
    );
    await host.scheduler.stop();
  });
  afterAll(() => host?.close());

  it(`answers ${SLACK_REQUESTS} fuzzed Slack requests without a server error`, async () => {
    const hooks = fakeSlack().apiUrl.replace(/\/api\/?$/, '');
    const templates: { kind: SlackRequestKind; payload: () => object }[] = [
      { kind: 'event', payload: () => eventEnvelope(directMessage({ user: 'U0FUZZ', text: 'help' })) },
      { kind: 'event', payload: () => eventEnvelope(appMention({ user: 'U0FUZZ', channel: 'C0FUZZ', text: 'How is an evaluation planned?' })) },
      { kind: 'event', payload: () => eventEnvelope(memberJoined({ user: 'U0FUZZ', channel: 'C0FUZZ' })) },
      { kind: 'event', payload: () => urlVerification() },
      { kind: 'command', payload: () => slashCommand({ user: 'U0FUZZ', channel: 'C0FUZZ', text: 'poll "Tea?" "Yes" "No"' }) },
      { kind: 'interaction', payload: () => blockAction({ user: 'U0FUZZ', channel: 'C0FUZZ', messageTs: '1700000000.000100', actionId: 'poll:vote', value: '1:0' }) },
      { kind: 'interaction', payload: () => messageShortcut({ user: 'U0FUZZ', channel: 'C0FUZZ', messageTs: '1700000000.000100', text: 'spam' }) },
      { kind: 'interaction', payload: () => viewSubmission({ user: 'U0FUZZ', callbackId: 'topic:propose', privateMetadata: '{}', values: { title: 'x', description: 'y' } }) },
    ];
    const make = (r: Random, i: number): FuzzRequest => {
      const template = r.pick(templates);
      let body: string | Buffer;
      let contentType: string;
      const shape = r.int(10);
      if (i % 500 === 0) {
        // A few bodies of megabytes.
        ({ rawBody: body, contentType } = slackRequestBody('event', { ...template.payload(), filler: 'x'.repeat((1 + r.int(3)) * MB) }));
      } else if (shape < 6) {
        const payload = keepLocal(mutate(r, template.payload()), hooks) as object;
        ({ rawBody: body, contentType } = slackRequestBody(template.kind, payload && typeof payload === 'object' ? payload : { value: payload }));
      } else if (shape === 6) {
        ({ rawBody: body, contentType } = { rawBody: JSON.stringify(randomValue(r)), contentType: 'application/json' });
      } else if (shape === 7) {
        body = `${new URLSearchParams({ payload: r.chance(0.5) ? JSON.stringify(randomValue(r)) : randomString(r) }).toString()}${r.chance(0.3) ? '&payload=%7B' : ''}`;
        contentType = 'application/x-www-form-urlencoded';
      } else {
        body = garbage(r);
        contentType = r.pick(['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', '']);
      }
      const signing = r.pick(['valid', 'valid', 'valid', 'none', 'forged', 'stale', 'future', 'bad-header'] as const);
      const at = signing === 'stale' ? nowSeconds() - 600 : signing === 'future' ? nowSeconds() + 86_400 : nowSeconds();
      // Signed as the server reads the body: decoded as UTF-8 (bytes that are not UTF-8 become U+FFFD).
      const signed = signSlackBody(signing === 'forged' ? 'not-the-secret' : SIGNING_SECRET, Buffer.isBuffer(body) ? body.toString('utf8') : body, at);
      const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
      if (signing === 'bad-header') Object.assign(headers, { 'x-slack-request-timestamp': randomString(r, false).replace(/[^\x20-\x7e]/g, ''), 'x-slack-signature': 'v0=zz' });
      else if (signing !== 'none') Object.assign(headers, { 'x-slack-request-timestamp': signed.timestamp, 'x-slack-signature': signed.signature });
      if (r.chance(0.05)) headers['x-slack-retry-num'] = String(r.int(5));
      return { method: 'POST', path: '/slack/events', headers, body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), label: `slack ${template.kind} ${signing} #${i}` };
    };
    const report = await fuzz(host.url, SLACK_REQUESTS, make, { seed: SEED });
    expect(report.sent).toBeGreaterThan(SLACK_REQUESTS * 0.95);
    // Enough of them reach the handlers: the fuzz is not only refused at the door.
    expect(report.statuses[200] ?? 0).toBeGreaterThan(SLACK_REQUESTS / 10);
    expect(report.problems, failures(report)).toEqual([]);
    expect((await send(host.url, { method: 'GET', path: '/healthz', label: 'healthz' })).status).toBe(200);
  });

  it(`answers ${TEAMS_REQUESTS} fuzzed Teams activities without a server error`, async () => {
    const serviceUrl = connector().serviceUrl;
    const templates = [
      () => personalMessage({ text: 'help', serviceUrl, from: USER_ADA }),
      () => channelMessage({ text: 'How is an evaluation planned?', serviceUrl, from: USER_ADA, mentionBot: true }),
      () => conversationUpdate({ scope: 'team', botAdded: true, serviceUrl, from: USER_ADA }),
      () => installationUpdate({ action: 'add', scope: 'personal', serviceUrl, from: USER_ADA }),
      () => actionExecuteInvoke({ verb: 'lang:set', data: { value: 'fr' }, serviceUrl, from: USER_ADA, replyToId: '1700000000001' }),
    ];
    const make = (r: Random, i: number): FuzzRequest => {
      const shape = r.int(10);
      let body: string | Buffer;
      if (i % 500 === 0) body = JSON.stringify({ ...r.pick(templates)(), text: 'y'.repeat((1 + r.int(3)) * MB) });
      else if (shape < 7) body = JSON.stringify(keepLocal(mutate(r, r.pick(templates)()), serviceUrl));
      else if (shape < 9) body = JSON.stringify(randomValue(r));
      else body = garbage(r);
      const headers = { 'content-type': r.chance(0.9) ? 'application/json' : r.pick(['text/plain', 'application/x-www-form-urlencoded']) };
      return { method: 'POST', path: '/api/messages', headers, body, label: `teams #${i}` };
    };
    const report = await fuzz(host.url, TEAMS_REQUESTS, make, { seed: SEED + 1 });
    expect(report.sent).toBeGreaterThan(TEAMS_REQUESTS * 0.95);
    // Enough of them reach the handlers: the fuzz is not only refused at the door.
    expect(report.statuses[200] ?? 0).toBeGreaterThan(TEAMS_REQUESTS / 10);
    expect(report.problems, failures(report)).toEqual([]);
    expect((await send(host.url, { method: 'GET', path: '/healthz', label: 'healthz' })).status).toBe(200);
  });
});
