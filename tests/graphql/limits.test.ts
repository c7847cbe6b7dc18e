// The defences of a public endpoint: depth (through fragments), aliases, tokens, cost, no batches, body size; each
// refusal is an HTTP 400 with an extensions.code, decided before any resolver runs. Introspection stays on.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { getIntrospectionQuery } from 'graphql/index.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIST_CEILING, LIMITS, LIST_CEILINGS } from '../../src/graphql/limits.js';
import { createTestApp, useTestApp } from '../helpers/app.js';
import { gql, gqlData, onlyError } from './helpers.js';

const app = await useTestApp();
afterEach(() => {
  vi.restoreAllMocks();
});

/** `n` nested parents, then id: n + 1 levels. */
function parents(n: number): string {
  return `${'parent { '.repeat(n)}id${' }'.repeat(n)}`;
}

/** A query `depth` levels deep: events(1) nodes(2) parent(3) … id(depth). */
function ofDepth(depth: number): string {
  return `{ events(first: 1) { nodes { ${parents(depth - 3)} } } }`;
}

function spyOnStatements() {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();
  return (['all', 'get', 'run', 'iterate'] as const).map((m) => vi.spyOn(proto, m));
}

describe('depth', () => {
  it(`accepts ${LIMITS.depth} levels and refuses ${LIMITS.depth + 1} with QUERY_TOO_DEEP`, async () => {
    const ok = await gql(app, ofDepth(LIMITS.depth));
    expect(ok.errors).toBeUndefined();
    const deep = await gql(app, ofDepth(LIMITS.depth + 1));
    expect(deep.status).toBe(400);
    expect(deep.data).toBeNull();
    expect(onlyError(deep)).toMatchObject({
      message: `Query depth limit of ${LIMITS.depth} exceeded, found ${LIMITS.depth + 1}.`,
      extensions: { code: 'QUERY_TOO_DEEP', limit: LIMITS.depth },
    });
  });

  it('counts the fields inside named fragments, however the nesting is split between them', async () => {
    // events(1) nodes(2) | Outer: parent(3) parent(4) | Inner: parent(5) … parent(n) id(n + 1)
    const split = (depth: number) => `
      query { events(first: 1) { nodes { ...Outer } } }
      fragment Outer on Event { parent { parent { ...Inner } } }
      fragment Inner on Event { ${parents(depth - 5)} }
    `;
    const ok = await gql(app, split(LIMITS.depth));
    expect(ok.errors).toBeUndefined();
    const response = await gql(app, split(LIMITS.depth + 1));
    expect(response.status).toBe(400);
    expect(onlyError(response)).toMatchObject({
      message: `Query depth limit of ${LIMITS.depth} exceeded, found ${LIMITS.depth + 1}.`,
      extensions: { code: 'QUERY_TOO_DEEP' },
    });
    // The same through inline fragments: events(1) nodes(2) parent(3) parent(4) …
    const inline = await gql(
      app,
      `{ events(first: 1) { nodes { ... on Event { parent { ... on Event { ${parents(LIMITS.depth - 3)} } } } } } }`,
    );
    expect(onlyError(inline).extensions?.code).toBe('QUERY_TOO_DEEP');
  });
});

describe('aliases', () => {
  const aliased = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: district(slug: "lachin") { slug }`).join(' ')} }`;

  it(`accepts ${LIMITS.aliases} aliases and refuses ${LIMITS.aliases + 1}, fragments included`, async () => {
    const ok = await gqlData<Record<string, { slug: string }>>(app, aliased(LIMITS.aliases));
    expect(Object.keys(ok)).toHaveLength(LIMITS.aliases);
    const many = await gql(app, aliased(LIMITS.aliases + 1));
    expect(many.status).toBe(400);
    expect(onlyError(many).extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: LIMITS.aliases });

    const half = Math.ceil((LIMITS.aliases + 1) / 2);
    const split = await gql(
      app,
      `{ meta { version } ...A ...B }
       fragment A on Query { ${Array.from({ length: half }, (_, i) => `x${i}: meta { version }`).join(' ')} }
       fragment B on Query { ${Array.from({ length: half }, (_, i) => `y${i}: meta { version }`).join(' ')} }`,
    );
    expect(onlyError(split).extensions?.code).toBe('TOO_MANY_ALIASES');
  });
});

describe('tokens', () => {
  it(`refuses a document of more than ${LIMITS.tokens} tokens while parsing`, async () => {
    // 12 tokens around n enum values: { events ( kind : [ … ] ) { totalCount } }
    const ofTokens = (n: number) => `{ events(kind: [${'capture '.repeat(n - 12)}]) { totalCount } }`;
    const ok = await gql(app, ofTokens(LIMITS.tokens));
    expect(ok.errors).toBeUndefined();
    const response = await gql(app, ofTokens(LIMITS.tokens + 1));
    expect(response.status).toBe(400);
    expect(onlyError(response)).toMatchObject({
      message: `The query has more than ${LIMITS.tokens} tokens.`,
      extensions: { code: 'TOO_MANY_TOKENS', limit: LIMITS.tokens },
    });
  });
});

