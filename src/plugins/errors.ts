// Turns every error into a problem document: validation names each bad parameter, the rest never leak internals.
// Unknown routes are rate-limited like any other request, and a known path asked with the wrong method gets 405.
import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { describeParamErrors, type ParamLocation, toParamErrors } from '../lib/validation-errors.js';
import { type ProblemKind, sendProblem, sendRouteNotFound } from '../rest/problem.js';
import { problemTypeFor } from '../rest/problem-types.js';
import { StaleCursorError } from '../schemas/cursor.js';

const LOCATION: Record<string, ParamLocation> = {
  querystring: 'query',
  params: 'path',
  headers: 'header',
  body: 'body',
};

/**
 * Fastify's and its plugins' own client errors, in our words: their messages carry internal codes and echo input
 * (a media type, a URL), and a body may hold neither. Keyed by Fastify's error code.
 */
const FRAMEWORK_DETAILS: Record<string, [ProblemKind, string]> = {
  FST_ERR_BAD_URL: ['bad-request', 'The URL does not decode: it holds a malformed percent-encoding.'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'A path segment is longer than 200 characters; no id or slug of this API is.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'This endpoint takes no body in that media type.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'The request body is larger than this server takes.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['bad-request', 'The body is empty, though its Content-Type says JSON.'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['bad-request', 'The body is not valid JSON.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['bad-request', 'Content-Length does not match the body.'],
};

/** The problem for an error raised outside our own code, by its code or else by its status. */
export function frameworkProblem(error: Pick<FastifyError, 'code' | 'statusCode'>): [ProblemKind, string] {
  const known = error.code ? FRAMEWORK_DETAILS[error.code] : undefined;
  if (known) return known;
  const status = error.statusCode ?? 400;
  return [status, `${problemTypeFor(status).title}.`];
}

export default fp(
  async (app) => {
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
        // Fastify's codes start FST_; the rest (the rate limit's message, our own errors) are worded for clients.
        if (error.code?.startsWith('FST_') || !error.message) return sendProblem(reply, ...frameworkProblem(error));
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
        const methods = app.allowedMethods(request.url.split('?')[0] ?? '/');
        if (methods && !methods.includes(request.method)) {
          const allow = methods.join(', ');
          reply.header('allow', allow);
          return sendProblem(reply, 405, `${request.method} is not allowed on this path; use ${allow}.`);
        }
        return sendRouteNotFound(reply);
      },
    );
  },
  { name: 'errors', dependencies: ['protection', 'route-methods'] },
);
