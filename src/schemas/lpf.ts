// Linked Places Format (LPF v2.0) as /v1/places.lpf.json answers it; World Historical Gazetteer's JSON Schema is
// the authority (tests/vendor/linked-places-format), this is its shape for OpenAPI and the typed client.
import { z } from 'zod';
import { BoundaryGeometrySchema, PointGeometrySchema } from './geo.js';

const LpfDateSchema = z
  .union([z.object({ in: z.string() }), z.object({ earliest: z.string() }), z.object({ latest: z.string() })])
  .describe('YYYY, YYYY-MM or YYYY-MM-DD: `in` when known to that precision, a bound when only roughly.');

export const LpfFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    '@id': z.string().describe("The place's URL in this API (PUBLIC_URL + /v1/places/{slug})."),
    properties: z.object({
      title: z.string(),
      ccodes: z.array(z.string()),
      fclasses: z.array(z.enum(['A', 'P'])).describe('GeoNames feature class: A for country, region and districts.'),
    }),
    names: z.array(
      z.object({
        toponym: z.string(),
        lang: z.string(),
        citations: z.array(z.object({ label: z.string(), '@id': z.string(), year: z.string().optional() })),
      }),
    ),
    types: z.array(z.object({ identifier: z.string(), label: z.string() })),
    geometry: z
      .union([
        PointGeometrySchema,
        BoundaryGeometrySchema,
        z.object({
          type: z.literal('GeometryCollection'),
          geometries: z.array(z.union([PointGeometrySchema, BoundaryGeometrySchema])),
        }),
      ])
      .nullable()
      .describe('The point; with the polygon, where known, a GeometryCollection of both.'),
    when: z
      .object({
        timespans: z.array(z.object({ start: LpfDateSchema, end: LpfDateSchema.optional() })),
        label: z.string(),
        periods: z.array(z.object({ name: z.string() })).optional(),
      })
      .optional()
      .describe('The span the sourced events cover (no end while one goes on), with the control periods named.'),
    links: z.array(z.object({ type: z.literal('closeMatch'), identifier: z.string() })),
    relations: z.array(z.object({ relationType: z.string(), relationTo: z.string(), label: z.string() })),
  })
  .meta({ id: 'LpfFeature' });

export const LpfDocumentSchema = z
  .object({
    '@context': z.string(),
    type: z.literal('FeatureCollection'),
    title: z.string(),
    attribution: z.string(),
    features: z.array(LpfFeatureSchema),
  })
  .meta({ id: 'LpfDocument' });
