// /v1/events: the date-range list with keyset cursors, and one event with everything that rests on it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EventDetailSchema, EventSchema } from '../schemas/events.js';
import { EventsQuerySchema, IdParamSchema, NoQuerySchema } from '../schemas/params.js';
import { sendList } from './list.js';
import { sendProblem } from './problem.js';
import { itemResponses, listResponses } from './responses.js';

const events: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Events by date range, kind, place, actor or words',
        description:
          'A partial date stands for its whole period (`from=2020` is 2020-01-01, `to=2020-11` is 2020-11-30). ' +
          '`match=overlaps` (default) returns events whose [start_date, end_date] overlaps [from, to]; `match=within` ' +
          'those inside it. Walking `next_cursor` returns every match exactly once.',
        querystring: EventsQuerySchema,
        response: listResponses(EventSchema, 'A page of events in date order.'),
      },
    },
    async (request, reply) => {
      const result = app.data.current().listEvents(request.query);
      return sendList(request, reply, result, request.query.limit);
    },
  );

  app.get(
    '/events/:id',
    {
      schema: {
        tags: ['events'],
        summary: 'One event with its places, actors, parent and child events, statistics, claims and citations',
        querystring: NoQuerySchema,
        params: IdParamSchema,
        response: itemResponses(EventDetailSchema, 'The event.'),
      },
    },
    async (request, reply) => {
      const event = app.data.current().getEvent(request.params.id);
      if (!event) return sendProblem(reply, 404, `No event with id "${request.params.id}".`);
      return event;
    },
  );
};

export default events;
