/**
 * Fuzzing the web chat's and the dashboard's API on the real host over loopback, with a fixed seed
 * (the same requests on every run): every route of adapters/web (chat, actions, forum, sign-in,
 * the dashboard's topics, polls, knowledge base, usage and people), as the moderator with and
 * without the CSRF token, as a stranger and as nobody; bodies that are valid ones with fields
 * deleted, retyped or replaced, random JSON, broken JSON, bytes that are not UTF-8, bodies over the
 * limits; ids and file names with path traversal, lone surrogates, NUL and very long strings. No
 * answer may be a server error, show a stack trace or name an internal path, and `/healthz`
 * answers afterwards.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, WEB_COOKIE } from '../../../adapters/web/routes.ts';
import { fuzz, mutate, randomString, randomValue, send, type FuzzRequest, type Random } from '../../support/fuzz.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { WebPerson } from './web-person.ts';

const SEED = 16_2027;
const REQUESTS = 3000;
const MODERATOR_ID = '3c0d9a5e-1b7f-4d2a-8e6c-5f4a3b2c1d0e';
const KB = 1024;

/** A path segment from any string: percent-encoded when it can be, left raw (traversal and all) otherwise. */
function segment(r: Random): string {
  if (r.chance(0.4)) return r.pick(['1', '2', '999999999999', '0', '-1', 'forum']);
  const text = randomString(r, false);
  if (r.chance(0.2)) return text.replace(/[^\x21-\x7e]/g, '');
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ZZ%ud800';
  }
}

interface Route {
  method: 'GET' | 'POST';
  path: (r: Random) => string;
  body?: () => unknown;
}

const event = (): { eventId: string } => ({ eventId: randomUUID() });
const ROUTES: Route[] = [
  { method: 'GET', path: () => '/web/api/session' },
  { method: 'POST', path: () => '/web/api/messages', body: () => ({ ...event(), text: 'help' }) },
  { method: 'POST', path: () => '/web/api/messages', body: () => ({ ...event(), text: 'topic propose Mentoring | Pairs of delegates' }) },
  { method: 'POST', path: () => '/web/api/actions', body: () => ({ ...event(), actionId: 'poll:vote', value: '1:0' }) },
  { method: 'POST', path: () => '/web/api/actions', body: () => ({ ...event(), actionId: 'lang:set', value: 'fr' }) },
  { method: 'POST', path: () => '/web/api/signin', body: () => ({ login: 'ana', password: 'correct horse battery staple' }) },
  { method: 'POST', path: () => '/web/api/signout', body: () => ({}) },
  { method: 'GET', path: (r) => `/web/api/forum/${segment(r)}` },
  { method: 'POST', path: (r) => `/web/api/forum/${segment(r)}/replies`, body: () => ({ ...event(), threadId: '1', text: 'I agree.' }) },
  { method: 'GET', path: (r) => `/web/signin/${segment(r)}` },
  { method: 'GET', path: (r) => `/web/api/dashboard/${r.pick(['session', 'topics', 'polls', 'knowledge', 'usage', 'people', 'vendor/chart.js'])}` },
  { method: 'GET', path: (r) => `/web/api/dashboard/polls/${segment(r)}${r.chance(0.5) ? '/csv' : ''}` },
  { method: 'POST', path: (r) => `/web/api/dashboard/topics/${segment(r)}/${r.pick(['approve', 'reject', 'close'])}`, body: () => ({ ...event(), reason: 'Off topic.' }) },
  { method: 'POST', path: (r) => `/web/api/dashboard/topics/${segment(r)}/move`, body: () => ({ position: 1 }) },
  { method: 'POST', path: () => '/web/api/dashboard/topics/post-now', body: event },
  { method: 'POST', path: () => '/web/api/dashboard/topics/schedule', body: () => ({ ...event(), weekday: 1, time: '09:00', timeZone: 'Europe/Zurich', starters: false }) },
  { method: 'POST', path: () => '/web/api/dashboard/polls', body: () => ({ ...event(), question: 'Tea or coffee?', options: ['Tea', 'Coffee'], kind: 'single', anonymous: false, closesAt: '2030-01-01T10:00:00Z' }) },
  { method: 'POST', path: (r) => `/web/api/dashboard/polls/${segment(r)}/close`, body: event },
  { method: 'POST', path: () => '/web/api/dashboard/people/expire', body: () => ({ platform: 'web', workspaceId: 'web', userId: 'someone' }) },
  { method: 'POST', path: () => '/web/api/dashboard/people/invite', body: () => ({ login: 'guest-one', displayName: 'Guest One', kind: 'guest', guestDays: 7, moderator: false }) },
  { method: 'POST', path: (r) => `/web/api/dashboard/people/requests/${segment(r)}/${r.pick(['approve', 'decline'])}`, body: event },
  { method: 'POST', path: () => '/web/api/dashboard/knowledge/upload', body: () => ({ fileName: 'notes.md', contentBase64: Buffer.from('# Notes\n\nThe workshop opens in May.\n').toString('base64') }) },
  { method: 'GET', path: (r) => r.pick(['/web/../../package.json', '/web/%2e%2e/%2e%2e/package.json', '/..%2f..%2fsrc%2fconfig.ts', '/index.html/..%5c..%5cpackage.json', '/web/api/../../../etc/passwd', `/${segment(r)}`]) },
];

