// Talks to /graphql the way a client does: POST (or GET) through app.inject, returning status, data and errors.
import type { App } from '../../src/app.js';

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: { code?: string; arguments?: { name: string; message: string }[]; [key: string]: unknown };
}

export interface GraphqlResponse<T> {
  status: number;
  data: T | null | undefined;
  errors: GraphqlError[] | undefined;
  headers: Record<string, unknown>;
}

export async function gql<T = Record<string, unknown>>(
  app: App,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphqlResponse<T>> {
  const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  const body = response.json() as { data?: T | null; errors?: GraphqlError[] };
  return { status: response.statusCode, data: body.data, errors: body.errors, headers: response.headers };
}

/** The data of a query that must succeed: fails the test with the errors otherwise. */
export async function gqlData<T = Record<string, unknown>>(
  app: App,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const response = await gql<T>(app, query, variables);
  if (response.errors !== undefined) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  }
  if (response.status !== 200 || !response.data) throw new Error(`HTTP ${response.status} without data`);
  return response.data;
}

/** The only error of a response, which must have one. */
export function onlyError(response: GraphqlResponse<unknown>): GraphqlError {
  if (!response.errors || response.errors.length !== 1) {
    throw new Error(`expected exactly one error, got ${JSON.stringify(response.errors)}`);
  }
  return response.errors[0] as GraphqlError;
}

/** A GraphQL object in REST's shape: camelCase keys to snake_case, and DateSpan.text back to date_text. */
export function toRestShape(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => toRestShape(v, key));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      const snake = key === 'date' && k === 'text' ? 'date_text' : k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      return [snake, toRestShape(v, k)];
    }),
  );
}

export const DATE_SPAN = 'date { startDate endDate precision text edtf }';
