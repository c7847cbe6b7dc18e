// Claims: a source's characterisations and allegations, always with who makes them.
import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { claims } from '../db/schema/index.js';
import type { ClaimsQuery } from '../schemas/params.js';
import type { Citation } from './citations.js';
import { groupBy, inOrder, pageOfRows } from './mappers.js';

type Row = typeof claims.$inferSelect;

export function createClaimQueries(db: Db, citationsFor: (ids: readonly string[]) => Map<string, Citation[]>) {
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
    }));
  }
  return {
    listClaims(query: ClaimsQuery) {
      const where: SQL[] = [];
      if (query.source) where.push(eq(claims.sourceId, query.source));
      if (query.event) where.push(eq(claims.eventId, query.event));
      if (query.cursor) where.push(gt(claims.seq, Number(query.cursor)));
      const rows = db
        .select()
        .from(claims)
        .where(and(...where))
        .orderBy(asc(claims.seq))
        .limit(query.limit + 1)
        .all();
      return pageOfRows(rows, query.limit, toClaims, (last) => String(last.seq));
    },
    claimsByIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const found = toClaims(
        db
          .select()
          .from(claims)
          .where(inArray(claims.id, ids as string[]))
          .all(),
      );
      const index = new Map(found.map((c) => [c.id, c]));
      return ids.map((id) => index.get(id) ?? null);
    },
    claimsForEvents(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const rows = db
        .select()
        .from(claims)
        .where(inArray(claims.eventId, ids as string[]))
        .orderBy(asc(claims.seq))
        .all();
      return inOrder(
        ids,
        groupBy(toClaims(rows), (c) => c.event_id),
      );
    },
  };
}
