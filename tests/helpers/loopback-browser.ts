// Debian's Chromium, driven by playwright-core, that may reach one origin only: every other request is refused and
// recorded, and console errors, page errors and failed requests are collected for the test to assert on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const MISSING_CHROMIUM =
  `The browser tests need Chromium at ${CHROMIUM}, which is missing: run \`apt-get install chromium\` ` +
  '(Debian/Ubuntu; `.ci/run` does it in CI), then run the tests again.';

export interface LoopbackBrowser {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for, allowed or not. */
  requested: string[];
  /** URLs outside the origin, refused. */
  blocked: string[];
  /** Console errors (and warnings, when asked), page errors and failed requests. */
  problems: string[];
  close(): Promise<void>;
}

export async function launchLoopbackBrowser(
  origin: string,
  options: { reducedMotion?: 'reduce'; warningsAreProblems?: boolean } = {},
): Promise<LoopbackBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'loopback-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    // Date fields take their parts in this locale's order (month, day, year).
    locale: 'en-US',
    ...(options.reducedMotion ? { reducedMotion: options.reducedMotion } : {}),
  });
  const requested: string[] = [];
  const blocked: string[] = [];
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requested.push(url);
    if (new URL(url).origin === origin) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    const type = message.type();
    if (type === 'error' || (options.warningsAreProblems && type === 'warning')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  return {
    context,
    page,
    requested,
    blocked,
    problems,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
