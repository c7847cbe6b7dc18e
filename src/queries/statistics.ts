// Figures with their unit, qualifier, reporter and as-of date; never merged across reporters.
import { and, asc, between, eq, gt, sql } from 'drizzle-orm';
import type { Cursors } from '../schemas/cursor.js';
import type { Db } from '../db/client.js';
import { concernsOf } from '../db/concerns.js';
import { places, statistics } from '../db/schema/index.js';
import type { StatisticsQuery } from '../schemas/params.js';
import type { Citation } from './citations.js';
import { groupBy, inOrder, pageOfRows, placeRef, recordUrl } from './mappers.js';
import { placeAndInside } from './places.js';
import { inKeys, keyList, prepareRows, whenGiven } from './prepared.js';

const p = sql.placeholder;

/** The filters of a statistics query, without paging: shared by the list and its count. */
export type StatisticFilters = Pick<StatisticsQuery, 'subject' | 'as_of' | 'place'>;

const filterParams = (f: StatisticFilters) => ({
  subject: f.subject ?? null,
  // A partial as_of is its whole period; figures with no as-of day (NULL) fall outside every period.
  asOfStart: f.as_of?.start ?? null,
  asOfEnd: f.as_of?.end ?? null,
  place: f.place ?? null,
});

export function createStatisticQueries(
  db: Db,
  cursors: Cursors,
  citationsFor: (ids: readonly string[]) => Map<string, Citation[]>,
) {
  const base = () =>
    db
      .select({
        id: statistics.id,
        seq: statistics.seq,
        subject: statistics.subject,
        label: statistics.label,
        concernsAzerbaijanis: statistics.concernsAzerbaijanis,
        concernsArmenians: statistics.concernsArmenians,
        value: statistics.value,
        low: statistics.low,
        high: statistics.high,
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

  // The list's filters, shared by its pages and its count.
  const filtered = and(
    whenGiven('subject', eq(statistics.subject, p('subject'))),
    whenGiven('asOfStart', between(statistics.asOf, p('asOfStart'), p('asOfEnd'))),
    whenGiven('place', sql`${statistics.placeSlug} IN (${placeAndInside('place')})`),
  );
  const list = prepareRows(
    base()
      .where(and(filtered, gt(statistics.seq, p('after'))))
      .orderBy(asc(statistics.seq))
      .limit(p('limit')),
  );
  const count = prepareRows(
    db
      .select({ n: sql<number>`count(*)` })
      .from(statistics)
      .where(filtered),
  );
  const byIds = prepareRows(base().where(inKeys(statistics.id)));
  const forEvents = prepareRows(base().where(inKeys(statistics.eventId)).orderBy(asc(statistics.seq)));
  const forPlaces = prepareRows(base().where(inKeys(statistics.placeSlug)).orderBy(asc(statistics.seq)));

  type Row = ReturnType<typeof list.all>[number];

  function toStatistics(rows: Row[]) {
    const cites = citationsFor(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      label: r.label,
      concerns: concernsOf(r),
      value: r.value,
      low: r.low,
      high: r.high,
      unit: r.unit,
      qualifier: r.qualifier,
      as_of: r.asOf,
      as_of_text: r.asOfText,
      reporter: r.reporter,
      basis: r.basis,
      place: r.placeSlug ? placeRef({ slug: r.placeSlug, name: r.placeName ?? '', kind: r.placeKind ?? '' }) : null,
      event_id: r.eventId,
      citations: cites.get(r.id) ?? [],
      url: recordUrl('statistic', r.id),
    }));
  }

  return {
    listStatistics(query: StatisticsQuery) {
      const rows = list.all({
        ...filterParams(query),
        after: cursors.positionOf(query.cursor) ?? -1,
        limit: query.limit + 1,
      });
      return pageOfRows(rows, query.limit, toStatistics, (last) => cursors.encode('statistics', last.seq));
    },
    /** How many statistics the list's filters match, across all pages. */
    countStatistics(filters: StatisticFilters): number {
      return count.get(filterParams(filters))?.n ?? 0;
    },
    /** Statistics by id, in the order of `ids` (null where there is none). */
    statisticsByIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const index = new Map(toStatistics(byIds.all({ keys: keyList(ids) })).map((s) => [s.id, s]));
      return ids.map((id) => index.get(id) ?? null);
    },
    statisticsForEvents(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return inOrder(
        ids,
        groupBy(toStatistics(forEvents.all({ keys: keyList(ids) })), (s) => s.event_id),
      );
    },
    statisticsForPlaces(slugs: readonly string[]) {
      if (slugs.length === 0) return [];
      return inOrder(
        slugs,
        groupBy(toStatistics(forPlaces.all({ keys: keyList(slugs) })), (s) => s.place?.slug ?? null),
      );
    },
  };
}
