// GET /v1/places.lpf.json: Linked Places Format, validated against World Historical Gazetteer's LPF v2.0 JSON Schema
// (vendored), and equal to the API's own places: names, identifiers, parents, points, polygons and dates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { useTestApp } from '../helpers/app.js';
import { walk } from '../helpers/json.js';

const PUBLIC_URL = 'https://history.example.org';
const app = await useTestApp({ PUBLIC_URL });
const defaultApp = await useTestApp();

const vendor = join(PROJECT_ROOT, 'tests/vendor/linked-places-format');
const schema = (name: string) => JSON.parse(readFileSync(join(vendor, name), 'utf8')) as Record<string, unknown>;
// Its URL patterns escape `:` and `/`, which Unicode-mode regular expressions refuse.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
ajv.addSchema(schema('csl-citation.json'));
const validate = ajv.compile(schema('lpf_v2.0.jsonld'));

interface DateObject {
  in?: string;
  earliest?: string;
  latest?: string;
}
interface LpfFeature {
  type: string;
  '@id': string;
  properties: { title: string; fclasses: string[]; ccodes: string[] };
  names: { toponym: string; lang: string; citations: { label: string; '@id': string; year?: string }[] }[];
  types: { identifier: string; label: string }[];
  geometry: { type: string; coordinates?: unknown; geometries?: { type: string; coordinates: unknown }[] } | null;
  when?: { timespans: { start: DateObject; end?: DateObject }[]; periods?: { name: string }[] };
  links: { type: string; identifier: string }[];
  relations: { relationType: string; relationTo: string; label: string }[];
}
interface Lpf {
  '@context': string;
  type: string;
  features: LpfFeature[];
}
interface ApiPlace {
  slug: string;
  name: string;
  kind: string;
  parent: { slug: string; name: string } | null;
  names: { name: string; language: string }[];
  location: { lat: number; lon: number } | null;
  identifiers: { iso3166_2: string | null; geonames: number | null };
  occupation: { event_id: string } | null;
  return: { event_id: string; mode: string } | null;
}
interface ApiEvent {
  id: string;
  date: { start_date: string; end_date: string | null; precision: string; date_text: string };
}

async function lpf(which = app) {
  const response = await which.inject('/v1/places.lpf.json');
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/ld\+json/);
  return response.json() as Lpf;
}

const doc = await lpf();
const { items: places } = await walk<ApiPlace>(app, '/v1/places?limit=100');
const featureOf = (slug: string) => doc.features.find((f) => f['@id'] === `${PUBLIC_URL}/v1/places/${slug}`);

