/**
 * The topic of the week on the web page, in a real headless Chromium against the real host: the
 * topic and its thread are shown, a reply typed and sent appears in the thread, the region works
 * at phone width and right to left in Arabic, and the closing summary arrives in the thread.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n/index.ts';
import { CHROMIUM_MISSING, findChromium, launchChromium, watchForProblems } from '../../support/browser.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { WebPerson } from './web-person.ts';

const RESULTS_DIR = fileURLToPath(new URL('../../../test-results/', import.meta.url));
const executablePath = findChromium();
if (!executablePath) console.warn(CHROMIUM_MISSING);
const describeBrowser = executablePath ? describe : describe.skip;

const en = messages('en');
const ar = messages('ar');
const MODERATOR_ID = randomUUID();
const TITLE = 'Measuring impact a year later';

describeBrowser('topic of the week on the web page, in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let moderator: WebPerson;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    host = await startTestHost({ DISCUSSION_CHANNELS: 'web:forum', MODERATORS: `web:${MODERATOR_ID}` }, { ingestKnowledge: false });
    // The week begins before the page is opened: a topic posted, and someone else's reply.
    moderator = WebPerson.withId(host.url, MODERATOR_ID);
    await moderator.answer(`topic propose ${TITLE} | How do you evaluate a programme a year after it ends?`);
    await moderator.answer('topic approve 1');
    await moderator.answer('topic post-now');
    const other = new WebPerson(host.url);
    const threadId = (await other.forum('forum')).threads[0]?.id ?? '';
    await other.reply('forum', threadId, 'We run a tracer study of former trainees.');

    browser = await launchChromium(executablePath as string);
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    watchForProblems(page, problems);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await host?.close();
  });

  const region = (): ReturnType<Page['getByRole']> => page.getByRole('region', { name: en.web.forumTitle });
  const thread = (): ReturnType<Page['locator']> => page.locator('#forum-current .thread-list');

  it('shows this week’s topic with its thread, beside the chat', async () => {
    await page.goto(host.url);
    await region().waitFor();
    expect(await page.getByRole('heading', { level: 2, name: en.web.forumTitle }).isVisible()).toBe(true);
    expect(await page.locator('#forum-current .forum-post .card-header').textContent()).toBe(TITLE);
    await thread().locator('.thread-entry').first().waitFor();
    expect(await thread().locator('.reply-author').allTextContents()).toEqual([`${en.web.participant} 1`]);
    // Side by side on a wide screen, the chat still focused first.
    const boxes = await page.evaluate(() => {
      const box = (id: string): DOMRect => (document.getElementById(id) as HTMLElement).getBoundingClientRect();
      return { forum: box('forum'), chat: box('log') };
    });
    expect(boxes.forum.right).toBeLessThanOrEqual(boxes.chat.left + 1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('input');
    expect(await page.getByRole('region', { name: en.web.chatTitle }).isVisible()).toBe(true);
  });

  it('posts a reply typed and sent with the keyboard, shown in the thread as the person’s own', async () => {
    const box = page.getByLabel(en.web.replyLabel);
    expect(await box.getAttribute('placeholder')).toBe(en.web.replyPlaceholder);
    await box.focus();
    await box.pressSequentially('We compare against the baseline survey.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(en.web.replySend);
    await page.keyboard.press('Enter');

    const mine = thread().locator('.thread-entry.mine');
    await mine.waitFor();
    expect(await mine.locator('.reply-author').textContent()).toBe(en.web.you);
    expect(await mine.locator('.reply-text').textContent()).toBe('We compare against the baseline survey.');
    expect(await box.inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');

    // Ctrl+Enter sends from the box too; hostile text stays text.
    await box.fill('<img src=x onerror="window.__pwned=1"> a second thought');
    await box.press('Control+Enter');
    await thread().locator('.thread-entry.mine', { hasText: 'a second thought' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#forum img').count()).toBe(0);
    await page.screenshot({ path: `${RESULTS_DIR}web-forum-en.png`, fullPage: true });
  });

  it('says a reply over 4,000 characters is too long before sending it, and keeps it whole', async () => {
    const box = page.getByLabel(en.web.replyLabel);
    const before = await thread().locator('.thread-entry.mine').count();
    const long = `${'A long reply. '.repeat(300)}End`;
    await box.fill(long);
    await box.press('Control+Enter');
    await page.locator('#forum-current .reply-error', { hasText: en.web.tooLong.replace('{max}', '4,000') }).waitFor();
    expect(await box.inputValue()).toBe(long);
    expect(await thread().locator('.thread-entry.mine').count()).toBe(before);
    await box.fill('');
  });

  it('fits a phone’s width, the topic above the chat', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const layout = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      forumBottom: (document.getElementById('forum') as HTMLElement).getBoundingClientRect().bottom,
      chatTop: (document.getElementById('log') as HTMLElement).getBoundingClientRect().top,
      button: (document.querySelector('.reply-form button') as HTMLElement).getBoundingClientRect().right,
    }));
    expect(layout.overflow).toBeLessThanOrEqual(0);
    expect(layout.forumBottom).toBeLessThanOrEqual(layout.chatTop + 1);
    expect(layout.button).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${RESULTS_DIR}web-forum-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it('follows the person’s language, right to left in Arabic', async () => {
    const input = page.locator('#input');
    await input.fill('lang ar');
    await input.press('Enter');
    await page.getByRole('heading', { level: 2, name: ar.web.forumTitle }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await thread().locator('.reply-author', { hasText: ar.web.you }).first().waitFor();
    expect(await thread().locator('.reply-author').allTextContents()).toEqual([`${ar.web.participant} 1`, ar.web.you, ar.web.you]);
    expect(await page.getByLabel(ar.web.replyLabel).getAttribute('placeholder')).toBe(ar.web.replyPlaceholder);
    expect(await page.locator('.reply-form button').textContent()).toBe(ar.web.replySend);
    // Right to left: the topic is on the right of the chat.
    const boxes = await page.evaluate(() => ({
      forum: (document.getElementById('forum') as HTMLElement).getBoundingClientRect(),
      chat: (document.getElementById('log') as HTMLElement).getBoundingClientRect(),
    }));
    expect(boxes.forum.left).toBeGreaterThanOrEqual(boxes.chat.right - 1);
    await page.screenshot({ path: `${RESULTS_DIR}web-forum-ar.png`, fullPage: true });
  });

  it('shows the closing summary in the thread', async () => {
    await moderator.answer('topic close');
    // Any answer in the chat reloads the topic (a command may have posted or closed one).
    const input = page.locator('#input');
    await input.fill('help');
    await input.press('Enter');
    const summary = thread().locator('.thread-entry.bot');
    await summary.waitFor();
    expect(await summary.locator('.card-header').textContent()).toBe(en.topics.summaryTitle);
    expect(await summary.getAttribute('lang')).toBe('en');
  });

  it('shows a poll of the channel beside the topic, which keeps its place and its reply box; the bar moves on a vote', async () => {
    await moderator.answer('poll "Was this week’s topic useful?" "Yes" "No" --discussion');
    const input = page.locator('#input');
    await input.fill('help');
    await input.press('Enter');
    const poll = page.locator('#forum-posts .forum-post', { hasText: 'Was this week’s topic useful?' });
    await poll.waitFor();
    expect(await page.getByRole('heading', { level: 3, name: ar.web.forumPosts }).isVisible()).toBe(true);
    // (The page is in Arabic since the test above.) The topic of the week is still the topic, with its reply box; the poll has none.
    expect(await page.locator('#forum-current .forum-post .card-header').textContent()).toBe(TITLE);
    expect(await page.locator('#forum-current .reply-form').count()).toBe(1);
    expect(await page.locator('#forum-posts .reply-form').count()).toBe(0);
    expect(await page.locator('#forum-earlier').isHidden()).toBe(true);
    // Posted in English, drawn for this Arabic reader: the bot's words and shares in Arabic, the options as written.
    const share = (n: number): string => new Intl.NumberFormat('ar', { style: 'percent', maximumFractionDigits: 0 }).format(n);
    expect(await poll.locator('li').allTextContents()).toEqual([`Yes  ░░░░░░░░░░  0 · ${share(0)}`, `No  ░░░░░░░░░░  0 · ${share(0)}`]);
    expect(await poll.locator('.card').getAttribute('dir')).toBe('rtl');
    expect(await poll.locator('.card-context').last().textContent()).toBe(ar.polls.voters({ count: 0 }));
    await poll.getByRole('button', { name: 'Yes' }).click();
    await page.locator('#forum-posts .forum-post li', { hasText: `Yes  ▓▓▓▓▓▓▓▓▓▓  1 · ${share(1)}` }).waitFor();
    expect(await poll.locator('.card-context').last().textContent()).toBe(ar.polls.voters({ count: 1 }));
    await page.screenshot({ path: `${RESULTS_DIR}web-forum-poll.png`, fullPage: true });
  });

  it('logged no script or console errors', () => {
    expect(problems).toEqual([]);
  });
});
