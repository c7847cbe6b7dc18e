// Every reference resolves: a walk over every answer of every route, following every `url` and every id it finds.
import { describe, expect, it } from 'vitest';
import { testConfig, useTestApp } from '../helpers/app.js';
import { getJson } from '../helpers/json.js';
import { gql, gqlData } from '../graphql/helpers.js';

const app = await useTestApp();

interface OpenApi {
  paths: Record<string, { get?: { parameters?: { name: string; in: string; required?: boolean }[] } }>;
}

/** The downloads list names its files by absolute URL under PUBLIC_URL: those are paths of this API too. */
const ORIGIN = testConfig().PUBLIC_URL;
const DOWNLOADS = `${ORIGIN}/v1/downloads/`;

/** Id-shaped fields and the collection their value names. */
const ID_FIELDS: Record<string, string> = {
  event_id: 'events',
  parent_id: 'events',
  source_id: 'sources',
  actor_id: 'actors',
  claimant_actor_id: 'actors',
  agreement_id: 'agreements',
};

/** Where each kind of record a citation or a search hit names lives. */
const RECORD_COLLECTIONS: Record<string, string> = {
  event: 'events',
  place: 'places',
  place_name: 'places',
  actor: 'actors',
  agreement: 'agreements',
  provision: 'agreements',
  statistic: 'statistics',
  claim: 'claims',
  quote: 'citations',
};

/** Every path-looking reference in a JSON answer: `url`s on this API, id fields, and records named by type and id. */
function referencesIn(value: unknown, found: Set<string>, external: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, found, external);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(obj)) {
    if (typeof v === 'string') {
      if (key === 'url' || key.endsWith('_url')) {
        // A source's own address is outside this API; everything else is a path here.
        if (v.startsWith(DOWNLOADS)) found.add(v.slice(ORIGIN.length));
        else if (/^https?:\/\//.test(v)) external.add(v);
        else found.add(v);
      }
      const collection = ID_FIELDS[key];
      if (collection) found.add(`/v1/${collection}/${encodeURIComponent(v)}`);
    } else referencesIn(v, found, external);
  }
  // A citation is known by its number (its `url` is its source's own address).
  if (typeof obj.id === 'number' && 'record' in obj && 'source_id' in obj) found.add(`/v1/citations/${obj.id}`);
  // A district is a place of kind district; its district page is a second door to it.
  if (obj.kind === 'district' && typeof obj.slug === 'string') found.add(`/v1/districts/${obj.slug}`);
  const type = obj.type;
  const id = obj.id;
  if (typeof type === 'string' && typeof id === 'string' && RECORD_COLLECTIONS[type] && 'url' in obj) {
    found.add(`/v1/${RECORD_COLLECTIONS[type]}/${encodeURIComponent(id)}`);
  }
}

function nextLink(header: string | string[] | number | undefined): string | null {
  const match = /<([^>]+)>;\s*rel="next"/.exec(String(header ?? ''));
  return match?.[1] ?? null;
}

