// Citations of any kind of record, fetched for many records in one prepared statement.
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { citations, sources } from '../db/schema/index.js';
import type { RECORD_TYPES } from '../schemas/common.js';
import { groupBy, inOrder } from './mappers.js';
import {
  asExpressions,
  type DrizzleSelect,
  indexedBy,
  inKeys,
  keyList,
  type PreparedRows,
  prepareRows,
} from './prepared.js';

export type RecordType = (typeof RECORD_TYPES)[number];

/** Each kind of record's key column and the index on it (src/db/schema/citations.ts). */
const KEY_COLUMN = {
  event: [citations.eventId, 'citations_event_idx'],
  place: [citations.placeSlug, 'citations_place_idx'],
  place_name: [citations.placeNameId, 'citations_place_name_idx'],
  actor: [citations.actorId, 'citations_actor_idx'],
  agreement: [citations.agreementId, 'citations_agreement_idx'],
  provision: [citations.provisionId, 'citations_provision_idx'],
  statistic: [citations.statisticId, 'citations_statistic_idx'],
  claim: [citations.claimId, 'citations_claim_idx'],
} as const;

const selection = {
  id: citations.id,
  sourceId: citations.sourceId,
  quote: citations.quote,
  start: citations.start,
  end: citations.end,
  note: citations.note,
  recordType: citations.recordType,
  eventId: citations.eventId,
  placeSlug: citations.placeSlug,
  placeNameId: citations.placeNameId,
  actorId: citations.actorId,
  agreementId: citations.agreementId,
  provisionId: citations.provisionId,
  statisticId: citations.statisticId,
  claimId: citations.claimId,
};

type CitationRow = Omit<Row, 'sourceTitle' | 'sourceKind' | 'url'>;

interface Row {
  id: number;
  sourceId: string;
  sourceTitle: string;
  sourceKind: 'document' | 'reference';
  url: string | null;
  quote: string | null;
  start: number | null;
  end: number | null;
  note: string | null;
  recordType: RecordType;
  eventId: string | null;
  placeSlug: string | null;
  placeNameId: number | null;
  actorId: string | null;
  agreementId: string | null;
  provisionId: number | null;
  statisticId: string | null;
  claimId: string | null;
}

function recordKey(row: Row): string | number {
  return (row.eventId ??
    row.placeSlug ??
    row.placeNameId ??
    row.actorId ??
    row.agreementId ??
    row.provisionId ??
    row.statisticId ??
    row.claimId) as string | number;
}

export function toCitation(row: Row) {
  return {
    id: row.id,
    source_id: row.sourceId,
    source_title: row.sourceTitle,
    source_kind: row.sourceKind,
    url: row.url,
    quote: row.quote,
    start: row.start,
    end: row.end,
    note: row.note,
    record: { type: row.recordType, id: String(recordKey(row)) },
  };
}
export type Citation = ReturnType<typeof toCitation>;

export function createCitationQueries(db: Db) {
  // The sources are few and fixed for a dataset: read once, they spare every citation statement a join, and let
  // each name the index its key list is looked up in.
  const sourceById = new Map(
    prepareRows(db.select({ id: sources.id, title: sources.title, kind: sources.kind, url: sources.url }).from(sources))
      .all()
      .map((s) => [s.id, s]),
  );
  const base = (index?: string) =>
    index
      ? db.select(asExpressions(selection)).from(indexedBy(citations, index))
      : db.select(selection).from(citations);
  const prepare = (query: DrizzleSelect): PreparedRows<Row> => {
    const rows = prepareRows(query) as PreparedRows<CitationRow>;
    const withSource = (r: CitationRow): Row => {
      const source = sourceById.get(r.sourceId);
      return {
        ...r,
        sourceTitle: source?.title ?? '',
        sourceKind: source?.kind ?? 'reference',
        url: source?.url ?? null,
      };
    };
    return {
      all: (params) => rows.all(params).map(withSource),
      get: (params) => {
        const row = rows.get(params);
        return row ? withSource(row) : undefined;
      },
    };
  };

  // One statement per kind of record, each on its own key column's index.
  const byRecord = Object.fromEntries(
    Object.entries(KEY_COLUMN).map(([type, [column, index]]) => [
      type,
      prepare(base(index).where(inKeys(column)).orderBy(asc(citations.id))),
    ]),
  ) as Record<RecordType, ReturnType<typeof prepare>>;
  const bySources = prepare(
    base('citations_source_idx').where(inKeys(citations.sourceId)).orderBy(asc(citations.start), asc(citations.id)),
  );
  const byIds = prepare(base().where(inKeys(citations.id)));
  const quoted = prepare(base().where(and(eq(citations.id, sql.placeholder('id')), isNotNull(citations.quote))));
  const counts = prepareRows(
    db
      .select({ sourceId: citations.sourceId, n: sql<number>`count(*)` })
      .from(citations)
      .groupBy(citations.sourceId),
  );

  return {
    /** Citations of many records of one type, grouped by record key; in citation order. */
    citationsFor<K extends string | number>(type: RecordType, keys: readonly K[]): Map<K, Citation[]> {
      if (keys.length === 0) return new Map();
      const rows = byRecord[type].all({ keys: keyList(keys) });
      const grouped = groupBy(rows, (r) => recordKey(r) as K);
      return new Map([...grouped].map(([k, list]) => [k, list.map(toCitation)]));
    },
    citationsOfSource(sourceId: string): Citation[] {
      return bySources.all({ keys: keyList([sourceId]) }).map(toCitation);
    },
    /** Every citation of each source, in text order (as `citationsOfSource`). */
    citationsForSources(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return inOrder(
        ids,
        groupBy(bySources.all({ keys: keyList(ids) }), (r) => r.sourceId),
      ).map((list) => list.map(toCitation));
    },
    /** Citations by id, in the order of `ids` (null where there is none). */
    citationsByIds(ids: readonly number[]) {
      if (ids.length === 0) return [];
      const index = new Map(byIds.all({ keys: keyList(ids) }).map((r) => [r.id, toCitation(r)]));
      return ids.map((id) => index.get(id) ?? null);
    },
    countBySource(): Map<string, number> {
      return new Map(counts.all().map((r) => [r.sourceId, r.n]));
    },
    quotedCitation(id: number): Citation | null {
      const row = quoted.all({ id })[0];
      return row ? toCitation(row) : null;
    },
  };
}
