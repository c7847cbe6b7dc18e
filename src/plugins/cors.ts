// CORS for browser apps on any origin: every header an app may read is exposed by name, on every answer (errors
// and 304s too), preflights allow the headers apps send, and a plain OPTIONS answers 204 with Allow.
import cors from '@fastify/cors';
import fp from 'fastify-plugin';
import { sendRouteNotFound } from '../rest/problem.js';

/** One by one: `*` means "every header" only without credentials, and cannot be mixed with names. */
export const EXPOSED_HEADERS = [
  'Link',
  'ETag',
  'X-Dataset-Version',
  'X-Request-Id',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Retry-After',
  'Cache-Status',
  'Content-Disposition',
  'Repr-Digest',
  'Content-Range',
  'Accept-Ranges',
];
/** What apps send: content negotiation, revalidation, GraphQL's JSON body, their own trace id, a resumed download. */
export const ALLOWED_HEADERS = ['Accept', 'Content-Type', 'If-None-Match', 'X-Request-Id', 'Range', 'If-Range'];
/** Only /graphql takes POST. */
export const CORS_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'];

/** The headers a simple (non-preflight) answer carries, for answers written without Fastify's hooks. */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': EXPOSED_HEADERS.join(', '),
};

export default fp(
  async (app) => {
    // Before @fastify/cors, whose strict preflight check would answer an OPTIONS without Origin and
    // Access-Control-Request-Method with a text/plain 400: that is a plain OPTIONS, asking what a path allows.
    app.addHook('onRequest', (request, reply, done) => {
      if (request.method !== 'OPTIONS' || (request.headers.origin && request.headers['access-control-request-method']))
        return done();
      reply.headers(CORS_HEADERS);
      const path = request.url.split('?')[0] ?? '/';
      const allow = app.allowedMethods(path);
      if (!allow) {
        sendRouteNotFound(reply);
        return;
      }
      reply.code(204).header('allow', allow.join(', ')).send();
    });
    await app.register(cors, {
      origin: '*',
      methods: CORS_METHODS,
      allowedHeaders: ALLOWED_HEADERS,
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 86_400,
    });
  },
  { name: 'cors', dependencies: ['route-methods'] },
);
