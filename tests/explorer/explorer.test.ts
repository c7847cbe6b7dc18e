// The explorer in a real browser (Debian's Chromium driven by playwright-core) against the real app on 127.0.0.1:
// timeline, map, district page, a fact's quote highlighted in the article, claims. Every other address is
// blocked and must never be asked for. Screenshots go to test-artifacts/explorer/; the first load's weight is
// printed.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExplorer } from '../../scripts/build-explorer.js';
import type { App } from '../../src/app.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { createTestApp } from '../helpers/app.js';
import {
  CHROMIUM,
  launchLoopbackBrowser,
  type LoopbackBrowser,
  MISSING_CHROMIUM,
} from '../helpers/loopback-browser.js';
import { walk } from '../helpers/json.js';

const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts', 'explorer');
/** The first load (page, script, stylesheet and the API answers it reads) must stay small. */
const FIRST_LOAD_BUDGET = 150_000;

let app: App;
let origin: string;
let browser: LoopbackBrowser | undefined;
let page: Page;
let blocked: string[] = [];
let problems: string[] = [];

async function shot(name: string, fullPage = true) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

/** Goes to a route of the explorer (`#/claims`) and waits until it has rendered. */
async function open(hash: string) {
  await page.goto(`${origin}/${hash}`);
  await settled(hash.slice(1).split('?')[0] as string);
}

/** Waits until the route at `path` (`/district/lachin`) is on show. */
async function settled(path: string) {
  await page.waitForSelector(`main[data-path="${path}"]:not([aria-busy]) h1`);
}

/** Every date on the page is a <time> with a YYYY-MM-DD datetime. */
async function expectMachineReadableDates() {
  const datetimes = await page
    .locator('time')
    .evaluateAll((elements) => elements.map((e) => e.getAttribute('datetime')));
  expect(datetimes.length).toBeGreaterThan(0);
  for (const datetime of datetimes) expect(datetime).toMatch(/^\d{4}-\d{2}-\d{2}$/);
}

/** One heading per page; every control and link has an accessible name; every input a label. */
async function expectBasicAccessibility() {
  expect(await page.locator('h1').count()).toBe(1);
  const unnamed = await page.locator('a, button, input, svg').evaluateAll((elements) =>
    elements
      .filter((e) => {
        const label =
          e.getAttribute('aria-label') ??
          e.getAttribute('aria-labelledby') ??
          (e.id ? e.ownerDocument.querySelector(`label[for="${e.id}"]`)?.textContent : null) ??
          (e.closest('label') ? 'label' : null) ??
          e.querySelector('title')?.textContent ??
          e.textContent;
        const hidden = e.closest('[aria-hidden="true"]') !== null;
        return !hidden && !(label ?? '').trim();
      })
      .map((e) => e.outerHTML.slice(0, 120)),
  );
  expect(unnamed).toEqual([]);
}

// A machine without the browser fails here, saying what to install, rather than skipping the browser tests.
it(`has Chromium at ${CHROMIUM}`, () => {
  expect(existsSync(CHROMIUM), MISSING_CHROMIUM).toBe(true);
});

