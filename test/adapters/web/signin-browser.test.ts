/**
 * Signing in to the web chat in a real headless Chromium, against the real host with local access
 * off: the sign-in form (labelled, keyboard only, errors announced), the chat after sign-in with an
 * answer cited from the built-in knowledge base, Arabic right to left, sign-out, an unusable
 * sign-in link, and the form in Arabic at a phone's width. Screenshots go to test/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n/index.ts';
import { createWebAccount, setPassword } from '../../../src/store/web-accounts.ts';
import { CHROMIUM_MISSING, findChromium, launchChromium } from '../../support/browser.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';

const SCREENSHOTS = fileURLToPath(new URL('../../screenshots/', import.meta.url));
const executablePath = findChromium();
if (!executablePath) console.warn(CHROMIUM_MISSING);
const describeBrowser = executablePath ? describe : describe.skip;

const en = messages('en');
const ar = messages('ar');
const PASSWORD = 'a long enough passphrase';

/** Records script errors, console errors and failed requests, except the 401s a sign-in page expects. */
function watch(page: Page, problems: string[]): void {
  page.setDefaultTimeout(20_000);
  const expected = (path: string, status: number): boolean => status === 401 && (path === '/web/api/session' || path === '/web/api/signin');
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (res.status() >= 400 && !expected(path, res.status())) problems.push(`HTTP ${res.status()} ${path}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 401/.test(msg.text())) problems.push(`console error: ${msg.text()}`);
  });
}

describeBrowser('signing in to the web chat, in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The built-in knowledge base is indexed at start: questions get cited answers.
    host = await startTestHost({ WEB_LOCAL_ACCESS: 'false' });
    const db = host.app.services.store.db;
    await createWebAccount(db, { login: 'amina', displayName: 'Amina Diallo', kind: 'member', by: 'test', now: new Date() });
    await setPassword(db, 'amina', PASSWORD, 'test', new Date());
    browser = await launchChromium(executablePath as string);
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 900, height: 1000 } });
    page = await context.newPage();
    watch(page, problems);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await host?.close();
  });

  it('shows the sign-in form, labelled, with the login focused and the chat hidden', async () => {
    await page.goto(host.url);
    await page.getByRole('heading', { level: 2, name: en.web.signInTitle }).waitFor();
    expect(await page.getByLabel(en.web.loginLabel).getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel(en.web.passwordLabel).getAttribute('type')).toBe('password');
    expect(await page.locator('#signin-intro').textContent()).toBe(en.web.signInIntro);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login');
    expect(await page.locator('#input').isVisible()).toBe(false);
    await page.screenshot({ path: `${SCREENSHOTS}chat-signin.png`, fullPage: true });
  });

  it('announces a wrong password, then signs in with the keyboard only', async () => {
    await page.keyboard.type('amina');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: en.web.signInFailed });
    await alert.waitFor();
    expect(await page.getByLabel(en.web.passwordLabel).getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.screenshot({ path: `${SCREENSHOTS}chat-signin-error.png`, fullPage: true });

    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('signin-button');
    await page.keyboard.press('Enter');
    await page.locator('#input').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('input');
    expect(await page.locator('#account-name').textContent()).toBe(en.web.signedInAs.replace('{name}', 'Amina Diallo'));
    expect(await page.locator('#signin').isHidden()).toBe(true);
  });

  it('answers a question with its sources from the knowledge base', async () => {
    const input = page.locator('#input');
    await input.fill('How does a member state request technical assistance?');
    await input.press('Enter');
    const answer = page.locator('#log .bubble.bot', { hasText: en.ask.sources });
    await answer.waitFor({ timeout: 60_000 });
    expect(await answer.locator('.card-text').textContent()).toMatch(/\[1\]/);
    const sources = await answer.locator('.card-list li').allTextContents();
    expect(sources.length).toBeGreaterThan(0);
    expect(sources[0]).toMatch(/^\[1\] .+ — knowledge\/docs\//);
    await page.screenshot({ path: `${SCREENSHOTS}chat-signed-in-answer.png`, fullPage: true });
  });

  it('switches to Arabic, right to left', async () => {
    const input = page.locator('#input');
    await input.fill('lang ar');
    await input.press('Enter');
    await page.locator('#log .bubble.bot', { hasText: ar.lang.set }).waitFor();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ar');
    expect(await page.locator('#signout').textContent()).toBe(ar.web.signOut);
    expect(await page.locator('#account-name').textContent()).toBe(ar.web.signedInAs.replace('{name}', 'Amina Diallo'));
    await page.screenshot({ path: `${SCREENSHOTS}chat-signed-in-ar.png`, fullPage: true });
  });

  it('signs out back to the form', async () => {
    await page.locator('#signout').click();
    await page.locator('#signin-form').waitFor();
    expect(await page.locator('#layout').isHidden()).toBe(true);
    expect(await page.locator('#log .bubble').count()).toBe(0);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'ta_forum_session')).toBeUndefined();
  });

  it('says so when a sign-in link cannot be used', async () => {
    await page.goto(`${host.url}/web/signin/${'x'.repeat(43)}`);
    await page.getByRole('alert').filter({ hasText: en.web.signInLinkInvalid }).waitFor();
    expect(new URL(page.url()).search).toBe('');
  });

  it('shows the form in Arabic, right to left, at a phone’s width', async () => {
    const phone = await browser.newContext({ locale: 'ar', viewport: { width: 390, height: 844 } });
    try {
      const small = await phone.newPage();
      watch(small, problems);
      await small.goto(host.url);
      await small.getByRole('heading', { level: 2, name: ar.web.signInTitle }).waitFor();
      const layout = await small.evaluate(() => ({
        dir: document.documentElement.dir,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        button: (document.getElementById('signin-button') as HTMLElement).getBoundingClientRect().right,
      }));
      expect(layout).toMatchObject({ dir: 'rtl' });
      expect(layout.overflow).toBeLessThanOrEqual(0);
      expect(layout.button).toBeLessThanOrEqual(390);
      expect(await small.getByLabel(ar.web.loginLabel).isVisible()).toBe(true);
      await small.screenshot({ path: `${SCREENSHOTS}chat-signin-ar-phone.png`, fullPage: true });
    } finally {
      await phone.close();
    }
  });

  it('logged no script or console errors', () => {
    expect(problems).toEqual([]);
  });
});
