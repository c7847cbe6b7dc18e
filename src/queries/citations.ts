// Citations of any kind of record, fetched for many records in one statement.
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { citations, sources } from '../db/schema/index.js';
import type { RECORD_TYPES } from '../schemas/common.js';
import { groupBy } from './mappers.js';

export type RecordType = (typeof RECORD_TYPES)[number];

const KEY_COLUMN = {
  event: citations.eventId,
  place: citations.placeSlug,
  place_name: citations.placeNameId,
  actor: citations.actorId,
  agreement: citations.agreementId,
  provision: citations.provisionId,
  statistic: citations.statisticId,
  claim: citations.claimId,
} as const;

const selection = {
  id: citations.id,
  sourceId: citations.sourceId,
  sourceTitle: sources.title,
  sourceKind: sources.kind,
  url: sources.url,
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

type Row = { [K in keyof typeof selection]: (typeof selection)[K]['_']['data'] | null } & {
  id: number;
  sourceId: string;
  sourceTitle: string;
  sourceKind: 'document' | 'reference';
  recordType: RecordType;
};

function recordId(row: Row): string {
  const v =
    row.eventId ??
    row.placeSlug ??
    row.placeNameId ??
    row.actorId ??
    row.agreementId ??
    row.provisionId ??
    row.statisticId ??
    row.claimId;
  return String(v);
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
    record: { type: row.recordType, id: recordId(row) },
  };
}
export type Citation = ReturnType<typeof toCitation>;

export function createCitationQueries(db: Db) {
  const base = () => db.select(selection).from(citations).innerJoin(sources, eq(sources.id, citations.sourceId));

  return {
    /** Citations of many records of one type, grouped by record key; documents first, then by position. */
    citationsFor<K extends string | number>(type: RecordType, keys: readonly K[]): Map<K, Citation[]> {
      if (keys.length === 0) return new Map();
      const column = KEY_COLUMN[type];
      const rows = base()
        .where(inArray(column, keys as unknown as string[]))
        .orderBy(asc(citations.id))
        .all() as Row[];
      const numeric = typeof keys[0] === 'number';
      const grouped = groupBy(rows, (r) => (numeric ? Number(recordId(r)) : recordId(r)) as K);
      return new Map([...grouped].map(([k, list]) => [k, list.map(toCitation)]));
    },
    citationsOfSource(sourceId: string): Citation[] {
      return (
        base()
          .where(and(eq(citations.sourceId, sourceId)))
          .orderBy(asc(citations.start), asc(citations.id))
          .all() as Row[]
      ).map(toCitation);
    },
    countBySource(): Map<string, number> {
      const rows = db.select({ sourceId: citations.sourceId, id: citations.id }).from(citations).all();
      const out = new Map<string, number>();
      for (const r of rows) out.set(r.sourceId, (out.get(r.sourceId) ?? 0) + 1);
      return out;
    },
    quotedCitation(id: number): Citation | null {
      const row = base()
        .where(and(eq(citations.id, id), isNotNull(citations.quote)))
        .get() as Row | undefined;
      return row ? toCitation(row) : null;
    },
  };
}

/** The citation columns and row type, for look-ups added in other modules (src/queries/lookups.ts). */
export { selection as citationSelection };
export type { Row as CitationRow };
