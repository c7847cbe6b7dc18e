// Figures with their unit, qualifier, reporter and as-of date; never merged across reporters.
import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { places, statistics } from '../db/schema/index.js';
import type { StatisticsQuery } from '../schemas/params.js';
import type { Citation } from './citations.js';
import { groupBy, inOrder, pageOfRows } from './mappers.js';

type Row = typeof statistics.$inferSelect & { placeName: string | null; placeKind: string | null };

export function createStatisticQueries(db: Db, citationsFor: (ids: readonly string[]) => Map<string, Citation[]>) {
  const base = () =>
    db
      .select({
        id: statistics.id,
        seq: statistics.seq,
        subject: statistics.subject,
        label: statistics.label,
        value: statistics.value,
        unit: statistics.unit,
        qualifier: statistics.qualifier,
        asOf: statistics.asOf,
        asOfText: statistics.asOfText,
        reporter: statistics.reporter,
        basis: statistics.basis,
        placeSlug: statistics.placeSlug,
        eventId: statistics.eventId,
        placeName: places.name,
        placeKind: places.kind,
      })
      .from(statistics)
      .leftJoin(places, eq(places.slug, statistics.placeSlug));

  function toStatistics(rows: Row[]) {
    const cites = citationsFor(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      label: r.label,
      value: r.value,
      unit: r.unit,
      qualifier: r.qualifier,
      as_of: r.asOf,
      as_of_text: r.asOfText,
      reporter: r.reporter,
      basis: r.basis,
      place: r.placeSlug ? { slug: r.placeSlug, name: r.placeName ?? '', kind: r.placeKind ?? '' } : null,
      event_id: r.eventId,
      citations: cites.get(r.id) ?? [],
    }));
  }

  return {
    listStatistics(query: StatisticsQuery) {
      const where: SQL[] = [];
      if (query.subject) where.push(eq(statistics.subject, query.subject));
      if (query.as_of) where.push(eq(statistics.asOf, query.as_of));
      if (query.place) {
        where.push(sql`${statistics.placeSlug} IN (
          WITH RECURSIVE tree(slug) AS (SELECT ${query.place} UNION SELECT p.slug FROM places p JOIN tree ON p.parent_slug = tree.slug)
          SELECT slug FROM tree)`);
      }
      if (query.cursor) where.push(gt(statistics.seq, Number(query.cursor)));
      const rows = base()
        .where(and(...where))
        .orderBy(asc(statistics.seq))
        .limit(query.limit + 1)
        .all() as Row[];
      return pageOfRows(rows, query.limit, toStatistics, (last) => String(last.seq));
    },
    statisticsForEvents(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const rows = base()
        .where(inArray(statistics.eventId, ids as string[]))
        .orderBy(asc(statistics.seq))
        .all() as Row[];
      const stats = toStatistics(rows);
      return inOrder(
        ids,
        groupBy(stats, (s) => s.event_id),
      );
    },
    statisticsForPlaces(slugs: readonly string[]) {
      if (slugs.length === 0) return [];
      const rows = base()
        .where(inArray(statistics.placeSlug, slugs as string[]))
        .orderBy(asc(statistics.seq))
        .all() as Row[];
      return inOrder(
        slugs,
        groupBy(toStatistics(rows), (s) => s.place?.slug ?? null),
      );
    },
  };
}
