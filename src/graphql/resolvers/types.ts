// Field resolvers of the object types that are not plain reads of a query-layer key: connections, the dataset
// counts, and the type of a search hit's record. Relations are loaders (../loaders.ts).
import { type Connection, connectionResolvers, pageInfoResolvers } from '../connection.js';
import type { GraphqlContext } from '../context.js';
import { RECORD_TYPENAME } from '../loaders.js';

const CONNECTIONS = [
  'PlaceConnection',
  'StatisticConnection',
  'ClaimConnection',
  'TimelineConnection',
  'SearchConnection',
] as const;
/** Connections with a totalCount: the query layer counts the list (or holds it whole). */
const COUNTED_CONNECTIONS = [
  'EventConnection',
  'ActorConnection',
  'AgreementConnection',
  'SourceConnection',
  'OnThisDayConnection',
] as const;
const countedResolvers = {
  ...connectionResolvers,
  totalCount: (c: Connection<unknown>) => c.totalCount?.() ?? c.items.length,
};

export const typeResolvers = {
  ...Object.fromEntries(CONNECTIONS.map((name) => [name, connectionResolvers])),
  ...Object.fromEntries(COUNTED_CONNECTIONS.map((name) => [name, countedResolvers])),
  PageInfo: pageInfoResolvers,
  Meta: {
    counts: (meta: { counts: Record<string, number> }) =>
      Object.entries(meta.counts).map(([type, count]) => ({ type, count })),
    sources: (_meta: unknown, _args: unknown, { repo }: GraphqlContext) => repo.listSources(),
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