describe('fuzzed requests to the web API', () => {
  let host: TestHost;
  let csrf: string;
  beforeAll(async () => {
    host = await startTestHost({ MODERATORS: `web:${MODERATOR_ID}`, DISCUSSION_CHANNELS: 'web:forum' }, { ingestKnowledge: false });
    await host.scheduler.stop();
    const moderator = WebPerson.withId(host.url, MODERATOR_ID);
    csrf = (await moderator.session()).csrf;
    // Something for the ids to find: a proposal, a poll.
    await moderator.answer('topic propose Mentoring | Pairs of new and experienced delegates');
    await moderator.answer('poll "Tea or coffee?" "Tea" "Coffee"');
  });
  afterAll(() => host?.close());

  it(`answers ${REQUESTS} fuzzed requests without a server error`, async () => {
    const make = (r: Random, i: number): FuzzRequest => {
      const route = r.pick(ROUTES);
      const path = route.path(r);
      const who = r.pick(['moderator', 'moderator', 'moderator', 'no-csrf', 'bad-csrf', 'stranger', 'nobody'] as const);
      const headers: Record<string, string> = {};
      if (who !== 'nobody') headers.cookie = `${WEB_COOKIE}=${who === 'stranger' ? segment(r) : MODERATOR_ID}`;
      if (who === 'moderator' || who === 'stranger') headers[CSRF_HEADER] = csrf;
      if (who === 'bad-csrf') headers[CSRF_HEADER] = `${csrf.slice(0, -2)}xx`;
      if (r.chance(0.1)) headers['accept-language'] = r.pick(['fr', 'ar;q=0.9', 'zz', '*', 'x'.repeat(300)]);
      let body: string | Buffer | undefined;
      if (route.method === 'POST' && route.body) {
        const shape = r.int(20);
        headers['content-type'] = r.chance(0.9) ? 'application/json' : r.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream']);
        if (shape < 13) body = JSON.stringify(mutate(r, route.body()));
        else if (shape < 16) body = JSON.stringify(randomValue(r));
        else if (shape < 18) body = Buffer.from(Array.from({ length: 1 + r.int(500) }, () => r.int(256)));
        else if (shape < 19) body = `{"eventId":"${randomUUID()}","text":"${'x'.repeat(40 * KB)}"}`;
        else body = JSON.stringify(route.body()).slice(0, -1 - r.int(5));
      }
      // The page's upload: the file's bytes, its name in a header (percent-encoded, or not).
      if (path.endsWith('/knowledge/upload') && r.chance(0.4)) {
        headers['content-type'] = 'application/octet-stream';
        headers['x-file-name'] = r.chance(0.5) ? segment(r) : r.pick(['../../etc/passwd.md', '%E0%A4%A', '%00.md', 'a%2F..%2F..%2Fb.txt', '.md', '%ED%A0%80.md']);
        body = r.chance(0.5) ? Buffer.from(randomString(r)) : Buffer.from(Array.from({ length: 1 + r.int(2000) }, () => r.int(256)));
      }
      return { method: route.method, path, headers, ...(body === undefined ? {} : { body }), label: `${route.method} ${path.slice(0, 80)} as ${who} #${i}` };
    };
    const report = await fuzz(host.url, REQUESTS, make, { seed: SEED });
    expect(report.sent).toBeGreaterThan(REQUESTS * 0.95);
    // Enough of them reach the handlers: the fuzz is not only refused at the door.
    expect(report.statuses[200] ?? 0).toBeGreaterThan(REQUESTS / 10);
    expect(report.problems, report.problems.slice(0, 10).map((p) => `${p.problem} (${p.status}) for ${p.label}: ${p.body}\n  sent: ${p.request.slice(0, 400)}`).join('\n')).toEqual([]);
    expect((await send(host.url, { method: 'GET', path: '/healthz', label: 'healthz' })).status).toBe(200);
  });
});
