// What the OpenAPI document promises about each operation holds on the running app: operationIds are unique and
// follow their rule, each documented status and header really occurs, and integers carry real bounds.
import { describe, expect, it } from 'vitest';
import { operationIdFor } from '../../src/plugins/openapi-document/operation-ids.js';
import { createTestApp, useTestApp } from '../helpers/app.js';

interface Operation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: { example?: unknown } }[];
  responses: Record<string, { headers?: Record<string, { $ref: string }>; content?: Record<string, unknown> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { headers: Record<string, unknown> };
}

const app = await useTestApp();
const doc = (await app.inject({ url: '/openapi.json' })).json() as OpenApi;
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
);
const gets = operations.filter((o) => o.method === 'get');
const { current: servedVersion } = (await app.inject({ url: '/v1/releases' })).json() as { current: string };

/** Required query parameters whose valid value is data, not a constant example: the dataset being served. */
const QUERY_VALUES: Record<string, string> = { since: servedVersion };

/** Routes without a path id that name a record in the query, so answer 404 when it names none: a URL that does. */
const QUERY_NOT_FOUND: Record<string, string> = {
  '/v1/changes': '/v1/changes?since=1.000000000000',
  '/v1/cite': '/v1/cite?record=event/no-such-record',
};

/** The first record a path parameter can name: read from the list its collection answers. */
async function firstIdOf(collection: string): Promise<string> {
  const list = (await app.inject({ url: `/v1/${collection}?limit=1` })).json() as {
    data: { id?: string; slug?: string }[];
  };
  return String(list.data[0]?.id ?? list.data[0]?.slug);
}

/** A request that gets a 200 from a GET operation: a real record for each path parameter, required query given. */
async function okUrl(path: string, operation: Operation): Promise<string> {
  let filled = path.replace('{date}', '11-10'); // a day with two events, so limit=1 has a next page
  const collection = /^\/v1\/([a-z-]+)\/\{[^}]+\}/.exec(filled)?.[1];
  // A path parameter with a documented example (a citation number: citations have no list of their own) uses it.
  const example = (operation.parameters ?? []).find((p) => p.in === 'path')?.schema?.example;
  if (example !== undefined) filled = filled.replace(/\{[^}]+\}/, String(example));
  else if (collection) filled = filled.replace(/\{[^}]+\}/, await firstIdOf(collection));
  // GET /graphql needs a document; its parameters are all optional, since a persisted query may stand for it.
  if (path === '/graphql') return '/graphql?query=%7B__typename%7D';
  const required = (operation.parameters ?? []).filter((p) => p.in === 'query' && p.required);
  const query = required.map(
    (p) => `${p.name}=${encodeURIComponent(String(QUERY_VALUES[p.name] ?? p.schema?.example ?? 'lachin'))}`,
  );
  return query.length ? `${filled}?${query.join('&')}` : filled;
}

const headersOf = (operation: Operation, status: string) =>
  Object.keys(operation.responses[status]?.headers ?? {}).map((h) => h.toLowerCase());

describe('operationId', () => {
  it('is on every operation, unique, and what the rule derives from the method and path', () => {
    const ids = operations.map((o) => o.operation.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { method, path, operation } of operations)
      expect(operation.operationId).toBe(operationIdFor(method, path));
  });

  it('reads as the operation: lists, single records, nested lists, files and GraphQL', () => {
    const byRoute = Object.fromEntries(operations.map((o) => [`${o.method} ${o.path}`, o.operation.operationId]));
    expect(byRoute).toMatchObject({
      'get /v1/events': 'listEvents',
      'get /v1/events/{id}': 'getEvent',
      'get /v1/districts/{slug}': 'getDistrict',
      'get /v1/statistics': 'listStatistics',
      'get /v1/sources/{id}/citations': 'listSourceCitations',
      'get /v1/places.geojson': 'getPlacesGeojson',
      'get /v1/on-this-day/{date}': 'getOnThisDay',
      'get /v1/meta': 'getMeta',
      'get /healthz': 'getHealthz',
      'post /graphql': 'postGraphql',
    });
  });

  it('stays the same for a route added later, by the same rule', () => {
    expect(operationIdFor('get', '/v1/citations/{id}')).toBe('getCitation');
    expect(operationIdFor('get', '/v1/statistics/{id}')).toBe('getStatistic');
    expect(operationIdFor('get', '/livez')).toBe('getLivez');
    expect(operationIdFor('get', '/problems/{name}')).toBe('getProblem');
  });
});

