// Defences for a public endpoint: per-address rate limit, load shedding, and security headers.
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { problemBody, PROBLEM_CONTENT_TYPE } from '../rest/problem.js';

export interface ProtectionOptions {
  config: Config;
}

/** GraphiQL's page loads its scripts and styles from this server only (src/graphql/graphiql.ts); React sets inline styles. */
const GRAPHIQL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

/** Runs Helmet once against a recording response and returns the headers it sets. */
export function securityHeaders(): Record<string, string> {
  const recorded: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => {
      recorded[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete recorded[name.toLowerCase()];
    },
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Swagger UI sets inline styles on its elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // The API is also served over plain HTTP on loopback; upgrading its subresources would break /docs there.
        upgradeInsecureRequests: null,
      },
    },
    // Public data, read from any origin: the resource policy must not block cross-origin reads.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  })({} as never, response as never, () => {});
  return recorded;
}

/**
 * What the OWASP REST Security Cheat Sheet lists for API responses, and a resource policy that lets any origin read
 * public data. Its `Cache-Control: no-store` is left out on purpose: this data is public and meant to be cached.
 */
export function dataHeaders(helmetHeaders: Record<string, string>): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'content-security-policy': "frame-ancestors 'none'",
    // Helmet's value, so that pages and data ask for HTTPS alike.
    'strict-transport-security': helmetHeaders['strict-transport-security'] ?? 'max-age=31536000; includeSubDomains',
    'x-frame-options': 'DENY',
    'cross-origin-resource-policy': 'cross-origin',
  };
}

export default fp<ProtectionOptions>(
  async (app, { config }) => {
    // Helmet's headers never change between requests: compute them once, then copy them onto each reply.
    // (@fastify/helmet rebuilds Helmet's middleware on every request, which cost a tenth of our CPU under load.)
    const pageHeaders = securityHeaders();
    const graphiqlHeaders = { ...pageHeaders, 'content-security-policy': GRAPHIQL_CSP };
    // Helmet's set is for documents a browser renders; data (JSON, CSV, problems) needs only a few of them.
    const data = dataHeaders(pageHeaders);
    const headersFor = (request: FastifyRequest, reply: FastifyReply) => {
      const type = reply.getHeader('content-type');
      if (typeof type !== 'string' || !type.startsWith('text/html')) return data;
      return request.url.startsWith('/graphiql') ? graphiqlHeaders : pageHeaders;
    };
    // Added on the way out, so a 304 (which carries no content) goes without them: RFC 9110 asks a 304 to repeat
    // only the validators and caching headers, and revalidation is the hottest path of a cached API.
    app.addHook('onSend', (request, reply, payload, done) => {
      if (reply.statusCode !== 304) reply.headers(headersFor(request, reply));
      done(null, payload);
    });

    await app.register(rateLimit, {
      // Off behind the front (RATE_LIMIT_ENABLED=false): no route then opts in, so none is limited here.
      global: config.RATE_LIMIT_ENABLED,
      max: config.RATE_LIMIT_MAX,
      timeWindow: config.RATE_LIMIT_WINDOW,
      // Fastify's request.ip honours X-Forwarded-For only when TRUST_PROXY says so.
      keyGenerator: (request) => request.ip,
      errorResponseBuilder: (request, context) => {
        const error = new Error(
          `Rate limit of ${context.max} requests per ${Math.round(config.RATE_LIMIT_WINDOW / 1000)} s exceeded; retry in ${context.after}.`,
        ) as Error & { statusCode: number };
        error.statusCode = 429;
        return Object.assign(error, { request });
      },
    });

    await app.register(underPressure, {
      maxEventLoopDelay: config.MAX_EVENT_LOOP_DELAY,
      // The delay is a mean over each interval: a short interval notices saturation before it has lasted long.
      sampleInterval: 250,
      retryAfter: 5,
      pressureHandler: (request, reply) => {
        reply
          .code(503)
          .header('retry-after', '5')
          .type(PROBLEM_CONTENT_TYPE)
          .serializer(JSON.stringify)
          .send(problemBody(503, 'The server is overloaded; retry in a few seconds.', request));
      },
    });
  },
  { name: 'protection' },
);
