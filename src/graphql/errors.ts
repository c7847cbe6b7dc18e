// GraphQL errors: every error carries an extensions.code; bad arguments name each argument with the same words
// as REST's problem documents; nothing internal ever reaches a client.
import { GraphQLError } from 'graphql/index.js';
import mercurius, { type MercuriusContext, type MercuriusOptions } from 'mercurius';
import { describeParamErrors, type ParamError } from '../lib/validation-errors.js';
import { GRAPHQL_RESPONSE_JSON, graphqlMediaType } from './media-type.js';

const { ErrorWithProps } = mercurius;

export const CODES = {
  badUserInput: 'BAD_USER_INPUT',
  notFound: 'NOT_FOUND',
  parseFailed: 'GRAPHQL_PARSE_FAILED',
  validationFailed: 'GRAPHQL_VALIDATION_FAILED',
  tooDeep: 'QUERY_TOO_DEEP',
  tooComplex: 'QUERY_TOO_COMPLEX',
  tooManyAliases: 'TOO_MANY_ALIASES',
  tooManyTokens: 'TOO_MANY_TOKENS',
  tooManyErrors: 'TOO_MANY_ERRORS',
  validationTooComplex: 'VALIDATION_TOO_COMPLEX',
  batchingDisabled: 'BATCHED_OPERATIONS_NOT_ALLOWED',
  persistedQueryNotFound: 'PERSISTED_QUERY_NOT_FOUND',
  badRequest: 'BAD_REQUEST',
  internal: 'INTERNAL_SERVER_ERROR',
} as const;

export const INTERNAL_MESSAGE = 'Internal server error';

/** Arguments that failed the shared Zod schemas: one error naming each, as `name: message; …`. */
export function badUserInput(errors: readonly ParamError[]) {
  return new ErrorWithProps(describeParamErrors(errors), {
    code: CODES.badUserInput,
    arguments: errors.map((e) => ({ name: e.name, message: e.message })),
  });
}

export function notFound(message: string, extra: Record<string, unknown> = {}) {
  return new ErrorWithProps(message, { code: CODES.notFound, ...extra });
}

/** A query refused before it runs (too deep, too costly, …): HTTP 400 (or the status given) with the code. */
export function refused(message: string, code: string, extra: Record<string, unknown> = {}, status = 400) {
  return new ErrorWithProps(message, { code, ...extra }, status);
}

