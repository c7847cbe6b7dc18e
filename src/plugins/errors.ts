// Turns every error into a problem document: validation names each bad parameter, the rest never leak internals.
// Unknown routes are rate-limited like any other request, and a known path asked with the wrong method gets 405.
import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import FindMyWay from 'find-my-way';
import { describeParamErrors, type ParamLocation, toParamErrors } from '../lib/validation-errors.js';
import { sendProblem } from '../rest/problem.js';
import { StaleCursorError } from '../schemas/cursor.js';

const LOCATION: Record<string, ParamLocation> = {
  querystring: 'query',
  params: 'path',
  headers: 'header',
  body: 'body',
};

export default fp(
  async (app) => {
    // Every route's methods by path, to tell "wrong method" (405) from "no such path" (404).
    const known = FindMyWay({ ignoreTrailingSlash: true });
    const methodsByRoute = new Map<string, Set<string>>();
    app.addHook('onRoute', (route) => {
      // Catch-alls (the CORS preflight `OPTIONS *`, static file trees) say nothing about a path's methods.
      if (route.url.includes('*')) return;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      let set = methodsByRoute.get(route.url);
      if (!set) {
        set = new Set();
        methodsByRoute.set(route.url, set);
        known.on('GET', route.url, () => {}, { url: route.url });
      }
      for (const m of methods) set.add(m);
    });

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        const errors = toParamErrors(error.validation, LOCATION[error.validationContext ?? 'querystring'] ?? 'query');
        return sendProblem(reply, 400, describeParamErrors(errors), errors);
      }
      // A cursor minted on another dataset version (the query layer knows the version): a bad `cursor` parameter.
      if (error instanceof StaleCursorError) {
        const errors = [{ in: 'query' as const, name: error.parameter, message: error.message }];
        return sendProblem(reply, 400, describeParamErrors(errors), errors);
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        // Client errors from Fastify and its plugins (bad JSON, body too large, rate limit) carry safe messages.
        return sendProblem(reply, status, error.message);
      }
      request.log.error({ err: error }, 'request failed');
      return sendProblem(
        reply,
        status >= 500 && status < 600 ? status : 500,
        `Something went wrong on our side. Quote request id ${request.id} if you report it.`,
      );
    });

    app.setNotFoundHandler(
      { preHandler: app.hasDecorator('rateLimit') ? app.rateLimit() : undefined },
      (request, reply) => {
        const path = request.url.split('?')[0] ?? '/';
        const match = known.find('GET', path) as { store?: { url: string } } | null;
        const methods = match?.store ? methodsByRoute.get(match.store.url) : undefined;
        if (methods && !methods.has(request.method)) {
          const allow = [...methods].sort().join(', ');
          reply.header('allow', allow);
          return sendProblem(reply, 405, `${request.method} is not allowed on ${path}; use ${allow}.`);
        }
        return sendProblem(reply, 404, `No route ${request.method} ${path}. See /openapi.json for every route.`);
      },
    );
  },
  { name: 'errors', dependencies: ['protection'] },
);
