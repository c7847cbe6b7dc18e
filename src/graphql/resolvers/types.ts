// Field resolvers of the object types that are not plain reads of a query-layer key: connections, the dataset
// counts, and the type of a search hit's record. Relations are loaders (../loaders.ts).
import { GraphQLScalarType, valueFromASTUntyped } from 'graphql/index.js';
import { connectionResolvers, pageInfoResolvers } from '../connection.js';
import type { GraphqlContext } from '../context.js';
import { RECORD_TYPENAME } from '../loaders.js';

/** Every connection type: each has a totalCount, which the query layer counts only when a client asks for it. */
const CONNECTIONS = [
  'EventConnection',
  'PlaceConnection',
  'StatisticConnection',
  'ClaimConnection',
  'ObservanceConnection',
  'ActorConnection',
  'AgreementConnection',
  'SourceConnection',
  'CitationConnection',
  'TimelineConnection',
  'OnThisDayConnection',
  'SearchConnection',
] as const;

/** Any JSON value, passed through as it is: the GeoJSON geometry of Place.boundary and District.boundary. */
const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  // The same words as the SDL's: Mercurius puts this type in place of the SDL's scalar.
  description: 'Any JSON value; here a GeoJSON geometry (RFC 7946): a Polygon or MultiPolygon.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

export const typeResolvers = {
  // Mercurius takes a scalar's resolver as the GraphQLScalarType itself; the cast only fits it to the field maps' type.
  JSON: JsonScalar as unknown as Record<string, unknown>,
  ...Object.fromEntries(CONNECTIONS.map((name) => [name, connectionResolvers])),
  PageInfo: pageInfoResolvers,
  Meta: {
    counts: (meta: { counts: Record<string, number> }) =>
      Object.entries(meta.counts).map(([type, count]) => ({ type, count })),
    sources: (_meta: unknown, _args: unknown, { repo }: GraphqlContext) => repo.listSources(),
    downloads: (_meta: unknown, _args: unknown, { repo, publicUrl }: GraphqlContext) =>
      repo.downloadList(publicUrl).downloads,
    releases: (_meta: unknown, _args: unknown, { repo }: GraphqlContext) => repo.listReleases(),
  },
  Release: {
    counts: (release: { counts: Record<string, number> }) =>
      Object.entries(release.counts).map(([type, count]) => ({ type, count })),
  },
  // The REST report's keyed objects as lists of rows, as Meta.counts is.
  Balance: {
    concerns: (balance: { concerns: Record<string, object> }) =>
      Object.entries(balance.concerns).map(([concerns, counts]) => ({ concerns, ...counts })),
    sourcesByOrigin: (balance: { sources_by_origin: Record<string, number> }) =>
      Object.entries(balance.sources_by_origin).map(([origin, count]) => ({ origin, count })),
  },
  SearchRecord: {
    resolveType: (record: { [RECORD_TYPENAME]?: string }) => record[RECORD_TYPENAME],
  },
};
