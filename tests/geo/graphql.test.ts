// GraphQL's Place/District identifiers and boundary: the same values as REST's, from the same query layer.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { walk } from '../helpers/json.js';
import { gqlData } from '../graphql/helpers.js';

const app = await useTestApp();

interface GqlPlace {
  slug: string;
  identifiers: { iso3166_2: string | null; geonames: number | null };
  boundary: { type: string; coordinates: unknown } | null;
}

describe('GraphQL identifiers and boundary', () => {
  it('District.identifiers and District.boundary equal /v1/districts and /v1/districts.geojson', async () => {
    const data = await gqlData<{ districts: GqlPlace[] }>(
      app,
      '{ districts { slug identifiers { iso3166_2 geonames } boundary } }',
    );
    const geojson = (await app.inject('/v1/districts.geojson')).json() as {
      features: { id: string; geometry: unknown; properties: { identifiers: unknown } }[];
    };
    expect(data.districts).toHaveLength(7);
    for (const d of data.districts) {
      const feature = geojson.features.find((f) => f.id === d.slug);
      expect(d.boundary, d.slug).toEqual(feature?.geometry);
      expect(d.identifiers, d.slug).toEqual(feature?.properties.identifiers);
    }
  });

  it('Place.identifiers equals REST for every place; Place.boundary is null where no polygon is known', async () => {
    const data = await gqlData<{ places: { nodes: GqlPlace[] } }>(
      app,
      '{ places(first: 100) { nodes { slug identifiers { iso3166_2 geonames } boundary } } }',
    );
    const { items } = await walk<{ slug: string; identifiers: unknown }>(app, '/v1/places?limit=100');
    expect(data.places.nodes.map((p) => p.slug)).toEqual(items.map((p) => p.slug));
    for (const [i, p] of data.places.nodes.entries()) expect(p.identifiers, p.slug).toEqual(items[i]?.identifiers);
    const byslug = new Map(data.places.nodes.map((p) => [p.slug, p]));
    expect(byslug.get('shusha')?.identifiers).toEqual({ iso3166_2: null, geonames: 147105 });
    expect(byslug.get('shusha')?.boundary?.type).toBe('Polygon');
    expect(byslug.get('karabakh')?.boundary).toBeNull();
    expect(byslug.get('hadrut')?.identifiers).toEqual({ iso3166_2: null, geonames: null });
  });
});
