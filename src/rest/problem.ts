// RFC 9457 problem documents: the one shape of every REST error.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ParamError } from '../lib/validation-errors.js';
import { type ProblemName, problemType, problemTypeFor, problemTypeUrl } from './problem-types.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
/** `instance` echoes the path, and no more of it than this: the body must not carry a client's input back. */
const INSTANCE_MAX = 200;

/** A status, or a problem type's name where one status has several (400: invalid-parameters or bad-request). */
export type ProblemKind = number | ProblemName;

export interface ProblemFields {
  detail: string;
  requestId: string;
  /** The request's URL; only its path, cut short, is kept. */
  url?: string;
  errors?: ParamError[];
}

/** The document itself, for the places (Node's parser errors) that answer without a Fastify request. */
export function problemDocument(kind: ProblemKind, { detail, requestId, url, errors }: ProblemFields) {
  const type = (typeof kind === 'string' ? problemType(kind) : undefined) ?? problemTypeFor(Number(kind));
  const status = typeof kind === 'number' ? kind : type.status;
  return {
    type: problemTypeUrl(type),
    title: type.title,
    status,
    detail,
    ...(url === undefined ? {} : { instance: (url.split('?')[0] ?? '/').slice(0, INSTANCE_MAX) }),
    request_id: requestId,
    ...(errors ? { errors } : {}),
  };
}

export function problemBody(kind: ProblemKind, detail: string, request: FastifyRequest, errors?: ParamError[]) {
  return problemDocument(kind, { detail, requestId: request.id, url: request.url, errors });
}

export function sendProblem(
  reply: FastifyReply,
  kind: ProblemKind,
  detail: string,
  errors?: ParamError[],
): FastifyReply {
  const body = problemBody(kind, detail, reply.request, errors);
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).serializer(JSON.stringify).send(body);
}

/** No route answers this path, whatever the method; the path is in `instance`, so the detail need not repeat it. */
export function sendRouteNotFound(reply: FastifyReply): FastifyReply {
  return sendProblem(reply, 404, 'No route answers this path. See /openapi.json for every route.');
}
