// The TimelineJS export rendered by the real TimelineJS (Knight Lab's npm package, served from node_modules) in
// Chromium: no console errors, one slide per event and agreement, dates no finer than known, and the slides' HTML
// parsed by the browser into the data's own words. The page, TimelineJS's files and the API (through app.inject) come
// from this test's own server on 127.0.0.1; every other address is refused.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { createTestApp } from '../helpers/app.js';
import { walk } from '../helpers/json.js';
import {
  CHROMIUM,
  launchLoopbackBrowser,
  type LoopbackBrowser,
  MISSING_CHROMIUM,
} from '../helpers/loopback-browser.js';

const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts', 'formats');
const TIMELINEJS_DIST = join(PROJECT_ROOT, 'node_modules', '@knight-lab', 'timelinejs', 'dist');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.png': 'image/png',
};

/** The embed as Knight Lab documents it, reading the export from the URL it is given. */
const page = (exportUrl: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS export</title>
<link rel="stylesheet" href="/timelinejs/css/timeline.css">
<script src="/timelinejs/js/timeline.js"></script></head>
<body><div id="timeline-embed" style="width: 1200px; height: 700px"></div>
<script>
  // TimelineJS loads its language files and theme from script_path (by default Knight Lab's CDN), and its default
  // font from Google Fonts: both kept local, with the font left to the page.
  window.timeline = new TL.Timeline('timeline-embed', ${JSON.stringify(exportUrl)}, {
    script_path: location.origin + '/timelinejs/js/',
    font: '',
  });
  window.timeline.on('loaded', () => { document.body.dataset.loaded = 'true'; });
</script></body></html>`;

let app: App;
let server: Server;
let origin: string;
let browser: LoopbackBrowser | undefined;
let tab: Page;

/** Serves `/` (the embed), `/timelinejs/…` (the package's dist) and `/v1/…` (the app, through inject). */
function startServer(): Promise<string> {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    void (async () => {
      if (url.pathname === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return response.end(page(url.searchParams.get('export') ?? '/v1/timeline.timelinejs.json'));
      }
      if (url.pathname.startsWith('/timelinejs/')) {
        const file = normalize(join(TIMELINEJS_DIST, url.pathname.slice('/timelinejs/'.length)));
        if (!file.startsWith(TIMELINEJS_DIST) || !existsSync(file)) {
          response.writeHead(404);
          return response.end();
        }
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        return response.end(readFileSync(file));
      }
      const answer = await app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
      response.writeHead(answer.statusCode, { 'content-type': String(answer.headers['content-type'] ?? '') });
      response.end(answer.rawPayload);
    })();
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (!address || typeof address === 'string') throw new Error('the server has no port');
      resolve(`http://127.0.0.1:${address.port}`);
    });
  });
}

interface Slide {
  unique_id: string;
  start_date: { year: number; month?: number; day?: number };
  display_date?: string;
  text: { headline: string; text: string };
}

async function render(exportPath: string) {
  await tab.goto(`${origin}/?export=${encodeURIComponent(exportPath)}`);
  await tab.waitForSelector('body[data-loaded="true"]');
  await tab.waitForSelector('.tl-timemarker');
}

it(`has Chromium at ${CHROMIUM}`, () => {
  expect(existsSync(CHROMIUM), MISSING_CHROMIUM).toBe(true);
});

