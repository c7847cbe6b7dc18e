// Every statement is prepared once per database handle: once the app is built, a mix of REST and GraphQL requests
// (each with its own parameters, as new readers ask) builds no SQL string and prepares no statement.
import Database from 'better-sqlite3';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../helpers/app.js';

const prepare = vi.spyOn(Database.prototype, 'prepare');
const buildSql = vi.spyOn(SQLiteSyncDialect.prototype, 'sqlToQuery');
afterAll(() => {
  prepare.mockRestore();
  buildSql.mockRestore();
});

// The response cache off, so that every request reaches the query layer.
const app = await useTestApp({ RESPONSE_CACHE_SIZE: '0' });
const preparedAtStart = prepare.mock.calls.length;
const builtAtStart = buildSql.mock.calls.length;
const { version } = (await app.inject({ url: '/v1/meta' })).json() as { version: string };

const district = (slug: string) => `{ district(slug: "${slug}") {
  slug name names { name language kind } occupation { date } return { date mode }
  events { role event { id title date { startDate endDate precision } } } citations { sourceId quote start end }
  statistics { id value citations { quote } } children { slug } } }`;
const eventsWindow = (from: string, to: string) => `{ events(from: "${from}", to: "${to}", first: 20) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id kind title date { startDate text } places { role place { slug name } }
    actors { role actor { id name } } statistics { id } claims { id citations { quote } } citations { id } } } } }`;

/** One reader's session: REST and GraphQL across every resource, parameterised by `n` so that no two repeat. */
function mix(n: number) {
  const day = String(1 + (n % 27)).padStart(2, '0');
  const [from, to] = [`2020-09-${day}`, `2020-11-${day}`];
  const slugs = ['lachin', 'kalbajar', 'aghdam', 'fuzuli', 'jabrayil', 'zangilan', 'gubadli'];
  const slug = slugs[n % slugs.length] as string;
  const rest = [
    `/v1/events?from=${from}&to=${to}&limit=${5 + n}`,
    `/v1/events?from=${from}&to=${to}&sort=-date&limit=${3 + n}`,
    `/v1/events?from=199${n % 10}&match=within`,
    `/v1/events?kind=capture,handover&place=${slug}`,
    `/v1/events?actor=ilham-aliyev&q=${slug}&limit=${2 + n}`,
    `/v1/events/second-karabakh-war`,
    `/v1/districts`,
    `/v1/districts/${slug}`,
    `/v1/places?name=${slug.slice(0, 3 + (n % 3))}`,
    `/v1/places?kind=district&limit=${2 + n}`,
    `/v1/places/${slug}`,
    `/v1/places.geojson`,
    `/v1/districts.geojson`,
    `/v1/places.lpf.json`,
    `/v1/places.geojson?geometry=${n % 2 ? 'boundary' : 'point'}`,
    `/v1/agreements`,
    `/v1/agreements/trilateral-statement-2020`,
    `/v1/statistics?place=${slug}`,
    `/v1/statistics?subject=displaced_persons&limit=${1 + n}`,
    `/v1/actors?limit=${1 + n}`,
    `/v1/actors/ilham-aliyev`,
    `/v1/claims?source=article-2025-09-27&limit=${1 + n}`,
    `/v1/sources?limit=${10 + n}`,
    `/v1/sources/article-2025-09-27`,
    `/v1/sources/article-2025-09-27/citations`,
    `/v1/timeline?from=2020-09&to=2020-1${n % 3}`,
    `/v1/timeline.timelinejs.json?from=199${n % 10}`,
    `/v1/calendar.ics?kind=capture${n % 2 ? ',handover' : ''}`,
    `/v1/search?q=${slug}&limit=${2 + n}`,
    `/v1/on-this-day/11-${day}`,
    `/v1/meta`,
    `/v1/cite`,
    `/v1/cite?record=event/${n % 2 ? 'trilateral-statement-signed' : 'second-karabakh-war'}`,
    `/v1/cite?record=district/${slug}`,
    `/v1/cite?record=agreement/trilateral-statement-2020`,
    `/v1/cite?record=citation/${100 + n}`,
    `/v1/cite?record=source/article-2025-09-27`,
    `/v1/cite?record=actor/ilham-aliyev`,
    `/v1/statistics?format=csv&limit=${3 + n}`,
    `/v1/downloads`,
    `/v1/downloads/csv/${['events', 'places', 'citations'][n % 3]}.csv`,
    `/v1/downloads/datapackage.json`,
    `/v1/downloads/history.zip`,
    `/v1/downloads/history.sqlite`,
    `/v1/releases`,
    `/v1/changes?since=${version}`,
  ];
  const graphql = [
    district(slug),
    eventsWindow(from, to),
    `{ search(q: "${slug}", first: ${3 + n}) { nodes { type record { __typename ... on Place { slug } ... on Citation { quote } } } } }`,
    `{ places(first: ${3 + n}) { nodes { slug events { event { id } } } } agreements(first: ${1 + n}) { nodes { id provisions { point } } } }`,
    `{ sources(first: ${1 + n}) { nodes { id citationCount citations(first: ${2 + n}) { totalCount nodes { id } } } } source(id: "article-2025-09-27") { text } }`,
    `{ actors(first: ${1 + n}) { nodes { id events { event { id } } } } claims(first: ${1 + n}) { nodes { id } } meta { version downloads { url bytes } } }`,
    `{ meta { releases { version date notes } } changes(since: "${version}") { from added { id } } }`,
    `{ districts { slug identifiers { iso3166_2 geonames } boundary } places(first: ${3 + n}) { nodes { identifiers { geonames } boundary } } }`,
  ];
  return { rest, graphql };
}

async function run(n: number) {
  const { rest, graphql } = mix(n);
  const statuses: number[] = [];
  for (const url of rest) statuses.push((await app.inject({ method: 'GET', url })).statusCode);
  // /v1/meta's other representation, the schema.org Dataset.
  const dataset = await app.inject({ url: '/v1/meta', headers: { accept: 'application/ld+json' } });
  statuses.push(dataset.statusCode);
  for (const query of graphql) {
    const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query } });
    const body = response.json() as { errors?: unknown[] };
    expect(body.errors, query).toBeUndefined();
    statuses.push(response.statusCode);
  }
  return statuses;
}

describe('statements prepared once', () => {
  it('are prepared while the app is built, with their SQL', () => {
    // The spies see the statements: without them, zero below would prove nothing.
    expect(preparedAtStart).toBeGreaterThan(50);
    expect(builtAtStart).toBeGreaterThan(50);
  });

  it('leave requests after the warm-up to bind parameters only', async () => {
    const warm = await run(0);
    expect(warm.every((status) => status === 200)).toBe(true);
    prepare.mockClear();
    buildSql.mockClear();
    for (let n = 1; n <= 3; n++) {
      const statuses = await run(n);
      expect(statuses.every((status) => status === 200)).toBe(true);
    }
    expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([]);
    expect(buildSql).not.toHaveBeenCalled();
  });
});
