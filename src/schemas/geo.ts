// GeoJSON shapes (RFC 7946) of the boundary exports: /v1/districts.geojson and /v1/places.geojson?geometry=boundary.
import { z } from 'zod';
import { NamedPlaceSchemaShape } from './places.js';

const Position = z
  .array(z.number())
  .min(2)
  .max(3)
  .describe('[longitude, latitude] in WGS 84 (RFC 7946).')
  .meta({ example: [46.547, 39.641] });
const Ring = z.array(Position).min(4).describe('A closed linear ring: its first and last positions are equal.');

export const PointGeometrySchema = z
  .object({ type: z.literal('Point'), coordinates: Position })
  .meta({ id: 'GeoJsonPoint' });

export const PolygonGeometrySchema = z
  .object({ type: z.literal('Polygon'), coordinates: z.array(Ring) })
  .meta({ id: 'GeoJsonPolygon', description: 'Exterior ring counter-clockwise, holes clockwise (RFC 7946 §3.1.6).' });

export const MultiPolygonGeometrySchema = z
  .object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring)) })
  .meta({ id: 'GeoJsonMultiPolygon' });

export const BoundaryGeometrySchema = z
  .union([PolygonGeometrySchema, MultiPolygonGeometrySchema])
  .meta({ id: 'BoundaryGeometry', description: 'A GeoJSON Polygon or MultiPolygon.' });

export const BoundarySourceSchema = z
  .object({
    source_id: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    for: z.enum(['boundary', 'iso3166_2', 'geonames']).describe('What the source gives: the polygon or an identifier.'),
    note: z.string().nullable().describe('The value as the source gives it (adm1_code, code, geonameid).'),
  })
  .meta({ id: 'BoundarySource' });

export const DistrictFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    id: z.string().describe('The district slug.'),
    bbox: z
      .array(z.number())
      .length(4)
      .describe('[west, south, east, north] of the polygon (RFC 7946 §5).')
      .meta({ example: [45.883188, 39.438652, 46.735628, 39.95813] }),
    geometry: BoundaryGeometrySchema,
    properties: z.object({
      ...NamedPlaceSchemaShape,
      label_point: PointGeometrySchema.describe('A point inside the polygon, where a map can put the name.'),
      source_feature: z.string().describe("The polygon's key in Natural Earth (adm1_code)."),
      source_name: z.string().nullable().describe('The name Natural Earth gives the polygon, right or wrong.'),
      note: z.string().nullable(),
      sources: z.array(BoundarySourceSchema),
      url: z.string(),
    }),
  })
  .meta({ id: 'DistrictFeature' });

export const DistrictsGeoJsonSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    attribution: z.string().describe('Foreign member (RFC 7946 §6.1): the credit line for the boundaries.'),
    caveats: z.array(z.string()).describe('Foreign member: what the lines are not, and known errors of the source.'),
    features: z.array(DistrictFeatureSchema),
  })
  .meta({ id: 'DistrictsGeoJson' });

export type BoundaryGeometry = z.infer<typeof BoundaryGeometrySchema>;

export const PlacesGeoJsonQuerySchema = z.strictObject({
  geometry: z
    .enum(['point', 'boundary'])
    .default('point')
    .describe(
      '`point`: every place with coordinates as a point; `boundary`: the polygon where one is known (the seven ' +
        'districts, Shusha and Khankendi), the point elsewhere.',
    ),
});
