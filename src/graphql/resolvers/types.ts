// Field resolvers of the object types that are not plain reads of a query-layer key: connections, the dataset
// counts, and the type of a search hit's record. Relations are loaders (../loaders.ts).
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

export const typeResolvers = {
  ...Object.fromEntries(CONNECTIONS.map((name) => [name, connectionResolvers])),
  PageInfo: pageInfoResolvers,
  Meta: {
    counts: (meta: { counts: Record<string, number> }) =>
      Object.entries(meta.counts).map(([type, count]) => ({ type, count })),
    sources: (_meta: unknown, _args: unknown, { repo }: GraphqlContext) => repo.listSources(),
  },
  SearchRecord: {
    resolveType: (record: { [RECORD_TYPENAME]?: string }) => record[RECORD_TYPENAME],
  },
};
