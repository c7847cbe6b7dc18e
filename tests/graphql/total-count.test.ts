// Every list REST pages is a GraphQL connection whose totalCount is the number of rows REST's pages hold, with the
// same filters; observances and a source's citations page by `after` as REST does, with interchangeable cursors.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { recordStatements } from '../helpers/statements.js';
import { getJson, type ListBody, walk } from '../helpers/json.js';
import { gql, gqlData, onlyError } from './helpers.js';

const app = await useTestApp();
afterEach(() => {
  vi.restoreAllMocks();
});

const DOCUMENT = 'article-2025-09-27';

/** The first item of a REST list, to take filter values from the data rather than from memory. */
async function firstOf<T>(url: string): Promise<T> {
  const { body } = await getJson<ListBody<T>>(app, url);
  const first = body.data[0];
  if (first === undefined) throw new Error(`${url} is empty`);
  return first;
}

const statistic = await firstOf<{ subject: string; place: { slug: string } | null }>(
  '/v1/statistics?limit=100&place=lachin',
);
const claim = await firstOf<{ event_id: string | null; source_id: string }>('/v1/claims?limit=100');

/** A REST list and the GraphQL connection field that stands for it, with the same filters. */
const CASES: [rest: string, graphql: string][] = [
  ['/v1/events', 'events'],
  ['/v1/events?from=2020-09-27&to=2020-11-10', 'events(from: "2020-09-27", to: "2020-11-10")'],
  ['/v1/events?place=lachin&match=within&from=2020', 'events(place: "lachin", match: within, from: "2020")'],
  ['/v1/places', 'places'],
  ['/v1/places?kind=district', 'places(kind: district)'],
  ['/v1/places?name=lach', 'places(name: "lach")'],
  ['/v1/places?parent=lachin', 'places(parent: "lachin")'],
  ['/v1/statistics', 'statistics'],
  [`/v1/statistics?subject=${statistic.subject}`, `statistics(subject: "${statistic.subject}")`],
  ['/v1/statistics?as_of=2020', 'statistics(asOf: "2020")'],
  ['/v1/statistics?place=lachin', 'statistics(place: "lachin")'],
  ['/v1/claims', 'claims'],
  [`/v1/claims?source=${claim.source_id}`, `claims(source: "${claim.source_id}")`],
  [`/v1/claims?event=${claim.event_id}`, `claims(event: "${claim.event_id}")`],
  ['/v1/observances', 'observances'],
  ['/v1/actors', 'actors'],
  ['/v1/agreements', 'agreements'],
  ['/v1/sources', 'sources'],
  ['/v1/timeline', 'timeline'],
  ['/v1/timeline?from=2020-09&to=2020-11', 'timeline(from: "2020-09", to: "2020-11")'],
  ['/v1/on-this-day/11-08', 'onThisDay(date: "11-08")'],
  ['/v1/search?q=Lachin', 'search(q: "Lachin")'],
  ['/v1/search?q=Shusha%20city', 'search(q: "Shusha city")'],
];

/** `rest` walked to its end in pages of `limit`, so that several pages are walked. */
async function restRows(rest: string, limit: number): Promise<number> {
  const { items, pages } = await walk(app, `${rest}${rest.includes('?') ? '&' : '?'}limit=${limit}`);
  expect(pages).toBe(Math.max(1, Math.ceil(items.length / limit)));
  return items.length;
}

/** The totalCount of a connection field, which `first: 1` does not cut. */
async function totalCount(field: string): Promise<number> {
  const withFirst = field.includes('(') ? field.replace('(', '(first: 1, ') : `${field}(first: 1)`;
  const data = await gqlData<{ list: { totalCount: number; nodes: unknown[] } }>(
    app,
    `{ list: ${withFirst} { totalCount nodes { __typename } } }`,
  );
  expect(data.list.nodes.length).toBe(Math.min(1, data.list.totalCount));
  return data.list.totalCount;
}

