// /v1/observances: days kept every year, apart from the dated events that established them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ObservanceSchema } from '../schemas/observances.js';
import { IdParamSchema, NoQuerySchema, ObservancesQuerySchema } from '../schemas/params.js';
import { sendList } from './list.js';
import { sendProblem } from './problem.js';
import { itemResponses, listResponses } from './responses.js';

const observances: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/observances',
    {
      schema: {
        tags: ['observances'],
        summary: 'Days kept every year, each with the event that established it',
        querystring: ObservancesQuerySchema,
        response: listResponses(ObservanceSchema, 'A page of observances.'),
      },
    },
    async (request, reply) =>
      sendList(request, reply, app.data.current().listObservances(request.query), request.query.limit),
  );

  app.get(
    '/observances/:id',
    {
      schema: {
        tags: ['observances'],
        summary: 'One observance with its day, the event that established it and its citations',
        params: IdParamSchema,
        querystring: NoQuerySchema,
        response: itemResponses(ObservanceSchema, 'The observance.'),
      },
    },
    async (request, reply) => {
      const observance = app.data.current().observancesByIds([request.params.id])[0];
      if (!observance) return sendProblem(reply, 404, `No observance with id "${request.params.id}".`);
      return observance;
    },
  );
};

export default observances;
