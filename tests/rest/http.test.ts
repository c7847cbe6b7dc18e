// HTTP behaviour users rely on: ETag and 304, Cache-Control, CORS, CSV and content types.
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import { createTestApp, useTestApp } from '../helpers/app.js';
import { getJson, type ListBody } from '../helpers/json.js';

const app = await useTestApp();

describe('caching', () => {
  it('sends an ETag built from the dataset version and the body, and 304 on If-None-Match', async () => {
    const meta = (await getJson<{ version: string }>(app, '/v1/meta')).body;
    const first = await app.inject({ url: '/v1/districts/lachin' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(new RegExp(`^W/"${meta.version.replace('.', '\\.')}-`));
    expect(first.headers['cache-control']).toMatch(/public, max-age=\d+/);
    expect(first.headers['x-dataset-version']).toBe(meta.version);
    const again = await app.inject({ url: '/v1/districts/lachin', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    const other = await app.inject({ url: '/v1/districts/kalbajar', headers: { 'if-none-match': etag } });
    expect(other.statusCode).toBe(200);
    expect(other.headers.etag).not.toBe(etag);
  });

  it('matches one of several tags, weak or strong', async () => {
    const etag = (await app.inject({ url: '/v1/meta' })).headers.etag as string;
    const strong = etag.replace(/^W\//, '');
    const response = await app.inject({ url: '/v1/meta', headers: { 'if-none-match': `"other", ${strong}` } });
    expect(response.statusCode).toBe(304);
  });

  it('never caches an error', async () => {
    const response = await app.inject({ url: '/v1/events?limit=0' });
    expect(response.headers.etag).toBeUndefined();
  });
});

describe('CORS', () => {
  it('lets any origin read, and answers preflight', async () => {
    const response = await app.inject({ url: '/v1/meta', headers: { origin: 'https://newsroom.example' } });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/v1/events',
      headers: { origin: 'https://newsroom.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('GET');
  });

  it('varies list responses on Accept, since CSV and JSON share a URL', async () => {
    const response = await app.inject({ url: '/v1/events' });
    expect(String(response.headers.vary)).toMatch(/Accept/);
  });
});

describe('CSV', () => {
  it('answers Accept: text/csv with a header row that a CSV parser reads back', async () => {
    const json = (await getJson<ListBody<{ id: string; date: { start_date: string } }>>(app, '/v1/events?limit=50'))
      .body;
    const response = await app.inject({ url: '/v1/events?limit=50', headers: { accept: 'text/csv' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parse(response.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(json.data.map((e) => e.id));
    expect(rows.map((r) => r['date.start_date'])).toEqual(json.data.map((e) => e.date.start_date));
  });

  it('answers ?format=csv on every list endpoint', async () => {
    for (const url of [
      '/v1/places',
      '/v1/districts',
      '/v1/agreements',
      '/v1/statistics',
      '/v1/actors',
      '/v1/claims',
      '/v1/sources',
      '/v1/timeline',
      '/v1/search?q=lachin',
    ]) {
      const sep = url.includes('?') ? '&' : '?';
      const response = await app.inject({ url: `${url}${sep}format=csv` });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toBe('text/csv; charset=utf-8');
      const rows = parse(response.body, { columns: true }) as Record<string, string>[];
      expect(rows.length, url).toBeGreaterThan(0);
    }
  });

  it('keeps quotes, commas and non-Latin names intact', async () => {
    const response = await app.inject({ url: '/v1/places?name=lachin&format=csv' });
    const [row] = parse(response.body, { columns: true }) as Record<string, string>[];
    expect(row?.slug).toBe('lachin');
    expect(row?.names).toContain('Laçın');
    expect(row?.names).toContain('Բերձոր');
  });
});

describe('content', () => {
  it('answers JSON as application/json; charset=utf-8 with snake_case fields only', async () => {
    const response = await app.inject({ url: '/v1/events/second-karabakh-war' });
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const keys = JSON.stringify(response.json()).match(/"([a-zA-Z_]+)":/g) ?? [];
    for (const key of keys) expect(key).not.toMatch(/[A-Z]/);
  });

  it('answers HEAD like GET without a body', async () => {
    const response = await app.inject({ method: 'HEAD', url: '/v1/meta' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
  });
});

describe('response cache', () => {
  it('serves a repeated request from memory: same bytes and ETag, no query', async () => {
    const cached = await createTestApp();
    try {
      const repo = cached.data.current();
      const spy = vi.spyOn(repo, 'listEvents');
      const url = '/v1/events?from=2020-09-27&to=2020-11-10&limit=7';
      const first = await cached.inject({ url });
      const second = await cached.inject({ url });
      expect(spy).toHaveBeenCalledTimes(1);
      expect(second.body).toBe(first.body);
      expect(second.headers.etag).toBe(first.headers.etag);
      expect(second.headers['content-type']).toBe(first.headers['content-type']);
      expect(second.headers.link).toBe(first.headers.link);
      expect(second.headers['x-ratelimit-remaining']).toBeDefined();
      // Every header but the per-response ones is the same on a hit (the hit is sent as stored bytes).
      const perResponse = ['date', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-request-id'];
      const stable = (headers: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(headers).filter(([name]) => !perResponse.includes(name)));
      expect(stable(second.headers)).toEqual(stable(first.headers));
      const notModified = await cached.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
      expect(notModified.statusCode).toBe(304);
      // JSON and CSV of one URL are different representations, cached apart.
      const csv = await cached.inject({ url, headers: { accept: 'text/csv' } });
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(spy).toHaveBeenCalledTimes(2);
      const csvAgain = await cached.inject({ url, headers: { accept: 'text/csv' } });
      expect(spy).toHaveBeenCalledTimes(2);
      expect(csvAgain.body).toBe(csv.body);
      expect(stable(csvAgain.headers)).toEqual(stable(csv.headers));
    } finally {
      await cached.close();
    }
  });

  it('never stores an error, and is off with RESPONSE_CACHE_SIZE=0', async () => {
    const uncached = await createTestApp({ RESPONSE_CACHE_SIZE: '0' });
    try {
      const spy = vi.spyOn(uncached.data.current(), 'getEvent');
      await uncached.inject({ url: '/v1/events/second-karabakh-war' });
      await uncached.inject({ url: '/v1/events/second-karabakh-war' });
      expect(spy).toHaveBeenCalledTimes(2);
      expect((await uncached.inject({ url: '/v1/events/nope' })).statusCode).toBe(404);
    } finally {
      await uncached.close();
    }
    const bad = await app.inject({ url: '/v1/events?limit=0' });
    const again = await app.inject({ url: '/v1/events?limit=0' });
    expect(bad.statusCode).toBe(400);
    expect(again.statusCode).toBe(400);
  });
});