describe('cost', () => {
  const NESTED =
    'query ($outer: Int) { events(first: $outer) { nodes { places { place { events { event { id } } } } } } }';

  it('refuses a page of 100 nested in lists of 100 before running any SQL', async () => {
    const spies = spyOnStatements();
    const response = await gql(
      app,
      '{ events(first: 100) { nodes { places { place { events { event { id places { place { slug } } } } } } } } }',
    );
    const statements = spies.reduce((n, s) => n + s.mock.calls.length, 0);
    expect(statements).toBe(0);
    expect(response.status).toBe(400);
    expect(response.data).toBeNull();
    const error = onlyError(response);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: LIMITS.cost });
    expect(error.extensions?.cost).toBeGreaterThan(LIMITS.cost);
  });

  it('reads `first` from the variables: the same document passes with a small page', async () => {
    const big = await gql(app, NESTED, { outer: 100 });
    expect(onlyError(big).extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const small = await gql<{ events: { nodes: unknown[] } }>(app, NESTED, { outer: 5 });
    expect(small.errors).toBeUndefined();
    expect(small.data?.events.nodes).toHaveLength(5);
  });

  it('counts a list without `first` at its ceiling, and a connection without `first` at 20', async () => {
    // A source's citations are a connection: 100 sources × 100 citations × their source's 100 citations again:
    // 1 + 100 × (1 + 1 + 100 × (1 + 1 + 1 + 100 × 1)) = 1,030,201 > the limit.
    const citations = (first: string, inner: string) =>
      `{ sources(first: 100) { nodes { citations${first} { nodes { ${inner} } } } } }`;
    const response = await gql(app, citations('(first: 100)', 'source { citations(first: 100) { nodes { id } } }'));
    expect(onlyError(response).extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 1_030_201 });
    // Without `first`, 20 of them: 1 + 100 × (1 + 1 + 20 × (1 + 0)) = 2,201.
    const ok = await gql(app, citations('', 'id'));
    expect(ok.errors).toBeUndefined();

    // events (20, no first) × places (10) × place (1) × events (48) × event (1) × places (10) × place (1):
    // 1 + 20 × (1 + 10 × (1 + 1 + 48 × (1 + 1 + 10 × (1 + 1)))) = 211,621.
    const nested = await gql(
      app,
      '{ events { nodes { places { place { events { event { places { place { slug } } } } } } } } }',
    );
    expect(onlyError(nested).extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 211_621 });
  });

  it('keeps every list ceiling at or above the largest such list in the data', async () => {
    type Lists = {
      districts: unknown[];
      agreements: {
        nodes: {
          signatories: unknown[];
          provisions: { citations: unknown[] }[];
          places: unknown[];
          citations: unknown[];
        }[];
      };
      actors: { nodes: { events: unknown[]; citations: unknown[] }[] };
      events: {
        nodes: {
          date: { startDate: string; precision: string };
          places: unknown[];
          actors: unknown[];
          children: unknown[];
          statistics: unknown[];
          claims: { citations: unknown[] }[];
          citations: unknown[];
        }[];
      };
      places: {
        nodes: {
          names: unknown[];
          events: unknown[];
          children: unknown[];
          statistics: unknown[];
          citations: unknown[];
        }[];
      };
      statistics: { nodes: { citations: unknown[] }[] };
      meta: { counts: unknown[]; sources: unknown[] };
    };
    // Meta.sources goes in a request of its own: together with the rest, the query's worst case passes the cost
    // limit, although the data is far smaller. (A source's citations are a connection, paged by `first`.)
    const { meta: metaOnly } = await gqlData<{ meta: { sources: unknown[] } }>(app, '{ meta { sources { id } } }');
    const metaSources = metaOnly.sources;
    const rest = await gqlData<Lists>(
      app,
      `{
        districts { slug }
        agreements(first: 20) {
          nodes { signatories { name } provisions { citations { id } } places { slug } citations { id } }
        }
        actors(first: 40) { nodes { events { role } citations { id } } }
        events(first: 100) {
          nodes {
            date { startDate precision }
            places { role } actors { role } children { id } statistics { id } claims { citations { id } } citations { id }
          }
        }
        places(first: 100) { nodes { names { name } events { role } children { slug } statistics { id } citations { id } } }
        statistics(first: 100) { nodes { citations { id } } }
        meta { counts { type } }
      }`,
    );
    const data: Lists = { ...rest, meta: { counts: rest.meta.counts, sources: metaSources } };
    const events = data.events.nodes;
    const places = data.places.nodes;
    const max = (lists: unknown[][]) => Math.max(0, ...lists.map((l) => l.length));
    const actual: Record<string, number> = {
      'Query.districts': data.districts.length,
      'Event.places': max(events.map((e) => e.places)),
      'Event.actors': max(events.map((e) => e.actors)),
      'Event.children': max(events.map((e) => e.children)),
      'Event.statistics': max(events.map((e) => e.statistics)),
      'Event.claims': max(events.map((e) => e.claims)),
      'Place.names': max(places.map((p) => p.names)),
      'Place.events': max(places.map((p) => p.events)),
      'Actor.events': max(data.actors.nodes.map((a) => a.events)),
      'Meta.sources': data.meta.sources.length,
    };
    const others: Record<string, number> = {
      'Event.citations': max(events.map((e) => e.citations)),
      'Claim.citations': max(events.flatMap((e) => e.claims.map((c) => c.citations))),
      'Place.children': max(places.map((p) => p.children)),
      'Place.statistics': max(places.map((p) => p.statistics)),
      'Place.citations': max(places.map((p) => p.citations)),
      'Actor.citations': max(data.actors.nodes.map((a) => a.citations)),
      'Agreement.signatories': max(data.agreements.nodes.map((a) => a.signatories)),
      'Agreement.provisions': max(data.agreements.nodes.map((a) => a.provisions)),
      'Agreement.places': max(data.agreements.nodes.map((a) => a.places)),
      'Agreement.citations': max(data.agreements.nodes.map((a) => a.citations)),
      'Provision.citations': max(data.agreements.nodes.flatMap((a) => a.provisions.map((p) => p.citations))),
      'Statistic.citations': max(data.statistics.nodes.map((s) => s.citations)),
      'Meta.counts': data.meta.counts.length,
    };
    for (const [field, size] of Object.entries(actual)) {
      expect({ field, ceiling: LIST_CEILINGS[field] }).toEqual({ field, ceiling: expect.any(Number) });
      expect({ field, fits: size <= (LIST_CEILINGS[field] ?? 0) }).toEqual({ field, fits: true });
    }
    for (const [field, size] of Object.entries(others)) {
      expect({ field, fits: size <= (LIST_CEILINGS[field] ?? DEFAULT_LIST_CEILING) }).toEqual({ field, fits: true });
    }
  });
});

