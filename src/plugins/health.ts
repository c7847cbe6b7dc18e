// Liveness and readiness: /healthz says the process answers, /readyz that the dataset is open and known.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const HealthSchema = z.object({ status: z.literal('ok') });
const ReadySchema = z.object({ status: z.enum(['ready', 'unavailable']), dataset_version: z.string().nullable() });

const health: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    {
      config: { noStore: true },
      schema: {
        tags: ['operations'],
        summary: 'The process answers',
        response: { 200: HealthSchema },
      },
    },
    async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { noStore: true },
      schema: {
        tags: ['operations'],
        summary: 'The database is open and its dataset version known',
        response: { 200: ReadySchema, 503: ReadySchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      try {
        return reply.send({ status: 'ready' as const, dataset_version: app.data.current().dataset.version });
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, dataset_version: null });
      }
    },
  );
};

export default health;
