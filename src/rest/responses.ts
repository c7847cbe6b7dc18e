// Response maps: the 200 a route declares (the shape its serializer enforces), and the one rule that derives every
// other documented status and header from what the route is, so a route added later is documented alike.
import { z } from 'zod';
import { isCompressible } from '../lib/encoding.js';
import { listOf } from '../schemas/common.js';
import { ProblemSchema } from '../schemas/problem.js';
import { CSV_DESCRIPTION } from './csv.js';

/** A problem answer a route declares itself, where the derived rule below does not know it (a probe's 503). */
export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** A single record or document: its JSON body. */
export function itemResponses<T extends z.ZodType>(schema: T, description: string) {
  return { 200: { description, content: { 'application/json': { schema } } } };
}

/**
 * A paged list: JSON `{ data, page }` (with `fields` beside them, where the list has more to say), or CSV in columns
 * derived from the item schema (src/rest/csv.ts); `notFound` for a list under a record (a source's citations) whose record may not exist.
 */
export function listResponses<T extends z.ZodType>(
  item: T,
  description: string,
  options: { fields?: z.ZodRawShape; notFound?: string } = {},
) {
  const list = options.fields ? listOf(item).extend(options.fields) : listOf(item);
  return {
    ...(options.notFound ? { 404: problem(options.notFound) } : {}),
    200: {
      description,
      content: {
        'application/json': { schema: list },
        'text/csv': {
          schema: z.string().describe(CSV_DESCRIPTION),
        },
      },
    },
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers `Cache-Control: no-store` (probes): no validators, so no 304. */
    noStore?: boolean;
    /** A file download (src/rest/downloads.ts): strong ETag, Repr-Digest, Content-Disposition and Range. */
    download?: boolean;
  }
}

/** What the OpenAPI document cannot see in a route's schema: read from its config by the swagger transform. */
export interface RouteTraits {
  /** Counted by the rate limiter (false for routes with `config: { rateLimit: false }`). */
  rateLimited: boolean;
  /**
   * How a GET is revalidated with If-None-Match: `dataset` by the caching plugin's ETag (every route but those with
   * `config: { noStore: true }`, which are `none`), `file` by the static file server's own ETag, `download` by a
   * download's strong ETag (routes with `config: { download: true }`, which also answer Range requests).
   */
  revalidation: 'dataset' | 'file' | 'download' | 'none';
  /** Declares a query string, so that an unknown query parameter is a 400 even where it takes none. */
  strictQuery?: boolean;
}

/** The vendor extension that carries RouteTraits from the swagger transform to the document transform. */
export const TRAITS_KEY = 'x-route-traits';

/** A count of requests or seconds. */
const COUNT = { type: 'integer', minimum: 0, maximum: 2147483647 } as const;

/** Every response header the API documents, once; operations refer to them as components. */
export const RESPONSE_HEADERS = {
  'Access-Control-Allow-Origin': {
    description: 'Always `*`: the data is public, and any origin may read it.',
    schema: { type: 'string', const: '*' },
  },
  'X-Request-Id': {
    description: 'The id of this request, as in problem bodies and logs: quote it when reporting a problem.',
    schema: { type: 'string', maxLength: 200 },
  },
  'X-RateLimit-Limit': {
    description: 'Requests allowed per client address in the current window.',
    schema: COUNT,
  },
  'X-RateLimit-Remaining': {
    description: 'Requests left in the current window.',
    schema: COUNT,
  },
  'X-RateLimit-Reset': {
    description: 'Seconds until the current window ends.',
    schema: COUNT,
  },
  'Retry-After': {
    description: 'Seconds to wait before asking again.',
    schema: COUNT,
  },
  ETag: {
    description:
      'A weak validator (dataset version + body hash), the same in every content coding: send it back in If-None-Match. ' +
      "A download's is strong (dataset version + SHA-256 of the file), for If-Range too.",
    schema: { type: 'string', maxLength: 200, pattern: '^(W/)?"[^"]+"$' },
  },
  'Cache-Control': {
    description: 'How long shared and private caches may keep the answer.',
    schema: { type: 'string', maxLength: 200, examples: ['public, max-age=300, stale-while-revalidate=86400'] },
  },
  Vary: {
    description:
      'The request headers the representation depends on (Accept-Encoding; Accept on lists and on negotiated routes such as /v1/cite).',
    schema: { type: 'string', maxLength: 200 },
  },
  'X-Dataset-Version': {
    description: 'The version of the dataset that answered; it changes when the data is rebuilt.',
    schema: { type: 'string', maxLength: 200 },
  },
  Link: {
    description: 'RFC 8288: `<…>; rel="next"`, the URL of the next page; absent on the last one.',
    schema: { type: 'string', maxLength: 2000 },
  },
  'Accept-Ranges': {
    description: 'Always `bytes`: a download answers `Range: bytes=…` with a 206.',
    schema: { type: 'string', const: 'bytes' },
  },
  'Content-Range': {
    description: 'RFC 9110: the bytes sent and the size of the file (`bytes 0-1023/4096`); on a 416, `bytes */4096`.',
    schema: { type: 'string', maxLength: 100, pattern: '^bytes (\\d+-\\d+|\\*)/\\d+$' },
  },
  'Content-Disposition': {
    description: 'An attachment, with the name to save the file as (the dataset version in it).',
    schema: { type: 'string', maxLength: 200 },
  },
  'Repr-Digest': {
    description: 'RFC 9530: the SHA-256 of the whole file (`sha-256=:<base64>:`), on a 206 too.',
    schema: { type: 'string', maxLength: 200, pattern: '^sha-256=:[A-Za-z0-9+/]+=*:$' },
  },
} as const;

