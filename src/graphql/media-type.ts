// The media type a GraphQL answer is sent as, chosen from the client's Accept as GraphQL over HTTP describes.
// application/json stays the default (no Accept, */*, application/*, or anything else): it is what every client
// understands, and what this API sent before application/graphql-response+json existed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { addVary } from '../lib/vary.js';

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const APPLICATION_JSON = 'application/json';
export type GraphqlMediaType = typeof GRAPHQL_RESPONSE_JSON | typeof APPLICATION_JSON;

const ASKS_FOR_GRAPHQL_RESPONSE = /application\/graphql-response\+json/i;

/** The q-value the Accept header gives `type`, from its most specific matching range (RFC 9110 §12.5.1). */
function quality(ranges: { range: string; q: number }[], type: string): { q: number; exact: boolean } {
  const [major] = type.split('/');
  let best = { q: 0, specificity: -1 };
  for (const { range, q } of ranges) {
    const specificity = range === type ? 2 : range === `${major}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (specificity > best.specificity) best = { q, specificity };
  }
  return { q: best.q, exact: best.specificity === 2 };
}

function parseAccept(accept: string) {
  return accept.split(',').map((part) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    return { range, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 1 };
  });
}

/**
 * application/graphql-response+json when the client names it, with a q-value at least that of application/json;
 * a wildcard alone never selects it, since a client that names no type cannot be assumed to know the newer one.
 * Runs on every cached look-up, REST's too: an Accept that does not mention the type is settled by one regex test.
 */
export function graphqlMediaType(request: FastifyRequest): GraphqlMediaType {
  const accept = request.headers.accept;
  if (!accept || !ASKS_FOR_GRAPHQL_RESPONSE.test(accept)) return APPLICATION_JSON;
  const ranges = parseAccept(accept);
  const graphql = quality(ranges, GRAPHQL_RESPONSE_JSON);
  const json = quality(ranges, APPLICATION_JSON);
  return graphql.exact && graphql.q > 0 && graphql.q >= json.q ? GRAPHQL_RESPONSE_JSON : APPLICATION_JSON;
}

/**
 * An onSend hook for /graphql: the answer is labelled with the negotiated type, and says it depends on Accept so
 * that a shared cache keeps one copy per type. It runs on every answer (fresh, from the cache, or an error, for
 * which Fastify drops any type set earlier), so whatever a previous hook stored, the client gets what it asked for.
 */
export function labelMediaType(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload: unknown) => void,
) {
  if (request.routeOptions.url === '/graphql') {
    addVary(reply, 'Accept');
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith(APPLICATION_JSON)) {
      reply.header('content-type', `${graphqlMediaType(request)}; charset=utf-8`);
    }
  }
  done(null, payload);
}
