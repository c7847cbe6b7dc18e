// Claims: a source's characterisations and allegations, always with who makes them.
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Cursors } from '../schemas/cursor.js';
import type { Db } from '../db/client.js';
import { claims } from '../db/schema/index.js';
import type { ClaimsQuery } from '../schemas/params.js';
import type { Citation } from './citations.js';
import { groupBy, inOrder, pageOfRows, recordUrl } from './mappers.js';
import { inKeys, keyList, prepareRows, whenGiven } from './prepared.js';

const p = sql.placeholder;

const claimColumns = {
  id: claims.id,
  seq: claims.seq,
  kind: claims.kind,
  claimant: claims.claimant,
  claimantActorId: claims.claimantActorId,
  statement: claims.statement,
  sourceId: claims.sourceId,
  eventId: claims.eventId,
};

/** The filters of a claims query, without paging: shared by the list and its count. */
export type ClaimFilters = Pick<ClaimsQuery, 'source' | 'event'>;

const filterParams = (f: ClaimFilters) => ({ source: f.source ?? null, event: f.event ?? null });

export function createClaimQueries(
  db: Db,
  cursors: Cursors,
  citationsFor: (ids: readonly string[]) => Map<string, Citation[]>,
) {
  // The list's filters, shared by its pages and its count.
  const filtered = and(
    whenGiven('source', eq(claims.sourceId, p('source'))),
    whenGiven('event', eq(claims.eventId, p('event'))),
  );
  const list = prepareRows(
    db
      .select(claimColumns)
      .from(claims)
      .where(and(filtered, gt(claims.seq, p('after'))))
      .orderBy(asc(claims.seq))
      .limit(p('limit')),
  );
  const count = prepareRows(
    db
      .select({ n: sql<number>`count(*)` })
      .from(claims)
      .where(filtered),
  );
  const byIds = prepareRows(db.select(claimColumns).from(claims).where(inKeys(claims.id)));
  const forEvents = prepareRows(
    db.select(claimColumns).from(claims).where(inKeys(claims.eventId)).orderBy(asc(claims.seq)),
  );

  type Row = ReturnType<typeof list.all>[number];

  function toClaims(rows: Row[]) {
    const cites = citationsFor(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as 'characterisation' | 'allegation' | 'denial' | 'account',
      claimant: r.claimant,
      claimant_actor_id: r.claimantActorId,
      statement: r.statement,
      source_id: r.sourceId,
      event_id: r.eventId,
      citations: cites.get(r.id) ?? [],
      url: recordUrl('claim', r.id),
    }));
  }
  return {
    listClaims(query: ClaimsQuery) {
      const rows = list.all({
        ...filterParams(query),
        after: cursors.positionOf(query.cursor) ?? -1,
        limit: query.limit + 1,
      });
      return pageOfRows(rows, query.limit, toClaims, (last) => cursors.encode('claims', last.seq));
    },
    /** How many claims the list's filters match, across all pages. */
    countClaims(filters: ClaimFilters): number {
      return count.get(filterParams(filters))?.n ?? 0;
    },
    claimsByIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const index = new Map(toClaims(byIds.all({ keys: keyList(ids) })).map((c) => [c.id, c]));
      return ids.map((id) => index.get(id) ?? null);
    },
    claimsForEvents(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return inOrder(
        ids,
        groupBy(toClaims(forEvents.all({ keys: keyList(ids) })), (c) => c.event_id),
      );
    },
  };
}
