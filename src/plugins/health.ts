// Probes: /healthz and /livez say the process answers, /readyz that the dataset is open and known and the replica
// is not draining. A prober asks often and from one address, so the probes are never rate-limited nor shed under load.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NoQuerySchema } from '../schemas/params.js';
import { sendProblem } from '../rest/problem.js';
import { problem } from '../rest/responses.js';

const HealthSchema = z.object({ status: z.literal('ok') });
const ReadySchema = z.object({ status: z.literal('ready'), dataset_version: z.string() });

/** Route config read by @fastify/rate-limit (`rateLimit: false`) and @fastify/under-pressure (a handler that lets the request through). */
const UNTHROTTLED = { rateLimit: false, pressureHandler: () => undefined } as const;

const health: FastifyPluginAsyncZod = async (app) => {
  for (const [url, summary] of [
    ['/healthz', 'The process answers'],
    ['/livez', 'The process runs (liveness)'],
  ] as const) {
    app.get(
      url,
      {
        config: { ...UNTHROTTLED, noStore: true },
        schema: { tags: ['operations'], summary, querystring: NoQuerySchema, response: { 200: HealthSchema } },
      },
      async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' as const }),
    );
  }
  app.get(
    '/readyz',
    {
      config: { ...UNTHROTTLED, noStore: true },
      schema: {
        tags: ['operations'],
        summary: 'The database is open and its dataset version known (readiness)',
        querystring: NoQuerySchema,
        response: {
          200: ReadySchema,
          503: problem('The dataset is not open, or the replica is draining before it stops.'),
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      if (app.draining) {
        return sendProblem(reply, 503, 'This replica is draining before it stops; send requests to another.');
      }
      let version: string;
      try {
        version = app.data.current().dataset.version;
      } catch {
        return sendProblem(reply, 503, 'The dataset is not open.');
      }
      return reply.send({ status: 'ready' as const, dataset_version: version });
    },
  );
};

export default health;
