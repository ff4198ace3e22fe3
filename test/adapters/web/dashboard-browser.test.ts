/**
 * The moderators' dashboard in a real headless Chromium against the real host (startHost: the web
 * chat with its page files, its sign-in, the dashboard's API and the core). A moderator
 * (MODERATORS=web:<id>, the local-access cookie) approves a proposal with the
 * keyboard and sees it join the queue, reorders it, creates a poll and watches its bars move after
 * a vote, uploads a document, and ends a guest's access; the page works at phone width and in
 * Arabic (right to left); screenshots go to test/screenshots/.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../adapters/host/server.ts';
import { loadConfig } from '../../../src/config.ts';
import { ACTIONS } from '../../../src/core/actions.ts';
import type { Actor, InboundEvent } from '../../../src/core/events.ts';
import { dashboardMessages, dashboardText } from '../../../src/i18n/dashboard/index.ts';
import { messages } from '../../../src/i18n/index.ts';
import { silentLogger } from '../../../src/log.ts';
import { createGuestRequest } from '../../../src/store/guest-requests.ts';
import { type Store } from '../../../src/store/index.ts';
import { findPerson, grantRole, setPersonLang } from '../../../src/store/people.ts';
import { findTopic, queuedTopics } from '../../../src/store/topics.ts';
import { CHROMIUM_MISSING, findChromium, launchChromium, watchForProblems } from '../../support/browser.ts';
import { RecordingAdapter } from '../../support/recording-adapter.ts';
import { openTestStore } from '../../support/pglite-template.ts';

const SCREENSHOTS = fileURLToPath(new URL('../../screenshots/', import.meta.url));
const executablePath = findChromium();
if (!executablePath) console.warn(CHROMIUM_MISSING);
const describeBrowser = executablePath ? describe : describe.skip;

const en = dashboardMessages('en');
const ar = dashboardMessages('ar');
const MODERATOR_ID = randomUUID();
const DAY = 24 * 60 * 60 * 1000;

/** WCAG's contrast ratio of two CSS colours `rgb(r, g, b)`. */
function contrast(a: string, b: string): number {
  const luminance = (css: string): number => {
    const [r, g, bl] = (css.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describeBrowser('moderators’ dashboard in Chromium', () => {
  let host: Host;
  let store: Store;
  let dataDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let n = 0;
  const problems: string[] = [];

  /** An event from a web member (or the moderator), handled by the host's core. */
  async function dispatch(userId: string, partial: Partial<InboundEvent> & Pick<InboundEvent, 'type'>): Promise<string[]> {
    n++;
    const actor: Actor = { platform: 'web', workspaceId: 'web', userId, displayName: userId };
    const adapter = new RecordingAdapter();
    const event = { id: `dashboard-browser-${n}`, platform: 'web', actor, conversation: { platform: 'web', workspaceId: 'web', channelId: `direct:${userId}`, kind: 'direct' }, receivedAt: new Date(), ...partial } as InboundEvent;
    await host.app.dispatcher.handle(event, adapter);
    return adapter.texts();
  }

  async function propose(userId: string, text: string): Promise<string> {
    const reply = await dispatch(userId, { type: 'message', text: `topic propose ${text}` });
    return /#(\d+)/.exec(reply[0] ?? '')?.[1] ?? '';
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-dashboard-'));
    store = await openTestStore();
    const config = loadConfig(
      { HOST: '127.0.0.1', TA_FORUM_DATA_DIR: dataDir, DISCUSSION_CHANNELS: 'web:forum', MODERATORS: `web:${MODERATOR_ID}`, WORKSPACE_NAMES: 'web:web=Web page' },
      { port: 0 },
    );
    const log = silentLogger();
    host = await startHost(config, log, { store, ingestKnowledge: true });

    // The forum before the moderator opens the dashboard: proposals, a queue, usage, a guest, a request.
    await propose('amira', 'Measuring impact a year later | How do you evaluate a programme a year after it ends?');
    await propose('bruno', 'Peer visits between ministries | Who has organised one, and what did it cost?');
    const queued = await propose('chen', 'Training of trainers | What makes a cascade training work?');
    await dispatch(MODERATOR_ID, { type: 'message', text: `topic approve ${queued}` });
    await dispatch(MODERATOR_ID, { type: 'message', text: 'topic schedule monday 09:00 Europe/Zurich' });
    const { db } = host.app.services.store;
    const now = Date.now();
    const rows = [];
    for (let week = 0; week < 12; week++) {
      const at = new Date(now - week * 7 * DAY - 3600_000);
      const people = 3 + ((week * 7) % 5);
      for (let p = 0; p < people; p++) {
        const person = `web:p${p}`;
        // Some ask twice; about two answers in three.
        for (let q = 0; q < 1 + ((p + week) % 2); q++) {
          rows.push({ at, kind: 'question_asked', platform: 'web', workspace_id: 'web', person, subject: null });
          if ((p + q + week) % 3 !== 0) rows.push({ at, kind: 'question_answered', platform: 'web', workspace_id: 'web', person, subject: null });
        }
      }
    }
    await db.insertInto('usage_events').values(rows).execute();
    await grantRole(db, { key: { platform: 'web', workspaceId: 'web-guest', userId: 'olga' }, role: 'guest', guestExpiresAt: new Date(now + 20 * DAY), displayName: 'Olga Partner', by: `web:${MODERATOR_ID}`, now: new Date(now) });
    await createGuestRequest(db, { guest: { platform: 'slack', workspaceId: 'TPARTNER', userId: 'UOMAR' }, displayName: 'Omar Partner', days: 14, requestedBy: 'slack:UALICE', now: new Date(now) });

    browser = await launchChromium(executablePath as string);
    // Reduced motion: the charts are drawn at once (no animation), so screenshots show the final bars.
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    // The local-access identity of the moderator's browser (as the web chat sets it).
    await context.addCookies([{ name: 'ta_forum_web', value: MODERATOR_ID, url: host.url }]);
    // Anything the strict Content-Security-Policy refuses is reported as a console error (a problem).
    await context.addInitScript(() => {
      // eslint-disable-next-line no-console -- in the page: reported to the test as a console error
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    watchForProblems(page, problems);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await host?.close();
    await store?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const panel = (name: string): ReturnType<Page['getByRole']> => page.getByRole('tabpanel', { name });
  const queueTitles = (): Promise<string[]> => page.locator('#queue .queue-title').allTextContents();

  it('opens on the topics, with landmarks, labelled controls and a keyboard tablist', async () => {
    await page.goto(`${host.url}/dashboard.html`);
    await page.getByRole('heading', { level: 1, name: en.title }).waitFor();
    await panel(en.tabTopics).waitFor();
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('navigation').count()).toBe(1);
    expect(await page.getByRole('tab').allTextContents()).toEqual([en.tabTopics, en.tabPolls, en.tabKnowledge, en.tabUsage, en.tabPeople]);
    // The person at the server's own machine has no name: the header says who they are, not their browser's id.
    await page.locator('#signed-in', { hasText: messages('en').membership.localYou }).waitFor();
    expect(await page.locator('#signed-in').textContent()).toBe(en.signedInAs.replace('{name}', messages('en').membership.localYou));
    await page.locator('#proposals .item').first().waitFor();
    expect(await page.locator('#proposals h4').allTextContents()).toEqual([expect.stringContaining('Measuring impact a year later'), expect.stringContaining('Peer visits between ministries')]);
    expect(await queueTitles()).toEqual([expect.stringContaining('Training of trainers')]);
    expect(await page.locator('#schedule-current').textContent()).toContain('Monday');
    await page.screenshot({ path: `${SCREENSHOTS}dashboard.png` });

    // Every control has a name; nothing is left unlabelled.
    const unnamed = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('input, select, textarea, button, a[href]'))
        .filter((el) => !el.closest('[hidden]'))
        .filter((el) => {
          const control = el as HTMLInputElement;
          const named = (control.labels?.length ?? 0) > 0 || control.getAttribute('aria-label') || control.getAttribute('aria-labelledby') || control.textContent?.trim();
          return !named;
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);

    // The tabs: arrow keys move and show, the focus ring is visible.
    await page.getByRole('tab', { name: en.tabTopics }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: en.tabPolls }).getAttribute('aria-selected')).toBe('true');
    expect(await panel(en.tabPolls).isVisible()).toBe(true);
    expect(await panel(en.tabTopics).isHidden()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).not.toBe('none');
    await page.keyboard.press('End');
    expect(await page.getByRole('tab', { name: en.tabPeople }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Home');
    expect(await page.getByRole('tab', { name: en.tabTopics }).getAttribute('aria-selected')).toBe('true');
  });

  it('approves a proposal with the keyboard and shows it in the queue', async () => {
    // (Focus and key in one step on the button as it is then: a redraw of the list between the two would take the focus away.)
    await page.getByRole('button', { name: /Approve #\d+ Measuring impact a year later/ }).press('Enter');
    await page.locator('#queue .queue-title', { hasText: 'Measuring impact a year later' }).waitFor();
    expect(await queueTitles()).toEqual([expect.stringContaining('Training of trainers'), expect.stringContaining('Measuring impact a year later')]);
    expect(await page.locator('#status').textContent()).toMatch(/approved|#\d+/);
    expect(await page.locator('#proposals h4').allTextContents()).toEqual([expect.stringContaining('Peer visits')]);
    const queue = await queuedTopics(host.app.services.store.db);
    expect(queue.map((t) => t.title)).toEqual(['Training of trainers', 'Measuring impact a year later']);

    // Moved up: first in the queue, and the keyboard focus stays with it.
    await page.getByRole('button', { name: /Move #\d+ Measuring impact a year later up/ }).click();
    await page.waitForFunction(() => document.querySelector('#queue .queue-title')?.textContent?.includes('Measuring impact'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/Measuring impact a year later down/);
    expect((await queuedTopics(host.app.services.store.db)).map((t) => t.title)).toEqual(['Measuring impact a year later', 'Training of trainers']);

    // A rejection asks for its reason first.
    await page.getByRole('button', { name: /Reject #\d+ Peer visits/ }).click();
    const reason = page.getByLabel(/Why #\d+ is rejected/);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.getByRole('button', { name: en.rejectConfirm }).click();
    expect(await page.locator('.field-error').textContent()).toBe(en.reasonRequired);
    await reason.fill('Discussed in March already');
    await page.getByRole('button', { name: en.rejectConfirm }).click();
    await page.locator('#proposals .empty').waitFor();
    const rejected = (await host.app.services.store.db.selectFrom('topics').selectAll().where('title', 'like', 'Peer visits%').executeTakeFirstOrThrow());
    expect(await findTopic(host.app.services.store.db, rejected.id)).toMatchObject({ status: 'rejected', reject_reason: 'Discussed in March already' });
    await page.screenshot({ path: `${SCREENSHOTS}dashboard-topics.png`, fullPage: true });
  });

  it('creates a poll and its chart’s bars move after a vote', async () => {
    await page.getByRole('tab', { name: en.tabPolls }).click();
    await page.getByLabel(en.questionLabel, { exact: true }).fill('Which format suits you best?');
    // One option only: the form says so beside the options, which get the keyboard.
    const options = page.getByLabel(/Options, one per line/);
    await options.fill('Webinar');
    await page.getByRole('button', { name: en.createPoll }).click();
    const note = page.locator('#poll-options + .field-error');
    await note.waitFor();
    expect(await note.textContent()).toBe(dashboardText('en', 'fieldTooFewOptions', { n: 2 }));
    expect(await options.getAttribute('aria-invalid')).toBe('true');
    expect(await options.getAttribute('aria-describedby')).toContain(await note.getAttribute('id'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('poll-options');
    expect(await page.locator('#status').textContent()).not.toMatch(/Use it like this|help/);
    await options.fill('Webinar\nWorkshop\nPeer visit');
    await page.getByRole('button', { name: en.createPoll }).click();
    await note.waitFor({ state: 'detached' });
    await page.locator('#poll-chart').waitFor();
    const counts = (): Promise<number[]> =>
      page.evaluate(() => {
        const chart = (window as unknown as { Chart: { getChart(c: Element): { data: { datasets: { data: number[] }[] } } | undefined } }).Chart.getChart(document.getElementById('poll-chart') as Element);
        return chart?.data.datasets[0]?.data.slice() ?? [];
      });
    expect(await counts()).toEqual([0, 0, 0]);
    const pollId = (await page.locator('#poll-results-title').textContent())?.match(/#(\d+)/)?.[1] ?? '';
    expect(pollId).not.toBe('');

    await dispatch('amira', { type: 'action', actionId: ACTIONS.pollVote, value: `${pollId}:1` });
    await dispatch('bruno', { type: 'action', actionId: ACTIONS.pollVote, value: `${pollId}:1` });
    await dispatch('chen', { type: 'action', actionId: ACTIONS.pollVote, value: `${pollId}:2` });
    // Redrawn by itself within a few seconds: the chart and the table beside it.
    await page.waitForFunction(() => document.getElementById('poll-results-body')?.dataset.counts === '0,2,1', undefined, { timeout: 15_000 });
    expect(await counts()).toEqual([0, 2, 1]);
    expect(await page.locator('#poll-results-table td').allTextContents()).toEqual(['0', '0%', '2', '67%', '1', '33%']);
    expect(await page.locator('#poll-chart').getAttribute('aria-label')).toContain('Workshop 2');

    const csv = await page.evaluate(async (href) => (await fetch(href)).text(), `/web/api/dashboard/polls/${pollId}/csv`);
    expect(csv.replace(/^\uFEFF/, '').split('\n')[0]).toBe('voter,option,voted_at');
    await page.screenshot({ path: `${SCREENSHOTS}dashboard-polls.png`, fullPage: true });
  });

  it('uploads a document to the knowledge base and lists it', async () => {
    await page.getByRole('tab', { name: en.tabKnowledge }).click();
    await page.locator('#documents table').waitFor();
    await page.getByLabel(/^Document:/).setInputFiles({ name: 'mentoring.md', mimeType: 'text/markdown', buffer: Buffer.from('# Mentoring new delegates\n\nEvery new delegate is paired with an experienced delegate for six months.\n') });
    await page.getByRole('button', { name: en.upload }).click();
    await page.locator('#status', { hasText: 'Mentoring new delegates' }).waitFor();
    // One passage, said in the singular: the count's form follows Intl.PluralRules.
    expect(await page.locator('#status').textContent()).toContain(dashboardText('en', 'uploadAdded', { title: 'Mentoring new delegates', n: 1 }));
    expect(await page.locator('#status').textContent()).not.toContain('1 passages');
    await page.locator('#documents tbody th', { hasText: 'Mentoring new delegates' }).waitFor();
    expect(await page.locator('#documents .source', { hasText: 'upload/mentoring.md' }).count()).toBe(1);

    // Another type is refused with a clear sentence.
    await page.getByLabel(/^Document:/).setInputFiles({ name: 'figures.xlsx', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('x') });
    await page.getByRole('button', { name: en.upload }).click();
    await page.locator('#status', { hasText: en.uploadType }).waitFor();
  });

  it('draws twelve weeks of usage, with the figures in a table', async () => {
    await page.getByRole('tab', { name: en.tabUsage }).click();
    await page.locator('#usage-table tbody tr').first().waitFor({ state: 'attached' });
    expect(await page.locator('#usage-table tbody tr').count()).toBe(12);
    const drawn = await page.evaluate(() => {
      const { Chart } = window as unknown as { Chart: { getChart(c: Element): { data: { datasets: { data: number[] }[] } } | undefined } };
      return ['chart-people', 'chart-share'].map((id) => Chart.getChart(document.getElementById(id) as Element)?.data.datasets.map((d) => d.data.length));
    });
    expect(drawn).toEqual([[12, 12], [12]]);
    expect(await page.locator('#workspaces tbody th').allTextContents()).toContain('Web page');
    await page.locator('details.alternative summary').click();
    await page.screenshot({ path: `${SCREENSHOTS}dashboard-usage.png`, fullPage: true });
  });

  it('ends a guest’s access and approves a request for a guest', async () => {
    await page.getByRole('tab', { name: en.tabPeople }).click();
    await page.getByRole('button', { name: 'End the access of Olga Partner now' }).click();
    await page.locator('#status', { hasText: 'The access of Olga Partner has ended.' }).waitFor();
    const olga = await findPerson(host.app.services.store.db, { platform: 'web', workspaceId: 'web-guest', userId: 'olga' });
    expect(olga?.guest_expires_at?.getTime()).toBeLessThanOrEqual(Date.now());
    await page.locator('#people tr', { hasText: 'Olga Partner' }).filter({ hasText: en.roleGuestEnded }).waitFor();
    // Those who only voted are listed too.
    for (const voter of ['amira', 'bruno', 'chen']) await page.locator('#people tr', { hasText: voter }).first().waitFor();
    expect(await page.getByRole('button', { name: 'End the access of Olga Partner now' }).count()).toBe(0);
    // The moderator here by name, on the web platform, without the web's internal realm ("web · web").
    const me = page.locator('#people tr', { hasText: messages('en').membership.localYou });
    expect(await me.innerText()).toContain('\tweb\t');
    expect(await page.locator('#people').innerText()).not.toContain('web · web');

    await page.getByRole('button', { name: 'Approve the request for Omar Partner' }).click();
    await page.locator('#requests .empty').waitFor();
    expect(await findPerson(host.app.services.store.db, { platform: 'slack', workspaceId: 'TPARTNER', userId: 'UOMAR' })).toMatchObject({ role: 'guest' });

    await page.getByLabel(en.loginLabel).fill('lena@example.org');
    await page.getByLabel(en.displayNameLabel).fill('Lena Lind');
    await page.getByRole('button', { name: en.invite }).click();
    await page.locator('#invite-result').waitFor();
    expect(await page.locator('#invite-link').inputValue()).toMatch(new RegExp(`^${host.url.replace(/[.[\]]/g, '\\$&')}/web/signin/[A-Za-z0-9_-]{43}$`));
    await page.screenshot({ path: `${SCREENSHOTS}dashboard-people.png`, fullPage: true });
  });

  it('fits a phone’s width', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    for (const tab of [en.tabTopics, en.tabPolls, en.tabPeople]) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(100);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, tab).toBeLessThanOrEqual(0);
    }
    await page.getByRole('tab', { name: en.tabTopics }).click();
    await page.screenshot({ path: `${SCREENSHOTS}dashboard-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('has text and controls in contrast with their background', async () => {
    await page.getByRole('tab', { name: en.tabTopics }).click();
    const pairs = await page.evaluate(() => {
      const background = (el: Element | null): string => {
        for (let node = el; node; node = node.parentElement) {
          const bg = getComputedStyle(node).backgroundColor;
          if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
        }
        return 'rgb(255, 255, 255)';
      };
      const selectors = ['h1', '.signed-in', '.back-link', '[role="tab"][aria-selected="true"]', '[role="tab"][aria-selected="false"]', '.panel h2', '.meta', '.hint', 'button.primary', 'button.danger', '#status p', '.queue-item .position', 'label'];
      return selectors.flatMap((selector) => {
        const el = document.querySelector(selector);
        return el ? [{ selector, fg: getComputedStyle(el).color, bg: background(el) }] : [];
      });
    });
    expect(pairs.length).toBeGreaterThan(8);
    for (const { selector, fg, bg } of pairs) expect(contrast(fg, bg), `${selector}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });

  it('speaks the moderator’s language, right to left in Arabic', async () => {
    await setPersonLang(host.app.services.store.db, { platform: 'web', workspaceId: 'web', userId: MODERATOR_ID }, 'ar', new Date());
    await page.goto('about:blank');
    await page.goto(`${host.url}/dashboard.html#usage`);
    await page.getByRole('heading', { level: 1, name: ar.title }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    expect(await page.getByRole('tab', { name: ar.tabUsage }).getAttribute('aria-selected')).toBe('true');
    // Right to left: the first tab is the rightmost.
    const [first, second] = await page.getByRole('tab').evaluateAll((tabs) => tabs.slice(0, 2).map((t) => t.getBoundingClientRect().left));
    expect(first).toBeGreaterThan(second as number);
    // The arrow keys follow the reading direction.
    await page.getByRole('tab', { name: ar.tabUsage }).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('tab', { name: ar.tabPeople }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('tab', { name: ar.tabUsage }).click();
    await page.locator('#usage-table tbody tr').first().waitFor({ state: 'attached' });
    await page.screenshot({ path: `${SCREENSHOTS}dashboard-ar.png`, fullPage: true });
    await setPersonLang(host.app.services.store.db, { platform: 'web', workspaceId: 'web', userId: MODERATOR_ID }, 'en', new Date());
  });

  it('tells a member that the dashboard is for moderators', async () => {
    const other = await browser.newContext({ locale: 'fr-FR' });
    await other.addCookies([{ name: 'ta_forum_web', value: randomUUID(), url: host.url }]);
    const memberPage = await other.newPage();
    await memberPage.goto(`${host.url}/dashboard.html`);
    const alert = memberPage.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(dashboardMessages('fr').notModerator);
    expect(await memberPage.locator('#dashboard').isHidden()).toBe(true);
    await other.close();
  });

  it('sends the sign-in’s CSRF token with every change (a change without it is refused)', async () => {
    const res = await fetch(`${host.url}/web/api/dashboard/topics/post-now`, {
      method: 'POST',
      headers: { cookie: `ta_forum_web=${MODERATOR_ID}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    // Every change the page made above went through: it sent the token.
    expect(problems.filter((p) => p.startsWith('HTTP 403'))).toEqual([]);
  });

  it('logged no script or console errors', () => {
    // The refused upload is an expected 415, and the poll form refused for its options an expected 400.
    const expected = ['HTTP 400 /web/api/dashboard/polls', 'console error: Failed to load resource: the server responded with a status of 400 (Bad Request)'];
    expect(problems.filter((p) => !p.includes('/knowledge/upload') && !expected.includes(p))).toEqual([]);
    expect(problems.filter((p) => expected.includes(p))).toHaveLength(expected.length);
  });
});
