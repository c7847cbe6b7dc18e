// Property-based fuzzing of every route's parameters, and of GraphQL over GET and POST: whatever a client sends, it
// never gets a 5xx or internals.
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
  { path: '/v1/places.geojson', params: ['geometry'] },
  { path: '/v1/districts.geojson', params: [] },
  { path: '/v1/places.lpf.json', params: [] },
  { path: '/v1/meta', params: [] },
  { path: '/v1/timeline.timelinejs.json', params: ['from', 'to'] },
  { path: '/v1/calendar.ics', params: ['kind'] },
  // The download files take no parameters (their Range header is fuzzed in tests/downloads/files.test.ts); the
  // SQLite file and the zip are binary, where the leak check below would read SQLite's own header as a leak.
  { path: '/v1/downloads', params: [] },
  { path: '/v1/downloads/datapackage.json', params: [] },
  { path: '/v1/releases', params: [] },
  { path: '/v1/changes', params: ['since'] },
  { path: '/v1/cite', params: ['record'] },
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
  '/v1/downloads/csv/',
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
  // `record` values: well-formed, unknown, malformed, and pieces of paths.
  fc.constantFrom('event/trilateral-statement-signed', 'citation/108', 'citation/0', 'district/karabakh', 'a/b/c', '/'),
  fc
    .tuple(fc.constantFrom('event', 'place', 'source', 'citation', 'x', ''), fc.string({ maxLength: 20 }))
    .map(([type, id]) => `${type}/${id}`),
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

/** The API's own words that LEAK would read as SQLite's: the download list names the SQLite file it serves. */
const OWN_WORDS = /history\.sqlite|vnd\.sqlite3|SQLite database/g;

function assertSafe(url: string, status: number, body: string) {
  expect(status, url).toBeLessThan(500);
  expect(body.replace(OWN_WORDS, ''), url).not.toMatch(LEAK);
}

/** Accept headers for the negotiated /v1/cite: its types, ranges, q-values, and nonsense. */
const accept = fc.oneof(
  fc.constantFrom(
    'application/vnd.citationstyles.csl+json',
    'application/x-bibtex',
    'text/plain',
    '*/*',
    'text/*',
    'image/png',
    'text/plain;q=0, */*;q=0.1',
    ';;;',
    'application/x-bibtex;q=nonsense',
  ),
  fc.string({ maxLength: 40 }),
);

describe('fuzzing through app.inject', () => {
  it('GET /v1/cite with 1,000 random records and Accept headers', async () => {
    await fc.assert(
      fc.asyncProperty(queryArbitrary(['record']), accept, async (qs, type) => {
        const url = `/v1/cite?${qs}`;
        const response = await app.inject({ method: 'GET', url, headers: { accept: type } });
        assertSafe(`${url} (${type})`, response.statusCode, response.body);
        expect([200, 400, 404, 406], url).toContain(response.statusCode);
      }),
      { numRuns: 1000, seed: 20201110 },
    );
  });

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

  it('GET /v1/changes with 1,000 values of since shaped like versions, and not', async () => {
    const { current } = (await app.inject({ url: '/v1/releases' })).json() as { current: string };
    const since = fc.oneof(
      value,
      fc.constant(current),
      fc.stringMatching(/^[0-9]{1,5}\.[0-9a-fA-F]{10,14}$/),
      fc.string({ maxLength: 20 }).map((tail) => `${current}${tail}`),
    );
    await fc.assert(
      fc.asyncProperty(since, async (v) => {
        const url = `/v1/changes?since=${encodeURIComponent(v)}`;
        const response = await app.inject({ method: 'GET', url });
        assertSafe(url, response.statusCode, response.body);
        expect([200, 400, 404], url).toContain(response.statusCode);
      }),
      { numRuns: 1000, seed: 13 },
    );
  });

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

/** Documents of every operation type, valid and not, and text that is no document at all. */
const document = fc.oneof(
  fc.constantFrom(
    '{ meta { version } }',
    '{ __typename }',
    'query Q($n: Int) { events(first: $n) { totalCount } }',
    'query A { __typename } query B { meta { version } }',
    'mutation { __typename }',
    'mutation M { x }',
    'subscription { __typename }',
    'subscription S { events { totalCount } }',
    'query Q { __typename } mutation M { x }',
    'fragment F on Query { __typename }',
    '{ district(slug: $slug) { name } }',
    '{"kind":"Document","definitions":[]}',
    '{',
    '',
  ),
  fc
    .tuple(
      fc.constantFrom('query', 'mutation', 'subscription', '', 'fragment', 'Query', '{'),
      fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Za-z_]\w{0,8}$/)),
      fc.constantFrom(
        '__typename',
        'meta { version }',
        'x',
        'events(first: 2) { totalCount }',
        '...on Query { __typename }',
      ),
    )
    .map(([type, name, selection]) => `${type} ${name} { ${selection} }`),
  fc.string({ maxLength: 80 }),
);

