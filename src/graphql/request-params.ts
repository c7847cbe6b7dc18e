// The request parameters of GraphQL over HTTP (query, operationName, variables, extensions), checked before Mercurius
// reads them: its JSON schema coerces (variables: 0 became null, operationName: 0 became "0"), refuses
// `extensions: null`, and a GET's variables that parse to a number reached graphql-js and failed as a 500.
import type { FastifyRequest } from 'fastify';
import { CODES, refused } from './errors.js';

type Params = Record<string, unknown>;

const isMap = (value: unknown): value is Params => typeof value === 'object' && value !== null && !Array.isArray(value);

function badRequest(message: string) {
  return refused(message, CODES.badRequest);
}

/** The request body of a POST: one JSON object (Fastify reads text/plain too, as a string). */
function bodyParams(body: unknown, contentType = ''): Params {
  if (Array.isArray(body)) {
    throw refused('Batched operations are not accepted: send one operation per request.', CODES.batchingDisabled);
  }
  if (typeof body === 'string' && !/json/i.test(contentType)) {
    throw refused(
      'Send the request as application/json ({"query": "…"}) or as application/graphql.',
      'UNSUPPORTED_MEDIA_TYPE',
      {},
      415,
    );
  }
  if (!isMap(body))
    throw badRequest('The request body must be a JSON object such as {"query": "{ meta { version } }"}.');
  return body;
}

/** The parameters GraphQL over HTTP defines: the only ones a URL to /graphql may carry, as on every REST route. */
const PARAMETERS = new Set(['query', 'operationName', 'variables', 'extensions']);

function refuseUnknown(query: Params) {
  const unknown = Object.keys(query).filter((name) => !PARAMETERS.has(name));
  if (unknown.length) {
    const names = unknown.map((name) => `"${name.slice(0, 50)}"`).join(', ');
    throw badRequest(
      `${names} ${unknown.length > 1 ? 'are' : 'is'} not a parameter of /graphql; use ${[...PARAMETERS].join(', ')}.`,
    );
  }
}

/** A GET's variables and extensions are JSON in the URL; anything else in it is given once, as text. */
function queryParams(query: Params): Params {
  const params: Params = {};
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) throw badRequest(`The URL gives "${name}" more than once: give it once.`);
    if (name !== 'variables' && name !== 'extensions') continue;
    try {
      params[name] = JSON.parse(String(value));
    } catch {
      throw badRequest(`${name} must be a JSON object, URL-encoded, such as ${name}={"first":5}.`);
    }
  }
  return { ...query, ...params };
}

function checkTypes(params: Params) {
  if (params.query != null && typeof params.query !== 'string') {
    throw badRequest('query must be a string holding a GraphQL document.');
  }
  if (params.operationName != null && typeof params.operationName !== 'string') {
    throw badRequest('operationName must be a string naming an operation of the document, or null.');
  }
  for (const name of ['variables', 'extensions'] as const) {
    if (params[name] != null && !isMap(params[name])) {
      throw badRequest(`${name} must be a JSON object (a map of names to values), or null.`);
    }
  }
}

/**
 * A route preValidation hook: refuses malformed parameters with a 400 that names them, and normalises what the spec
 * allows but Mercurius' schema does not (a null `extensions` is the same as none). Returns the parameters as read.
 */
export function checkParams(request: FastifyRequest): Params {
  const post = request.method === 'POST';
  refuseUnknown((request.query ?? {}) as Params);
  const params = post
    ? bodyParams(request.body, request.headers['content-type'])
    : queryParams(request.query as Params);
  checkTypes(params);
  if (post && params.extensions === null) delete params.extensions;
  return params;
}
