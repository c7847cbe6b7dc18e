// /v1/districts.geojson: the districts' polygons (Natural Earth) with names, identifiers, control changes and
// label points, and the caveats of the lines said beside them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DistrictsGeoJsonSchema } from '../schemas/geo.js';
import { NoQuerySchema } from '../schemas/params.js';

export const GEOJSON_CONTENT_TYPE = 'application/geo+json; charset=utf-8';

const geo: FastifyPluginAsyncZod = async (app) => {
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
};

export default geo;
