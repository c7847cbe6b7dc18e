// One rule for query parameters on every route under /v1, walked from the OpenAPI document: an unknown parameter
// is a 400 naming it, integers are decimal digits only; and a list filter naming no record is a 400, not an empty page.
import { describe, expect, it } from 'vitest';
import { gql } from '../graphql/helpers.js';
import { useTestApp } from '../helpers/app.js';
import { getJson } from '../helpers/json.js';

const app = await useTestApp();

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string; example?: unknown };
}
interface Problem {
  status: number;
  errors?: { in: string; name: string; message: string }[];
}

const doc = (await app.inject({ url: '/openapi.json' })).json() as {
  paths: Record<string, { get?: { parameters?: Parameter[] } }>;
};
const { current: servedVersion } = (await app.inject({ url: '/v1/releases' })).json() as { current: string };
/** Required query parameters whose valid value is data, not a constant example: the dataset being served. */
const QUERY_VALUES: Record<string, string> = { since: servedVersion };

const routes = Object.entries(doc.paths)
  .filter(([path, item]) => path.startsWith('/v1/') && item.get)
  .map(([path, item]) => ({ path, parameters: item.get?.parameters ?? [] }));

/**
 * A URL that answers 200 for a route template: each path parameter from the first item of the list above it
 * (`/v1/events/{id}` takes an id from `/v1/events`), or from its documented example where there is no such list;
 * a required query parameter (search's `q`) from its example.
 */
async function concrete(path: string, parameters: Parameter[]): Promise<string> {
  let url = path;
  for (const match of path.matchAll(/\{([^}]+)\}/g)) {
    const [placeholder, name] = match as unknown as [string, string];
    const list = path.slice(0, path.indexOf(placeholder) - 1);
    let value: unknown;
    if (doc.paths[list]?.get) {
      const { body } = await getJson<{ data: Record<string, unknown>[] }>(app, list);
      value = body.data[0]?.[name];
    } else {
      value = parameters.find((p) => p.in === 'path' && p.name === name)?.schema?.example;
    }
    if (typeof value !== 'string') throw new Error(`no value for {${name}} of ${path}`);
    url = url.replace(placeholder, encodeURIComponent(value));
  }
  const required = parameters.filter((p) => p.in === 'query' && p.required);
  const query = required
    .map((p) => `${p.name}=${encodeURIComponent(String(QUERY_VALUES[p.name] ?? p.schema?.example))}`)
    .join('&');
  return query ? `${url}?${query}` : url;
}

const withQuery = (url: string, query: string) => `${url}${url.includes('?') ? '&' : '?'}${query}`;

async function expectProblem(url: string, name: string, message: string | RegExp) {
  const { status, response, body } = await getJson<Problem>(app, url);
  expect(status, url).toBe(400);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(body.errors).toEqual([{ in: 'query', name, message: expect.stringMatching(message) }]);
}

const NOT_DECIMAL = ['0x10', '1e2', '5.0', '+5', '-5', ' 5', '5 ', '1_0', '٥', '0b11', 'Infinity', ''];

