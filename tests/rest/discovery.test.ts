// Timeline, on this day, search and meta.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { getJson, type ListBody, walk } from '../helpers/json.js';

const app = await useTestApp();

describe('GET /v1/timeline', () => {
  it('mixes events, agreements and statistics in date order within the window', async () => {
    const { items } = await walk<{ type: string; id: string; date: { start_date: string; end_date: string | null } }>(
      app,
      '/v1/timeline?from=2020-09-27&to=2020-11-30&limit=7',
    );
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(['event', 'agreement', 'statistic']));
    const starts = items.map((i) => i.date.start_date);
    expect(starts).toEqual([...starts].sort());
    for (const i of items) {
      expect(i.date.start_date <= '2020-11-30').toBe(true);
      // An open end (null) overlaps every later window.
      expect(i.date.end_date === null || i.date.end_date >= '2020-09-27').toBe(true);
    }
    expect(new Set(items.map((i) => `${i.type}:${i.id}`)).size).toBe(items.length);
  });
});

describe('GET /v1/on-this-day/{MM-DD}', () => {
  it('finds the events of 27 September, with how many years ago', async () => {
    const { status, body } = await getJson<{
      data: { years_ago: number; event: { id: string; date: { start_date: string } } }[];
    }>(app, '/v1/on-this-day/09-27');
    expect(status).toBe(200);
    const ids = body.data.map((d) => d.event.id);
    expect(ids).toContain('fighting-breaks-out-2020-09-27');
    const year = new Date().getUTCFullYear();
    for (const d of body.data) expect(d.years_ago).toBe(year - Number(d.event.date.start_date.slice(0, 4)));
  });

  it('never matches a fact known only to the year or month', async () => {
    const { body } = await getJson<{ data: { event: { date: { precision: string } } }[] }>(
      app,
      '/v1/on-this-day/01-01',
    );
    for (const d of body.data) expect(d.event.date.precision).toBe('day');
    expect(body.data.map((d) => d.event)).toEqual([]);
  });

  it('refuses a day that does not exist', async () => {
    expect((await getJson(app, '/v1/on-this-day/02-30')).status).toBe(400);
    expect((await getJson(app, '/v1/on-this-day/13-01')).status).toBe(400);
    expect((await getJson(app, '/v1/on-this-day/0927')).status).toBe(400);
    expect((await getJson(app, '/v1/on-this-day/02-29')).status).toBe(200);
  });
});

describe('GET /v1/search', () => {
  it('finds places by any name, with a type, snippet and link', async () => {
    const { body } = await getJson<ListBody<{ type: string; id: string; snippet: string; url: string }>>(
      app,
      '/v1/search?q=Berdzor',
    );
    // Berdzor names Lachin district and Lachin town; the district is among the place hits.
    const place = body.data.find((h) => h.type === 'place' && h.id === 'lachin');
    expect(place).toMatchObject({ id: 'lachin', url: '/v1/places/lachin' });
    expect(place?.snippet).toContain('[Berdzor]');
  });

  it('ranks records before the quotes that mention them', async () => {
    const { body } = await getJson<ListBody<{ type: string; id: string }>>(app, '/v1/search?q=Lachin&limit=50');
    // Lachin district and Lachin town share the name: one of them comes first.
    expect(body.data[0]?.type).toBe('place');
    expect(['lachin', 'lachin-town']).toContain(body.data[0]?.id);
    const types = body.data.map((h) => h.type);
    expect(types.indexOf('quote')).toBeGreaterThan(types.lastIndexOf('event'));
  });

  it('searches events, agreements, claims and quotes in one go', async () => {
    const { items } = await walk<{ type: string }>(app, '/v1/search?q=ceasefire&limit=50');
    const types = new Set(items.map((h) => h.type));
    for (const t of ['event', 'agreement', 'claim', 'quote']) expect(types.has(t), t).toBe(true);
  });

  it('treats FTS5 syntax in the query as plain words', async () => {
    for (const q of ['"', 'NEAR(', 'a OR', '*', 'lachin"); DROP TABLE events; --']) {
      const { status } = await getJson(app, `/v1/search?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
    }
  });
});

describe('GET /v1/meta', () => {
  it('gives the dataset version, hash, counts, licence and sources', async () => {
    const { body } = await getJson<{
      version: string;
      sha256: string;
      counts: Record<string, number>;
      licence: string;
      sources: unknown[];
    }>(app, '/v1/meta');
    expect(body.version).toMatch(/^1\.[0-9a-f]{12}$/);
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.counts.events).toBeGreaterThanOrEqual(14);
    expect(body.licence).toMatch(/CC BY 4\.0/);
    expect(body.sources.length).toBe(body.counts.sources);
  });
});
