// GET /v1/meta with Accept: application/ld+json: a schema.org Dataset, checked by expanding it with the jsonld
// library against a vendored copy of schema.org's context (no network), and equal to the API's own data.
import { readFileSync } from 'node:fs';
import jsonld, { type Options } from 'jsonld';
import type { JsonLd, RemoteDocument } from 'jsonld/jsonld-spec.js';
import { describe, expect, it, vi } from 'vitest';
import { LICENCE } from '../../src/queries/licence.js';
import { createTestApp, useTestApp } from '../helpers/app.js';

const PUBLIC_URL = 'https://history.example.org';
const SCHEMA = 'http://schema.org/';
const app = await useTestApp({ PUBLIC_URL });

const schemaOrgContext = JSON.parse(
  readFileSync(new URL('../vendor/schemaorg/schemaorgcontext.jsonld', import.meta.url), 'utf8'),
) as JsonLd;

/** The only documents expansion may load: schema.org's context, under the URLs it is named by. */
const documentLoader = (async (url: string): Promise<RemoteDocument> => {
  if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`no network in tests: ${url}`);
  return { contextUrl: undefined, document: schemaOrgContext, documentUrl: url };
}) as Options.DocLoader['documentLoader'];

type Json = Record<string, unknown>;

async function datasetLd(headers: Record<string, string> = { accept: 'application/ld+json' }) {
  const response = await app.inject({ url: '/v1/meta', headers });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/ld+json; charset=utf-8');
  expect(String(response.headers.vary)).toMatch(/\bAccept\b/);
  return response.json() as Json;
}

/**
 * Every key of the compact object maps to a schema.org IRI (or stays a keyword) in the expanded node, nested
 * objects included: a term the context does not define would be dropped by expansion, and fail here.
 */
function expectSchemaOrgTerms(compact: unknown, expanded: unknown, path = '$'): void {
  if (Array.isArray(compact)) {
    const nodes = expanded as unknown[];
    expect(nodes, path).toHaveLength(compact.length);
    compact.forEach((item, i) => expectSchemaOrgTerms(item, nodes[i], `${path}[${i}]`));
    return;
  }
  if (compact === null || typeof compact !== 'object') return;
  const node = (Array.isArray(expanded) && expanded.length === 1 ? expanded[0] : expanded) as Json;
  const keys = Object.keys(compact).filter((k) => k !== '@context');
  const iri = (k: string) => (k.startsWith('@') ? k : `${SCHEMA}${k}`);
  expect(Object.keys(node).sort(), path).toEqual(keys.map(iri).sort());
  for (const key of keys) {
    const value = (compact as Json)[key];
    if (key === '@type') expect(node['@type'], path).toEqual([`${SCHEMA}${String(value)}`]);
    else if (value !== null && typeof value === 'object') {
      const inner = node[iri(key)] as unknown[];
      expectSchemaOrgTerms(value, Array.isArray(value) ? inner : inner, `${path}.${key}`);
    }
  }
}

/** Every event of /v1/events, following the cursors. */
async function allEvents() {
  const events: { date: { start_date: string; end_date: string | null; precision: string } }[] = [];
  let url: string | null = '/v1/events?limit=100';
  while (url) {
    const page = (await app.inject(url)).json() as { data: typeof events; page: { next_cursor: string | null } };
    events.push(...page.data);
    url = page.page.next_cursor ? `/v1/events?limit=100&cursor=${page.page.next_cursor}` : null;
  }
  return events;
}

