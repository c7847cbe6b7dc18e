// /v1/timeline, /v1/on-this-day, /v1/search and /v1/meta: ways into the data for widgets and curious readers.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chooseRepresentation } from '../lib/negotiation.js';
import { DatasetJsonLdSchema } from '../schemas/dataset-jsonld.js';
import {
  MonthDaySchema,
  NoQuerySchema,
  OnThisDayQuerySchema,
  SearchQuerySchema,
  TimelineQuerySchema,
} from '../schemas/params.js';
import { MetaSchema, OnThisDayItemSchema, SearchHitSchema, TimelineItemSchema } from '../schemas/timeline.js';
import type { FormatsOptions } from './formats.js';
import { sendList } from './list.js';
import { listResponses, problem } from './responses.js';

/** Beside the page: the day asked for and the server date the years count to. */
const ON_THIS_DAY_FIELDS = {
  date: z.string().describe('MM-DD'),
  today: z.string().describe('The server date the years count to.'),
};

export function yearsAgo(startDate: string, today: Date): number {
  return today.getUTCFullYear() - Number(startDate.slice(0, 4));
}

/** /v1/meta's media types, its default first: the API's own JSON, or the dataset as a schema.org Dataset. */
export const META_REPRESENTATIONS = ['application/json', 'application/ld+json'] as const;
export const JSON_LD_CONTENT_TYPE = 'application/ld+json; charset=utf-8';

const discovery: FastifyPluginAsyncZod<FormatsOptions> = async (app, { publicUrl }) => {
  app.get(
    '/timeline',
    {
      schema: {
        tags: ['discovery'],
        summary: 'Compact items across events, agreements and statistics in a window, for timeline widgets',
        querystring: TimelineQuerySchema,
        response: listResponses(TimelineItemSchema, 'A page of timeline items in date order.'),
      },
    },
    async (request, reply) => sendList(request, reply, app.data.current().timeline(request.query), request.query.limit),
  );

  app.get(
    '/on-this-day/:date',
    {
      schema: {
        tags: ['discovery'],
        summary: 'Events on this day of the year, with how many years ago',
        description: 'Precision-aware: only facts known to the day match; a year-only fact never does.',
        params: z.object({ date: MonthDaySchema.meta({ example: '09-27' }) }),
        querystring: OnThisDayQuerySchema,
        response: listResponses(OnThisDayItemSchema, 'A page of the events on that day, oldest first.', {
          fields: ON_THIS_DAY_FIELDS,
        }),
      },
    },
    async (request, reply) => {
      const today = new Date();
      const { date } = request.params;
      const page = app.data.current().pageOnThisDay(date, request.query);
      const items = page.items.map((event) => ({ years_ago: yearsAgo(event.date.start_date, today), event }));
      return sendList(request, reply, { items, nextCursor: page.nextCursor }, request.query.limit, {
        date,
        today: today.toISOString().slice(0, 10),
      });
    },
  );

  app.get(
    '/search',
    {
      schema: {
        tags: ['discovery'],
        summary: 'One full-text search over events, places (all names), agreements, claims and quotes',
        querystring: SearchQuerySchema,
        response: listResponses(SearchHitSchema, 'Hits, best first, each with its type and a snippet.'),
      },
    },
    async (request, reply) => sendList(request, reply, app.data.current().search(request.query), request.query.limit),
  );

  app.get(
    '/meta',
    {
      config: { representations: META_REPRESENTATIONS },
      schema: {
        tags: ['discovery'],
        summary: 'Dataset version, SHA-256, counts, licence and sources; a schema.org Dataset for application/ld+json',
        description:
          'Follows `Accept` (and answers `Vary: Accept`): JSON by default, or with `Accept: application/ld+json` ' +
          'the dataset as a schema.org `Dataset` (JSON-LD) for dataset search engines: its licence, version, ' +
          'temporal and spatial coverage and a `DataDownload` per whole-file export, links absolute on PUBLIC_URL. ' +
          "The explorer's page embeds the same object. An `Accept` naming neither type is a 406.",
        querystring: NoQuerySchema,
        response: {
          406: problem('`Accept` names neither application/json nor application/ld+json.'),
          200: {
            description: 'The dataset metadata.',
            content: {
              'application/json': { schema: MetaSchema },
              'application/ld+json': { schema: DatasetJsonLdSchema },
            },
          },
        },
      },
    },
    async (request, reply) => {
      if (chooseRepresentation(request, reply) === 'application/ld+json') {
        return reply.type(JSON_LD_CONTENT_TYPE).send(app.data.current().datasetJsonLd(publicUrl));
      }
      return app.data.current().getMeta();
    },
  );
};

export default discovery;
