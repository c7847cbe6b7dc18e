// Property-based fuzzing of every route's parameters: whatever a client sends, it never gets a 5xx or internals.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

/** What must never appear in a body: a stack frame, SQLite's words, or a path into the code. */
const LEAK = /\bat .*?\(?(file:\/\/|\/)[^)\s]*:\d+:\d+|SQLITE|sqlite_|node_modules|\/work\/|\.ts:\d+|\.js:\d+/i;

const ROUTES: { path: string; params: string[] }[] = [
  {
    path: '/v1/events',
    params: ['from', 'to', 'match', 'kind', 'place', 'actor', 'q', 'sort', 'limit', 'cursor', 'format'],
  },
  { path: '/v1/places', params: ['kind', 'parent', 'name', 'limit', 'cursor', 'format'] },
  { path: '/v1/districts', params: ['limit', 'cursor', 'format'] },
  { path: '/v1/statistics', params: ['subject', 'as_of', 'place', 'limit', 'cursor', 'format'] },
  { path: '/v1/claims', params: ['source', 'event', 'limit', 'cursor', 'format'] },
  { path: '/v1/agreements', params: ['limit', 'cursor', 'format'] },
  { path: '/v1/actors', params: ['limit', 'cursor', 'format'] },
  { path: '/v1/sources', params: ['limit', 'cursor', 'format'] },
  { path: '/v1/timeline', params: ['from', 'to', 'limit', 'cursor', 'format'] },
  { path: '/v1/search', params: ['q', 'limit', 'cursor', 'format'] },
  { path: '/v1/places.geojson', params: [] },
  { path: '/v1/meta', params: [] },
];

const PATH_ROUTES = [
  '/v1/events/',
  '/v1/districts/',
  '/v1/places/',
  '/v1/agreements/',
  '/v1/actors/',
  '/v1/claims/',
  '/v1/sources/',
  '/v1/on-this-day/',
];

/** Values a real client might send, a careless one, and a hostile one. */
const value = fc.oneof(
  fc.constantFrom(
    '2020',
    '2020-09',
    '2020-09-27',
    '2020-02-30',
    '1992-03-24',
    '-1',
    '0',
    '1',
    '20',
    '100',
    '101',
    '1e3',
    'NaN',
  ),
  fc.constantFrom('war,capture', 'lachin', 'Laçın', 'Բերձոր', 'date', '-date', 'overlaps', 'within', 'csv', 'json'),
  fc.constantFrom(
    "' OR 1=1 --",
    '"',
    'NEAR(a b)',
    '*',
    '%00',
    '../../etc/passwd',
    '{"$gt":""}',
    'WyJkYXRlIiwiMjAyMCIsMV0',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer().map(String),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

function queryArbitrary(params: string[]) {
  const names = fc.oneof(fc.constantFrom(...(params.length ? params : ['x'])), fc.string({ maxLength: 8 }));
  return fc.array(fc.tuple(names, value), { maxLength: 6 }).map((pairs) => {
    const search = new URLSearchParams();
    for (const [k, v] of pairs) search.append(k, v);
    return search.toString();
  });
}

const app = await useTestApp();

function assertSafe(url: string, status: number, body: string) {
  expect(status, url).toBeLessThan(500);
  expect(body, url).not.toMatch(LEAK);
}

describe('fuzzing through app.inject', () => {
  for (const route of ROUTES) {
    it(`GET ${route.path} with 1,000 random query strings`, async () => {
      await fc.assert(
        fc.asyncProperty(queryArbitrary(route.params), async (qs) => {
          const url = `${route.path}?${qs}`;
          const response = await app.inject({ method: 'GET', url });
          assertSafe(url, response.statusCode, response.body);
        }),
        { numRuns: 1000, seed: 20250927 },
      );
    });
  }

  it('path parameters of every item route, 1,000 runs each', async () => {
    for (const prefix of PATH_ROUTES) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string({ maxLength: 60 }), value), async (segment) => {
          const url = `${prefix}${encodeURIComponent(segment)}`;
          const response = await app.inject({ method: 'GET', url });
          assertSafe(url, response.statusCode, response.body);
        }),
        { numRuns: 1000, seed: 27 },
      );
    }
  });
});

describe('fuzzing over real HTTP', () => {
  it('a few hundred random requests through a real socket', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const all = [
      ...ROUTES.map((r) => ({ ...r, prefix: false })),
      ...PATH_ROUTES.map((p) => ({ path: p, params: [], prefix: true })),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...all),
        queryArbitrary(['from', 'to', 'limit', 'q', 'cursor', 'kind']),
        value,
        async (route, qs, segment) => {
          const url = route.prefix ? `${route.path}${encodeURIComponent(segment)}` : `${route.path}?${qs}`;
          const response = await fetch(`${address}${url}`);
          assertSafe(url, response.status, await response.text());
        },
      ),
      { numRuns: 300, seed: 1992 },
    );
  });
});
