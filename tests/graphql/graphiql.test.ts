// GraphiQL in a real browser (Debian's Chromium driven by playwright-core) against the real app on 127.0.0.1: the
// editor renders and a query runs, with every asset from the app itself. Every other address is refused and recorded,
// and must never be asked for; the page's CSP names no other host.
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createTestApp } from '../helpers/app.js';
import {
  CHROMIUM,
  launchLoopbackBrowser,
  type LoopbackBrowser,
  MISSING_CHROMIUM,
} from '../helpers/loopback-browser.js';

let app: App;
let origin: string;
let browser: LoopbackBrowser | undefined;
let page: Page;
let blocked: string[] = [];
let requested: string[] = [];
let problems: string[] = [];

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

    // Only the app under test may be reached; anything else is recorded and refused.
    browser = await launchLoopbackBrowser(origin);
    ({ page, blocked, requested, problems } = browser);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
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