describe('transport', () => {
  it('refuses batched operations', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: [{ query: '{ meta { version } }' }, { query: '{ meta { sha256 } }' }],
    });
    expect(response.statusCode).toBe(400);
    const body = response.json() as { data: unknown; errors: { extensions: { code: string } }[] };
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]?.extensions.code).toBe('BATCHED_OPERATIONS_NOT_ALLOWED');
  });

  it('refuses a body over the limit with 413', async () => {
    const small = await createTestApp({ BODY_LIMIT: '2048' });
    try {
      const response = await small.inject({
        method: 'POST',
        url: '/graphql',
        payload: { query: `{ meta { version } } # ${'x'.repeat(4096)}` },
      });
      expect(response.statusCode).toBe(413);
      const body = response.json() as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await small.close();
    }
  });

  it('answers GET, and persisted queries by hash after one registration (APQ)', async () => {
    const query = '{ district(slug: "lachin") { slug return { date } } }';
    const get = await app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent(query)}` });
    expect(get.statusCode).toBe(200);
    expect(get.json()).toEqual({ data: { district: { slug: 'lachin', return: { date: '2020-12-01' } } } });

    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }));
    const unknown = await app.inject({ method: 'GET', url: `/graphql?extensions=${extensions}` });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
    });
    const register = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query, extensions: { persistedQuery: { version: 1, sha256Hash } } },
    });
    expect(register.statusCode).toBe(200);
    const byHash = await app.inject({ method: 'GET', url: `/graphql?extensions=${extensions}` });
    expect(byHash.statusCode).toBe(200);
    expect(byHash.json()).toEqual(get.json());
  });

  it('keeps introspection on (GraphiQL’s own query passes every limit) and serves GraphiQL', async () => {
    const { __schema } = await gqlData<{ __schema: { queryType: { name: string }; types: { name: string }[] } }>(
      app,
      getIntrospectionQuery({ descriptions: true }),
    );
    expect(__schema.queryType.name).toBe('Query');
    expect(__schema.types.map((t) => t.name)).toEqual(expect.arrayContaining(['Event', 'District', 'SearchRecord']));
    const ide = await app.inject({ method: 'GET', url: '/graphiql' });
    expect(ide.statusCode).toBe(200);
    expect(ide.headers['content-type']).toMatch(/text\/html/);
  });

  it('gives the same answers and error shapes when the query is served from the cache', async () => {
    const query =
      '{ event(id: "lachin-handed-over-2020") { id date { text } places { place { slug } } } bad: event(id: "Not A Slug") { id } }';
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const { status, data, errors } = await gql(app, query);
      runs.push({ status, data, errors });
    }
    expect(runs[0]?.data).toMatchObject({ event: { id: 'lachin-handed-over-2020' }, bad: null });
    expect(runs[0]?.errors?.[0]).toMatchObject({
      message: 'id: must be a slug such as lachin',
      path: ['bad'],
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });
});