describe('the TimelineJS export in TimelineJS', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(MISSING_CHROMIUM);
    app = await createTestApp();
    origin = await startServer();
    browser = await launchLoopbackBrowser(origin);
    tab = browser.page;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await app?.close();
  });

  for (const query of ['', 'from=2020-09&to=2020-11']) {
    it(`renders one slide per event and agreement${query ? ` for ${query}` : ''}, without errors`, async () => {
      const exportPath = `/v1/timeline.timelinejs.json${query ? `?${query}` : ''}`;
      await render(exportPath);
      const doc = (await app.inject(exportPath)).json() as { events: Slide[] };
      const { items } = await walk<{ type: string; id: string }>(
        app,
        `/v1/timeline?limit=100${query ? `&${query}` : ''}`,
      );
      const records = items.filter((i) => i.type !== 'statistic');

      // A marker on the time axis per event slide, and the slides themselves: the title slide and one per record.
      const markers = await tab.locator('.tl-timemarker').count();
      const slides = await tab.locator('.tl-slide:not(.tl-slide-titleslide)').count();
      expect(markers).toBe(doc.events.length);
      expect(slides).toBe(doc.events.length);
      expect(slides).toBe(records.length);
      expect(await tab.locator('.tl-slide-titleslide').count()).toBe(1);
      // TimelineJS's own ids for the slides are the records' ids (it slugifies; ours are slugs already).
      const ids = await tab.locator('.tl-slide:not(.tl-slide-titleslide)').evaluateAll((els) => els.map((e) => e.id));
      // TimelineJS orders slides itself: a year-only slide sits at its year's start, before the days of that year.
      expect(ids.sort()).toEqual(records.map((r) => r.id).sort());
      expect(browser!.problems).toEqual([]);
      expect(browser!.blocked).toEqual([]);
    });
  }

  it('shows the source’s quote and links as text parsed from each slide’s HTML, and no day the data lacks', async () => {
    const exportPath = '/v1/timeline.timelinejs.json';
    await render(exportPath);
    const doc = (await app.inject(exportPath)).json() as { events: Slide[] };
    const { items } = await walk<{ type: string; id: string; url: string }>(app, '/v1/timeline?limit=100');
    const records = new Map(items.map((i) => [i.id, i]));
    let quoted = 0;
    for (const slide of doc.events) {
      const record = records.get(slide.unique_id)!;
      const { citations } = (await app.inject(record.url)).json() as { citations: { quote: string | null }[] };
      const quote = citations.find((c) => c.quote !== null)?.quote ?? null;
      // What TimelineJS made of the slide's HTML, as the reader sees it: the data's words as text, links, no markup
      // smuggled in from the data.
      const text = tab.locator(`.tl-slide[id="${slide.unique_id}"] .tl-text-content`);
      const links = await text.locator('a').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
      expect(await text.locator('script, img, iframe, [onerror], [onload]').count(), slide.unique_id).toBe(0);
      expect(links.length, slide.unique_id).toBeGreaterThan(0);
      for (const link of links) expect(link).toMatch(/^https?:\/\//);
      expect(links).toContain(`http://127.0.0.1:3000${record.url}`);
      const blockquote = text.locator('blockquote');
      if (quote === null) expect(await blockquote.count(), slide.unique_id).toBe(0);
      else expect(await blockquote.textContent(), slide.unique_id).toBe(`“${quote}” (in context)`);
      if (quote !== null) quoted++;
    }
    expect(quoted).toBeGreaterThan(0);
    // What TimelineJS prints as the date of a month-precision slide names no day.
    const month = doc.events.find((s) => s.start_date.month !== undefined && s.start_date.day === undefined)!;
    expect(month).toBeDefined();
    const shown = await tab.locator(`#${month.unique_id} .tl-headline-date`).first().textContent();
    expect(shown).toMatch(/^[A-Za-z]+ \d{4}$/);
    // An approximate one shows the source's words, not a year TimelineJS would print as if exact.
    const early = tab.locator('#occupation-of-karabakh-and-seven-districts .tl-headline-date').first();
    expect(await early.textContent()).toBe('early 1990s');
    mkdirSync(ARTIFACTS, { recursive: true });
    await tab.locator('#occupation-of-karabakh-and-seven-districts').scrollIntoViewIfNeeded();
    await tab.screenshot({ path: join(ARTIFACTS, 'timelinejs.png'), fullPage: true });
    expect(browser!.requested).toContain(`${origin}/timelinejs/js/timeline.js`);
  });
});