describe('documented statuses', () => {
  it('a GET answers 200 with every header its 200 documents', async () => {
    for (const { path, operation } of gets) {
      const url = await okUrl(path, operation);
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      for (const name of headersOf(operation, '200')) {
        // Link is there when a next page is: the lists here hold more than one page at limit=1.
        const probe =
          name === 'link' ? await app.inject({ url: `${url}${url.includes('?') ? '&' : '?'}limit=1` }) : response;
        expect(probe.headers[name], `${url}: ${name}`).toBeDefined();
      }
    }
  });

  it('304 is documented exactly where If-None-Match gets one', async () => {
    for (const { path, operation } of gets) {
      const url = await okUrl(path, operation);
      const first = await app.inject({ url });
      const again = await app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
      const documented = '304' in operation.responses;
      expect(again.statusCode === 304, `${url}: 304 documented ${documented}`).toBe(documented);
      if (documented) {
        for (const name of headersOf(operation, '304')) {
          expect(again.headers[name], `${url} 304: ${name}`).toBeDefined();
        }
      }
    }
  });

  it('404 is documented on every route with an id, and an unknown id gets it; no other route lists it', async () => {
    for (const { path, operation } of gets) {
      const hasId = /\{[^}]+\}/.test(path);
      const queryNotFound = QUERY_NOT_FOUND[path];
      expect('404' in operation.responses, path).toBe(hasId || queryNotFound !== undefined);
      if (!hasId && !queryNotFound) continue;
      const url = queryNotFound ?? path.replace(/\{date\}/, '02-30').replace(/\{[^}]+\}/g, 'no-such-record');
      const response = await app.inject({ url });
      // on-this-day has no record to miss: its impossible day is a 400, and 02-30 is the nearest thing to "none".
      expect([400, 404], url).toContain(response.statusCode);
      expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
    }
    expect(Object.keys(doc.paths['/v1/meta']?.get?.responses ?? {})).not.toContain('404');
  });

  it('400 is documented where a bad parameter gets one', async () => {
    for (const { path, operation } of gets.filter((o) =>
      (o.operation.parameters ?? []).some((p) => p.in === 'query'),
    )) {
      expect(Object.keys(operation.responses), path).toContain('400');
      if (!path.startsWith('/v1/')) continue;
      const ok = await okUrl(path, operation);
      const url = `${ok}${ok.includes('?') ? '&' : '?'}limit=0`;
      const response = await app.inject({ url });
      if (operation.parameters?.some((p) => p.name === 'limit')) expect(response.statusCode, url).toBe(400);
    }
  });

  it('429 and its Retry-After are documented, and sent, when a client goes over the limit', async () => {
    const limited = await createTestApp({ RATE_LIMIT_MAX: '1' });
    try {
      const operation = doc.paths['/v1/events']?.get as Operation;
      expect(headersOf(operation, '429')).toContain('retry-after');
      await limited.inject({ url: '/v1/events' });
      const response = await limited.inject({ url: '/v1/events' });
      expect(response.statusCode).toBe(429);
      for (const name of headersOf(operation, '429')) {
        expect(response.headers[name], name).toBeDefined();
      }
    } finally {
      await limited.close();
    }
  });

  it('each response header is one shared component', () => {
    for (const { operation } of operations) {
      for (const response of Object.values(operation.responses)) {
        for (const header of Object.values(response.headers ?? {})) {
          expect(header.$ref).toMatch(/^#\/components\/headers\//);
          expect(doc.components.headers[header.$ref.split('/').pop() as string]).toBeDefined();
        }
      }
    }
  });
});

describe('integers', () => {
  it('have real bounds and a format: no ±(2^53 − 1) from a bare .int()', () => {
    const integers: Record<string, unknown>[] = [];
    const visit = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (schema.type === 'integer') integers.push(schema);
      Object.values(schema).forEach(visit);
    };
    visit(doc);
    expect(integers.length).toBeGreaterThan(10);
    for (const schema of integers) {
      expect(schema.format, JSON.stringify(schema)).toMatch(/^int(32|64)$/);
      expect(Math.abs(Number(schema.maximum ?? 0)), JSON.stringify(schema)).toBeLessThan(Number.MAX_SAFE_INTEGER);
      expect(Math.abs(Number(schema.minimum ?? 0)), JSON.stringify(schema)).toBeLessThan(Number.MAX_SAFE_INTEGER);
    }
  });
});
