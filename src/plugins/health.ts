// Liveness and readiness: /livez (and /healthz, kept for compatibility) say the process answers, /readyz that the
// dataset is open and known and the replica is not draining.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const HealthSchema = z.object({ status: z.literal('ok') });
const ReadySchema = z.object({
  status: z.enum(['ready', 'unavailable', 'draining']),
  dataset_version: z.string().nullable(),
});

const health: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The process answers',
        response: { 200: HealthSchema },
      },
    },
    async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' as const }),
  );
  app.get(
    '/livez',
    {
      schema: {
        tags: ['operations'],
        summary: 'The process runs (liveness)',
        response: { 200: HealthSchema },
      },
    },
    async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The database is open and its dataset version known',
        response: { 200: ReadySchema, 503: ReadySchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      if (app.draining) {
        return reply
          .code(503)
          .send({ status: 'draining' as const, dataset_version: app.data.current().dataset.version });
      }
      try {
        return reply.send({ status: 'ready' as const, dataset_version: app.data.current().dataset.version });
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, dataset_version: null });
      }
    },
  );
};

export default health;
