// Turns every error into a problem document: validation names each bad parameter, the rest never leak internals.
import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { describeParamErrors, type ParamLocation, toParamErrors } from '../lib/validation-errors.js';
import { sendProblem } from '../rest/problem.js';

const LOCATION: Record<string, ParamLocation> = {
  querystring: 'query',
  params: 'path',
  headers: 'header',
  body: 'body',
};

export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        const errors = toParamErrors(error.validation, LOCATION[error.validationContext ?? 'querystring'] ?? 'query');
        return sendProblem(reply, 400, describeParamErrors(errors), errors);
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        // Client errors from Fastify itself (bad JSON, body too large, bad content type) carry safe messages.
        if (status === 429 && reply.getHeader('retry-after') === undefined) reply.header('retry-after', '60');
        return sendProblem(reply, status, error.message);
      }
      request.log.error({ err: error }, 'request failed');
      return sendProblem(
        reply,
        status >= 500 && status < 600 ? status : 500,
        `Something went wrong on our side. Quote request id ${request.id} if you report it.`,
      );
    });

    app.setNotFoundHandler((request, reply) => {
      sendProblem(
        reply,
        404,
        `No route ${request.method} ${request.url.split('?')[0]}. See /openapi.json for every route.`,
      );
    });
  },
  { name: 'errors' },
);
