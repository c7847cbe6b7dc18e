// One cursor codec for every list: opaque tokens tied to their list and dataset version, in REST and GraphQL alike.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { seedDatabase } from '../../seed/seed.js';
import { SEED_DATA_DIR } from '../../src/paths.js';
import { decodeCursor, encodeCursor } from '../../src/schemas/cursor.js';
import { createTestApp, useTestApp } from '../helpers/app.js';
import { getJson, type ListBody, walk } from '../helpers/json.js';
import { gql } from '../graphql/helpers.js';

const app = await useTestApp();
const { body: meta } = await getJson<{ version: string }>(app, '/v1/meta');

/** Every list that answers { data, page }, with a page size that needs more than one page. */
const LISTS: [list: string, url: string][] = [
  ['events', '/v1/events?limit=5'],
  ['places', '/v1/places?limit=5'],
  ['places', '/v1/districts?limit=3'],
  ['statistics', '/v1/statistics?limit=5'],
  ['claims', '/v1/claims?limit=5'],
  ['actors', '/v1/actors?limit=5'],
  ['agreements', '/v1/agreements?limit=1'],
  ['sources', '/v1/sources?limit=5'],
  ['source-citations', '/v1/sources/article-2025-09-27/citations?limit=20'],
  ['timeline', '/v1/timeline?limit=5'],
  ['on-this-day', '/v1/on-this-day/11-10?limit=1'],
  ['search', '/v1/search?q=Lachin&limit=5'],
];

function withCursor(url: string, cursor: string): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set('cursor', cursor);
  return `${u.pathname}${u.search}`;
}

async function firstCursor(url: string): Promise<string> {
  const { status, body } = await getJson<ListBody<unknown>>(app, url);
  expect([url, status]).toEqual([url, 200]);
  expect(body.page.next_cursor).not.toBeNull();
  return body.page.next_cursor as string;
}

