// /v1/places, /v1/places.geojson and /v1/districts: places under every name they go by.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BoundaryGeometrySchema, PlacesGeoJsonQuerySchema } from '../schemas/geo.js';
import { DistrictsQuerySchema, NoQuerySchema, PlacesQuerySchema, SlugParamSchema } from '../schemas/params.js';
import { DistrictSchema, PlaceDetailSchema, PlaceSchema } from '../schemas/places.js';
import { GEOJSON_CONTENT_TYPE } from './geo.js';
import { sendList } from './list.js';
import { sendProblem } from './problem.js';
import { itemResponses, listResponses } from './responses.js';

const GeoJsonSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: z.union([
          z.object({
            type: z.literal('Point'),
            coordinates: z
              .tuple([z.number(), z.number()])
              // Equivalent to the tuple's `items: false` beside its two prefixItems; tools written for OpenAPI 3.0 want it.
              .meta({ items: { type: 'number' } }),
          }),
          BoundaryGeometrySchema,
        ]),
        properties: z.object({
          slug: z.string(),
          name: z.string(),
          kind: z.string(),
          return_mode: z.string().nullable(),
          occupation_date: z.string().nullable(),
          return_date: z.string().nullable(),
          url: z.string(),
        }),
      }),
    ),
  })
  .meta({ id: 'PlacesGeoJson' });

const places: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/places',
    {
      schema: {
        tags: ['places'],
        summary: 'Places, filtered by kind, parent or any of their names',
        description:
          '`name` matches any official, alternate or historical name, ignoring case and diacritics, with the Azerbaijani ' +
          'letters ı and ə folded too: `Berdzor`, `Laçın`, `LACHIN` and `lacin` all find Lachin.',
        querystring: PlacesQuerySchema,
        response: listResponses(PlaceSchema, 'A page of places.'),
      },
    },
    async (request, reply) =>
      sendList(request, reply, app.data.current().listPlaces(request.query), request.query.limit),
  );

  app.get(
    '/places.geojson',
    {
      schema: {
        tags: ['places'],
        summary: 'Every place with coordinates, as a GeoJSON FeatureCollection (RFC 7946)',
        description:
          'Points by default. With `geometry=boundary`, a place whose polygon is known (Natural Earth 1:10m: the ' +
          'districts, Shusha and Khankendi) comes as its Polygon or MultiPolygon; /v1/districts.geojson says what ' +
          'those lines are and are not.',
        querystring: PlacesGeoJsonQuerySchema,
        response: {
          200: {
            description: 'A FeatureCollection of points, and polygons where asked for and known.',
            content: { 'application/geo+json': { schema: GeoJsonSchema } },
          },
        },
      },
    },
    async (request, reply) => {
      const data = app.data.current();
      const located = data.placesWithLocation();
      const boundaries =
        request.query.geometry === 'boundary'
          ? data.boundariesFor(located.map((p) => p.slug))
          : located.map(() => null);
      const features = located.flatMap((p, i) =>
        p.location
          ? [
              {
                type: 'Feature' as const,
                id: p.slug,
                // RFC 7946: longitude first.
                geometry: boundaries[i]?.geometry ?? {
                  type: 'Point' as const,
                  coordinates: [p.location.lon, p.location.lat] as [number, number],
                },
                properties: {
                  slug: p.slug,
                  name: p.name,
                  kind: p.kind,
                  return_mode: p.return?.mode ?? null,
                  occupation_date: p.occupation?.date ?? null,
                  return_date: p.return?.date ?? null,
                  url: `/v1/places/${p.slug}`,
                },
              },
            ]
          : [],
      );
      return reply.type(GEOJSON_CONTENT_TYPE).send({ type: 'FeatureCollection' as const, features });
    },
  );

  app.get(
    '/places/:slug',
    {
      schema: {
        tags: ['places'],
        summary: 'One place with its names, children, events, statistics and citations',
        querystring: NoQuerySchema,
        params: SlugParamSchema,
        response: itemResponses(PlaceDetailSchema, 'The place.'),
      },
    },
    async (request, reply) => {
      const place = app.data.current().getPlace(request.params.slug);
      if (!place) return sendProblem(reply, 404, `No place with slug "${request.params.slug}".`);
      return place;
    },
  );

  app.get(
    '/districts',
    {
      schema: {
        tags: ['places'],
        summary: 'The seven districts around Karabakh, with their control changes and events',
        querystring: DistrictsQuerySchema,
        response: listResponses(DistrictSchema, 'A page of districts.'),
      },
    },
    async (request, reply) => {
      const repo = app.data.current();
      const page = repo.listPlaces({ ...request.query, kind: 'district' });
      const events = repo.eventsForPlaces(page.items.map((d) => d.slug));
      const items = page.items.map((d, i) => ({ ...d, events: events[i] ?? [] }));
      return sendList(request, reply, { items, nextCursor: page.nextCursor }, request.query.limit);
    },
  );

  app.get(
    '/districts/:slug',
    {
      schema: {
        tags: ['places'],
        summary: 'One district: names in every language, location, area, population, occupation, return, events',
        querystring: NoQuerySchema,
        params: SlugParamSchema,
        response: itemResponses(PlaceDetailSchema, 'The district.'),
      },
    },
    async (request, reply) => {
      const place = app.data.current().getPlace(request.params.slug);
      if (!place || place.kind !== 'district') {
        return sendProblem(reply, 404, `No district with slug "${request.params.slug}". See /v1/districts.`);
      }
      return place;
    },
  );
};

export default places;