/** A validation-rule error with a code, as graphql-js reports them. */
export function refusedInValidation(message: string, code: string, extra: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

interface Classified {
  message: string;
  code: string;
  /** HTTP status when the request never executed. */
  status: number;
  extensions?: Record<string, unknown>;
  internal?: boolean;
}

const HTTP_CODES: Record<number, string> = {
  400: CODES.badRequest,
  404: CODES.notFound,
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** What graphql-js appends, and then stops validating, once a query has `maxErrors` errors (LIMITS.errors). */
const ERROR_LIMIT_REACHED = 'Too many validation errors, error limit reached. Validation aborted.';

/**
 * What graphql-js reports when a query would take validation past its own fixed work budgets (graphql 16.13+):
 * 500,000 steps comparing fields that share a response name (OverlappingFieldsCanBeMergedRule) and 50,000 fragment
 * look-ups (ValidationContext). Neither is configurable; a valid query under the token limit can reach them by
 * repeating a field or a fragment spread a thousand times.
 */
const VALIDATION_BUDGET_SPENT = 'Validation aborted.';

const validationTooComplex: Classified = {
  message:
    "The query takes too much work to validate: it is past graphql-js' budget of 500,000 comparisons between " +
    'fields of the same name and 50,000 fragment look-ups. Repeat fields and fragment spreads fewer times.',
  code: CODES.validationTooComplex,
  status: 400,
};

/** graphql-js' abort, reworded to name the limit: it comes right after the `limit` errors it lets through. */
function tooManyErrors(limit: number): Classified {
  return {
    message: `The query has more than ${limit} errors; the first ${limit} are listed. Fix them and send it again.`,
    code: CODES.tooManyErrors,
    status: 400,
    extensions: { code: CODES.tooManyErrors, limit },
  };
}

/** What an error is, to a client; `index` is its place in the response's list. */
function classify(error: GraphQLError, index: number): Classified {
  const original = error.originalError as (Error & { statusCode?: number; code?: string }) | undefined;
  const own = error.extensions?.code;
  // Ours (ErrorWithProps from resolvers or hooks, GraphQLErrors from the limit rules): already safe and coded.
  if (typeof own === 'string') {
    const status = typeof original?.statusCode === 'number' && original.statusCode >= 400 ? original.statusCode : 400;
    return { message: error.message, code: own, status, extensions: error.extensions };
  }
  // A resolver or the executor failed on its own: a bug, never a client's doing.
  if (error.path) return { message: INTERNAL_MESSAGE, code: CODES.internal, status: 500, internal: true };
  if (original && !(original instanceof GraphQLError)) {
    const status = original.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Mercurius answers a request without any query as an unknown persisted query: say what it is.
      if (original.code === 'MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND' && error.message === 'Unknown query') {
        return { message: 'The request has no query.', code: CODES.badRequest, status };
      }
      // Fastify's and Mercurius' client errors (body too large, bad JSON, unknown persisted query) are safe to show.
      const code =
        original.code === 'MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND'
          ? CODES.persistedQueryNotFound
          : (HTTP_CODES[status] ?? CODES.badRequest);
      return { message: error.message, code, status };
    }
    return { message: INTERNAL_MESSAGE, code: CODES.internal, status: 500, internal: true };
  }
  // graphql-js itself: syntax, validation against the schema, variable coercion.
  if (error.message === ERROR_LIMIT_REACHED) return tooManyErrors(index);
  if (error.message === VALIDATION_BUDGET_SPENT) return validationTooComplex;
  if (error.message.startsWith('Syntax Error:')) {
    const tokens = /Document contains more that (\d+) tokens/.exec(error.message);
    if (tokens) {
      return {
        message: `The query has more than ${tokens[1]} tokens.`,
        code: CODES.tooManyTokens,
        status: 400,
        extensions: { code: CODES.tooManyTokens, limit: Number(tokens[1]) },
      };
    }
    return { message: error.message, code: CODES.parseFailed, status: 400 };
  }
  if (error.message.startsWith('Variable "$')) return { message: error.message, code: CODES.badUserInput, status: 400 };
  return { message: error.message, code: CODES.validationFailed, status: 400 };
}

/**
 * Mercurius' validation error wraps the list of graphql-js errors: unwrap it into one error per problem. A plain
 * Error inside (Mercurius' own "cannot be performed via a GET request") takes the wrapper's status, without which
 * it would read as a bug.
 */
function flatten(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.flatMap((error) => {
    const wrapper = error.originalError as { errors?: unknown; statusCode?: number; code?: string } | undefined;
    const inner = wrapper?.errors;
    if (!Array.isArray(inner)) return [error];
    return inner.map((e: Error & { statusCode?: number; extensions?: Record<string, unknown> }) =>
      e instanceof GraphQLError
        ? e
        : new GraphQLError(e.message, {
            originalError: Object.assign(new Error(e.message), {
              statusCode: e.statusCode ?? wrapper?.statusCode,
              code: wrapper?.code,
            }),
            extensions: e.extensions,
          }),
    );
  });
}

type Execution = Parameters<NonNullable<MercuriusOptions['errorFormatter']>>[0];

/**
 * Mercurius' errorFormatter: coded, safe errors. A request that executed answers 200 with data and errors
 * (each with its path); one refused before execution answers 400 (or the HTTP error it was), or 500 for a bug.
 * The same 4xx under application/json as under application/graphql-response+json: see the README's GraphQL section.
 */
export function formatErrors(execution: Execution, context: MercuriusContext) {
  const log = context.reply?.log ?? context.app.log;
  let status = 0;
  const errors = flatten(execution.errors).map((error, index) => {
    const c = classify(error, index);
    if (c.internal) log.error({ err: error.originalError ?? error, path: error.path }, 'GraphQL request failed');
    status = Math.max(status, c.status);
    return new GraphQLError(c.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      extensions: { ...(c.extensions ?? {}), code: c.code },
    }).toJSON();
  });
  // Mercurius passes `data` (null or not) only for a request that reached execution.
  const executed = execution.data !== undefined;
  const statusCode = executed ? 200 : status || 400;
  // GraphQL over HTTP: the one method a refused GET operation can use.
  if (statusCode === 405) context.reply?.header('allow', 'POST');
  if (executed) return { statusCode, response: { data: execution.data, errors } };
  // A request error has no data entry in GraphQL over HTTP's own media type. application/json keeps `data: null`,
  // as this API has always answered, so clients that test `data === null` keep working.
  const graphqlResponse = context.reply && graphqlMediaType(context.reply.request) === GRAPHQL_RESPONSE_JSON;
  return { statusCode, response: graphqlResponse ? { errors } : { data: null, errors } };
}
