// CSV answers of every list: one fixed header per route, the columns the OpenAPI item schema implies (dotted paths
// for nested objects, JSON text for lists), on every page and on an empty one; walking a list page by page in CSV
// gives exactly the rows of the big pages. Read with a real CSV parser.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

const app = await useTestApp();

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}

const openapi = (await app.inject({ url: '/openapi.json' })).json() as {
  paths: Record<string, { get?: Operation }>;
  components: { schemas: Record<string, JsonSchema> };
};

/** Values for the parameters a list route requires (path parameters and required query parameters). */
const EXAMPLES: Record<string, string> = { q: 'Lachin', id: 'article-2025-09-27', date: '09-27' };

function resolve(schema: JsonSchema): JsonSchema {
  const ref = schema.$ref?.replace('#/components/schemas/', '');
  return ref ? resolve(openapi.components.schemas[ref]!) : schema;
}

/** The properties of an object schema (or of the objects among a nullable's or union's options). */
function propertiesOf(schema: JsonSchema): [string, JsonSchema][] | undefined {
  const s = resolve(schema);
  if (s.properties) return Object.entries(s.properties);
  const options = (s.anyOf ?? s.oneOf)?.filter((o) => resolve(o).type !== 'null');
  if (!options?.length) return undefined;
  const merged = new Map<string, JsonSchema>();
  for (const option of options) {
    const props = propertiesOf(option);
    if (!props) return undefined;
    for (const [k, v] of props) if (!merged.has(k)) merged.set(k, v);
  }
  return [...merged];
}

/** The documented CSV rule applied to the OpenAPI item schema: an independent derivation of the header. */
function expectedColumns(schema: JsonSchema, prefix: string[] = []): string[][] {
  const props = propertiesOf(schema);
  if (!props) return [prefix];
  return props.flatMap(([k, v]) => expectedColumns(v, [...prefix, k]));
}

interface ListRoute {
  path: string;
  url: string;
  item: JsonSchema;
}

const LIST_ROUTES: ListRoute[] = Object.entries(openapi.paths).flatMap(([path, item]) => {
  const content = item.get?.responses['200']?.content;
  // A list answers both; a download's CSV (/v1/downloads/csv/{table}.csv) is a file, tested in tests/downloads.
  if (!content?.['text/csv'] || !content['application/json']) return [];
  const list = resolve(content['application/json']!.schema);
  const data = list.properties!.data as { items: JsonSchema };
  const url = new URL(
    path.replace(/\{(\w+)\}/g, (_m, name: string) => EXAMPLES[name] ?? `{missing example for ${name}}`),
    'http://x',
  );
  for (const p of item.get!.parameters ?? []) {
    if (p.in === 'query' && p.required) url.searchParams.set(p.name, EXAMPLES[p.name] ?? `missing-${p.name}`);
  }
  return [{ path, url: `${url.pathname}${url.search}`, item: data.items }];
});

function withQuery(url: string, params: Record<string, string>) {
  const u = new URL(url, 'http://x');
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return `${u.pathname}${u.search}`;
}

/** The target of an RFC 8288 `Link: <…>; rel="next"`, if any. */
function nextLink(link: string | string[] | undefined): string | null {
  const value = Array.isArray(link) ? link.join(', ') : (link ?? '');
  return /<([^>]+)>\s*;\s*rel="?next"?/.exec(value)?.[1] ?? null;
}

/** Follows Link rel=next from `url`, parsing each CSV page; every page's header is returned. */
async function walkCsv(url: string, headers: Record<string, string> = {}) {
  const headerRows: string[][] = [];
  const rows: string[][] = [];
  let next: string | null = url;
  for (let pages = 0; next; pages++) {
    if (pages > 500) throw new Error(`${url}: more than 500 pages`);
    const response = await app.inject({ url: next, headers });
    expect(response.statusCode, next).toBe(200);
    expect(response.headers['content-type'], next).toMatch(/^text\/csv/);
    const [header, ...body] = parse(response.body, { relax_column_count: false }) as string[][];
    headerRows.push(header!);
    rows.push(...body);
    next = nextLink(response.headers.link);
  }
  return { headerRows, rows };
}

/** What the documented rule puts in a cell for a JSON value. */
function expectedCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function valueAt(item: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
    item,
  );
}

describe('CSV lists', () => {
  it('covers every list route that documents text/csv', () => {
    expect(LIST_ROUTES.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/v1/events', '/v1/places', '/v1/districts', '/v1/search', '/v1/timeline']),
    );
  });

  describe.each(LIST_ROUTES)('$path', ({ url, item }) => {
    const columns = expectedColumns(item);
    const header = columns.map((c) => c.join('.'));

    it('has the columns of its item schema on every page, and walking it in CSV gives the rows of the big pages', async () => {
      expect(new Set(header).size).toBe(header.length);
      const small = await walkCsv(withQuery(url, { format: 'csv', limit: '3' }));
      const big = await walkCsv(withQuery(url, { format: 'csv', limit: '100' }));
      for (const h of [...small.headerRows, ...big.headerRows]) expect(h).toEqual(header);
      expect(big.rows.length).toBeGreaterThan(0);
      expect(small.rows).toEqual(big.rows);
    });

    it('holds the JSON answer’s values: dotted paths for objects, JSON text for lists, empty for null', async () => {
      const json = (await app.inject({ url: withQuery(url, { limit: '100' }) })).json() as { data: unknown[] };
      const csv = await app.inject({ url: withQuery(url, { limit: '100' }), headers: { accept: 'text/csv' } });
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const [, ...rows] = parse(csv.body) as string[][];
      expect(rows).toEqual(json.data.map((record) => columns.map((path) => expectedCell(valueAt(record, path)))));
    });
  });

  it('sends the header row when no item matches', async () => {
    const events = LIST_ROUTES.find((r) => r.path === '/v1/events')!;
    const places = LIST_ROUTES.find((r) => r.path === '/v1/places')!;
    const search = LIST_ROUTES.find((r) => r.path === '/v1/search')!;
    for (const [route, query] of [
      [events, { from: '1000', to: '1001' }],
      [places, { name: 'no such place anywhere' }],
      [search, { q: 'xyzzyplugh' }],
    ] as const) {
      const response = await app.inject({ url: withQuery(route.url, { ...query, format: 'csv' }) });
      expect(response.statusCode, route.path).toBe(200);
      expect(parse(response.body), route.path).toEqual([expectedColumns(route.item).map((c) => c.join('.'))]);
    }
  });

  it('flattens nested objects into dotted columns and keeps lists as JSON text', async () => {
    const response = await app.inject({ url: '/v1/places?format=csv&limit=100' });
    const [header, ...rows] = parse(response.body) as string[][];
    expect(header).toEqual(expect.arrayContaining(['slug', 'parent.slug', 'location.lat', 'names']));
    const names = header!.indexOf('names');
    for (const row of rows) expect(Array.isArray(JSON.parse(row[names]!))).toBe(true);
  });
});
