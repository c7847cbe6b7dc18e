// Generates the OpenAPI 3.1 document from the routes' Zod schemas and serves it with interactive docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { type FastifyPluginAsyncZod, jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type RouteTraits, TRAITS_KEY } from '../rest/responses.js';
import { withIntegerFormats } from './openapi-document/integer-formats.js';
import { withOperationIds } from './openapi-document/operation-ids.js';
import { withDerivedResponses } from './openapi-document/responses.js';
import type { OpenApiDocument } from './openapi-document/types.js';

export const API_TITLE = 'Karabakh History API';
export const API_VERSION = '1.0.0';

const registerDocs: FastifyPluginAsyncZod = async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: API_TITLE,
        version: API_VERSION,
        description:
          'A read-only history data API over the facts of one article (Baku, 27 September 2025) on the Second Karabakh War, ' +
          'enriched with cited public sources. Every fact is dated, placed and sourced to the exact sentence. ' +
          "Events are in neutral words; a source's characterisations and allegations are claims attributed to it. " +
          'Errors are RFC 9457 problem documents. Lists page with `limit` and an opaque `cursor`; every list also answers text/csv.',
        license: { name: 'Data: CC BY 4.0 with attribution to each cited source; code: MIT', identifier: 'CC-BY-4.0' },
      },
      // Relative: the API answers at whatever origin serves this document.
      servers: [
        {
          url: '/',
          description: 'The server this document came from (local, staging or production alike)',
          // OWASP API9: say who the server is for. Extensions are valid here; the types list only the fixed fields.
          ...{ 'x-internal': false },
        },
      ],
      // One empty requirement: anyone may call every operation, with no credentials. The data is public.
      security: [{}],
      tags: [
        { name: 'events', description: 'Dated events in neutral words' },
        { name: 'places', description: 'Districts and other places, with names in four languages' },
        { name: 'agreements', description: 'The 10 November 2020 statement and other agreements' },
        { name: 'statistics', description: 'Figures with unit, qualifier, reporter and as-of date' },
        { name: 'actors', description: 'States, people, organisations and armed forces' },
        { name: 'claims', description: "Sources' characterisations and allegations, attributed" },
        { name: 'observances', description: 'Days of remembrance and celebration, and the decrees that set them' },
        { name: 'sources', description: 'The article verbatim and the reference pages, with every citation' },
        { name: 'discovery', description: 'Timeline, on this day, search and dataset metadata' },
        { name: 'releases', description: 'Dataset releases, and the records changed since one of them' },
        { name: 'operations', description: 'Health and readiness' },
        { name: 'downloads', description: 'The whole dataset as files: SQLite, a Data Package of CSVs, a zip' },
      ],
    },
    transform: (input) => {
      const output = jsonSchemaTransform(input);
      // What the document cannot see in the schema, for the response rule in withDerivedResponses.
      const traits: RouteTraits = {
        rateLimited: input.route.config?.rateLimit !== false,
        revalidation:
          input.route.config?.noStore === true
            ? 'none'
            : input.route.config?.download === true
              ? 'download'
              : 'dataset',
        strictQuery: input.route.schema?.querystring !== undefined,
      };
      return { ...output, schema: { ...output.schema, [TRAITS_KEY]: traits } };
    },
    // Every step works on the whole document, so that routes added anywhere are named and documented alike.
    transformObject: (input) => {
      const document = withPagesAndGraphql(jsonSchemaTransformObject(input) as OpenApiDocument);
      return pruneUnusedSchemas(withIntegerFormats(withOperationIds(withDerivedResponses(document))));
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  // The document is built on first request, not at start-up (it costs a few hundred ms), then served as text.
  let json: string | undefined;
  let yaml: string | undefined;
  const documentJson = () => (json ??= JSON.stringify(app.swagger()));
  const documentYaml = async () => (yaml ??= await openApiYaml(app.swagger()));
  const text = (type: string, description: string) => ({
    200: { description, content: { [type]: { schema: z.string() } } },
  });
  app.get(
    '/openapi.json',
    {
      schema: {
        tags: ['operations'],
        summary: 'This OpenAPI document as JSON',
        response: text('application/json', 'OpenAPI 3.1'),
      },
    },
    async (_request, reply) => reply.type('application/json; charset=utf-8').serializer(String).send(documentJson()),
  );
  app.get(
    '/openapi.yaml',
    {
      schema: {
        tags: ['operations'],
        summary: 'This OpenAPI document as YAML',
        response: text('application/yaml', 'OpenAPI 3.1'),
      },
    },
    async (_request, reply) =>
      reply
        .type('application/yaml; charset=utf-8')
        .serializer(String)
        .send(await documentYaml()),
  );
};

/**
 * Drops component schemas nothing refers to: the Zod registry yields an input and an output variant of every
 * named schema, and the responses only ever use the output one.
 */