describe('GET /v1/places.lpf.json', () => {
  it("validates against WHG's LPF v2.0 schema", () => {
    expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('would catch a feature without its fclasses and types, or without any when', () => {
    const copy = () => structuredClone(doc) as unknown as { features: Record<string, unknown>[] };
    const untyped = copy();
    const first = untyped.features[0] as { properties: Record<string, unknown>; types?: unknown };
    delete first.properties.fclasses;
    delete first.types;
    expect(validate(untyped)).toBe(false);
    const undated = copy();
    delete (undated.features[0] as { when?: unknown }).when;
    expect(validate(undated)).toBe(false);
  });

  it('validates with the default PUBLIC_URL too (a host with no domain name)', async () => {
    const local = await lpf(defaultApp);
    expect(validate(local), ajv.errorsText(validate.errors)).toBe(true);
    expect(local.features[0]?.['@id']).toMatch(/^http:\/\/127\.0\.0\.1:3000\/v1\/places\//);
  });

  it('is a FeatureCollection under the LPF context, one feature per place, @id its URL on PUBLIC_URL', () => {
    expect(doc['@context']).toBe(
      'https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld',
    );
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.features.map((f) => f['@id'])).toEqual(places.map((p) => `${PUBLIC_URL}/v1/places/${p.slug}`));
  });

  it('gives the names, kinds, links and relations of /v1/places', () => {
    for (const p of places) {
      const f = featureOf(p.slug) as LpfFeature;
      expect(f.properties.title).toBe(p.name);
      expect(f.properties.fclasses).toEqual([['city', 'settlement'].includes(p.kind) ? 'P' : 'A']);
      expect(f.types).toHaveLength(1);
      expect(f.types[0]?.label).toBe(p.kind);
      expect(f.names.map((n) => [n.toponym, n.lang])).toEqual(p.names.map((n) => [n.name, n.language]));
      expect(f.links).toEqual(
        p.identifiers.geonames === null
          ? []
          : [{ type: 'closeMatch', identifier: `https://sws.geonames.org/${p.identifiers.geonames}/` }],
      );
      expect(f.relations).toEqual(
        p.parent
          ? [
              {
                relationType: 'gvp:broaderPartitive',
                relationTo: `${PUBLIC_URL}/v1/places/${p.parent.slug}`,
                label: `part of ${p.parent.name}`,
              },
            ]
          : [],
      );
    }
    expect(featureOf('lachin')?.relations[0]?.label).toBe('part of Azerbaijan');
    expect(featureOf('shusha')?.relations[0]?.label).toBe('part of Karabakh');
  });

  it('cites a source for the names, with the year as a string', () => {
    const cited = doc.features.flatMap((f) => f.names).filter((n) => n.citations.length > 0);
    expect(cited.length).toBeGreaterThan(50);
    for (const c of cited.flatMap((n) => n.citations)) {
      expect(c.label.length).toBeGreaterThan(0);
      if (c.year !== undefined) expect(c.year).toMatch(/^\d{4}$/);
    }
  });

  it('holds the point, and the polygon of /v1/districts.geojson where known', async () => {
    const districts = (await app.inject('/v1/places.geojson?geometry=boundary')).json() as {
      features: { id: string; geometry: { type: string; coordinates: unknown } }[];
    };
    for (const p of places) {
      const f = featureOf(p.slug) as LpfFeature;
      const point = p.location ? { type: 'Point', coordinates: [p.location.lon, p.location.lat] } : null;
      const polygon = districts.features.find((d) => d.id === p.slug && d.geometry.type !== 'Point')?.geometry;
      if (point && polygon)
        expect(f.geometry, p.slug).toEqual({ type: 'GeometryCollection', geometries: [point, polygon] });
      else expect(f.geometry, p.slug).toEqual(point ?? polygon ?? null);
    }
    expect(featureOf('lachin')?.geometry?.type).toBe('GeometryCollection');
  });

  it('dates each place by the span of its events, no finer than known, and names the control periods', async () => {
    for (const p of places) {
      const f = featureOf(p.slug) as LpfFeature;
      const detail = (await app.inject(`/v1/places/${p.slug}`)).json() as { events: ApiEvent[] };
      expect(f.when, p.slug).toBeDefined();
      const [span] = f.when?.timespans ?? [];
      const first = detail.events.reduce((a, b) => (b.date.start_date < a.date.start_date ? b : a));
      const cut = { day: 10, month: 7, year: 4 }[first.date.precision];
      expect(span?.start, p.slug).toEqual(
        cut ? { in: first.date.start_date.slice(0, cut) } : { earliest: first.date.start_date.slice(0, 4) },
      );
      if (detail.events.some((e) => e.date.end_date === null)) expect(span?.end, p.slug).toBeUndefined();
      const periods = (f.when?.periods ?? []).map((x) => x.name).join(' | ');
      for (const [block, words] of [
        [p.occupation, 'Under Armenian control from'],
        [p.return, 'Returned to Azerbaijani control by'],
      ] as const) {
        if (!block) continue;
        const event = (await app.inject(`/v1/events/${block.event_id}`)).json() as ApiEvent;
        expect(periods, p.slug).toContain(words);
        expect(periods, p.slug).toContain(event.date.date_text);
      }
    }
    const aghdam = featureOf('aghdam')?.when?.periods?.map((x) => x.name);
    expect(aghdam).toContain('Returned to Azerbaijani control by handover: 20 November 2020');
  });
});
