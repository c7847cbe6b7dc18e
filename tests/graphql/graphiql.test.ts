// GraphiQL in a real browser (Debian's Chromium driven by playwright-core) against the real app on 127.0.0.1: the
// editor renders and a query runs, with every asset from the app itself. Every other address is refused and recorded,
// and must never be asked for; the page's CSP names no other host.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createTestApp } from '../helpers/app.js';

const CHROMIUM = '/usr/bin/chromium';
const MISSING_CHROMIUM =
  `The browser tests need Chromium at ${CHROMIUM}, which is missing: run \`apt-get install chromium\` ` +
  '(Debian/Ubuntu; `.ci/run` does it in CI), then run the tests again.';

let app: App;
let origin: string;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
const blocked: string[] = [];
const requested: string[] = [];
const problems: string[] = [];

it(`has Chromium at ${CHROMIUM}`, () => {
  expect(existsSync(CHROMIUM), MISSING_CHROMIUM).toBe(true);
});

describe('GraphiQL', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(MISSING_CHROMIUM);
    app = await createTestApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the app has no port');
    origin = `http://127.0.0.1:${address.port}`;

    userDataDir = mkdtempSync(join(tmpdir(), 'graphiql-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
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
    });
    // Only the app under test may be reached; anything else is recorded and refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requested.push(url);
      if (new URL(url).origin === origin) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    await app?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('names no other host in its Content-Security-Policy', async () => {
    const response = await app.inject({ url: '/graphiql' });
    expect(response.statusCode).toBe(200);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|unsafe-eval/);
  });

  it('renders the editor and runs a query, with no request leaving 127.0.0.1', async () => {
    await page.goto(`${origin}/graphiql`);
    const editor = page.locator('.graphiql-query-editor .CodeMirror');
    await editor.waitFor();
    // The schema's own documentation comes from an introspection query against /graphql.
    await page.locator('.graphiql-container').waitFor();
    // CodeMirror 5 keeps its API on its element: type the query as a user's keystrokes would leave it.
    await editor.evaluate((element, query) => {
      (element as unknown as { CodeMirror: { setValue(value: string): void } }).CodeMirror.setValue(query);
    }, '{ district(slug: "lachin") { slug name return { mode } } }');
    const answered = page.waitForResponse(
      (r) =>
        r.url() === `${origin}/graphql` &&
        r.request().method() === 'POST' &&
        /district/.test(r.request().postData() ?? ''),
    );
    await page.locator('.graphiql-execute-button').click();
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({
      data: { district: { slug: 'lachin', name: 'Lachin', return: { mode: 'handover' } } },
    });
    // The answer is on show in the result pane.
    await page.locator('.result-window', { hasText: '"handover"' }).waitFor();

    expect(requested.length).toBeGreaterThan(0);
    expect(requested.some((url) => url.endsWith('/graphiql/graphiql.min.js'))).toBe(true);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);
});
