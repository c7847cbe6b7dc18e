// GraphQL at /graphql (POST and GET) with GraphiQL at /graphiql: Mercurius over the same query layer as REST.
// The schema is the SDL in schema/schema.graphql; resolvers are thin, and nested fields are batched by loaders.
import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
// graphql's CommonJS entry, the one Mercurius requires: a second (ESM) copy, as bundler-style resolvers pick from
// the "module" field, would fail graphql-js' instanceof checks. Every module here imports it the same way.
import { buildSchema } from 'graphql/index.js';
import mercurius, { type MercuriusOptions } from 'mercurius';
import { readSnakeCaseKeys } from './casing.js';
import type { GraphqlContext } from './context.js';
import { CODES, formatErrors, refused } from './errors.js';
import { checkGetOperation } from './get-operations.js';
import graphiql from './graphiql.js';
import { checkCost, LIMITS, validationRules } from './limits.js';
import { batchedResolvers } from './batching.js';
import { loaders, paging, references } from './loaders.js';
import { labelMediaType } from './media-type.js';
import { knownOperationTypes } from './operation-types.js';
import { checkParams } from './request-params.js';
import { queryResolvers } from './resolvers/query.js';
import { typeResolvers } from './resolvers/types.js';
import { SDL } from './schema/sdl.js';

/**
 * The schema of schema.graphql (compiled in as sdl.ts), its camelCase fields reading snake_case keys.
 * Checking the SDL's validity took 30 of the 50 ms this costs at start-up; the tests check it once instead
 * (tests/graphql/schema.test.ts), and it cannot change between a test run and a start.
 */
export function loadSchema() {
  return readSnakeCaseKeys(buildSchema(SDL, { assumeValidSDL: true }));
}

/** Resolvers of two maps by type, the fields of a type from both. */
function mergeResolvers(
  a: Record<string, Record<string, unknown>>,
  b: Record<string, Record<string, unknown>>,
): MercuriusOptions['resolvers'] {
  const out: Record<string, Record<string, unknown>> = { ...a };
  for (const [type, fields] of Object.entries(b)) out[type] = { ...out[type], ...fields };
  return out as MercuriusOptions['resolvers'];
}

/** Whether a query string is JSON; a GraphQL document almost never starts as a JSON text does, so JSON.parse (and
 * the SyntaxError it throws, with its stack) runs only for those that might. */
function isJson(source: string): boolean {
  const text = source.trimStart();
  const first = text[0] ?? '';
  if (first === '{') {
    const next = text.slice(1).trimStart()[0];
    if (next !== '"' && next !== '}') return false;
  } else if (!/^[["\-0-9tfn]/.test(first)) {
    return false;
  }
  try {
    JSON.parse(source);
    return true;
  } catch {
    return false;
  }
}

/** Before Mercurius reads the request: its parameters (batches refused), and a GET's operation type. */
async function checkRequest(request: FastifyRequest) {
  const params = checkParams(request);
  if (request.method !== 'POST') checkGetOperation(params.query, params.operationName);
}

export interface GraphqlOptions {
  /** The origin absolute links point at (PUBLIC_URL): the downloads' URLs. */
  publicUrl: string;
}

/** Not wrapped in fastify-plugin: the JSON-schema compilers below stay inside this plugin. */
const graphql: FastifyPluginAsync<GraphqlOptions> = async (app, { publicUrl }) => {
  // The app compiles Zod schemas; Mercurius' routes carry JSON schemas, so they get Fastify's own compilers here.
  // Their schemas are Mercurius' own constants: checking them against the JSON Schema meta-schema on every start
  // (compiling that meta-schema first) cost about 50 ms of start-up and can find nothing.
  app.setValidatorCompiler(AjvCompiler()({}, { customOptions: { validateSchema: false } }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // GraphQL documents itself (introspection, the SDL); keep its routes out of the OpenAPI document.
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });

  const options: MercuriusOptions = {
    schema: loadSchema(),
    resolvers: mergeResolvers(
      { Query: queryResolvers, ...typeResolvers },
      batchedResolvers(loaders, references, paging),
    ),
    context: (): Pick<GraphqlContext, 'repo' | 'publicUrl'> => ({ repo: app.data.current(), publicUrl }),
    // GraphiQL is served below from the project's own packages: Mercurius' page loads them from a CDN.
    graphiql: false,
    // No JIT: graphql-jit's errors carry no `locations`, so a query's errors would change shape once compiled.
    // The parse/validation cache stays on (Mercurius' default).
    jit: 0,
    allowBatchedQueries: false,
    errorFormatter: formatErrors,
    validationRules: [...validationRules(), knownOperationTypes],
    graphql: { parseOptions: { maxTokens: LIMITS.tokens }, validateOptions: { maxErrors: LIMITS.errors } },
    persistedQueryProvider: mercurius.persistedQueryDefaults.automatic(LIMITS.persistedQueries),
    additionalRouteOptions: { preValidation: checkRequest },
  };
  await app.register(mercurius, options);
  await app.register(graphiql);
  app.addHook('onSend', labelMediaType);

  // Mercurius takes a query that is not GraphQL but parses as JSON for a JSON-encoded AST; accept documents only.
  app.graphql.addHook('preParsing', async (_schema, source) => {
    if (isJson(source)) throw refused('Syntax Error: the query must be a GraphQL document.', CODES.parseFailed);
  });
  app.graphql.addHook('preExecution', async (schema, document, _context, variables) => {
    checkCost(schema, document, variables as Record<string, unknown> | undefined);
  });
};

export default graphql;