describe('GET /v1/meta as a schema.org Dataset', () => {
  it('expands with the schema.org context to schema.org terms only', async () => {
    const dataset = await datasetLd();
    expect(dataset['@context']).toBe('https://schema.org/');
    expect(dataset['@type']).toBe('Dataset');
    const expanded = await jsonld.expand(dataset as JsonLd, { documentLoader });
    expect(expanded).toHaveLength(1);
    expectSchemaOrgTerms(dataset, expanded);
    const node = expanded[0] as Json;
    for (const term of [
      'name',
      'description',
      'license',
      'version',
      'temporalCoverage',
      'spatialCoverage',
      'distribution',
      'url',
      'isAccessibleForFree',
    ]) {
      expect(node, term).toHaveProperty([`${SCHEMA}${term}`]);
    }
    // The licence is an IRI, not a string that happens to look like one.
    expect(node[`${SCHEMA}license`]).toEqual([{ '@id': LICENCE.url }]);
  });

  it('describes the same dataset as the JSON meta: version, licence, attribution', async () => {
    const meta = (await app.inject('/v1/meta')).json() as { version: string; built_at: string };
    const dataset = await datasetLd();
    expect(dataset.version).toBe(meta.version);
    expect(dataset.dateModified).toBe(meta.built_at);
    expect(dataset.license).toBe(LICENCE.url);
    expect(dataset.isAccessibleForFree).toBe(true);
    expect(dataset.creditText).toContain(meta.version);
    expect(dataset['@id']).toBe(`${PUBLIC_URL}/v1/meta`);
    expect(dataset.url).toBe(`${PUBLIC_URL}/`);
  });

  it('covers the span of the events, each end no finer than known, open while a fact is ongoing', async () => {
    const events = await allEvents();
    expect(events.length).toBeGreaterThan(20);
    const first = [...events].sort((a, b) => a.date.start_date.localeCompare(b.date.start_date))[0];
    const asKnown = (day: string, precision: string) =>
      precision === 'day' ? day : precision === 'month' ? day.slice(0, 7) : day.slice(0, 4);
    const start = asKnown(first!.date.start_date, first!.date.precision);
    const ongoing = events.some((e) => e.date.end_date === null);
    const last = [...events]
      .filter((e) => e.date.end_date !== null)
      .sort((a, b) => String(b.date.end_date).localeCompare(String(a.date.end_date)))[0];
    const end = ongoing ? '..' : asKnown(String(last!.date.end_date), last!.date.precision);
    const { temporalCoverage } = await datasetLd();
    expect(temporalCoverage).toBe(`${start}/${end}`);
    // ISO 8601 interval of reduced-precision dates: YYYY, YYYY-MM or YYYY-MM-DD, or `..` for an open end.
    expect(temporalCoverage).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?\/(\d{4}(-\d{2}(-\d{2})?)?|\.\.)$/);
  });

  it("boxes the places' coordinates and the districts' borders as a schema.org GeoShape (south west north east)", async () => {
    const lons: number[] = [];
    const lats: number[] = [];
    const walk = (value: unknown): void => {
      if (!Array.isArray(value)) return;
      if (typeof value[0] === 'number') {
        lons.push(value[0]);
        lats.push(value[1] as number);
      } else value.forEach(walk);
    };
    // Points and polygons both: the boundary view has the polygons, the default one every place's point.
    for (const url of ['/v1/places.geojson', '/v1/places.geojson?geometry=boundary', '/v1/districts.geojson']) {
      const geojson = (await app.inject(url)).json() as { features: { geometry: { coordinates: unknown } }[] };
      expect(geojson.features.length, url).toBeGreaterThan(0);
      for (const feature of geojson.features) walk(feature.geometry.coordinates);
    }
    const { spatialCoverage } = (await datasetLd()) as { spatialCoverage: { '@type': string; geo: { box: string } } };
    expect(spatialCoverage['@type']).toBe('Place');
    expect(spatialCoverage.geo.box.split(' ').map(Number)).toEqual([
      Math.min(...lats),
      Math.min(...lons),
      Math.max(...lats),
      Math.max(...lons),
    ]);
  });

  it('lists a DataDownload per whole-file export, each absolute on PUBLIC_URL and served as its format', async () => {
    const { distribution } = (await datasetLd()) as {
      distribution: { '@type': string; contentUrl: string; encodingFormat: string }[];
    };
    expect(distribution.length).toBeGreaterThanOrEqual(4);
    const paths = distribution.map((d) => d.contentUrl.replace(PUBLIC_URL, ''));
    expect(paths).toEqual(
      expect.arrayContaining(['/v1/places.geojson', '/v1/calendar.ics', '/v1/timeline.timelinejs.json']),
    );
    for (const download of distribution) {
      expect(download['@type']).toBe('DataDownload');
      expect(download.contentUrl.startsWith(`${PUBLIC_URL}/`), download.contentUrl).toBe(true);
      const response = await app.inject(download.contentUrl.slice(PUBLIC_URL.length));
      expect(response.statusCode, download.contentUrl).toBe(200);
      expect(String(response.headers['content-type']).split(';')[0], download.contentUrl).toBe(download.encodingFormat);
    }
  });

  it('answers JSON by default and for */*, and a 406 problem for a type it does not have', async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    for (const accept of [undefined, '*/*', 'application/json', 'application/*', browser]) {
      const response = await app.inject({ url: '/v1/meta', headers: accept ? { accept } : {} });
      expect(response.statusCode, accept).toBe(200);
      expect(response.headers['content-type'], accept).toMatch(/^application\/json/);
      expect(String(response.headers.vary)).toMatch(/\bAccept\b/);
    }
    const ld = await datasetLd({ accept: 'text/html;q=0.9, application/ld+json' });
    expect(ld['@type']).toBe('Dataset');
    const refused = await app.inject({ url: '/v1/meta', headers: { accept: 'text/html' } });
    expect(refused.statusCode).toBe(406);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('the response cache and /v1/meta', () => {
  it('never serves a cached JSON meta to an ld+json request, nor the reverse', async () => {
    const cached = await createTestApp({ PUBLIC_URL });
    try {
      const data = cached.data.current();
      const json = vi.spyOn(data, 'getMeta');
      const ld = vi.spyOn(data, 'datasetJsonLd');
      const get = (accept?: string) => cached.inject({ url: '/v1/meta', headers: accept ? { accept } : {} });
      const firstJson = await get('application/json');
      const firstLd = await get('application/ld+json');
      expect(firstLd.headers['content-type']).toMatch(/^application\/ld\+json/);
      expect(firstLd.json()).toHaveProperty('@type', 'Dataset');
      expect(firstJson.json()).not.toHaveProperty('@type');
      expect(firstLd.headers.etag).not.toBe(firstJson.headers.etag);
      // Both now cached: each type answers from its own entry, again and again.
      for (let i = 0; i < 2; i++) {
        const againLd = await get('application/ld+json');
        expect(againLd.headers['content-type']).toMatch(/^application\/ld\+json/);
        expect(againLd.body).toBe(firstLd.body);
        const againJson = await get();
        expect(againJson.headers['content-type']).toMatch(/^application\/json/);
        expect(againJson.body).toBe(firstJson.body);
      }
      expect(json).toHaveBeenCalledTimes(1);
      expect(ld).toHaveBeenCalledTimes(1);
      // A revalidation sends the ETag of one type: it does not make the other a 304.
      const crossed = await get('application/ld+json');
      const notModified = await cached.inject({
        url: '/v1/meta',
        headers: { accept: 'application/json', 'if-none-match': String(crossed.headers.etag) },
      });
      expect(notModified.statusCode).toBe(200);
      expect(notModified.body).toBe(firstJson.body);
    } finally {
      await cached.close();
    }
  });

  it('keeps the ld+json apart from the JSON when the cache answers first with the other', async () => {
    const cached = await createTestApp({ PUBLIC_URL });
    try {
      const ld = await cached.inject({ url: '/v1/meta', headers: { accept: 'application/ld+json' } });
      const json = await cached.inject({ url: '/v1/meta' });
      expect(ld.json()).toHaveProperty('@type', 'Dataset');
      expect(json.json()).toHaveProperty('sha256');
      expect(json.headers['content-type']).toMatch(/^application\/json/);
    } finally {
      await cached.close();
    }
  });
});
