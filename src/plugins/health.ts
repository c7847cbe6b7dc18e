// Liveness and readiness: /healthz says the process answers, /readyz that the dataset is open and known.
import type { FastifyPluginAsync } from 'fastify';

const health: FastifyPluginAsync = async (app) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      const { version } = app.data.current().dataset;
      return { status: 'ready', dataset_version: version };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
};

export default health;
