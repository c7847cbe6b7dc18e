// A browser app on another origin pages the API by its Link header and revalidates by ETag: Chromium runs a page
// served from a second loopback origin, which fetches the API cross-origin; the assertions read what the page saw.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createTestApp } from '../helpers/app.js';

const CHROMIUM = '/usr/bin/chromium';

interface PageResult {
  pages: number;
  ids: string[];
  links: (string | null)[];
  etag: string | null;
  revalidated: number;
  requestId: string | null;
  datasetVersion: string | null;
  rateLimitRemaining: string | null;
  errorStatus: number;
  errorType: string;
  errorRequestId: string | null;
}

let app: App;
let api: string;
let pageServer: http.Server;
let pageOrigin: string;
let context: BrowserContext;
let userDataDir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}: apt-get install chromium.`);
  app = await createTestApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  api = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  // The app's origin is 127.0.0.1; the page's is localhost on another port: two origins, both loopback.
  pageServer = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>third-party app</title><p>app</p>');
  });
  await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  pageOrigin = `http://localhost:${(pageServer.address() as AddressInfo).port}`;
  userDataDir = mkdtempSync(join(tmpdir(), 'cors-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  // Nothing may leave the two loopback origins.
  await context.route('**/*', (route) => {
    const { origin } = new URL(route.request().url());
    return origin === api || origin === pageOrigin ? route.continue() : route.abort('blockedbyclient');
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => pageServer?.close(resolve));
  await app?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe('a page on another origin', () => {
  it('reads Link, ETag and the other exposed headers, pages by Link and gets a 304 by If-None-Match', async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${pageOrigin}/`);
    expect(new URL(page.url()).origin).not.toBe(api);
    const result = await page.evaluate(async (apiOrigin): Promise<PageResult> => {
      // Past the HTTP cache, so that each answer is the server's (Node's RequestInit type lacks `cache`).
      const noStore = { cache: 'no-store' } as RequestInit;
      const first = `${apiOrigin}/v1/events?from=2020-09-27&to=2020-11-10&limit=5`;
      const ids: string[] = [];
      const links: (string | null)[] = [];
      let next: string | null = first;
      let pages = 0;
      let etag: string | null = null;
      let requestId: string | null = null;
      let datasetVersion: string | null = null;
      let rateLimitRemaining: string | null = null;
      while (next && pages < 3) {
        const response: Response = await fetch(next, noStore);
        const body = (await response.json()) as { data: { id: string }[] };
        ids.push(...body.data.map((e) => e.id));
        const link = response.headers.get('link');
        links.push(link);
        if (pages === 0) {
          etag = response.headers.get('etag');
          requestId = response.headers.get('x-request-id');
          datasetVersion = response.headers.get('x-dataset-version');
          rateLimitRemaining = response.headers.get('x-ratelimit-remaining');
        }
        const target = link ? /<([^>]+)>;\s*rel="next"/.exec(link)?.[1] : undefined;
        next = target ? new URL(target, next).href : null;
        pages++;
      }
      // If-None-Match is not a CORS-safelisted header: this request is preflighted.
      const again = await fetch(first, { ...noStore, headers: { 'If-None-Match': etag ?? '' } });
      const error = await fetch(`${apiOrigin}/v1/events?limit=0`, noStore);
      const problem = (await error.json()) as { type: string };
      return {
        pages,
        ids,
        links,
        etag,
        revalidated: again.status,
        requestId,
        datasetVersion,
        rateLimitRemaining,
        errorStatus: error.status,
        errorType: problem.type,
        errorRequestId: error.headers.get('x-request-id'),
      };
    }, api);

    // What the same walk gives without a browser, for comparison.
    const direct = (await app.inject({ url: '/v1/events?from=2020-09-27&to=2020-11-10&limit=15' })).json() as {
      data: { id: string }[];
    };
    expect(result.pages).toBe(3);
    // The first two pages led on by their Link header (the third may be the last).
    expect(result.links.slice(0, 2).every((l) => l?.includes('rel="next"'))).toBe(true);
    expect(result.ids).toEqual(direct.data.map((e) => e.id));
    expect(new Set(result.ids).size).toBe(15);
    expect(result.etag).toMatch(/^W\/"/);
    expect(result.revalidated).toBe(304);
    expect(result.requestId).toBeTruthy();
    expect(result.datasetVersion).toMatch(/^1\./);
    expect(Number(result.rateLimitRemaining)).toBeGreaterThan(0);
    expect(result.errorStatus).toBe(400);
    expect(result.errorType).toBe('/problems/invalid-parameters');
    expect(result.errorRequestId).toBeTruthy();
  }, 60_000);
});