/** The templated OpenAPI path a concrete path answers under, if any. */
function templateOf(path: string, templates: string[]): string | undefined {
  const pathname = path.split('?')[0] ?? path;
  return templates.find((t) =>
    new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`).test(pathname),
  );
}

describe('every reference resolves', async () => {
  const { body: openapi } = await getJson<OpenApi>(app, '/openapi.json');
  const templates = Object.keys(openapi.paths).filter((p) => p.startsWith('/v1/') && openapi.paths[p]?.get);
  const takesLimit = (t: string) => openapi.paths[t]?.get?.parameters?.some((p) => p.name === 'limit') ?? false;

  const needsQuery = (t: string) =>
    openapi.paths[t]?.get?.parameters?.some((p) => p.in === 'query' && p.required === true) ?? false;
  // Start from every route that needs no path parameter (a search needs words), and a day with events. A route
  // that needs a query parameter (/v1/changes needs since) is reached only through the links that name one.
  const starts = templates
    .filter((t) => !t.includes('{') && (t === '/v1/search' || !needsQuery(t)))
    .map((t) => (t === '/v1/search' ? ['/v1/search?q=lachin', '/v1/search?q=putin', '/v1/search?q=war'] : [t]))
    .flat()
    .concat(['/v1/on-this-day/09-27', '/v1/on-this-day/11-10']);

  const visited = new Map<string, number>();
  const external = new Set<string>();
  const queue = [...starts];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (visited.has(path)) continue;
    const template = templateOf(path, templates);
    // A list is walked with its biggest page, then through its Link header.
    const url = template && takesLimit(template) && !path.includes('limit=') ? withLimit(path) : path;
    const response = await app.inject({ method: 'GET', url });
    visited.set(path, response.statusCode);
    if (response.statusCode !== 200) continue;
    // References are followed in JSON answers; text formats (the iCalendar feed) hold absolute links only.
    if (!String(response.headers['content-type']).includes('json')) continue;
    const found = new Set<string>();
    referencesIn(response.json(), found, external);
    const next = nextLink(response.headers.link);
    if (next) found.add(next);
    // The citations of every source are a route of their own.
    if (template === '/v1/sources/{id}') found.add(`${path}/citations`);
    for (const f of found) if (!visited.has(f)) queue.push(f);
  }

  it('follows hundreds of references and none is a dead end', () => {
    const dead = [...visited].filter(([, status]) => status !== 200).map(([path, status]) => `${path} → ${status}`);
    expect(dead).toEqual([]);
    expect(visited.size).toBeGreaterThan(500);
  });

  it('reaches every GET route under /v1 of the OpenAPI document', () => {
    const reached = new Set([...visited.keys()].map((p) => templateOf(p, templates)));
    expect(templates.filter((t) => !reached.has(t))).toEqual([]);
  });

  it('has no url with a fragment, and sends only sources outside the API', () => {
    expect([...visited.keys()].filter((p) => p.includes('#'))).toEqual([]);
    for (const u of external) expect(() => new URL(u)).not.toThrow();
  });
});

function withLimit(path: string): string {
  const u = new URL(path, 'http://x');
  u.searchParams.set('limit', '100');
  return `${u.pathname}${u.search}`;
}

describe('references to place names and provisions', () => {
  it('cites a place name as its place, with the name cited', async () => {
    const { body } = await getJson<{
      data: { record: { type: string; id: string; name: string | null; url: string } }[];
    }>(app, '/v1/sources/article-2025-09-27/citations');
    const names = body.data.filter((c) => c.record.type === 'place_name');
    expect(names.length).toBeGreaterThan(0);
    for (const { record } of names) {
      expect(record.url).toBe(`/v1/places/${record.id}`);
      const place = await getJson<{ names: { name: string }[] }>(app, record.url);
      expect(place.body.names.map((n) => n.name)).toContain(record.name);
    }
  });

  it('cites a provision as its agreement, with the point number', async () => {
    const { body } = await getJson<{ provisions: { point: number; citations: { record: unknown }[] }[] }>(
      app,
      '/v1/agreements/trilateral-statement-2020',
    );
    const cited = body.provisions.filter((p) => p.citations.length > 0);
    expect(cited.length).toBeGreaterThan(0);
    for (const p of cited) {
      for (const c of p.citations) {
        expect(c.record).toMatchObject({
          type: 'provision',
          id: 'trilateral-statement-2020',
          point: p.point,
          url: '/v1/agreements/trilateral-statement-2020',
        });
      }
    }
  });
});

describe('/v1/statistics/{id} and /v1/citations/{id}', () => {
  it('answers each statistic of the list by its url, the same as in the list', async () => {
    const { body } = await getJson<{ data: { id: string; url: string }[] }>(app, '/v1/statistics?limit=100');
    expect(body.data.length).toBeGreaterThan(0);
    for (const s of body.data) {
      expect(s.url).toBe(`/v1/statistics/${s.id}`);
      const one = await getJson(app, s.url);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(s);
    }
  });

  it('answers a citation by number, the same as among its source citations', async () => {
    const { body } = await getJson<{ data: { id: number }[] }>(app, '/v1/sources/article-2025-09-27/citations');
    const sample = body.data[body.data.length >> 1];
    expect(sample).toBeDefined();
    const one = await getJson(app, `/v1/citations/${sample?.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(sample);
  });

  it.each([
    ['/v1/statistics/no-such-figure', 404],
    ['/v1/citations/999999', 404],
    ['/v1/citations/0x10', 400],
    ['/v1/citations/abc', 400],
  ])('%s is a %i problem', async (url, status) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('a slug in another case', () => {
  it.each([
    ['/v1/districts/Lachin', '/v1/districts/lachin'],
    ['/v1/places/LACHIN', '/v1/places/lachin'],
    ['/v1/events/Second-Karabakh-War', '/v1/events/second-karabakh-war'],
    ['/v1/actors/Vladimir-Putin?x=1&y=Z', '/v1/actors/vladimir-putin?x=1&y=Z'],
    ['/v1/sources/Article-2025-09-27/citations?limit=5', '/v1/sources/article-2025-09-27/citations?limit=5'],
  ])('%s is a 301 to %s, which answers', async (url, location) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe(location);
    // The query string is kept as it was; whether the target accepts it is the target's answer.
    if (!location.includes('x=1')) expect((await app.inject({ method: 'GET', url: location })).statusCode).toBe(200);
  });

  it('leaves lowercase paths and other parameters alone', async () => {
    expect((await app.inject({ method: 'GET', url: '/v1/places/lachin' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/v1/citations/1' })).statusCode).toBe(200);
    const bad = await app.inject({ method: 'GET', url: '/v1/places/Lach_in' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('search covers actors and statistics', () => {
  it('finds the actor Putin, with a url that answers', async () => {
    const { body } = await getJson<{ data: { type: string; id: string; url: string }[] }>(app, '/v1/search?q=Putin');
    const actor = body.data.find((h) => h.type === 'actor');
    expect(actor).toMatchObject({ id: 'vladimir-putin', url: '/v1/actors/vladimir-putin' });
    expect((await getJson(app, actor?.url ?? '')).status).toBe(200);
  });

  it('finds statistics by their label and reporter, each at its url', async () => {
    const { body: list } = await getJson<{ data: { id: string; label: string }[] }>(app, '/v1/statistics?limit=1');
    const first = list.data[0];
    expect(first).toBeDefined();
    const words = (first?.label ?? '').split(/\s+/).slice(0, 3).join(' ');
    const { body } = await getJson<{ data: { type: string; id: string; url: string }[] }>(
      app,
      `/v1/search?q=${encodeURIComponent(words)}&limit=100`,
    );
    expect(body.data).toContainEqual(
      expect.objectContaining({ type: 'statistic', id: first?.id, url: `/v1/statistics/${first?.id}` }),
    );
  });

  it('links a quote to its citation, which holds it', async () => {
    const { body } = await getJson<{ data: { type: string; id: string; url: string }[] }>(
      app,
      '/v1/search?q=Lachin&limit=100',
    );
    const quote = body.data.find((h) => h.type === 'quote');
    expect(quote?.url).toBe(`/v1/citations/${quote?.id}`);
    const citation = await getJson<{ id: number; quote: string }>(app, quote?.url ?? '');
    expect(citation.body.id).toBe(Number(quote?.id));
  });
});

describe('GraphQL', () => {
  it('answers statistic(id) and citation(id) as REST does, with the same urls', async () => {
    const { body: statistic } = await getJson<{ id: string; url: string; citations: { id: number }[] }>(
      app,
      '/v1/statistics/idps-unhcr-1994-03',
    );
    const citationId = statistic.citations[0]?.id;
    expect(citationId).toBeDefined();
    const { body: citation } = await getJson<{ record: unknown }>(app, `/v1/citations/${citationId}`);
    const data = await gqlData<{ statistic: { id: string; url: string }; citation: { record: unknown } }>(
      app,
      `query ($c: Int!) {
        statistic(id: "idps-unhcr-1994-03") { id url }
        citation(id: $c) { record { type id name point url } }
      }`,
      { c: citationId },
    );
    expect(data.statistic).toEqual({ id: statistic.id, url: statistic.url });
    expect(data.citation.record).toEqual(citation.record);
  });

  it('gives NOT_FOUND for an unknown statistic or citation', async () => {
    for (const query of ['{ statistic(id: "nope") { id } }', '{ citation(id: 999999) { id } }']) {
      const response = await gql(app, query);
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('finds actors through search, resolved to Actor', async () => {
    const data = await gqlData<{ search: { nodes: { type: string; url: string; record: { __typename: string } }[] } }>(
      app,
      '{ search(q: "Putin") { nodes { type url record { __typename ... on Actor { id url } } } } }',
    );
    expect(data.search.nodes).toContainEqual({
      type: 'actor',
      url: '/v1/actors/vladimir-putin',
      record: { __typename: 'Actor', id: 'vladimir-putin', url: '/v1/actors/vladimir-putin' },
    });
  });
});
