/**
 * A headless Chromium for the browser tests, from the system (Debian's `chromium` package). No
 * browser is ever downloaded: without one, the browser suites are skipped, loudly.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_MISSING =
  "Chromium not found: install Debian's chromium (apt-get install chromium) to run the browser tests";

function executable(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return undefined;
  }
}

function which(name: string): string | undefined {
  try {
    return execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** CHROMIUM_PATH, else /usr/bin/chromium, else `chromium` on the PATH; undefined when none runs. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && !executable(fromEnv)) console.warn(`CHROMIUM_PATH=${fromEnv} is not an executable file; looking elsewhere.`);
  return executable(fromEnv) ?? executable('/usr/bin/chromium') ?? executable(which('chromium'));
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Collects what went wrong on a page into `problems`: HTTP answers of 400 and above (by path),
 * uncaught page errors and console errors. Tests assert the list empty at the end.
 */
export function watchForProblems(page: Page, problems: string[]): void {
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} ${new URL(res.url()).pathname}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
}
