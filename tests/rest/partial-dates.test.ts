// A partial date stands for its whole period in every date parameter, REST and GraphQL alike, and years 0001–9999
// are real years; the README, OpenAPI and the SDL describe `as_of` in the same words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { AS_OF_DESCRIPTION } from '../../src/schemas/params.js';
import { gql, gqlData } from '../graphql/helpers.js';
import { useTestApp } from '../helpers/app.js';
import { getJson, walk } from '../helpers/json.js';

const app = await useTestApp();

interface Statistic {
  id: string;
  as_of: string | null;
}

const { items: all } = await walk<Statistic>(app, '/v1/statistics?limit=100');

/** What `as_of=period` must answer, read off the whole list: the figures whose as-of day starts with the period. */
const expectedIds = (period: string) => all.filter((s) => s.as_of?.startsWith(period)).map((s) => s.id);

const PERIODS = ['1994-03', '1994', '2020', '2020-11', '2020-11-09', '2021-09'];

describe('as_of: a partial date is its whole period', () => {
  it('the data has figures in these periods, and figures with no as-of day', () => {
    expect(expectedIds('1994-03').length).toBeGreaterThan(0);
    // 2020-11 holds more days than 2020-11-09 alone: the month test can tell "whole month" from "first day".
    expect(expectedIds('2020-11').length).toBeGreaterThan(expectedIds('2020-11-09').length);
    expect(all.some((s) => s.as_of === null)).toBe(true);
  });

  it.each(PERIODS)('REST as_of=%s answers the figures as of a day in that period', async (period) => {
    const { items } = await walk<Statistic>(app, `/v1/statistics?as_of=${period}&limit=100`);
    expect(items.map((s) => s.id)).toEqual(expectedIds(period));
    for (const s of items) expect(s.as_of).not.toBeNull();
  });

  it.each(PERIODS)('GraphQL statistics(asOf: "%s") answers the same figures', async (period) => {
    const data = await gqlData<{ statistics: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } }>(
      app,
      'query ($asOf: String) { statistics(asOf: $asOf, first: 100) { nodes { id } pageInfo { hasNextPage } } }',
      { asOf: period },
    );
    expect(data.statistics.pageInfo.hasNextPage).toBe(false);
    expect(data.statistics.nodes.map((s) => s.id)).toEqual(expectedIds(period));
  });

  it('refuses a month or day that is not in the calendar, in both', async () => {
    const rest = await getJson<{ errors: { name: string; message: string }[] }>(app, '/v1/statistics?as_of=1994-13');
    expect(rest.status).toBe(400);
    expect(rest.body.errors).toEqual([{ in: 'query', name: 'as_of', message: 'is not a real calendar date' }]);
    const graphql = await gql(app, '{ statistics(asOf: "1994-02-29") { nodes { id } } }');
    expect(graphql.errors?.[0]?.extensions?.arguments).toEqual([
      { name: 'asOf', message: 'is not a real calendar date' },
    ]);
  });

  it('README, OpenAPI and the GraphQL SDL describe as_of in the same words', async () => {
    const words = (text: string) => text.replace(/\s+/g, ' ');
    const readme = words(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8'));
    expect(readme).toContain(AS_OF_DESCRIPTION);

    const doc = (await app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<string, { get: { parameters: { name: string; description?: string }[] } }>;
    };
    const asOf = doc.paths['/v1/statistics']?.get.parameters.find((p) => p.name === 'as_of');
    expect(asOf?.description).toBe(AS_OF_DESCRIPTION);

    const schema = await gqlData<{
      __type: { fields: { name: string; args: { name: string; description: string | null }[] }[] };
    }>(app, '{ __type(name: "Query") { fields { name args { name description } } } }');
    const field = schema.__type.fields.find((f) => f.name === 'statistics');
    expect(field?.args.find((a) => a.name === 'asOf')?.description).toBe(AS_OF_DESCRIPTION);
  });
});

describe('years 0001–9999 are real years in every date parameter', () => {
  it.each([
    '/v1/events?from=0001&to=0099',
    '/v1/events?from=0050-06-15',
    '/v1/events?to=0096-02-29',
    '/v1/timeline?from=0010-01&to=0099-12',
    '/v1/statistics?as_of=0099-12-31',
    '/v1/events?to=9999-12-31',
  ])('%s is answered', async (url) => {
    expect((await app.inject({ url })).statusCode).toBe(200);
  });

  it.each([
    ['/v1/events?from=0000', 'from', 'must have a year from 0001 to 9999'],
    ['/v1/events?to=0000-06', 'to', 'must have a year from 0001 to 9999'],
    ['/v1/timeline?from=0000-01-01', 'from', 'must have a year from 0001 to 9999'],
    ['/v1/statistics?as_of=0000', 'as_of', 'must have a year from 0001 to 9999'],
    // 97 is no leap year, as 96 is: the calendar holds for years below 100 too.
    ['/v1/events?from=0097-02-29', 'from', 'is not a real calendar date'],
    ['/v1/statistics?as_of=0100-02-29', 'as_of', 'is not a real calendar date'],
  ])('%s is a 400 naming %s', async (url, name, message) => {
    const { status, response, body } = await getJson<{ errors: unknown[] }>(app, url);
    expect(status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(body.errors).toEqual([{ in: 'query', name, message }]);
  });

  it('GraphQL applies the same rule', async () => {
    const ok = await gql(app, '{ events(from: "0001", to: "0099-12-31") { totalCount } }');
    expect(ok.errors).toBeUndefined();
    const bad = await gql(app, '{ events(from: "0000-12") { totalCount } }');
    expect(bad.errors?.[0]?.extensions?.arguments).toEqual([
      { name: 'from', message: 'must have a year from 0001 to 9999' },
    ]);
  });
});
