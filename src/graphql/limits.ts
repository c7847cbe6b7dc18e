// What one GraphQL request may ask for. /graphql is public and unauthenticated, so every query is measured before it
// runs: tokens while parsing, depth and aliases while validating, cost just before execution (it needs the variables).
// Every refusal is an HTTP 400 whose error has an extensions.code. The request body is capped app-wide by BODY_LIMIT.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  type ValidationContext,
  type ValidationRule,
} from 'graphql/index.js';
import { type ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { CODES, refused, refusedInValidation } from './errors.js';

export const LIMITS = {
  /**
   * Tokens in the query document (graphql-js' own `maxTokens`, checked while parsing, before any other work).
   * GraphiQL's introspection query has under 200; a large app query with fragments a few hundred.
   */
  tokens: 2000,
  /**
   * Nesting of fields, counted through named and inline fragments (a fragment adds the depth of its fields, so a
   * fragment cannot hide nesting). A district page's events with their places' names is 7 deep; edges/node add 1.
   */
  depth: 10,
  /** Aliased fields in one operation, fragments included: enough to ask for every district by name, twice over. */
  aliases: 15,
  /**
   * Cost: the most objects the answer could hold. A list field costs its size times (1 + the cost of one item);
   * a connection's size is `first` (20 when not given); a list without `first` counts as its ceiling below.
   * Scalars are free. 50 events with their parents, children, actors, places (with names), statistics, claims and
   * citations cost about 26,000, every district with its events, their places, statistics and citations about
   * 10,500; a page of 100 nested in a page of 100 (events(first:100) → places → place → events: 82,101) is refused.
   */
  cost: 50_000,
  /**
   * Fields the cost analysis visits before it gives up, a fragment's fields counted each time it is spread (fragments
   * spread many times multiply quickly): refused with QUERY_TOO_COMPLEX naming this limit, whatever the cost.
   */
  costNodes: 10_000,
  /**
   * Validation errors reported for one query (graphql-js' `maxErrors`, which stops validating there). The next one
   * becomes a TOO_MANY_ERRORS error naming this limit instead of graphql-js' bare "Validation aborted.".
   */
  errors: 100,
  /** Hashes kept for automatic persisted queries (LRU). */
  persistedQueries: 1024,
  /** Page size when `first` is not given, and its maximum: LimitSchema's, as REST. */
  defaultPage: 20,
  maxPage: 100,
} as const;

/**
 * The most items a list without `first` can hold, for the cost: the largest such list in the dataset today, rounded
 * up (8 places of one event, 33 events in Azerbaijan and the places inside it, …).
 * tests/graphql/limits.test.ts fails when the data outgrows one: raise it with the data.
 */
export const LIST_CEILINGS: Readonly<Record<string, number>> = {
  'Query.districts': 10,
  'Event.places': 10,
  'Event.actors': 6,
  'Event.children': 12,
  'Event.statistics': 24,
  'Event.claims': 12,
  'Place.names': 12,
  'Place.statistics': 48,
  'District.names': 12,
  'Place.events': 48,
  'District.events': 40,
  'Actor.events': 24,
  'Meta.sources': 250,
  'Meta.counts': 20,
  'Meta.releases': 50,
  'Release.counts': 20,
  // Every record could change between two releases.
  'Changes.added': 1000,
  'Changes.changed': 1000,
  'Changes.removed': 1000,
};
/** Any other list: a record's citations (at most 9 today), children, signatories, provisions, counts. */
export const DEFAULT_LIST_CEILING = 10;

function pageSize(first: unknown): number {
  if (typeof first !== 'number') return LIMITS.defaultPage;
  // Out-of-range values fail argument validation with REST's message; count them at the nearest valid size.
  return Math.min(Math.max(Math.trunc(first), 1), LIMITS.maxPage);
}

/** graphql-query-complexity estimator implementing the cost described in LIMITS.cost. */
export function estimateCost({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  if (named.name.endsWith('Connection')) return 1 + pageSize(args.first) * childComplexity;
  // A connection's edges and nodes are multiplied by `first` on the connection field itself.
  if (type.name.endsWith('Connection') || !isListType(getNullableType(field.type))) return 1 + childComplexity;
  const ceiling = LIST_CEILINGS[`${type.name}.${field.name}`] ?? DEFAULT_LIST_CEILING;
  return ceiling * (1 + childComplexity);
}

/** Validation rules (cached with the parsed query by Mercurius): depth and aliases. */
export function validationRules(): ValidationRule[] {
  const report =
    (code: string, limit: number) =>
    (context: ValidationContext | null, error: GraphQLError): void => {
      context?.reportError(refusedInValidation(error.message.replace(/^Syntax Error: /, ''), code, { limit }));
    };
  return [
    maxDepthRule({
      n: LIMITS.depth,
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [report(CODES.tooDeep, LIMITS.depth)],
    }),
    maxAliasesRule({
      n: LIMITS.aliases,
      propagateOnRejection: false,
      onReject: [report(CODES.tooManyAliases, LIMITS.aliases)],
    }),
  ];
}

const costOfDocument = new WeakMap<DocumentNode, number>();

/** The cost of a query with its variables; throws QUERY_TOO_COMPLEX above LIMITS.cost. */
export function checkCost(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown>) {
  const cacheable = !variables || Object.keys(variables).length === 0;
  let cost = cacheable ? costOfDocument.get(document) : undefined;
  if (cost === undefined) {
    try {
      cost = getComplexity({
        schema,
        query: document,
        variables: variables ?? {},
        estimators: [estimateCost],
        maxQueryNodes: LIMITS.costNodes,
      });
    } catch (error) {
      if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) {
        throw refused(
          `The query is too large to analyse: over ${LIMITS.costNodes} fields, counting a fragment's fields each time it is spread.`,
          CODES.tooComplex,
          { limit: LIMITS.costNodes },
        );
      }
      // Bad variables: execution reports them with graphql-js' own message.
      return;
    }
    if (cacheable) costOfDocument.set(document, cost);
  }
  if (cost > LIMITS.cost) {
    throw refused(
      `The query could return up to ${cost} objects, above the limit of ${LIMITS.cost}: ask for smaller pages (first) or fewer nested lists.`,
      CODES.tooComplex,
      { cost, limit: LIMITS.cost },
    );
  }
}
