// GET /v1/places.geojson: points by default; with geometry=boundary the polygons where known (RFC 7946), points
// elsewhere; any other value is a 400 problem.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { expectPosition, expectRfc7946Polygon, type Geometry } from './rfc7946.js';

const app = await useTestApp();

interface Collection {
  type: string;
  features: { id: string; geometry: Geometry; properties: { slug: string; name: string } }[];
}

async function geojson(query = '') {
  const response = await app.inject(`/v1/places.geojson${query}`);
  expect(response.statusCode, query).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
  return response.json() as Collection;
}

describe('GET /v1/places.geojson?geometry=', () => {
  it('answers points by default, the same as geometry=point', async () => {
    const plain = await geojson();
    expect(plain.features.every((f) => f.geometry.type === 'Point')).toBe(true);
    expect(await geojson('?geometry=point')).toEqual(plain);
  });

  it('gives the polygons where known and points elsewhere, for the same places', async () => {
    const points = await geojson();
    const mixed = await geojson('?geometry=boundary');
    expect(mixed.features.map((f) => f.id)).toEqual(points.features.map((f) => f.id));
    expect(mixed.features.map((f) => f.properties)).toEqual(points.features.map((f) => f.properties));
    const polygons = mixed.features.filter((f) => f.geometry.type !== 'Point').map((f) => f.id);
    expect(polygons.sort()).toEqual(
      ['aghdam', 'fuzuli', 'gubadli', 'jabrayil', 'kalbajar', 'khankendi', 'lachin', 'shusha', 'zangilan'].sort(),
    );
    const districts = (await app.inject('/v1/districts.geojson')).json() as Collection;
    for (const f of mixed.features) {
      if (f.geometry.type === 'Point') expectPosition(f.geometry.coordinates as number[], f.id);
      else expectRfc7946Polygon(f.geometry, f.id);
      const district = districts.features.find((d) => d.id === f.id);
      if (district) expect(f.geometry).toEqual(district.geometry);
    }
  });

  it('refuses any other geometry with a problem naming the parameter', async () => {
    for (const bad of ['polygon', 'BOUNDARY', '', 'boundary,point']) {
      const response = await app.inject(`/v1/places.geojson?geometry=${encodeURIComponent(bad)}`);
      expect(response.statusCode, bad).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body, bad).toMatch(/geometry/);
    }
  });
});
