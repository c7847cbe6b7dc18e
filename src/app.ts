// buildApp(config): the one factory that the server and the tests both use, so tests exercise what runs.
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import graphql from './graphql/index.js';
import database from './plugins/database.js';
import drain from './plugins/drain.js';
import errors from './plugins/errors.js';
import explorer from './plugins/explorer.js';
import health from './plugins/health.js';
import httpCaching from './plugins/http-caching.js';
import openapi from './plugins/openapi.js';
import cors from './plugins/cors.js';
import { clientErrorHandler, frameworkErrors } from './plugins/parser-errors.js';
import problems from './plugins/problems.js';
import protection from './plugins/protection.js';
import requestId from './plugins/request-id.js';
import routeMethods from './plugins/route-methods.js';
import { requestIdFor } from './lib/request-id.js';
import rest from './rest/index.js';

export interface BuildOptions {
  /** Pino logger options, or false; the server logs JSON at LOG_LEVEL. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
}

function createFastify(config: Config, options: BuildOptions) {
  const app = Fastify({
    logger: options.logger ?? { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT,
    requestTimeout: config.REQUEST_TIMEOUT,
    connectionTimeout: config.REQUEST_TIMEOUT,
    keepAliveTimeout: config.KEEP_ALIVE_TIMEOUT,
    // A hop count is valid at run time; Fastify's types only list the other forms.
    trustProxy: config.TRUST_PROXY as boolean,
    // genReqId reads X-Request-Id itself, keeping it only when it is safe to echo and log.
    requestIdHeader: false,
    genReqId: requestIdFor,
    frameworkErrors,
    clientErrorHandler,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Node checks header and request timeouts only every connectionsCheckingInterval (30 s by default),
    // which would let a slow client hold a socket far past HEADERS_TIMEOUT.
    ...({ http: { headersTimeout: config.HEADERS_TIMEOUT, connectionsCheckingInterval: 1000 } } as object),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  return app;
}

export type App = ReturnType<typeof createFastify>;

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  const app = createFastify(config, options);
  // The request id and CORS headers come first, so that every answer has them, a 429 or a 503 included.
  await app.register(requestId);
  await app.register(routeMethods);
  await app.register(cors);
  await app.register(drain);
  await app.register(protection, { config });
  await app.register(errors);
  await app.register(database, { databasePath: config.DATABASE_PATH });
  await app.register(httpCaching, { maxEntries: config.RESPONSE_CACHE_SIZE });
  await app.register(openapi);
  await app.register(health);
  await app.register(problems);
  await app.register(rest, { prefix: '/v1', publicUrl: config.PUBLIC_URL });
  await app.register(graphql, { publicUrl: config.PUBLIC_URL });
  await app.register(explorer, {
    dataset: () => {
      const data = app.data.current();
      return { version: data.dataset.version, jsonLd: data.datasetJsonLd(config.PUBLIC_URL) };
    },
  });
  return app;
}
