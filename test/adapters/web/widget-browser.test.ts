/**
 * The embeddable widget in a real headless Chromium: a page of "the organisation's site" on another
 * local origin carries the one script tag; its launcher opens the chat in a frame, the chat works
 * there, Escape closes it and gives the keyboard back, and it fits a phone. Screenshots go to
 * test/screenshots/.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n/index.ts';
import { CHROMIUM_MISSING, findChromium, launchChromium, watchForProblems } from '../../support/browser.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { WebPerson } from './web-person.ts';

const SCREENSHOTS = fileURLToPath(new URL('../../screenshots/', import.meta.url));
const executablePath = findChromium();
if (!executablePath) console.warn(CHROMIUM_MISSING);
const describeBrowser = executablePath ? describe : describe.skip;

const en = messages('en');
const TOPIC = 'Learning from a mid-term review';
const MODERATOR_ID = randomUUID();
const fr = messages('fr');

describeBrowser('the embeddable widget on another site, in Chromium', () => {
  let bot: TestHost;
  let site: http.Server;
  let siteUrl = '';
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The organisation's site: its own pages, the bot's one script tag in each.
    site = http.createServer((req, res) => {
      const attributes = req.url === '/fr-left' ? ' data-lang="fr" data-position="left"' : '';
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Ministry site</title></head>
        <body><h1>Ministry of Planning</h1><p>Our programmes.</p><a href="#top">A link of the site</a>
        <script src="${bot.url}/web/widget.js" defer${attributes}></script></body></html>`);
    });
    site.listen(0, '127.0.0.1');
    await once(site, 'listening');
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    // The bot lets that site show it in a frame (frame-ancestors); local access serves this machine.
    bot = await startTestHost({ WEB_EMBED_ORIGINS: siteUrl, DISCUSSION_CHANNELS: 'web:forum', MODERATORS: `web:${MODERATOR_ID}` }, { ingestKnowledge: false });
    // This week's topic, which the widget shows above the chat.
    const moderator = WebPerson.withId(bot.url, MODERATOR_ID);
    await moderator.answer(`topic propose ${TOPIC} | What did you change after the review?`);
    await moderator.answer('topic approve 1');
    await moderator.answer('topic post-now');
    browser = await launchChromium(executablePath as string);
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    watchForProblems(page, problems);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await bot?.close();
    site?.close();
  });

  const launcher = (name: string = en.web.widgetOpen): ReturnType<Page['getByRole']> => page.getByRole('button', { name });
  const chat = (): FrameLocator => page.frameLocator(`iframe[title="${en.web.widgetFrameTitle}"]`);
  /** The element with the keyboard, looking into the widget's shadow root. */
  const focused = (): Promise<string> =>
    page.evaluate(() => {
      const active = document.activeElement;
      const inner = active?.shadowRoot?.activeElement ?? active;
      return `${inner?.tagName ?? ''}${inner?.getAttribute('aria-expanded') ? `[expanded=${inner.getAttribute('aria-expanded')}]` : ''}`;
    });

  it('adds a launcher button in the bottom right corner, closed', async () => {
    await page.goto(siteUrl);
    await launcher().waitFor();
    expect(await launcher().getAttribute('aria-expanded')).toBe('false');
    const box = await launcher().boundingBox();
    expect(box && box.x + box.width).toBeGreaterThan(1100);
    expect(box && box.y + box.height).toBeGreaterThan(800);
    expect(await page.locator('iframe').count()).toBe(0);
  });

  it('opens the chat in a frame with a title, and the chat answers there', async () => {
    await launcher().click();
    expect(await launcher(en.web.widgetClose).getAttribute('aria-expanded')).toBe('true');
    const frame = page.locator(`iframe[title="${en.web.widgetFrameTitle}"]`);
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toBe(`${bot.url}/?embed=1&lang=en`);
    const input = chat().locator('#input');
    await input.waitFor();
    await input.fill('help');
    await input.press('Enter');
    await chat().locator('#log .bubble.bot .card-header', { hasText: en.help.title }).waitFor();
    // Compact, with this week's topic above the chat.
    expect(await chat().locator('html.embed').count()).toBe(1);
    await chat().locator('#forum', { hasText: TOPIC }).waitFor();
    const [forumBox, chatBox] = [await chat().locator('#forum').boundingBox(), await chat().locator('#composer').boundingBox()];
    expect(forumBox && chatBox && forumBox.y + forumBox.height <= chatBox.y + 1).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}chat-widget-open.png` });
  });

  it('closes with Escape pressed in the chat, giving the keyboard back to the launcher', async () => {
    await chat().locator('#input').focus();
    await page.keyboard.press('Escape');
    await page.locator(`iframe[title="${en.web.widgetFrameTitle}"]`).waitFor({ state: 'hidden' });
    expect(await launcher().getAttribute('aria-expanded')).toBe('false');
    expect(await focused()).toBe('BUTTON[expanded=false]');
  });

  it('opens and closes with the keyboard alone, the conversation kept', async () => {
    await page.keyboard.press('Enter');
    await chat().locator('#input').waitFor();
    expect(await launcher(en.web.widgetClose).getAttribute('aria-expanded')).toBe('true');
    expect(await chat().locator('#log .bubble.me').allTextContents()).toEqual(['help']);
    await launcher(en.web.widgetClose).focus();
    await page.keyboard.press('Escape');
    expect(await launcher().getAttribute('aria-expanded')).toBe('false');
    expect(await focused()).toBe('BUTTON[expanded=false]');
  });

  it('fits a phone’s width, the launcher still reachable', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await launcher().click();
    const frame = page.locator(`iframe[title="${en.web.widgetFrameTitle}"]`);
    await chat().locator('#input').waitFor();
    const panel = await frame.boundingBox();
    const button = await launcher(en.web.widgetClose).boundingBox();
    expect(panel).not.toBeNull();
    expect(panel!.x).toBeGreaterThanOrEqual(0);
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(390);
    expect(panel!.y + panel!.height).toBeLessThanOrEqual(button!.y);
    expect(button!.x + button!.width).toBeLessThanOrEqual(390);
    const overflow = await chat().locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}chat-widget-phone.png` });
    await launcher(en.web.widgetClose).click();
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it('follows data-lang and data-position: French words, bottom left', async () => {
    await page.goto(`${siteUrl}/fr-left`);
    const button = page.getByRole('button', { name: fr.web.widgetOpen });
    await button.waitFor();
    expect((await button.boundingBox())!.x).toBeLessThan(100);
    await button.click();
    const frame = page.frameLocator(`iframe[title="${fr.web.widgetFrameTitle}"]`);
    await frame.locator('#send', { hasText: fr.web.send }).waitFor();
    expect(await frame.locator('html').getAttribute('lang')).toBe('fr');
    await page.screenshot({ path: `${SCREENSHOTS}chat-widget-fr.png` });
  });

  it('draws a poll posted in English in French inside the French widget, before and after a vote', async () => {
    // The moderator writes in English: the poll's message is stored in English.
    const created = await WebPerson.withId(bot.url, MODERATOR_ID).answer('poll "Was the review useful?" "Useful" "Not useful" --discussion');
    expect(created.join('\n')).toContain(en.polls.created({ id: '1', channels: 1 }));
    await page.goto(`${siteUrl}/fr-left`);
    await page.getByRole('button', { name: fr.web.widgetOpen }).click();
    const frame = page.frameLocator(`iframe[title="${fr.web.widgetFrameTitle}"]`);
    const poll = frame.locator('#forum .card', { hasText: 'Was the review useful?' });
    await poll.waitFor();
    expect(await poll.locator('.card-context').first().textContent()).toBe(`${fr.polls.label({ id: '1' })} · ${fr.polls.kindSingle}`);
    expect(await poll.locator('.card-context').last().textContent()).toBe(fr.polls.voters({ count: 0 }));
    // A vote redraws it in place, still in French.
    await poll.getByRole('button', { name: 'Useful', exact: true }).click();
    await poll.locator('.card-context', { hasText: fr.polls.voters({ count: 1 }) }).waitFor();
    expect(await poll.textContent()).not.toContain(en.polls.label({ id: '1' }));
    expect(await poll.textContent()).not.toContain(en.polls.voters({ count: 1 }));
    await page.getByRole('button', { name: fr.web.widgetClose }).click();
  });

  it('is refused by the bot in a site it does not list (frame-ancestors)', async () => {
    const res = await fetch(`${bot.url}/?embed=1`);
    expect(res.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${siteUrl}`);
  });

  it('logged no script or console errors', () => {
    expect(problems).toEqual([]);
  });
});

describeBrowser('the widget on a site WEB_EMBED_ORIGINS does not list, in Chromium', () => {
  let bot: TestHost;
  let site: http.Server;
  let siteUrl = '';
  let browser: Browser;
  const logged: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    site = http.createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="${req.url === '/ar' ? 'ar' : 'en'}"><head><meta charset="utf-8"><title>Ministry site</title></head>
        <body><h1>Ministry of Planning</h1><script src="${bot.url}/web/widget.js" defer></script></body></html>`);
    });
    site.listen(0, '127.0.0.1');
    await once(site, 'listening');
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    // No WEB_EMBED_ORIGINS: the bot's pages may be framed by the bot itself only. Its log is kept.
    const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(line) });
    bot = await startTestHost({}, { ingestKnowledge: false, logger });
    browser = await launchChromium(executablePath as string);
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    site?.close();
  });

  it('says in the panel what to set, in place of a frame the browser would refuse, and the server warns once', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      watchForProblems(page, problems);
      await page.goto(siteUrl);
      await page.getByRole('button', { name: en.web.widgetOpen }).click();
      const note = page.getByRole('alert');
      await note.waitFor();
      expect(await note.textContent()).toBe(en.web.widgetBlocked.replace('{origin}', siteUrl));
      expect(await page.locator('iframe').count()).toBe(0);
      await page.screenshot({ path: `${SCREENSHOTS}chat-widget-unlisted.png` });
      // Arabic: the same note, right to left, the site's address isolated left to right.
      await page.goto(`${siteUrl}/ar`);
      await page.getByRole('button', { name: messages('ar').web.widgetOpen }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').locator('bdi').getAttribute('dir')).toBe('ltr');
      expect(await page.getByRole('alert').locator('bdi').textContent()).toBe(siteUrl);
    } finally {
      await context.close();
    }
    const warnings = logged.map((line) => JSON.parse(line) as { level: number; msg: string; origin?: string }).filter((l) => l.level === 40 && l.origin === siteUrl);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toContain('WEB_EMBED_ORIGINS');
    expect(problems).toEqual([]);
  });
});
