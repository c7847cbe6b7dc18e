// GraphQL over HTTP allows only queries over GET: a mutation or subscription there is a 405 that points to POST.
// Mercurius checks this itself, but after validation and without guarding an operation it cannot pick (an unknown
// operationName, several operations and none named), which ended in a 500; so the operation is settled here first.
import { OperationTypeNode, parse } from 'graphql/index.js';
import { LRUCache } from 'lru-cache';
import { CODES, refused } from './errors.js';
import { LIMITS } from './limits.js';

interface Operation {
  name: string | undefined;
  type: OperationTypeNode;
}

/** Each document's operations, so a repeated GET miss parses once; null for a document that does not parse. */
const operationsOf = new LRUCache<string, Operation[] | { unparsed: true }>({
  max: 1024,
  maxSize: 4 * 1024 * 1024,
  sizeCalculation: (_value, query) => query.length + 64,
});

function operations(query: string): Operation[] | undefined {
  let found = operationsOf.get(query);
  if (!found) {
    try {
      const document = parse(query, { maxTokens: LIMITS.tokens });
      found = document.definitions.flatMap((d) =>
        d.kind === 'OperationDefinition' ? [{ name: d.name?.value, type: d.operation }] : [],
      );
    } catch {
      found = { unparsed: true };
    }
    operationsOf.set(query, found);
  }
  return Array.isArray(found) ? found : undefined;
}

/** The operation a request runs, chosen as graphql-js chooses it, or a 400 saying why there is none. */
function pick(all: Operation[], operationName: string | undefined): Operation {
  if (operationName !== undefined) {
    const named = all.find((o) => o.name === operationName);
    if (!named) throw refused(`Unknown operation named "${operationName}".`, CODES.validationFailed);
    return named;
  }
  if (all.length === 1) return all[0] as Operation;
  throw refused(
    all.length === 0
      ? 'Must provide an operation.'
      : 'Must provide operation name if query contains multiple operations.',
    CODES.validationFailed,
  );
}

/**
 * Refuses, for a GET (or HEAD), an operation other than a query with 405 (the error formatter adds `Allow: POST`).
 * The body is a GraphQL error, not REST's problem+json (which a PUT to /graphql gets from the router): the request
 * reached the GraphQL endpoint with an operation, and every other refusal there (415, 413, bad JSON) is GraphQL-shaped,
 * so a GraphQL client reads `errors` as for any request error.
 * A document that does not parse is left to Mercurius, which reports the syntax error with its location.
 */
export function checkGetOperation(query: unknown, operationName: unknown) {
  if (typeof query !== 'string' || query === '') return;
  const all = operations(query);
  if (!all) return;
  const operation = pick(all, typeof operationName === 'string' ? operationName : undefined);
  if (operation.type !== OperationTypeNode.QUERY) {
    throw refused(
      `A ${operation.type} cannot be sent with GET, which runs queries only: send it with POST.`,
      'METHOD_NOT_ALLOWED',
      {},
      405,
    );
  }
}
