// /v1/districts.geojson: the districts' polygons (Natural Earth) with names, identifiers, control changes and
// label points, and the caveats of the lines said beside them; /v1/places.lpf.json: every place as Linked Places.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DistrictsGeoJsonSchema } from '../schemas/geo.js';
import { LpfDocumentSchema } from '../schemas/lpf.js';
import { NoQuerySchema } from '../schemas/params.js';
import type { FormatsOptions } from './formats.js';

export const GEOJSON_CONTENT_TYPE = 'application/geo+json; charset=utf-8';

const geo: FastifyPluginAsyncZod<FormatsOptions> = async (app, { publicUrl }) => {
  app.get(
    '/districts.geojson',
    {
      schema: {
        tags: ['places'],
        summary: 'The seven districts as polygons: a GeoJSON FeatureCollection (RFC 7946)',
        description:
          'One Polygon or MultiPolygon Feature per district, `id` = slug, with its names, ISO 3166-2 and GeoNames ' +
          'identifiers, occupation and return (date and mode), a `label_point` inside the polygon and the sources. ' +
          'The foreign members `attribution` and `caveats` say where the lines come from and what they are not: ' +
          "Natural Earth 1:10m (coarse, about 1–3 km), today's de jure district boundaries (not the line of contact " +
          'of 1994–2020, the 2020 ceasefire line or the Lachin corridor), with no outline of Karabakh (the former ' +
          "NKAO), and Natural Earth's own mislabelling of Lachin corrected.",
        querystring: NoQuerySchema,
        response: {
          200: {
            description: 'A FeatureCollection of the districts.',
            content: { 'application/geo+json': { schema: DistrictsGeoJsonSchema } },
          },
        },
      },
    },
    async (_request, reply) => reply.type(GEOJSON_CONTENT_TYPE).send(app.data.current().districtsGeoJson()),
  );

  app.get(
    '/places.lpf.json',
    {
      schema: {
        tags: ['places'],
        summary: 'Every place in Linked Places Format (LPF v2.0), for World Historical Gazetteer and Pelagios tools',
        description:
          'A JSON-LD FeatureCollection, one Feature per place: `@id` its URL here, `properties.title` and GeoNames ' +
          '`fclasses`, every name with its language and the sources that give it, a GeoNames feature type, the ' +
          'point and the Natural Earth polygon where known (a GeometryCollection), `when` (the span its sourced ' +
          'events cover, with the periods under Armenian control and the return named), `closeMatch` links to ' +
          "GeoNames and a part-of relation to its parent. It validates against WHG's LPF v2.0 schema.",
        querystring: NoQuerySchema,
        response: {
          200: {
            description: 'A Linked Places FeatureCollection.',
            content: { 'application/ld+json': { schema: LpfDocumentSchema } },
          },
        },
      },
    },
    async (_request, reply) =>
      reply.type('application/ld+json; charset=utf-8').send(app.data.current().placesLpf(publicUrl)),
  );
};

export default geo;