describe.each(LISTS)('%s list (%s)', (list, url) => {
  it('issues opaque base64url cursors naming the list and the dataset version', async () => {
    const cursor = await firstCursor(url);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toMatchObject({ dataset: meta.version, list });
  });

  it('walks to the end: every item exactly once, the same as one big page', async () => {
    const { items, pages } = await walk<unknown>(app, url);
    expect(pages).toBeGreaterThan(1);
    const big = new URL(url, 'http://x');
    big.searchParams.set('limit', '100');
    const { body } = await getJson<ListBody<unknown>>(app, `${big.pathname}${big.search}`);
    if (body.page.next_cursor === null) expect(items).toEqual(body.data);
    else expect(items.slice(0, 100)).toEqual(body.data);
  });

  it('takes format=csv and limit, and refuses a bad limit as a problem (not JSON)', async () => {
    const sep = url.includes('?') ? '&' : '?';
    const csv = await app.inject({ url: `${url}${sep}format=csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const bad = await app.inject({
      url: `${url.split('?')[0]}?limit=abc&format=csv${url.includes('q=') ? '&q=x' : ''}`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.json().errors).toContainEqual(expect.objectContaining({ in: 'query', name: 'limit' }));
  });

  it('refuses the same position minted on another dataset version with a 400 naming cursor', async () => {
    const decoded = decodeCursor(await firstCursor(url));
    const stale = encodeCursor('1.000000000000', decoded?.list as 'events', decoded?.position);
    const response = await app.inject({ url: withCursor(url, stale) });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const message = 'this cursor belongs to dataset 1.000000000000; start again from the first page';
    expect(response.json()).toMatchObject({ status: 400, errors: [{ in: 'query', name: 'cursor', message }] });
  });
});

describe('bad cursors', () => {
  const events = encodeCursor(meta.version, 'events', ['date', '2020-09-27', 1]);
  it.each([
    ['a bare offset', '/v1/actors?cursor=5'],
    ['a zero-padded offset', '/v1/sources?cursor=007'],
    ['a bare seq', '/v1/places?cursor=12'],
    ['not base64url JSON', '/v1/events?cursor=%2A%2A'],
    ['a position of the wrong shape', `/v1/places?cursor=${encodeCursor(meta.version, 'places', 'x')}`],
    ['an unknown list', `/v1/places?cursor=${encodeCursor(meta.version, 'nope' as 'places', 3)}`],
  ])('%s is a 400 naming cursor', async (_label, url) => {
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { in: 'query', name: 'cursor', message: 'is not a cursor this API issued; use page.next_cursor as given' },
    ]);
  });

  it('a cursor of another list is a 400 saying so', async () => {
    const response = await app.inject({ url: `/v1/places?cursor=${events}` });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { in: 'query', name: 'cursor', message: 'belongs to another list (events); start this list from its first page' },
    ]);
  });
});

describe('GraphQL', () => {
  it.each([
    ['actors', 'actors(first: 2, after: $after) { nodes { id } totalCount pageInfo { endCursor } }'],
    ['sources', 'sources(first: 2, after: $after) { nodes { id } totalCount pageInfo { endCursor } }'],
    ['events', 'events(first: 2, after: $after) { nodes { id } totalCount pageInfo { endCursor } }'],
  ])('%s: a cursor from another dataset version is BAD_USER_INPUT naming after', async (list, field) => {
    const query = `query ($after: String) { ${field} }`;
    const first = await gql<Record<string, { pageInfo: { endCursor: string } }>>(app, query);
    const decoded = decodeCursor(first.data?.[list]?.pageInfo.endCursor ?? '');
    expect(decoded).toMatchObject({ dataset: meta.version, list });
    const stale = encodeCursor('1.000000000000', list as 'events', decoded?.position);
    const response = await gql(app, query, { after: stale });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      arguments: [
        { name: 'after', message: 'this cursor belongs to dataset 1.000000000000; start again from the first page' },
      ],
    });
  });

  it.each([
    ['actors', '/v1/actors', 'actors'],
    ['agreements', '/v1/agreements', 'agreements'],
    ['sources', '/v1/sources', 'sources'],
  ])('%s pages as REST does: the same ids, and each continues from the other', async (field, url) => {
    const { items } = await walk<{ id: string }>(app, `${url}?limit=3`);
    const ids: string[] = [];
    let after: string | null = null;
    let total = 0;
    type Page = {
      nodes: { id: string }[];
      totalCount: number;
      pageInfo: { endCursor: string | null; hasNextPage: boolean };
    };
    const query = `query ($after: String) {
      ${field}(first: 3, after: $after) { nodes { id } totalCount pageInfo { endCursor hasNextPage } }
    }`;
    do {
      const response: { data?: Record<string, Page> | null; errors?: unknown } = await gql<Record<string, Page>>(
        app,
        query,
        { after },
      );
      expect(response.errors).toBeUndefined();
      const page: Page | undefined = response.data?.[field];
      ids.push(...(page?.nodes.map((n) => n.id) ?? []));
      total = page?.totalCount ?? 0;
      after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      if (after) {
        // REST takes GraphQL's cursor and answers the page that follows.
        const rest = await getJson<ListBody<{ id: string }>>(app, `${url}?limit=3&cursor=${after}`);
        expect(rest.body.data.map((i) => i.id)).toEqual(items.slice(ids.length, ids.length + 3).map((i) => i.id));
      }
    } while (after);
    expect(ids).toEqual(items.map((i) => i.id));
    expect(total).toBe(items.length);
  });

  it('onThisDay is a connection with the REST items', async () => {
    const { body } = await getJson<ListBody<{ event: { id: string } }>>(app, '/v1/on-this-day/11-08?limit=100');
    const response = await gql<{ onThisDay: { nodes: { event: { id: string } }[]; totalCount: number } }>(
      app,
      '{ onThisDay(date: "11-08", first: 100) { nodes { event { id } } totalCount } }',
    );
    expect(response.data?.onThisDay.nodes.map((n) => n.event.id)).toEqual(body.data.map((i) => i.event.id));
    expect(response.data?.onThisDay.totalCount).toBe(body.data.length);
  });
});

describe('after a dataset swap', () => {
  const work = mkdtempSync(join(tmpdir(), 'cursor-swap-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('a cursor minted on version A gets the 400 on version B, once; the first page then pages as usual', async () => {
    const databasePath = join(work, 'swap.sqlite');
    cpSync(inject('databasePath'), databasePath);
    const swapped = await createTestApp({ DATABASE_PATH: databasePath });
    try {
      const before = await getJson<ListBody<unknown>>(swapped, '/v1/events?limit=5');
      const cursor = before.body.page.next_cursor as string;
      const versionA = before.response.headers['x-dataset-version'];
      expect(decodeCursor(cursor)?.dataset).toBe(versionA);

      const dataDir = join(work, 'data');
      cpSync(SEED_DATA_DIR, dataDir, { recursive: true });
      const events = join(dataDir, 'events.yaml');
      writeFileSync(
        events,
        readFileSync(events, 'utf8').replace('title: Second Karabakh War', 'title: Second Karabakh War '),
      );
      const { version: versionB } = seedDatabase({ databasePath, dataDir });
      expect(versionB).not.toBe(versionA);
      expect(swapped.data.refresh()).toBe(true);

      const stale = await swapped.inject({ url: `/v1/events?limit=5&cursor=${cursor}` });
      expect(stale.statusCode).toBe(400);
      expect(stale.json()).toMatchObject({
        detail: `cursor: this cursor belongs to dataset ${versionA}; start again from the first page`,
        errors: [{ in: 'query', name: 'cursor' }],
      });
      // Starting again from the first page pages on version B.
      const restart = await getJson<ListBody<unknown>>(swapped, '/v1/events?limit=5');
      const next = restart.body.page.next_cursor as string;
      expect(decodeCursor(next)?.dataset).toBe(versionB);
      expect((await swapped.inject({ url: `/v1/events?limit=5&cursor=${next}` })).statusCode).toBe(200);
    } finally {
      await swapped.close();
    }
  });
});