type HeaderName = keyof typeof RESPONSE_HEADERS;

// Importing the schema registers it, so the document's components hold it under its id.
const PROBLEM = {
  'application/problem+json': { schema: { $ref: `#/components/schemas/${String(ProblemSchema.meta()?.id)}` } },
};

interface OpenApiResponse {
  description: string;
  content?: Record<string, unknown>;
  headers?: Record<string, unknown>;
}

/** What an operation is, read from its OpenAPI entry and its traits. */
export interface OperationFacts {
  method: string;
  path: string;
  parameters: { name: string; in: string }[];
  traits: RouteTraits;
}

/**
 * The statuses an operation can answer besides the ones it declares, each with a reason in the rule:
 * - 304: a cacheable GET revalidated with If-None-Match;
 * - 400: anything that takes parameters, every /v1 route and every route that declares a query string (an unknown
 *   query parameter is a 400 there);
 * - 404 and 414: a path parameter may name nothing, or be longer than the router takes;
 * - 429: rate-limited routes; 503: load shedding reaches every route; 500: anything may fail.
 */
function derivedStatuses(facts: OperationFacts): Record<string, OpenApiResponse> {
  const get = facts.method === 'get';
  const hasPathParams = facts.parameters.some((p) => p.in === 'path');
  const takesParameters = facts.parameters.length > 0 || facts.path.startsWith('/v1/') || facts.traits.strictQuery;
  return {
    ...(get && facts.traits.revalidation !== 'none'
      ? { 304: { description: 'Not modified: the ETag sent in If-None-Match is still current. No body.' } }
      : {}),
    ...(takesParameters
      ? { 400: { description: 'A parameter is not valid: `errors` names each one.', content: PROBLEM } }
      : {}),
    ...(hasPathParams
      ? {
          404: { description: 'No record with that id or slug.', content: PROBLEM },
          414: { description: 'A path parameter is longer than the router takes.', content: PROBLEM },
        }
      : {}),
    ...(facts.traits.rateLimited
      ? { 429: { description: 'Too many requests from this address: wait Retry-After seconds.', content: PROBLEM } }
      : {}),
    500: { description: 'Something went wrong on our side; the problem names the request id.', content: PROBLEM },
    503: { description: 'The server is shedding load: retry after Retry-After seconds.', content: PROBLEM },
  };
}

/** The headers a response carries, by the same kind of rule; `okTypes` are the media types of the 200. */
function headersOf(status: string, facts: OperationFacts, okTypes: string[]): HeaderName[] {
  const names: HeaderName[] = ['Access-Control-Allow-Origin', 'X-Request-Id'];
  if (facts.traits.rateLimited) names.push('X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset');
  const revalidation = facts.method === 'get' ? facts.traits.revalidation : 'none';
  if (revalidation === 'file' && (status === '200' || status === '304')) names.push('ETag', 'Cache-Control');
  if (revalidation === 'dataset' && (status === '200' || status === '304')) {
    names.push('ETag', 'Cache-Control', 'X-Dataset-Version');
    const paged = facts.parameters.some((p) => p.in === 'query' && p.name === 'cursor');
    // Compressible answers vary on Accept-Encoding; lists, which also answer CSV, on Accept.
    if (paged || okTypes.some((type) => isCompressible(type))) names.push('Vary');
    if (status === '200' && paged) names.push('Link');
  }
  if (revalidation === 'download') {
    if (status === '200' || status === '206' || status === '304')
      names.push('ETag', 'Cache-Control', 'X-Dataset-Version');
    if (status === '200' || status === '206') names.push('Accept-Ranges', 'Content-Disposition', 'Repr-Digest');
    if (status === '206' || status === '416') names.push('Content-Range');
  }
  if (status === '429' || status === '503') names.push('Retry-After');
  return names;
}

/** The operation's full response map: what it declares, the derived statuses, and each response's headers. */
export function documentedResponses(
  declared: Record<string, OpenApiResponse>,
  facts: OperationFacts,
): Record<string, OpenApiResponse> {
  const all = { ...derivedStatuses(facts), ...declared };
  const okTypes = Object.keys(declared['200']?.content ?? {});
  const sorted = Object.keys(all).sort();
  return Object.fromEntries(
    sorted.map((status) => {
      const response = all[status] as OpenApiResponse;
      const headers = Object.fromEntries(
        headersOf(status, facts, okTypes).map((name) => [name, { $ref: `#/components/headers/${name}` }]),
      );
      return [status, { ...response, headers: { ...response.headers, ...headers } }];
    }),
  );
}