/** Any JSON at all, and the shapes GraphQL clients send. */
const json = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('n', 'slug', 'first', 'x'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);
const extensions = fc.oneof(
  json,
  fc.record({
    persistedQuery: fc.record(
      { version: fc.oneof(fc.constant(1), json), sha256Hash: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), json) },
      { requiredKeys: [] },
    ),
  }),
);
const operationName = fc.oneof(fc.constantFrom('Q', 'A', 'B', 'M', 'S', 'F', 'nope'), json);

/** A request's parameters: each left out or of any type. */
const params = fc.record(
  { query: fc.oneof(document, json), variables: json, operationName, extensions },
  { requiredKeys: [] },
);

const ACCEPT = [
  undefined,
  '*/*',
  'application/json',
  'application/graphql-response+json',
  'application/graphql-response+json, application/json;q=0.9',
  'text/html',
  'application/graphql-response+json;q=nonsense',
];

/** Bodies of every kind, each sent with a content type that may or may not fit it. */
const postBody = fc.tuple(
  fc.oneof(
    params.map((p) => JSON.stringify(p)),
    fc.array(params, { maxLength: 3 }).map((p) => JSON.stringify(p)),
    json.map((v) => JSON.stringify(v)),
    document,
    fc.string({ maxLength: 60 }),
  ),
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/graphql',
    'application/graphql-response+json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    undefined,
  ),
);

/** A GET gives these as JSON; query and operationName as text. */
const JSON_PARAMS = new Set(['variables', 'extensions']);

/** A GET's URL parameters: JSON of any shape, text that is not JSON, and names given twice. */
const getSearch = fc
  .tuple(
    params,
    fc.array(
      fc.tuple(fc.constantFrom('query', 'variables', 'extensions', 'operationName', 'x'), fc.string({ maxLength: 20 })),
      {
        maxLength: 2,
      },
    ),
  )
  .map(([p, extra]) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(p))
      search.append(k, typeof v === 'string' && !JSON_PARAMS.has(k) ? v : JSON.stringify(v));
    for (const [k, v] of extra) search.append(k, v);
    return search.toString();
  });

/** A GraphQL answer is JSON of one of the two GraphQL media types, with data or errors. */
function assertGraphqlAnswer(what: string, status: number, type: unknown, body: string) {
  assertSafe(what, status, body);
  expect(type, what).toMatch(/^application\/(graphql-response\+)?json; charset=utf-8$/);
  const parsed = JSON.parse(body) as Record<string, unknown>;
  expect('data' in parsed || Array.isArray(parsed.errors), what).toBe(true);
}

describe('fuzzing GraphQL through app.inject', () => {
  it('GET /graphql with 1,000 random operations, variables, extensions and names', async () => {
    await fc.assert(
      fc.asyncProperty(getSearch, fc.constantFrom(...ACCEPT), async (search, accept) => {
        const url = `/graphql?${search}`;
        const response = await app.inject({ method: 'GET', url, headers: accept ? { accept } : {} });
        assertGraphqlAnswer(url, response.statusCode, response.headers['content-type'], response.body);
      }),
      { numRuns: 1000, seed: 20201110 },
    );
  });

  it('POST /graphql with 1,000 random bodies and content types', async () => {
    await fc.assert(
      fc.asyncProperty(postBody, fc.constantFrom(...ACCEPT), async ([payload, type], accept) => {
        const headers: Record<string, string> = {};
        if (type) headers['content-type'] = type;
        if (accept) headers.accept = accept;
        const response = await app.inject({ method: 'POST', url: '/graphql', headers, payload });
        const what = `${type} ${payload}`;
        assertGraphqlAnswer(what, response.statusCode, response.headers['content-type'], response.body);
      }),
      { numRuns: 1000, seed: 20201001 },
    );
  });
});

describe('fuzzing over real HTTP', () => {
  it('a few hundred random requests through a real socket, REST and GraphQL', async () => {
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
    await fc.assert(
      fc.asyncProperty(fc.boolean(), getSearch, postBody, async (overGet, search, [payload, type]) => {
        const response = overGet
          ? await fetch(`${address}/graphql?${search}`)
          : await fetch(`${address}/graphql`, {
              method: 'POST',
              headers: type ? { 'content-type': type } : {},
              body: payload,
            });
        const what = overGet ? search : `${type} ${payload}`;
        assertGraphqlAnswer(
          what,
          response.status,
          response.headers.get('content-type') ?? undefined,
          await response.text(),
        );
      }),
      { numRuns: 200, seed: 2020 },
    );
  });
});