describe('totalCount equals the rows of REST’s pages', () => {
  it.each(CASES)('%s', async (rest, graphql) => {
    const rows = await restRows(rest, 7);
    expect(rows).toBeGreaterThan(0);
    expect(await totalCount(graphql)).toBe(rows);
  });

  it.each(CASES.filter(([rest]) => rest.includes('?')))(
    'counts %s only when a query asks for totalCount',
    async (_, field) => {
      const counts = (statements: string[]) => statements.filter((s) => /count\(\*\)/i.test(s)).length;
      const withFirst = field.replace('(', '(first: 1, ');
      const without = recordStatements();
      await gqlData(app, `{ list: ${withFirst} { nodes { __typename } pageInfo { hasNextPage } } }`);
      vi.restoreAllMocks();
      const asked = recordStatements();
      await gqlData(app, `{ list: ${withFirst} { totalCount a: totalCount } }`);
      vi.restoreAllMocks();
      expect(counts(without)).toBe(0);
      // Once, however many times the field is asked for.
      expect(counts(asked)).toBe(1);
    },
  );

  it('counts each filter: a filtered list is smaller than the whole', async () => {
    const whole = new Map<string, number>();
    for (const [rest, graphql] of CASES) {
      const path = rest.split('?')[0] as string;
      const count = await totalCount(graphql);
      if (!rest.includes('?')) whole.set(path, count);
      else if (whole.has(path)) expect(count, rest).toBeLessThan(whole.get(path) as number);
    }
    expect(whole.size).toBeGreaterThan(5);
  });

  it('counts a source’s citations, nested under the source, as REST pages them', async () => {
    const rows = await restRows(`/v1/sources/${DOCUMENT}/citations`, 9);
    const data = await gqlData<{ source: { citationCount: number; citations: { totalCount: number } } }>(
      app,
      `{ source(id: "${DOCUMENT}") { citationCount citations(first: 1) { totalCount } } }`,
    );
    expect(rows).toBeGreaterThan(20);
    expect(data.source.citations.totalCount).toBe(rows);
    expect(data.source.citationCount).toBe(rows);
  });
});