function pruneUnusedSchemas<T>(document: T): T {
  const doc = document as { components?: { schemas?: Record<string, unknown> } };
  const schemas = doc.components?.schemas;
  if (!schemas) return document;
  const refsIn = (value: unknown) =>
    [...JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] as string);
  const { components, ...rest } = doc;
  const used = new Set<string>();
  const queue = refsIn(rest);
  while (queue.length) {
    const name = queue.pop() as string;
    if (used.has(name)) continue;
    used.add(name);
    queue.push(...refsIn(schemas[name]));
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...doc, components: { ...components, schemas: kept } } as T;
}

const html = (summary: string, description: string, traits?: RouteTraits) => ({
  get: {
    ...(traits ? { [TRAITS_KEY]: traits } : {}),
    tags: ['pages'],
    summary,
    description,
    responses: { '200': { description: 'An HTML page', content: { 'text/html': { schema: { type: 'string' } } } } },
  },
});

const graphqlResult = {
  description:
    'A GraphQL result: `data`, and `errors` with `extensions.code` (BAD_USER_INPUT, NOT_FOUND, QUERY_TOO_DEEP, QUERY_TOO_COMPLEX, …). ' +
    'Limits refuse a query with HTTP 400 before it runs.',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: { data: { type: ['object', 'null'] }, errors: { type: 'array', items: { type: 'object' } } },
      },
    },
  },
};

/**
 * The routes whose contract is not a Zod schema: GraphQL (described by its own SDL at
 * src/graphql/schema/schema.graphql and by introspection) and the HTML pages. Listed here so that the document
 * names every route the server answers.
 */
function withPagesAndGraphql<T>(document: T): T {
  const doc = document as { paths?: Record<string, unknown>; tags?: { name: string; description: string }[] };
  // A GET's parameters fit in Node's 16 KiB request head; a POST's body in BODY_LIMIT (64 KiB by default).
  const urlText = { type: 'string', maxLength: 16384 };
  const bodyText = { type: 'string', maxLength: 65536 };
  // A GraphQL Name (spec §2.1.9): no operation is called anything else.
  const operationName = { type: 'string', maxLength: 200, pattern: '^[_A-Za-z][_0-9A-Za-z]*$' };
  const query = {
    name: 'query',
    in: 'query',
    required: false,
    schema: urlText,
    description: 'The GraphQL document (or none, with a persisted query hash in extensions).',
  };
  doc.paths = {
    ...doc.paths,
    '/graphql': {
      get: {
        tags: ['graphql'],
        summary: 'Run a GraphQL query from the URL (cacheable; automatic persisted queries supported)',
        parameters: [
          query,
          {
            name: 'variables',
            in: 'query',
            required: false,
            schema: urlText,
            description: 'JSON-encoded variables.',
          },
          { name: 'operationName', in: 'query', required: false, schema: operationName },
          {
            name: 'extensions',
            in: 'query',
            required: false,
            schema: urlText,
            description: 'JSON; persistedQuery.',
          },
        ],
        responses: {
          '200': graphqlResult,
          '400': graphqlResult,
          '405': { ...graphqlResult, description: 'A mutation or subscription over GET (`Allow: POST`).' },
        },
      },
      post: {
        tags: ['graphql'],
        summary: 'Run a GraphQL query (one operation per request; batching is off)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  query: bodyText,
                  variables: { type: 'object' },
                  operationName,
                  extensions: { type: 'object' },
                },
              },
            },
          },
        },
        responses: {
          '200': graphqlResult,
          '400': graphqlResult,
          '413': { ...graphqlResult, description: 'Body over the limit (64 KiB by default).' },
          '415': { ...graphqlResult, description: 'A body that is not application/json.' },
        },
      },
    },
    // A file from the static server, which validates it by its own ETag.
    '/graphiql': html('GraphiQL, an interactive GraphQL editor', 'Loads its own scripts from /graphiql/*.js.', {
      rateLimited: true,
      revalidation: 'file',
    }),
    '/docs': html('Interactive REST documentation (Swagger UI)', 'Serves its assets under /docs/static/.'),
  };
  doc.tags = [
    ...(doc.tags ?? []),
    { name: 'graphql', description: 'GraphQL over the same query layer; schema in src/graphql/schema/schema.graphql' },
    { name: 'pages', description: 'HTML pages for people' },
  ];
  return document;
}

/**
 * The one YAML rendering of the document: the committed openapi.yaml must equal it. The YAML library is loaded on
 * first use: it costs about 100 ms of start-up, and most servers never render YAML.
 */
export async function openApiYaml(document: unknown): Promise<string> {
  // `yaml` is CommonJS: its module.exports is the default export, whether Node or the server bundle loads it.
  const { stringify } = (await import('yaml')).default;
  return stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}

export default fp(registerDocs, { name: 'openapi' });
