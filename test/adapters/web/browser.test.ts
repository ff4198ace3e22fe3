/** The web chat page in a real headless Chromium, against the real host. */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n/index.ts';
import { CHROMIUM_MISSING, findChromium, launchChromium } from '../../support/browser.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';

const RESULTS_DIR = fileURLToPath(new URL('../../../test-results/', import.meta.url));
const executablePath = findChromium();
if (!executablePath) console.warn(CHROMIUM_MISSING);
const describeBrowser = executablePath ? describe : describe.skip;

describeBrowser('web chat page in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    host = await startTestHost();
    browser = await launchChromium(executablePath as string);
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 900, height: 1000 } });
    // Anything the strict Content-Security-Policy refuses is reported as a console error (a problem).
    await context.addInitScript(() => {
      // eslint-disable-next-line no-console -- in the page: reported to the test as a console error
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('response', (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()} ${new URL(res.url()).pathname}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        problems.push(`console error: ${msg.text()} (${msg.location().url})`);
      }
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await host?.close();
  });

  /** Waits until the page's own words are those of `lang` (they arrive with each API answer). */
  async function waitForPageLanguage(lang: 'en' | 'es' | 'ar'): Promise<void> {
    const { send, title } = messages(lang).web;
    await page.getByRole('button', { name: send, exact: true }).waitFor();
    await page.waitForFunction(
      ([l, t]) => document.documentElement.lang === l && document.title === t,
      [lang, title] as const,
    );
  }

  it('loads in English with the input focused, under a strict Content-Security-Policy', async () => {
    const response = await page.goto(host.url);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    await waitForPageLanguage('en');
    expect(await page.locator('#title').textContent()).toBe(messages('en').web.title);
    expect(await page.locator('#input').getAttribute('placeholder')).toBe(messages('en').web.placeholder);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('input');
    // No web discussion channel is configured: no topic-of-the-week region.
    expect(await page.locator('#forum').isHidden()).toBe(true);
    // An empty chat greets the person and offers example questions and `help`.
    const greeting = page.locator('#log .bubble.greeting');
    await greeting.waitFor();
    expect(await greeting.locator('p').textContent()).toBe(messages('en').web.greeting);
    expect(await greeting.getByRole('button').allTextContents()).toEqual([...messages('en').web.examples, 'help']);
  });

  it('answers `help` in Spanish after `lang es`, and the page words follow', async () => {
    const es = messages('es');
    const input = page.locator('#input');
    await input.fill('lang es');
    await input.press('Enter');
    await page.locator('#log .bubble.bot', { hasText: es.lang.set }).waitFor();
    await waitForPageLanguage('es');
    expect(await page.locator('#send').textContent()).toBe(es.web.send);
    expect(await input.inputValue()).toBe('');

    // Keyboard only: type, Tab to the send button, press it.
    await input.pressSequentially('help');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('send');
    await page.keyboard.press('Enter');

    const header = page.locator('#log .bubble.bot .card-header', { hasText: es.help.title });
    await header.waitFor();
    expect(await header.textContent()).toBe(es.help.title);
    expect(await page.locator('#log .bubble.me').allTextContents()).toEqual(['lang es', 'help']);
    expect(await page.locator('#log .bubble.bot').last().getAttribute('lang')).toBe('es');
    // Long command syntax must not squeeze the descriptions into a narrow column.
    const widths = await page.evaluate(() => {
      const dl = document.querySelector('#log .card-fields');
      const dd = dl?.querySelector('dd');
      return { dl: dl?.getBoundingClientRect().width ?? 0, dd: dd?.getBoundingClientRect().width ?? 0 };
    });
    expect(widths.dd).toBeGreaterThanOrEqual(widths.dl * 0.5);
    await page.screenshot({ path: `${RESULTS_DIR}web-chat-es.png`, fullPage: true });
  });

  it('switches to Arabic, right to left, with the language buttons', async () => {
    const ar = messages('ar');
    await page.locator('#log .card-button', { hasText: messages('es').lang.choose }).click();
    const arabic = page.locator('#log .card-button[data-value="ar"]', { hasText: ar.languageName });
    await arabic.waitFor();
    await arabic.click();

    await page.locator('#log .bubble.bot', { hasText: ar.lang.set }).waitFor();
    await waitForPageLanguage('ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.locator('#log .bubble.bot').last().getAttribute('dir')).toBe('rtl');
    expect(await page.locator('#send').textContent()).toBe(ar.web.send);
    await page.screenshot({ path: `${RESULTS_DIR}web-chat-ar.png`, fullPage: true });
  });

  it('draws the help table’s commands left to right inside the Arabic text', async () => {
    const input = page.locator('#input');
    await input.fill('help');
    await input.press('Enter');
    const ask = page.locator('#log .bubble.bot').last().locator('dt', { hasText: 'ask <question>' });
    await ask.waitFor();
    // Where each character is drawn: "ask <question>" reads left to right, its closing ">" last on
    // the right (unisolated in right-to-left text it is drawn at the far left: "<ask <question").
    const xs = await ask.evaluate((dt) => {
      const walker = document.createTreeWalker(dt, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode() as Text;
      const at = (i: number): number => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getBoundingClientRect().left;
      };
      const text = node.data;
      return { text, a: at(text.indexOf('a')), lt: at(text.indexOf('<')), n: at(text.lastIndexOf('n')), gt: at(text.lastIndexOf('>')) };
    });
    const seen = JSON.stringify(xs);
    expect(xs.a, seen).toBeLessThan(xs.lt);
    expect(xs.lt, seen).toBeLessThan(xs.n);
    expect(xs.n, seen).toBeLessThan(xs.gt);
  });

  it('shows hostile text as text, not markup', async () => {
    const input = page.locator('#input');
    const before = await page.locator('#log .bubble.bot').count();
    await input.fill('<img src=x onerror="window.__pwned=1"> lang xx');
    await input.press('Enter');
    await page.locator('#log .bubble.me', { hasText: '<img src=x' }).waitFor();
    // The bot's answer (a usage message) arrives after the typed text.
    await page.waitForFunction((n) => document.querySelectorAll('#log .bubble.bot').length > n, before);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#log img').count()).toBe(0);
  });

  it('redraws a poll card after a vote in the chat, and keeps the conversation across a reload', async () => {
    const input = page.locator('#input');
    await input.fill('poll "Lunch on Friday?" "Pizza" "Soup"');
    await input.press('Enter');
    const card = page.locator('#log .bubble.bot', { hasText: 'Lunch on Friday?' });
    await card.waitFor();
    await card.getByRole('button', { name: 'Pizza' }).click();
    // The bot redraws the card a moment after the vote: the counts move without a reload.
    // (The page is in Arabic since the test above: the figures are in Arabic digits; the bar is full.)
    await card.locator('li', { hasText: 'Pizza' }).filter({ hasText: '▓▓▓▓▓▓▓▓▓▓' }).waitFor();
    const before = await page.locator('#log .bubble:not(.greeting)').allTextContents();

    await page.reload();
    await waitForPageLanguage('ar');
    const again = page.locator('#log .bubble.bot', { hasText: 'Lunch on Friday?' });
    await again.waitFor();
    expect(await page.locator('#log .bubble').allTextContents()).toEqual(before);
    // A chat that is not empty is not greeted again.
    expect(await page.locator('#log .greeting').count()).toBe(0);
    expect(await page.locator('#log .bubble.me').first().textContent()).toBe('lang es');
    // The buttons are still there, and still vote.
    await again.getByRole('button', { name: 'Soup' }).click();
    await again.locator('li', { hasText: 'Soup' }).filter({ hasText: '▓▓▓▓▓▓▓▓▓▓' }).waitFor();
    await page.screenshot({ path: `${RESULTS_DIR}web-chat-kept.png`, fullPage: true });
  });

  /** A page of a new person whose browser speaks French, closed after `run`. */
  async function asFrenchNewcomer(run: (newcomer: Page) => Promise<void>): Promise<void> {
    const french = await browser.newContext({ locale: 'fr-FR', viewport: { width: 900, height: 1000 } });
    try {
      const newcomer = await french.newPage();
      newcomer.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await run(newcomer);
    } finally {
      await french.close();
    }
  }

  it('greets a French newcomer in French, and an example question clicked is asked and answered', async () => {
    const fr = messages('fr');
    await asFrenchNewcomer(async (newcomer) => {
      await newcomer.goto(host.url);
      const greeting = newcomer.locator('#log .bubble.greeting');
      await greeting.waitFor();
      expect(await greeting.getAttribute('lang')).toBe('fr');
      expect(await greeting.locator('p').textContent()).toBe(fr.web.greeting);
      const [first] = fr.web.examples;
      await greeting.getByRole('button', { name: first }).click();
      await newcomer.locator('#log .bubble.me', { hasText: first }).waitFor();
      // Answered from the knowledge base, with its sources, in French.
      await newcomer.locator('#log .bubble.bot:not(.greeting)', { hasText: 'requesting-assistance.md' }).waitFor();
      await newcomer.screenshot({ path: `${RESULTS_DIR}web-chat-greeting-fr.png`, fullPage: true });
      await greeting.getByRole('button', { name: 'help' }).click();
      await newcomer.locator('#log .bubble.bot', { hasText: fr.help.title }).waitFor();
    });
  });

  it('says a message over 4,000 characters is too long before sending it, and keeps it whole in the box', async () => {
    const fr = messages('fr');
    await asFrenchNewcomer(async (newcomer) => {
      const sent: string[] = [];
      newcomer.on('request', (request) => {
        if (request.url().endsWith('/web/api/messages')) sent.push(request.postData() ?? '');
      });
      await newcomer.goto(host.url);
      await newcomer.locator('#log .bubble.greeting').waitFor();
      const long = `${'Une très longue question. '.repeat(180)}Fin`;
      expect(long.length).toBeGreaterThan(4000);
      const input = newcomer.locator('#input');
      await input.fill(long);
      await input.press('Enter');
      await newcomer.locator('#log .bubble.error', { hasText: fr.web.tooLong.replace('{max}', (4000).toLocaleString('fr')) }).waitFor();
      // Not cut, not sent: the text is still in the box, whole, to be shortened.
      expect(await input.inputValue()).toBe(long);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(await newcomer.locator('#log .bubble.me').count()).toBe(0);
      expect(sent).toEqual([]);
      // Shortened, it is sent.
      await input.fill('help');
      await input.press('Enter');
      await newcomer.locator('#log .bubble.bot', { hasText: fr.help.title }).waitFor();
      expect(sent).toHaveLength(1);
    });
  });

  it('logged no script or console errors', () => {
    expect(problems).toEqual([]);
  });
});
