// Citations of any kind of record, fetched for many records in one prepared statement.
import { and, asc, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agreementProvisions, citations, placeNames, sources } from '../db/schema/index.js';
import type { RECORD_TYPES } from '../schemas/common.js';
import { groupBy, inOrder, type LinkedType, recordUrl } from './mappers.js';
import { asExpressions, indexedBy, inKeys, keyList, prepareRows } from './prepared.js';

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
  observance: [citations.observanceId, 'citations_observance_idx'],
} as const;

/**
 * A citation's columns, as SQL expressions so that a statement may name its index (see indexedBy). The record's
 * key is whichever of the eight key columns is set (the schema checks that exactly one is): a text id, or an
 * integer for place names and provisions.
 */
const selection = {
  ...asExpressions({
    id: citations.id,
    sourceId: citations.sourceId,
    quote: citations.quote,
    start: citations.start,
    end: citations.end,
    note: citations.note,
    recordType: citations.recordType,
  }),
  recordKey: sql<string | number>`coalesce(${sql.join(
    Object.values(KEY_COLUMN).map(([column]) => column),
    sql`, `,
  )})`,
};

interface Source {
  title: string;
  kind: 'document' | 'reference';
  url: string | null;
}

interface CitationRow {
  id: number;
  sourceId: string;
  quote: string | null;
  start: number | null;
  end: number | null;
  note: string | null;
  recordType: RecordType;
  recordKey: string | number;
}

/** What a citation's record resolves to: a place name to its place, a provision to its agreement. */
interface Parts {
  placeNames: ReadonlyMap<number, { placeSlug: string; name: string }>;
  provisions: ReadonlyMap<number, { agreementId: string; point: number }>;
}

function citedRecord(row: CitationRow, parts: Parts) {
  const key = row.recordKey;
  if (row.recordType === 'place_name') {
    const name = parts.placeNames.get(Number(key));
    const slug = name?.placeSlug ?? '';
    return { type: row.recordType, id: slug, name: name?.name ?? null, point: null, url: recordUrl('place', slug) };
  }
  if (row.recordType === 'provision') {
    const provision = parts.provisions.get(Number(key));
    const agreement = provision?.agreementId ?? '';
    const point = provision?.point ?? null;
    return { type: row.recordType, id: agreement, name: null, point, url: recordUrl('agreement', agreement) };
  }
  const type: LinkedType = row.recordType;
  return { type: row.recordType, id: String(key), name: null, point: null, url: recordUrl(type, key) };
}

function toCitation(row: CitationRow, source: Source | undefined, parts: Parts) {
  return {
    id: row.id,
    source_id: row.sourceId,
    source_title: source?.title ?? '',
    source_kind: source?.kind ?? ('reference' as const),
    url: source?.url ?? null,
    quote: row.quote,
    start: row.start,
    end: row.end,
    note: row.note,
    record: citedRecord(row, parts),
  };
}
export type Citation = ReturnType<typeof toCitation>;

export function createCitationQueries(db: Db) {
  // The sources are few and fixed for a dataset: read once, they spare every citation statement a join, and let
  // each name the index its key list is looked up in.
  const sourceById = new Map<string, Source>(
    prepareRows(db.select({ id: sources.id, title: sources.title, kind: sources.kind, url: sources.url }).from(sources))
      .all()
      .map((s) => [s.id, s]),
  );
  // Place names and provisions have no route of their own; like the sources, they are few and fixed for a dataset.
  const parts: Parts = {
    placeNames: new Map(
      prepareRows(
        db.select({ id: placeNames.id, placeSlug: placeNames.placeSlug, name: placeNames.name }).from(placeNames),
      )
        .all()
        .map((n) => [n.id, n]),
    ),
    provisions: new Map(
      prepareRows(
        db
          .select({
            id: agreementProvisions.id,
            agreementId: agreementProvisions.agreementId,
            point: agreementProvisions.point,
          })
          .from(agreementProvisions),
      )
        .all()
        .map((p) => [p.id, p]),
    ),
  };
  const prepare = (where: SQL, index?: string, ...order: SQL[]) => {
    const rows = prepareRows(
      db
        .select(selection)
        .from(index ? indexedBy(citations, index) : citations)
        .where(where)
        .orderBy(...order),
    );
    return (params: Record<string, unknown>) =>
      rows.all(params).map((r) => ({ key: r.recordKey, citation: toCitation(r, sourceById.get(r.sourceId), parts) }));
  };
  const citationsOnly = (rows: { citation: Citation }[]) => rows.map((r) => r.citation);

  // One statement per kind of record, each on its own key column's index.
  const byRecord = Object.fromEntries(
    Object.entries(KEY_COLUMN).map(([type, [column, index]]) => [
      type,
      prepare(inKeys(column), index, asc(citations.id)),
    ]),
  ) as Record<RecordType, ReturnType<typeof prepare>>;
  const bySources = prepare(
    inKeys(citations.sourceId),
    'citations_source_idx',
    asc(citations.start),
    asc(citations.id),
  );
  const byIds = prepare(inKeys(citations.id));
  const quoted = prepare(and(eq(citations.id, sql.placeholder('id')), isNotNull(citations.quote)) as SQL);
  // Fixed for a dataset like the sources themselves: counted once, not on every list of sources.
  const countsBySource = new Map(
    prepareRows(
      db
        .select({ sourceId: citations.sourceId, n: sql<number>`count(*)` })
        .from(citations)
        .groupBy(citations.sourceId),
    )
      .all()
      .map((r) => [r.sourceId, r.n]),
  );

  return {
    /** Citations of many records of one type, grouped by record key; in citation order. */
    citationsFor<K extends string | number>(type: RecordType, keys: readonly K[]): Map<K, Citation[]> {
      if (keys.length === 0) return new Map();
      const grouped = groupBy(byRecord[type]({ keys: keyList(keys) }), (r) => r.key as K);
      return new Map([...grouped].map(([k, rows]) => [k, citationsOnly(rows)]));
    },
    citationsOfSource(sourceId: string): Citation[] {
      return citationsOnly(bySources({ keys: keyList([sourceId]) }));
    },
    /** Every citation of each source, in text order (as `citationsOfSource`). */
    citationsForSources(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return inOrder(
        ids,
        groupBy(citationsOnly(bySources({ keys: keyList(ids) })), (c) => c.source_id),
      );
    },
    /** Citations by id, in the order of `ids` (null where there is none). */
    citationsByIds(ids: readonly number[]) {
      if (ids.length === 0) return [];
      const index = new Map(citationsOnly(byIds({ keys: keyList(ids) })).map((c) => [c.id, c]));
      return ids.map((id) => index.get(id) ?? null);
    },
    countBySource(): ReadonlyMap<string, number> {
      return countsBySource;
    },
    quotedCitation(id: number): Citation | null {
      return quoted({ id })[0]?.citation ?? null;
    },
  };
}
