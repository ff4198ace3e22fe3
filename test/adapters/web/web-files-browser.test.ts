/**
 * Files on the web chat page in a real headless Chromium, against the real host: `my-data` comes
 * with a download link (a Blob URL with `download`) under the reply; clicking it, or pressing Enter
 * on it, saves the JSON — also in Arabic, right to left.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n/index.ts';
import { CHROMIUM_MISSING, findChromium, launchChromium, watchForProblems } from '../../support/browser.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';

const executablePath = findChromium();
if (!executablePath) console.warn(CHROMIUM_MISSING);
const describeBrowser = executablePath ? describe : describe.skip;

const QUESTION = 'How does a member state request “technical assistance”?';
const ARABIC_QUESTION = 'كيف تطلب دولة عضو المساعدة التقنية؟';

describeBrowser('web chat files in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    host = await startTestHost({}, { ingestKnowledge: false });
    browser = await launchChromium(executablePath as string);
    context = await browser.newContext({ locale: 'en-US', acceptDownloads: true, viewport: { width: 900, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    watchForProblems(page, problems);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await host?.close();
  });

  async function type(text: string): Promise<void> {
    const before = await page.locator('#log .bubble.bot').count();
    await page.locator('#input').fill(text);
    await page.locator('#input').press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('#log .bubble.bot').length > n, before);
  }

  async function savedText(download: Download): Promise<string> {
    const file = await download.path();
    return readFile(file, 'utf8');
  }

  it('offers `my-data` as a download whose content is the JSON with the question', async () => {
    await page.goto(host.url);
    await page.getByRole('button', { name: messages('en').web.send, exact: true }).waitFor();
    await type(QUESTION);
    await type('my-data');

    const title = messages('en').privacy.myDataTitle;
    const link = page.getByRole('link', { name: 'my-data.json' });
    await link.waitFor();
    // Under the reply it came with, which is the title — said once, not again on the link — and no word of direct messages.
    const bubble = page.locator('#log .bubble.bot').last();
    expect(await bubble.locator('.card-header').textContent()).toBe(title);
    expect((await bubble.textContent())?.split(title)).toHaveLength(2);
    expect(await bubble.textContent()).not.toContain('direct messages');
    expect(await link.getAttribute('download')).toBe('my-data.json');
    expect(await link.getAttribute('href')).toMatch(/^blob:/);

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('my-data.json');
    const data = JSON.parse(await savedText(download)) as { questions: { question: string; lang: string }[] };
    expect(data.questions.map((q) => q.question)).toEqual([QUESTION]);
  });

  it('works from the keyboard in Arabic, right to left', async () => {
    const ar = messages('ar');
    await type('lang ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await type(ARABIC_QUESTION);
    await type('my-data');

    const link = page.locator('#log .bubble.bot').last().locator('a.file-download');
    await link.waitFor();
    // The title is the reply's heading, not repeated on the link.
    expect(await page.locator('#log .bubble.bot').last().locator('.card-header').textContent()).toBe(ar.privacy.myDataTitle);
    expect(await link.locator('.file-title').count()).toBe(0);
    expect(await link.locator('.file-name').textContent()).toBe('my-data.json');
    expect(await page.locator('#log .bubble.bot').last().getAttribute('dir')).toBe('rtl');
    // The Latin file name is isolated, left to right, inside the right-to-left link.
    expect(await link.locator('.file-name').getAttribute('dir')).toBe('ltr');

    await link.focus();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('file-download'))).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const data = JSON.parse(await savedText(download)) as { profile: { lang: string }[]; questions: { question: string }[] };
    expect(data.profile.map((p) => p.lang)).toEqual(['ar']);
    expect(data.questions.map((q) => q.question)).toEqual([QUESTION, ARABIC_QUESTION]);
  });

  it('logged no script or console errors', () => {
    expect(problems).toEqual([]);
  });
});