describe('every route under /v1', () => {
  it('the walk covers the lists, the detail routes, the GeoJSON, on-this-day and meta', () => {
    const paths = routes.map((r) => r.path);
    for (const path of ['/v1/events', '/v1/events/{id}', '/v1/places.geojson', '/v1/on-this-day/{date}', '/v1/meta']) {
      expect(paths).toContain(path);
    }
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  it.each(routes)('$path: answers 200 as given, and 400 naming an unknown parameter', async ({ path, parameters }) => {
    const url = await concrete(path, parameters);
    expect((await app.inject({ url })).statusCode, url).toBe(200);
    await expectProblem(withQuery(url, 'colour=red'), 'colour', 'is not a parameter of this endpoint');
  });

  const integers = routes.flatMap(({ path, parameters }) =>
    parameters
      .filter((p) => p.in === 'query' && p.schema?.type === 'integer')
      .map((p) => ({ path, parameters, name: p.name })),
  );

  it('the lists take integer parameters', () => {
    expect(integers.length).toBeGreaterThanOrEqual(10);
  });

  it.each(integers)('$path: $name takes decimal digits and nothing else', async ({ path, parameters, name }) => {
    const url = await concrete(path, parameters);
    expect((await app.inject({ url: withQuery(url, `${name}=5`) })).statusCode).toBe(200);
    for (const value of NOT_DECIMAL) {
      await expectProblem(withQuery(url, `${name}=${encodeURIComponent(value)}`), name, /decimal digits/);
    }
  });
});

describe('list filters that name a record', () => {
  const FILTERS: [url: string, name: string, kind: string][] = [
    ['/v1/events?place=atlantis', 'place', 'place'],
    ['/v1/events?actor=nobody', 'actor', 'actor'],
    ['/v1/places?parent=atlantis', 'parent', 'place'],
    ['/v1/statistics?place=atlantis', 'place', 'place'],
    ['/v1/claims?source=no-such-source', 'source', 'source'],
    ['/v1/claims?event=nope', 'event', 'event'],
  ];

  it.each(FILTERS)('%s is a 400 naming %s', async (url, name, kind) => {
    await expectProblem(url, name, new RegExp(`^names no ${kind} that exists`));
    // The message names the parameter, not the value.
    const { body } = await getJson<Problem>(app, url);
    expect(JSON.stringify(body.errors)).not.toContain(url.split('=')[1]);
  });

  it('a filter naming a record that exists still answers', async () => {
    const { body: events } = await getJson<{ data: { id: string }[] }>(app, '/v1/events?limit=1');
    const { body: sources } = await getJson<{ data: { id: string }[] }>(app, '/v1/sources?limit=1');
    const { body: actors } = await getJson<{ data: { id: string }[] }>(app, '/v1/actors?limit=1');
    for (const url of [
      '/v1/events?place=lachin',
      `/v1/events?actor=${actors.data[0]?.id}`,
      '/v1/places?parent=lachin',
      '/v1/statistics?place=lachin',
      `/v1/claims?source=${sources.data[0]?.id}&event=${events.data[0]?.id}`,
    ]) {
      expect((await app.inject({ url })).statusCode, url).toBe(200);
    }
  });

  it('two unknown filters are both named', async () => {
    const { status, body } = await getJson<Problem>(app, '/v1/events?place=atlantis&actor=nobody');
    expect(status).toBe(400);
    expect(body.errors?.map((e) => e.name)).toEqual(['place', 'actor']);
  });

  it.each([
    ['{ events(place: "atlantis") { totalCount } }', 'place', 'place'],
    ['{ events(actor: "nobody") { totalCount } }', 'actor', 'actor'],
    ['{ places(parent: "atlantis") { nodes { slug } } }', 'parent', 'place'],
    ['{ statistics(place: "atlantis") { nodes { id } } }', 'place', 'place'],
    ['{ claims(source: "no-such-source") { nodes { id } } }', 'source', 'source'],
    ['{ claims(event: "nope") { nodes { id } } }', 'event', 'event'],
  ])('GraphQL %s names the argument', async (query, name, kind) => {
    const response = await gql(app, query);
    const error = response.errors?.[0];
    expect(response.errors).toHaveLength(1);
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.arguments).toEqual([{ name, message: expect.stringMatching(`^names no ${kind} `) }]);
    expect(error?.message).toMatch(new RegExp(`^${name}: names no ${kind} that exists`));
  });
});

describe('GET /graphql takes the parameters of GraphQL over HTTP only', () => {
  const query = encodeURIComponent('{ meta { version } }');

  it('answers query, variables, operationName and extensions', async () => {
    const url = `/graphql?query=${encodeURIComponent('query M { meta { version } }')}&operationName=M&variables=%7B%7D`;
    expect((await app.inject({ url })).statusCode).toBe(200);
  });

  it.each(['colour=red', 'callback=x', 'Query=x'])('refuses %s with a 400 naming it', async (extra) => {
    const response = await app.inject({ url: `/graphql?query=${query}&${extra}` });
    expect(response.statusCode).toBe(400);
    const body = response.json() as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]?.message).toContain(`"${extra.split('=')[0]}" is not a parameter of /graphql`);
  });

  it('refuses a URL parameter on a POST too', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql?colour=red',
      payload: { query: '{ meta { version } }' },
    });
    expect(response.statusCode).toBe(400);
  });
});
