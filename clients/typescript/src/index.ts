// A typed client for the Karabakh History API: openapi-fetch over the types that openapi-typescript generates from
// the API's committed openapi.yaml (src/schema.ts; `npm run client` in the API's repository regenerates it).
// Every path, parameter and response is typed.
//
//   import { createClient, unwrap } from '@karabakh-history/client';
//   const api = createClient({ baseUrl: 'http://127.0.0.1:3000' });
//   const lachin = await unwrap(api.GET('/v1/districts/{slug}', { params: { path: { slug: 'lachin' } } }));
import createFetchClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths } from './schema.js';

/** Every named schema of the API (`Schemas['Event']`, `Schemas['District']`, …). */
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

/** JSON bodies only (application/json, geo+json, problem+json): lists also answer text/csv, never asked for here. */
export type Media = `application/${string}json`;
export type HistoryClient = Client<paths, Media>;

/** `baseUrl` is the API's origin (`http://127.0.0.1:3000`); paths carry their own `/v1` prefix. */
export function createClient(options: ClientOptions = {}): HistoryClient {
  return createFetchClient<paths, Media>({ ...options, baseUrl: (options.baseUrl ?? '').replace(/\/+$/, '') });
}

/** An answer that is not 2xx, with its RFC 9457 problem document when the server sent one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem ? `${status} ${problem.title}: ${problem.detail}` : `HTTP ${status}`);
  }
}

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value && 'detail' in value;
}

/** The body of a successful call, or an ApiError: `const d = await unwrap(api.GET(...))`. */
export async function unwrap<T>(call: Promise<Result<T>> | Result<T>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw new ApiError(response.status, isProblem(error) ? error : undefined);
  return data;
}

interface ListPage<T> {
  data: T[];
  page: { next_cursor: string | null };
}

/**
 * Every item of a list route, following `next_cursor` page by page:
 * `for await (const e of paginate((cursor) => api.GET('/v1/events', { params: { query: { limit: 100, cursor } } })))`.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<Result<ListPage<T>>>,
): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await unwrap(fetchPage(cursor));
    yield* page.data;
    cursor = page.page.next_cursor ?? undefined;
  } while (cursor);
}

/** Collects `paginate` into one array. */
export async function listAll<T>(fetchPage: (cursor: string | undefined) => Promise<Result<ListPage<T>>>) {
  const items: T[] = [];
  for await (const item of paginate(fetchPage)) items.push(item);
  return items;
}
