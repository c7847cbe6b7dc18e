// Batch look-ups that GraphQL needs beyond the REST shapes: records by key for nested fields and search hits,
// and the keyset positions behind per-edge cursors. One statement per call, whatever the number of keys.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { citations, claims, events, places, sources, statistics } from '../db/schema/index.js';
import { type CitationRow, citationSelection, toCitation } from './citations.js';
import { groupBy, inOrder } from './mappers.js';

/** Tables paged by their `seq` column, keyed by their public id. */
const SEQ_KEYS = {
  places: [places, places.slug],
  statistics: [statistics, statistics.id],
  claims: [claims, claims.id],
} as const;
export type SeqTable = keyof typeof SEQ_KEYS;

export function createLookupQueries(db: Db) {
  const citationBase = () =>
    db.select(citationSelection).from(citations).innerJoin(sources, eq(sources.id, citations.sourceId));

  return {
    /** Citations by id, in the order of `ids` (null where there is none). */
    citationsByIds(ids: readonly number[]) {
      if (ids.length === 0) return [];
      const rows = citationBase()
        .where(inArray(citations.id, ids as number[]))
        .all() as CitationRow[];
      const index = new Map(rows.map((r) => [r.id, toCitation(r)]));
      return ids.map((id) => index.get(id) ?? null);
    },

    /** Every citation of each source, in text order (as `citationsOfSource`). */
    citationsForSources(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const rows = citationBase()
        .where(inArray(citations.sourceId, ids as string[]))
        .orderBy(asc(citations.start), asc(citations.id))
        .all() as CitationRow[];
      return inOrder(
        ids,
        groupBy(rows, (r) => r.sourceId),
      ).map((list) => list.map(toCitation));
    },

    /** The verbatim text of each source (null for references), in the order of `ids`. */
    sourceTexts(ids: readonly string[]): (string | null)[] {
      if (ids.length === 0) return [];
      const rows = db
        .select({ id: sources.id, text: sources.text })
        .from(sources)
        .where(inArray(sources.id, ids as string[]))
        .all();
      const index = new Map(rows.map((r) => [r.id, r.text]));
      return ids.map((id) => index.get(id) ?? null);
    },

    /** Each event's keyset position (start_date, seq): what an events cursor encodes. */
    eventPositions(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const rows = db
        .select({ id: events.id, startDate: events.startDate, seq: events.seq })
        .from(events)
        .where(inArray(events.id, ids as string[]))
        .all();
      const index = new Map(rows.map((r) => [r.id, { startDate: r.startDate, seq: r.seq }]));
      return ids.map((id) => index.get(id) ?? null);
    },

    /** Each record's `seq`: what the numeric cursors of places, statistics and claims encode. */
    seqsOf(table: SeqTable, keys: readonly string[]): (number | null)[] {
      if (keys.length === 0) return [];
      const [t, key] = SEQ_KEYS[table];
      const rows = db
        .select({ key, seq: t.seq })
        .from(t)
        .where(inArray(key, keys as string[]))
        .all();
      const index = new Map(rows.map((r) => [r.key, r.seq]));
      return keys.map((k) => index.get(k) ?? null);
    },
  };
}
