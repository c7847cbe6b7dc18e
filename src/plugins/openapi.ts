// Generates the OpenAPI 3.1 document from the routes' Zod schemas and serves it with interactive docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { type FastifyPluginAsyncZod, jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { stringify } from 'yaml';
import { z } from 'zod';

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
      tags: [
        { name: 'events', description: 'Dated events in neutral words' },
        { name: 'places', description: 'Districts and other places, with names in four languages' },
        { name: 'agreements', description: 'The 10 November 2020 statement and other agreements' },
        { name: 'statistics', description: 'Figures with unit, qualifier, reporter and as-of date' },
        { name: 'actors', description: 'States, people, organisations and armed forces' },
        { name: 'claims', description: "Sources' characterisations and allegations, attributed" },
        { name: 'sources', description: 'The article verbatim and the reference pages, with every citation' },
        { name: 'discovery', description: 'Timeline, on this day, search and dataset metadata' },
        { name: 'operations', description: 'Health and readiness' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => pruneUnusedSchemas(jsonSchemaTransformObject(input)),
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  // The document is built once, after every route is registered, and served as ready-made text.
  let json = '';
  let yaml = '';
  app.addHook('onReady', async () => {
    json = JSON.stringify(app.swagger());
    yaml = openApiYaml(app.swagger());
  });
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
    async (_request, reply) => reply.type('application/json; charset=utf-8').serializer(String).send(json),
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
    async (_request, reply) => reply.type('application/yaml; charset=utf-8').serializer(String).send(yaml),
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

/** The one YAML rendering of the document: the committed openapi.yaml must equal it. */
export function openApiYaml(document: unknown): string {
  return stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}

export default fp(registerDocs, { name: 'openapi' });
