// Look-ups beyond the REST shapes: source texts for nested fields, the keyset positions behind per-edge cursors,
// and whether the records that list filters name exist. One prepared statement per call, whatever the number of keys.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { actors, claims, events, observances, places, sources, statistics } from '../db/schema/index.js';
import { FILTER_REFERENCES, type ReferencedKind } from '../schemas/params.js';
import { inKeys, keyList, type PreparedRows, prepareRows } from './prepared.js';

/** Tables paged by their `seq` column, keyed by their public id. */
const SEQ_KEYS = {
  places: [places, places.slug],
  statistics: [statistics, statistics.id],
  claims: [claims, claims.id],
  observances: [observances, observances.id],
} as const;
export type SeqTable = keyof typeof SEQ_KEYS;

/** The record each kind of list filter names, by its public key. */
const REFERENCED = {
  place: [places, places.slug],
  actor: [actors, actors.id],
  event: [events, events.id],
  source: [sources, sources.id],
} as const satisfies Record<ReferencedKind, unknown>;

/** A list filter that names no record: the parameter and the kind of record it should have named. */
export interface UnknownReference {
  name: keyof typeof FILTER_REFERENCES;
  kind: ReferencedKind;
}

export function createLookupQueries(db: Db) {
  const texts = prepareRows(db.select({ id: sources.id, text: sources.text }).from(sources).where(inKeys(sources.id)));
  const positions = prepareRows(
    db.select({ id: events.id, startDate: events.startDate, seq: events.seq }).from(events).where(inKeys(events.id)),
  );
  const seqs = Object.fromEntries(
    Object.entries(SEQ_KEYS).map(([table, [t, key]]) => [
      table,
      prepareRows(
        db
          .select({ key: sql<string>`${key}`, seq: t.seq })
          .from(t)
          .where(inKeys(key)),
      ),
    ]),
  ) as Record<SeqTable, PreparedRows<{ key: string; seq: number }>>;
  const exists = Object.fromEntries(
    Object.entries(REFERENCED).map(([kind, [t, key]]) => [
      kind,
      prepareRows(
        db
          .select({ key: sql<string>`${key}` })
          .from(t)
          .where(eq(key, sql.placeholder('key')))
          .limit(1),
      ),
    ]),
  ) as Record<ReferencedKind, PreparedRows<{ key: string }>>;

  return {
    /** The verbatim text of each source (null for references), in the order of `ids`. */
    sourceTexts(ids: readonly string[]): (string | null)[] {
      if (ids.length === 0) return [];
      const index = new Map(texts.all({ keys: keyList(ids) }).map((r) => [r.id, r.text]));
      return ids.map((id) => index.get(id) ?? null);
    },

    /** Each event's keyset position (start_date, seq): what an events cursor encodes. */
    eventPositions(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const index = new Map(
        positions.all({ keys: keyList(ids) }).map((r) => [r.id, { startDate: r.startDate, seq: r.seq }]),
      );
      return ids.map((id) => index.get(id) ?? null);
    },

    /** Each record's `seq`: what the numeric cursors of places, statistics, claims and observances encode. */
    seqsOf(table: SeqTable, keys: readonly string[]): (number | null)[] {
      if (keys.length === 0) return [];
      const index = new Map(seqs[table].all({ keys: keyList(keys) }).map((r) => [r.key, r.seq]));
      return keys.map((k) => index.get(k) ?? null);
    },

    /** The filters of a (validated) list query that name a place, actor, event or source that does not exist. */
    unknownReferences(query: object): UnknownReference[] {
      const given = query as Record<string, unknown>;
      const unknown: UnknownReference[] = [];
      for (const [name, kind] of Object.entries(FILTER_REFERENCES) as [UnknownReference['name'], ReferencedKind][]) {
        const value = given[name];
        if (typeof value === 'string' && !exists[kind].get({ key: value })) unknown.push({ name, kind });
      }
      return unknown;
    },
  };
}
