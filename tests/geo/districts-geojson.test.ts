// GET /v1/districts.geojson: RFC 7946 polygons of the seven districts, label points inside them, and the same
// names, identifiers and control changes as /v1/districts, with the attribution and caveats beside the lines.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { walk } from '../helpers/json.js';
import { expectRfc7946Polygon, type Geometry, polygonsOf } from './rfc7946.js';

const app = await useTestApp();

interface Feature {
  type: string;
  id: string;
  bbox: number[];
  geometry: Geometry;
  properties: Record<string, unknown> & {
    slug: string;
    label_point: { type: string; coordinates: [number, number] };
    sources: { source_id: string; for: string; note: string | null }[];
  };
}
interface Collection {
  type: string;
  attribution: string;
  caveats: string[];
  features: Feature[];
}

const response = await app.inject('/v1/districts.geojson');
const body = response.json() as Collection;

describe('GET /v1/districts.geojson', () => {
  it('is a FeatureCollection served as application/geo+json', () => {
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(body.type).toBe('FeatureCollection');
  });

  it('has one polygon feature per district, id = slug, and no other place', async () => {
    const { items } = await walk<{ slug: string }>(app, '/v1/districts?limit=100');
    expect(body.features.map((f) => f.id).sort()).toEqual(items.map((d) => d.slug).sort());
    expect(body.features).toHaveLength(7);
    for (const f of body.features) {
      expect(f.type).toBe('Feature');
      expect(f.properties.slug).toBe(f.id);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
  });

  it('keeps RFC 7946: closed rings, right-hand rule, lon/lat in range', () => {
    for (const f of body.features) expectRfc7946Polygon(f.geometry, f.id);
  });

  it('gives each feature the bbox of its positions, as the reference file does', () => {
    for (const f of body.features) {
      const positions = polygonsOf(f.geometry).flat(2);
      const lons = positions.map((p) => p[0] as number);
      const lats = positions.map((p) => p[1] as number);
      expect(f.bbox, f.id).toEqual([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)]);
    }
    const lachin = body.features.find((f) => f.id === 'lachin') as Feature;
    expect(lachin.bbox).toEqual([45.883188, 39.438652, 46.735628, 39.95813]);
  });

  it("puts each label point inside its district's polygon", () => {
    for (const f of body.features) {
      expect(f.properties.label_point.type).toBe('Point');
      const inside = booleanPointInPolygon(f.properties.label_point.coordinates, f.geometry as Polygon | MultiPolygon, {
        ignoreBoundary: true,
      });
      expect(inside, f.id).toBe(true);
    }
  });

  it('carries the same names, identifiers, occupation and return as /v1/districts', async () => {
    const { items } = await walk<Record<string, unknown> & { slug: string }>(app, '/v1/districts?limit=100');
    for (const d of items) {
      const f = body.features.find((x) => x.id === d.slug) as Feature;
      for (const field of ['name', 'names', 'identifiers', 'occupation', 'return', 'url'])
        expect(f.properties[field], `${d.slug} ${field}`).toEqual(d[field]);
    }
    const lachin = body.features.find((f) => f.id === 'lachin') as Feature;
    expect(lachin.properties.identifiers).toEqual({ iso3166_2: 'AZ-LAC', geonames: 147626 });
    expect(lachin.properties.return).toMatchObject({ date: '2020-12-01', mode: 'handover' });
  });

  it('cites Natural Earth for the polygon and a reference for each identifier', () => {
    for (const f of body.features) {
      const kinds = new Set(f.properties.sources.map((s) => s.for));
      expect([...kinds].sort(), f.id).toEqual(['boundary', 'geonames', 'iso3166_2']);
      expect(f.properties.sources.find((s) => s.for === 'boundary')?.source_id).toBe('ref-natural-earth-admin1-aze');
    }
  });

  it('says the attribution and the caveats as foreign members, Lachin mislabelling included', () => {
    expect(body.attribution).toBe('District boundaries: Natural Earth (naturalearthdata.com), public domain.');
    const caveats = body.caveats.join(' ');
    expect(caveats).toMatch(/Lankaran/);
    expect(caveats).toMatch(/1:10m/);
    expect(caveats).toMatch(/no polygon for Karabakh/);
    expect(caveats).toMatch(/de jure/);
    const lachin = body.features.find((f) => f.id === 'lachin') as Feature;
    expect(lachin.properties.source_name).toBe('Lankaran');
  });
});