type Connection<T> = {
  nodes: T[];
  edges: { cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
};

/** Walks a connection by `after`, `first` at a time, with `select` picking it out of the data. */
async function walkGraphql<T>(
  query: string,
  first: number,
  select: (data: Record<string, unknown>) => Connection<T>,
): Promise<{ items: T[]; pages: Connection<T>[] }> {
  const items: T[] = [];
  const pages: Connection<T>[] = [];
  let after: string | null = null;
  do {
    const page = select(await gqlData(app, query, { first, after }));
    pages.push(page);
    items.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    expect(pages.length).toBeLessThan(200);
  } while (after);
  return { items, pages };
}

const PAGE = 'edges { cursor } pageInfo { hasNextPage endCursor } totalCount';

describe('observances as a connection', () => {
  const query = `query ($first: Int, $after: String) {
    observances(first: $first, after: $after) { nodes { id name day } ${PAGE} }
  }`;

  it('walks by `after` to the same observances as REST, one page at a time', async () => {
    const rest = (await walk<{ id: string; name: string; day: string }>(app, '/v1/observances')).items;
    const { items, pages } = await walkGraphql<{ id: string }>(query, 1, (d) => d.observances as never);
    expect(rest.length).toBeGreaterThan(1);
    expect(items).toEqual(rest.map(({ id, name, day }) => ({ id, name, day })));
    expect(pages).toHaveLength(rest.length);
    expect(pages.every((p) => p.totalCount === rest.length)).toBe(true);
  });

  it('takes a REST cursor as `after`, and REST takes an edge cursor', async () => {
    const { body } = await getJson<ListBody<{ id: string }>>(app, '/v1/observances?limit=1');
    const cursor = body.page.next_cursor as string;
    const fromRest = await gqlData<{ observances: Connection<{ id: string }> }>(app, query, {
      first: 1,
      after: cursor,
    });
    const second = await getJson<ListBody<{ id: string }>>(app, `/v1/observances?limit=1&cursor=${cursor}`);
    expect(fromRest.observances.nodes.map((o) => o.id)).toEqual(second.body.data.map((o) => o.id));

    const edge = fromRest.observances.edges[0]?.cursor as string;
    const back = await getJson<ListBody<{ id: string }>>(app, `/v1/observances?limit=1&cursor=${edge}`);
    expect(back.status).toBe(200);
    expect(back.body.data.map((o) => o.id)).not.toContain(fromRest.observances.nodes[0]?.id);
  });

  it('refuses a cursor of another list and a page size out of range, naming the argument', async () => {
    const { body } = await getJson<ListBody<unknown>>(app, '/v1/claims?limit=1');
    const wrong = await gql(app, query, { first: 1, after: body.page.next_cursor });
    expect(onlyError(wrong).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(onlyError(wrong).extensions?.arguments?.[0]?.name).toBe('after');
    const big = await gql(app, query, { first: 101 });
    expect(onlyError(big).extensions?.arguments?.[0]?.name).toBe('first');
  });
});

describe('a source’s citations as a connection', () => {
  const query = `query ($first: Int, $after: String) {
    source(id: "${DOCUMENT}") { citations(first: $first, after: $after) { nodes { id quote start end } ${PAGE} } }
  }`;
  const select = (d: Record<string, unknown>) => (d.source as { citations: Connection<{ id: number }> }).citations;

  it('walks by `after` to the same citations as REST, in text order', async () => {
    const rest = (
      await walk<{ id: number; quote: string | null; start: number | null; end: number | null }>(
        app,
        `/v1/sources/${DOCUMENT}/citations?limit=100`,
      )
    ).items;
    const { items, pages } = await walkGraphql(query, 8, select);
    expect(rest.length).toBeGreaterThan(8);
    expect(items).toEqual(rest.map(({ id, quote, start, end }) => ({ id, quote, start, end })));
    expect(pages).toHaveLength(Math.ceil(rest.length / 8));
    expect(pages.every((p) => p.totalCount === rest.length)).toBe(true);
  });

  it('gives REST’s cursors: an edge cursor continues REST’s list after that citation', async () => {
    const page = select(await gqlData(app, query, { first: 5 }));
    const cursor = page.edges[2]?.cursor as string;
    const rest = await getJson<ListBody<{ id: number }>>(
      app,
      `/v1/sources/${DOCUMENT}/citations?limit=2&cursor=${cursor}`,
    );
    expect(rest.body.data.map((c) => c.id)).toEqual(page.nodes.slice(3, 5).map((c) => c.id));
  });

  it('refuses a bad page size or a cursor of another list, naming the argument and the field', async () => {
    const { body } = await getJson<ListBody<unknown>>(app, '/v1/claims?limit=1');
    for (const [args, name] of [
      ['first: 0', 'first'],
      [`after: "${body.page.next_cursor}"`, 'after'],
    ] as const) {
      const response = await gql(app, `{ source(id: "${DOCUMENT}") { citations(${args}) { totalCount } } }`);
      const error = onlyError(response);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(error.extensions?.arguments?.map((a) => a.name)).toEqual([name]);
      expect(error.path).toEqual(['source', 'citations']);
    }
  });

  it('pages each alias by its own arguments', async () => {
    const data = await gqlData<{ source: { a: { nodes: { id: number }[] }; b: { nodes: { id: number }[] } } }>(
      app,
      `{ source(id: "${DOCUMENT}") { a: citations(first: 2) { nodes { id } } b: citations(first: 5) { nodes { id } } } }`,
    );
    expect(data.source.a.nodes).toHaveLength(2);
    expect(data.source.b.nodes.slice(0, 2)).toEqual(data.source.a.nodes);
    expect(data.source.b.nodes).toHaveLength(5);
  });

  it('reads the citations of every source of a list in one statement', async () => {
    const statements = recordStatements();
    const data = await gqlData<{ sources: { nodes: { citations: { totalCount: number; nodes: unknown[] } }[] } }>(
      app,
      '{ sources(first: 30) { nodes { citations(first: 3) { totalCount nodes { id } } } } }',
    );
    vi.restoreAllMocks();
    expect(data.sources.nodes.length).toBeGreaterThan(5);
    expect(data.sources.nodes.filter((s) => s.citations.totalCount > 0).length).toBeGreaterThan(1);
    expect(statements.filter((s) => /from "citations"/i.test(s))).toHaveLength(1);
  });
});
