// Bad input gets a problem document naming what was wrong and where; never a 500.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { in: string; name: string; message: string }[];
}

const app = await useTestApp();

async function problem(url: string) {
  const response = await app.inject({ method: 'GET', url });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json; charset=utf-8/);
  const body = response.json() as Problem;
  expect(body.status).toBe(response.statusCode);
  expect(body.type).toMatch(/^\/problems\/[a-z-]+$/);
  expect(body.title).toBeTruthy();
  expect(body.detail).toBeTruthy();
  return { status: response.statusCode, body };
}

describe('400 for each bad parameter, naming it', () => {
  const cases: [string, string, RegExp][] = [
    ['/v1/events?from=2020-02-30', 'from', /not a real calendar date/],
    ['/v1/events?from=yesterday', 'from', /YYYY, YYYY-MM or YYYY-MM-DD/],
    ['/v1/events?to=2020-13', 'to', /not a real calendar date/],
    ['/v1/events?limit=0', 'limit', /at least 1/],
    ['/v1/events?limit=1000', 'limit', /at most 100/],
    ['/v1/events?limit=abc', 'limit', /whole number/],
    ['/v1/events?limit=2.5', 'limit', /whole number/],
    ['/v1/events?sort=name', 'sort', /date/],
    ['/v1/events?kind=war,battle', 'kind', /unknown kind "battle"/],
    ['/v1/events?from=2020-11-10&to=2020-09-27', 'from', /must not be after to/],
    ['/v1/events?cursor=not-a-cursor', 'cursor', /not a cursor this API issued/],
    ['/v1/events?cursor=WyJkYXRlIiwiMjAyMC0wMi0zMCIsMV0', 'cursor', /not a cursor/],
    ['/v1/events?match=inside', 'match', /overlaps/],
    ['/v1/events?place=Lachin!', 'place', /slug/],
    ['/v1/events?q=', 'q', /must not be empty/],
    ['/v1/events?colour=red', 'colour', /not a parameter of this endpoint/],
    ['/v1/places?kind=planet', 'kind', /district/],
    ['/v1/places?cursor=abc', 'cursor', /not a cursor/],
    ['/v1/statistics?as_of=2020-02-30', 'as_of', /not a real calendar date/],
    ['/v1/timeline?from=2021&to=2020', 'from', /must not be after to/],
    ['/v1/search', 'q', /.+/],
    ['/v1/search?q=x&limit=101', 'limit', /at most 100/],
    ['/v1/events?format=xml', 'format', /json|csv/],
  ];
  for (const [url, name, message] of cases) {
    it(`${url} → 400 naming ${name}`, async () => {
      const { status, body } = await problem(url);
      expect(status).toBe(400);
      const error = body.errors?.find((e) => e.name === name);
      expect(error, JSON.stringify(body.errors)).toBeDefined();
      expect(error?.in).toBe('query');
      expect(error?.message).toMatch(message);
      expect(body.detail).toContain(name);
    });
  }

  it('names every bad parameter at once', async () => {
    const { body } = await problem('/v1/events?limit=0&sort=name&from=x');
    expect(body.errors?.map((e) => e.name).sort()).toEqual(['from', 'limit', 'sort']);
  });

  it('names a bad path parameter as in: path', async () => {
    const { status, body } = await problem('/v1/events/NOT_A_SLUG');
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({ in: 'path', name: 'id' });
  });
});

describe('404 in the same shape', () => {
  for (const url of [
    '/v1/events/nope',
    '/v1/districts/nope',
    '/v1/places/nope',
    '/v1/agreements/nope',
    '/v1/actors/nope',
    '/v1/claims/nope',
    '/v1/sources/nope',
    '/v1/sources/nope/citations',
    '/v2/events',
    '/nothing/here',
  ]) {
    it(`${url} → 404`, async () => {
      const { status } = await problem(url);
      expect(status).toBe(404);
    });
  }
});
