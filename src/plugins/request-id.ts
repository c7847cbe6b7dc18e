// Sends the request id (made by genReqId, see src/lib/request-id.ts) back as X-Request-Id on every response.
import fp from 'fastify-plugin';
import { REQUEST_ID_HEADER } from '../lib/request-id.js';

export default fp(
  async (app) => {
    // The first hook of all, so that a reply any later hook sends early (429, 503, a cache hit, a 304) has it too.
    app.addHook('onRequest', (request, reply, done) => {
      reply.header(REQUEST_ID_HEADER, request.id);
      done();
    });
  },
  { name: 'request-id' },
);