describe('the explorer', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(MISSING_CHROMIUM);
    mkdirSync(ARTIFACTS, { recursive: true });
    await buildExplorer();
    app = await createTestApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the app has no port');
    origin = `http://127.0.0.1:${address.port}`;

    // Only the app under test may be reached; anything else is recorded and refused.
    browser = await launchLoopbackBrowser(origin, { reducedMotion: 'reduce', warningsAreProblems: true });
    ({ page, blocked, problems } = browser);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('loads the overview from the app alone, with a map of the districts coloured by how they returned', async () => {
    const responses: { url: string; bytes: number }[] = [];
    const sized: Promise<void>[] = [];
    page.on('requestfinished', (request) => {
      sized.push(
        request.sizes().then((sizes) => {
          responses.push({ url: request.url(), bytes: sizes.responseHeadersSize + sizes.responseBodySize });
        }),
      );
    });
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    await settled('/');
    await Promise.all(sized);
    page.removeAllListeners('requestfinished');

    const total = responses.reduce((sum, r) => sum + r.bytes, 0);
    console.log(
      `explorer first load: ${responses.length} requests, ${total} bytes transferred\n` +
        responses.map((r) => `  ${String(r.bytes).padStart(7)}  ${r.url.slice(origin.length)}`).join('\n'),
    );
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(FIRST_LOAD_BUDGET);
    expect(responses.every((r) => r.url.startsWith(origin))).toBe(true);

    // The seven districts as their borders, one path each, and the cities as markers; each links to its page.
    expect(await page.locator('svg.map a.place-district path.border').count()).toBe(7);
    expect(await page.locator('svg.map a.place').count()).toBe(9);
    const lachin = page.locator('svg.map a[data-slug="lachin"]');
    expect(await lachin.getAttribute('href')).toBe('#/district/lachin');
    // Today, every district has returned: Lachin handed over, Fuzuli taken in the military operation.
    expect(await lachin.locator('path.border').getAttribute('fill')).toBe('#1f5fa0');
    expect(await page.locator('svg.map a[data-slug="fuzuli"] path.border').getAttribute('fill')).toBe('#b35806');
    expect(await page.locator('table.districts tbody tr').count()).toBe(7);
    // The English name, with the other names beside it.
    expect(await page.locator('table.districts th:has(a[href="#/district/lachin"]) [lang="az"]').textContent()).toBe(
      'Laçın',
    );
    await expectMachineReadableDates();
    await expectBasicAccessibility();
    await shot('overview');
  });

  it('shows the war’s start and the 10 November statement on the timeline, and zooms to the 44 days', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Timeline' }).click();
    await settled('/timeline');
    expect(page.url()).toContain('#/timeline');

    const start = page.locator('.tl-row[data-id="fighting-breaks-out-2020-09-27"]');
    expect(await start.locator('time').getAttribute('datetime')).toBe('2020-09-27');
    expect(await start.locator('time').textContent()).toBe('27 September 2020');
    const statement = page.locator('.tl-row[data-id="trilateral-statement-2020"]');
    expect(await statement.locator('time').getAttribute('datetime')).toBe('2020-11-10');
    expect(await statement.textContent()).toContain('Trilateral statement of 10 November 2020');

    // "Early 1990s" is a span over 1990–1994, drawn as an approximate bar, not a point.
    const early = page.locator('.tl-row[data-id="occupation-of-karabakh-and-seven-districts"]');
    expect(await early.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')))).toEqual([
      '1990-01-01',
      '1994-12-31',
    ]);
    expect(await early.textContent()).toContain('approximate');
    const bar = await early.locator('.tl-span.tl-fuzzy').boundingBox();
    expect(bar?.width).toBeGreaterThan(40);
    await expectMachineReadableDates();
    await expectBasicAccessibility();
    await shot('timeline');

    await page.getByRole('button', { name: /The 44-day war/ }).click();
    await page.waitForFunction('location.hash.includes("from=2020-09-27")');
    expect(await page.locator('.tl-status').textContent()).toContain('27 September 2020 to 10 November 2020');
    expect(await early.count()).toBe(0);
    // In the war's window the first day sits at the left of the track and the statement at its right.
    const track = await start.locator('.tl-track').boundingBox();
    const first = await start.locator('.tl-point').boundingBox();
    const last = await statement.locator('.tl-point').boundingBox();
    if (!track || !first || !last) throw new Error('timeline marks not drawn');
    expect((first.x - track.x) / track.width).toBeLessThan(0.05);
    expect((last.x - track.x) / track.width).toBeGreaterThan(0.95);
    await shot('timeline-war');

    // The keyboard zooms too: − on the focused chart widens the window.
    await page.locator('.tl-chart').focus();
    await page.keyboard.press('-');
    await page.waitForFunction('!location.hash.includes("from=2020-09-27")');
  });

  it('opens a district from the map with the keyboard: names, occupation and return, events, figures', async () => {
    await open('#/');
    await page.locator('svg.map a[data-slug="lachin"]').focus();
    await page.keyboard.press('Enter');
    await settled('/district/lachin');
    expect(page.url()).toMatch(/#\/district\/lachin$/);
    expect(await page.locator('h1').textContent()).toContain('Lachin');

    const names = page.locator('table.names');
    for (const [lang, name] of [
      ['en', 'Lachin'],
      ['az', 'Laçın'],
      ['ru', 'Лачинский район'],
      ['hy', 'Բերձոր'],
    ])
      expect(await names.locator(`th[lang="${lang}"]`).allTextContents()).toContain(name);
    const control = page.locator('dl.facts').first();
    expect(await control.locator('time[datetime="1992-05-18"]').count()).toBe(1);
    expect(await control.locator('time[datetime="2020-12-01"]').count()).toBe(1);
    expect(await control.textContent()).toContain('handover');
    expect(await page.locator('ol.events li').count()).toBeGreaterThan(3);
    expect(await page.locator('table.statistics').textContent()).toContain('63,341');
    // Claims about its events are attributed, never stated as facts.
    const claims = page.locator('article.claim');
    expect(await claims.count()).toBeGreaterThan(0);
    for (const text of await claims.allTextContents()) expect(text).toMatch(/according to/);
    await expectMachineReadableDates();
    await expectBasicAccessibility();
    await shot('district-lachin');
  });

  it('takes a fact to its quote, highlighted and scrolled into view in the article', async () => {
    const { items: quotes } = await walk<{ id: number; quote: string; record: { type: string; id: string } }>(
      app,
      '/v1/sources/article-2025-09-27/citations?limit=100',
    );
    const citation = quotes.find((c) => c.record.type === 'event' && c.record.id === 'lachin-handed-over-2020');
    if (!citation) throw new Error('no quote for the Lachin handover in the article');

    await page.locator('a.fact[data-record="event:lachin-handed-over-2020"]').first().click();
    await settled('/source/article-2025-09-27');
    expect(page.url()).toContain(`#/source/article-2025-09-27?cite=${citation.id}`);
    const current = page.locator('mark.current');
    expect((await current.allTextContents()).join('')).toBe(citation.quote);
    // The quote is on screen and has focus; the callout names the fact it supports.
    await page.waitForFunction(`(() => {
      const mark = document.querySelector('mark.current');
      const box = mark && mark.getBoundingClientRect();
      return !!box && box.top >= 0 && box.bottom <= innerHeight && document.activeElement === mark;
    })()`);
    expect(await page.locator('.callout').textContent()).toContain('Lachin district returned to Azerbaijani control');
    // Every cited sentence of the article is highlighted.
    expect(await page.locator('.source-text mark').count()).toBeGreaterThan(20);
    await expectMachineReadableDates();
    await expectBasicAccessibility();
    await shot('source-quote', false);
  });

  it('shows claims as claims, attributed to who makes them', async () => {
    await open('#/claims');
    const total = ((await app.inject({ url: '/v1/claims?limit=100' })).json() as { data: unknown[] }).data.length;
    const cards = page.locator('article.claim');
    expect(await cards.count()).toBe(total);
    for (const text of await cards.allTextContents()) expect(text).toMatch(/— according to /);
    await expectBasicAccessibility();
    await shot('claims');
  });

  it('shows observances apart from events, each with the event that established it', async () => {
    const list = (await app.inject({ url: '/v1/observances?limit=100' })).json() as {
      data: { id: string; name: string; established_by: { id: string } | null }[];
    };
    await open('#/observances');
    const cards = page.locator('article.observance');
    expect(await cards.count()).toBe(list.data.length);
    for (const o of list.data) {
      const card = page.locator(`#observance-${o.id}`);
      expect(await card.locator('h2').textContent()).toContain(o.name);
      if (o.established_by) expect(await card.locator(`a[href="#/event/${o.established_by.id}"]`).count()).toBe(1);
    }
    await expectBasicAccessibility();
    await shot('observances');
    // The timeline holds events; a day kept every year is not one of them.
    await open('#/timeline');
    expect(await page.locator('main').textContent()).not.toContain('Remembrance of those killed');
    expect(await page.locator('article.observance').count()).toBe(0);
  });

  it('shows the dataset\'s "cite as" line in the footer, links the downloads, and saves the citation as BibTeX', async () => {
    await open('#/');
    await page.waitForSelector('#cite-this:not([aria-busy])');
    const text = await app.inject({ url: '/v1/cite', headers: { accept: 'text/plain' } });
    const citeAs = text.body.split('\n')[0]?.replace(/^Cite as: /, '');
    const version = (await app.inject({ url: '/v1/meta' })).json<{ version: string }>().version;
    expect(citeAs).toContain(version);
    expect(await page.locator('#cite-this').textContent()).toBe(citeAs);
    const hrefs = await page
      .locator('footer a')
      .evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.getAttribute('data-accept')]));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        ['/v1/downloads', null],
        ['/v1/downloads/history.zip', null],
        ['/v1/cite', 'application/vnd.citationstyles.csl+json'],
        ['/v1/cite', 'application/x-bibtex'],
        ['/v1/cite', 'text/plain'],
      ]),
    );
    await page.locator('footer').screenshot({ path: join(ARTIFACTS, 'footer-cite.png') });
    // One URL in three types: the BibTeX link saves what /v1/cite answers to Accept: application/x-bibtex.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.cite-this a[data-accept="application/x-bibtex"]'),
    ]);
    expect(download.suggestedFilename()).toBe('karabakh-history.bib');
    const saved = readFileSync(await download.path(), 'utf8');
    const bibtex = await app.inject({ url: '/v1/cite', headers: { accept: 'application/x-bibtex' } });
    expect(saved).toBe(bibtex.body);
  });

  it("draws each district's border from /v1/districts.geojson, labelled at its label point, with the credit line", async () => {
    await open('#/');
    const geojson = (await (await fetch(`${origin}/v1/districts.geojson`)).json()) as {
      attribution: string;
      features: { id: string; geometry: { type: string; coordinates: unknown[] } }[];
    };
    const borders = page.locator('svg.map a.place-district path.border');
    expect(await borders.count()).toBe(geojson.features.length);
    for (const feature of geojson.features) {
      const d = await page.locator(`svg.map a[data-slug="${feature.id}"] path.border`).getAttribute('d');
      // One subpath per ring of the polygon (or of each part of a multipolygon), each with its own vertices.
      const ringCount =
        feature.geometry.type === 'Polygon'
          ? feature.geometry.coordinates.length
          : (feature.geometry.coordinates as unknown[][]).flat().length;
      expect(d?.match(/M/g)?.length, feature.id).toBe(ringCount);
      expect(d?.split('L').length, feature.id).toBeGreaterThan(10);
      // The label sits inside the district's drawn shape.
      const inside = await page.locator(`svg.map a[data-slug="${feature.id}"]`).evaluate((a) => {
        interface Point {
          x: number;
          y: number;
        }
        const path = a.querySelector('path.border') as unknown as { isPointInFill(p: Point): boolean };
        const text = a.querySelector('text.label');
        const map = a.closest('svg') as unknown as { createSVGPoint(): Point };
        const point = map.createSVGPoint();
        point.x = Number(text?.getAttribute('x'));
        point.y = Number(text?.getAttribute('y'));
        return path.isPointInFill(point);
      });
      expect(inside, feature.id).toBe(true);
    }
    expect(await page.locator('.map-figure .credit').textContent()).toBe(
      'District boundaries: Natural Earth (naturalearthdata.com), public domain.',
    );
    expect(geojson.attribution).toBe('District boundaries: Natural Earth (naturalearthdata.com), public domain.');
    expect(await page.locator('.map-legend li').count()).toBeGreaterThanOrEqual(4);
    await expectBasicAccessibility();
  });

  it('recolours the districts by who controlled each on the day chosen', async () => {
    await open('#/');
    const input = page.getByLabel('On', { exact: true });
    const states = async () =>
      Object.fromEntries(
        await page
          .locator('svg.map a.place-district')
          .evaluateAll((links) => links.map((a) => [a.getAttribute('data-slug'), a.getAttribute('data-state')])),
      ) as Record<string, string>;
    const returned = (s: Record<string, string>) =>
      Object.keys(s)
        .filter((slug) => s[slug] === 'military_operation' || s[slug] === 'handover')
        .sort();

    await input.fill('1992-01-01');
    await input.dispatchEvent('change');
    const before = await states();
    expect(Object.values(before).every((state) => state === 'before')).toBe(true);
    expect(await page.locator('#map-status').textContent()).toContain('On 1 January 1992');
    await shot('map-1992-01-01', false);

    await input.fill('2020-11-21');
    await input.dispatchEvent('change');
    const nov21 = await states();
    // Aghdam (handed over the day before) and the four taken in the war; not yet Kalbajar or Lachin.
    expect(returned(nov21)).toEqual(['aghdam', 'fuzuli', 'gubadli', 'jabrayil', 'zangilan']);
    expect(nov21.kalbajar).toBe('armenian');
    expect(nov21.lachin).toBe('armenian');
    expect(nov21.aghdam).toBe('handover');
    expect(nov21.fuzuli).toBe('military_operation');
    expect(await page.locator('svg.map a[data-slug="lachin"] path.border').getAttribute('fill')).toBe(
      'url(#hatch-armenian)',
    );
    const status = await page.locator('#map-status').textContent();
    expect(status).toContain('On 21 November 2020');
    expect(status).toMatch(/under Armenian control: (Lachin, Kalbajar|Kalbajar, Lachin)/);
    expect(await page.locator('svg.map a[data-slug="kalbajar"]').getAttribute('aria-label')).toMatch(
      /^Kalbajar district on 21 November 2020: under Armenian control since /,
    );
    await shot('map-2020-11-21', false);

    await input.fill('2020-12-15');
    await input.dispatchEvent('change');
    const dec15 = await states();
    expect(returned(dec15)).toEqual(['aghdam', 'fuzuli', 'gubadli', 'jabrayil', 'kalbajar', 'lachin', 'zangilan']);
    expect(dec15.lachin).toBe('handover');
    await shot('map-2020-12-15', false);
  });

  it('steps through the days control changed with the keyboard alone', async () => {
    await open('#/');
    // The date field takes a day typed in its month, day and year parts (the page's locale is en-US).
    const input = page.getByLabel('On', { exact: true });
    await input.focus();
    await page.keyboard.type('11212020');
    expect(await input.inputValue()).toBe('2020-11-21');
    expect(await page.locator('svg.map a[data-slug="aghdam"]').getAttribute('data-state')).toBe('handover');
    expect(await page.locator('svg.map a[data-slug="kalbajar"]').getAttribute('data-state')).toBe('armenian');
    // Tab on from the date field's parts to the slider: both are in the tab order, each with its label.
    const slider = page.locator('#map-step');
    const onSlider = () => slider.evaluate((e) => e === e.ownerDocument.activeElement);
    for (let i = 0; i < 5 && !(await onSlider()); i++) await page.keyboard.press('Tab');
    expect(await onSlider()).toBe(true);
    expect(await page.locator('label[for="map-step"]').textContent()).toContain('step through');

    await page.keyboard.press('Home');
    const first = await page.locator('#map-status').getAttribute('data-day');
    const all = () =>
      page.locator('svg.map a.place-district').evaluateAll((links) => links.map((a) => a.getAttribute('data-state')));
    expect((await all()).every((state) => state === 'before')).toBe(true);
    expect(await slider.getAttribute('aria-valuetext')).toBeTruthy();

    // One step on: the first occupation (Lachin, 18 May 1992... or whichever the data gives first).
    await page.keyboard.press('ArrowRight');
    const second = await page.locator('#map-status').getAttribute('data-day');
    expect(String(second) > String(first)).toBe(true);
    expect((await all()).filter((state) => state === 'armenian').length).toBeGreaterThan(0);
    expect(await page.locator('#map-date').inputValue()).toBe(second);

    await page.keyboard.press('End');
    expect((await all()).every((state) => state === 'military_operation' || state === 'handover')).toBe(true);
    expect(await page.locator('#map-status').getAttribute('data-day')).toBe('2020-12-01');

    // The district links stay reachable by keyboard after the control.
    await page.keyboard.press('Tab');
    const focused = await slider.evaluate(
      (e) => e.ownerDocument.activeElement?.closest('a')?.getAttribute('data-slug') ?? null,
    );
    expect(focused).toBeTruthy();
    await shot('map-keyboard', false);
  });

  it('asked nothing of any address but the app, and logged no errors (CSP included)', () => {
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });
});
