// RFC 9457 problem documents: the one shape of every REST error.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ParamError } from '../lib/validation-errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const TYPE_BASE = 'https://karabakh-history-api.example/problems/';

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ['invalid-parameters', 'Invalid request parameters'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  406: ['not-acceptable', 'Not acceptable'],
  413: ['payload-too-large', 'Request body too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  429: ['rate-limited', 'Too many requests'],
  500: ['internal-error', 'Internal server error'],
  503: ['unavailable', 'Service unavailable'],
};

export function problemBody(status: number, detail: string, request: FastifyRequest, errors?: ParamError[]) {
  const [slug, title] = TITLES[status] ?? (status >= 500 ? TITLES[500] : TITLES[400]) ?? ['error', 'Error'];
  return {
    type: `${TYPE_BASE}${slug}`,
    title,
    status,
    detail,
    instance: request.url.split('?')[0],
    request_id: request.id,
    ...(errors ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, status: number, detail: string, errors?: ParamError[]): FastifyReply {
  return reply
    .code(status)
    .type(PROBLEM_CONTENT_TYPE)
    .serializer(JSON.stringify)
    .send(problemBody(status, detail, reply.request, errors));
}
