// The one list of problem types this API sends: each `type` URL, the /problems pages and the tests read it.

export interface ProblemType {
  /** The last segment of the type URL, `/problems/<name>`. */
  name: string;
  status: number;
  title: string;
  /** What the problem means and what a client can do about it. */
  description: string;
}

export const PROBLEM_TYPES = [
  {
    name: 'invalid-parameters',
    status: 400,
    title: 'Invalid request parameters',
    description:
      'A query or path parameter is missing, unknown or not valid. `errors` names each one (`in`, `name`, `message`); fix them and send the request again.',
  },
  {
    name: 'bad-request',
    status: 400,
    title: 'Malformed request',
    description:
      'The request itself could not be read: a URL that does not decode, a body that is not valid for its media type, or bytes that are not HTTP.',
  },
  {
    name: 'not-found',
    status: 404,
    title: 'Not found',
    description: 'No route or no record answers this path. /openapi.json lists every route.',
  },
  {
    name: 'method-not-allowed',
    status: 405,
    title: 'Method not allowed',
    description: 'The path exists, but not with this method. The `Allow` header lists the methods it takes.',
  },
  {
    name: 'not-acceptable',
    status: 406,
    title: 'Not acceptable',
    description: 'None of the media types the `Accept` header names can be produced for this resource.',
  },
  {
    name: 'request-timeout',
    status: 408,
    title: 'Request timeout',
    description: 'The client took too long to send its request; the connection is closed.',
  },
  {
    name: 'payload-too-large',
    status: 413,
    title: 'Request body too large',
    description: 'The request body is larger than this server takes (see BODY_LIMIT in the README).',
  },
  {
    name: 'uri-too-long',
    status: 414,
    title: 'URI too long',
    description: 'A path segment is longer than any id or slug of this API can be (200 characters).',
  },
  {
    name: 'unsupported-media-type',
    status: 415,
    title: 'Unsupported media type',
    description: 'The request body comes in a media type this endpoint does not read (GraphQL takes application/json).',
  },
  {
    name: 'range-not-satisfiable',
    status: 416,
    title: 'Range not satisfiable',
    description:
      'No byte of the `Range` asked for lies in the file. `Content-Range: bytes */<size>` gives its size: ask again within it, or without `Range` for the whole file.',
  },
  {
    name: 'rate-limited',
    status: 429,
    title: 'Too many requests',
    description:
      'This client address has sent more requests than the rate limit allows in the current window. Wait for `Retry-After` seconds; `X-RateLimit-*` headers tell the limit, what remains and when it resets.',
  },
  {
    name: 'headers-too-large',
    status: 431,
    title: 'Request header fields too large',
    description:
      'The request line and headers together are larger than this server reads (16 KiB). A long query string counts: ask for less at a time.',
  },
  {
    name: 'internal-error',
    status: 500,
    title: 'Internal server error',
    description: 'Something failed on the server. Quote the `request_id` if you report it; the server log holds it.',
  },
  {
    name: 'unavailable',
    status: 503,
    title: 'Service unavailable',
    description:
      'The server is overloaded or its dataset is not open. Retry after `Retry-After` seconds, if given, or shortly.',
  },
] as const satisfies readonly ProblemType[];

export type ProblemName = (typeof PROBLEM_TYPES)[number]['name'];

const BY_NAME = new Map<string, ProblemType>(PROBLEM_TYPES.map((p) => [p.name, p]));
// The first type listed for a status is its default (400 → invalid-parameters).
const BY_STATUS = new Map<number, ProblemType>();
for (const p of PROBLEM_TYPES) if (!BY_STATUS.has(p.status)) BY_STATUS.set(p.status, p);

export const PROBLEMS_PATH = '/problems/';

export function problemType(name: string): ProblemType | undefined {
  return BY_NAME.get(name);
}

/** The type for a status; an unlisted status falls back to the catch-all of its class. */
export function problemTypeFor(status: number): ProblemType {
  return BY_STATUS.get(status) ?? (BY_STATUS.get(status >= 500 ? 500 : 400) as ProblemType);
}

/**
 * A type URL is a path on this API, relative with its full path as RFC 9457 §3.1.1 allows: it resolves against the
 * request's own origin, so it is the same identifier whatever Host or proxy a request came through, and a forged
 * Host header cannot put another site's URL into a body.
 */
export function problemTypeUrl(type: ProblemType): string {
  return `${PROBLEMS_PATH}${type.name}`;
}
