// Applies the one response rule (src/rest/responses.ts) to every operation and declares the headers it refers to.
import { documentedResponses, RESPONSE_HEADERS, type RouteTraits, TRAITS_KEY } from '../../rest/responses.js';
import { type OpenApiDocument, operationsOf } from './types.js';

/** Operations outside Fastify's schemas (GraphQL, pages) are counted by the limiter and revalidated like the rest. */
const DEFAULT_TRAITS: RouteTraits = { rateLimited: true, revalidation: 'dataset' };

export function withDerivedResponses(document: OpenApiDocument): OpenApiDocument {
  for (const { method, path, operation } of operationsOf(document)) {
    const traits = (operation[TRAITS_KEY] as RouteTraits | undefined) ?? DEFAULT_TRAITS;
    delete operation[TRAITS_KEY];
    operation.responses = documentedResponses(operation.responses ?? {}, {
      method,
      path,
      parameters: operation.parameters ?? [],
      traits,
    });
  }
  document.components = { ...document.components, headers: { ...RESPONSE_HEADERS } };
  return document;
}
