// Events: the date-range list with keyset cursors, one event in full, and batch look-ups of their relations.
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { actors, eventActors, eventPlaces, events, places } from '../db/schema/index.js';
import { foldText } from '../lib/fold.js';
import { shiftIsoDate } from '../schemas/dates.js';
import { type EventsQuery, encodeCursor } from '../schemas/params.js';
import { dateSpan, eventRef, groupBy, inOrder, pageOfRows } from './mappers.js';

type EventRow = typeof events.$inferSelect;

/** The filters of an events query, without paging: shared by the list and its count. */
export type EventFilters = Pick<EventsQuery, 'from' | 'to' | 'match' | 'kind' | 'place' | 'actor' | 'q'>;

export function createEventQueries(db: Db) {
  // The longest event bounds how far before `from` an overlapping event can start, which lets the
  // overlaps query use the start_date index instead of scanning every earlier event.
  const maxSpanDays = Math.ceil(
    db
      .select({
        d: sql<number>`coalesce(max(julianday(${events.endDate}) - julianday(${events.startDate})), 0)`,
      })
      .from(events)
      .get()?.d ?? 0,
  );

  /** The earliest start of an event that overlaps `from`: none lasts longer than maxSpanDays. */
  const earliestStartOverlapping = (from: string) => shiftIsoDate(from, -maxSpanDays);
  const later = (a: string, b: string) => (a > b ? a : b);
  const earlier = (a: string, b: string) => (a < b ? a : b);

  const byId = db
    .select()
    .from(events)
    .where(eq(events.id, sql.placeholder('id')))
    .prepare();

  /**
   * The WHERE of an events query. The start date gets at most one lower and one upper bound, the tightest of the
   * filter's and the cursor's, computed here: given two, SQLite starts the index range at the first, which on a
   * deep page of 10⁶ events meant stepping over some 17,000 entries before the cursor.
   */
  function filterConditions(f: EventFilters, cursor?: { after?: string; before?: string }): SQL[] {
    const where: SQL[] = [];
    const lower: string[] = [];
    const upper: string[] = [];
    if (f.match === 'within') {
      if (f.from) lower.push(f.from);
      if (f.to) where.push(lte(events.endDate, f.to));
    } else {
      if (f.to) upper.push(f.to);
      if (f.from) {
        where.push(gte(events.endDate, f.from));
        lower.push(earliestStartOverlapping(f.from));
      }
    }
    if (cursor?.after) lower.push(cursor.after);
    if (cursor?.before) upper.push(cursor.before);
    if (lower.length) where.push(gte(events.startDate, lower.reduce(later)));
    if (upper.length) where.push(lte(events.startDate, upper.reduce(earlier)));
    if (f.kind?.length) where.push(inArray(events.kind, f.kind));
    if (f.place) {
      where.push(sql`${events.id} IN (
        SELECT ep.event_id FROM event_places ep WHERE ep.place_slug IN (
          WITH RECURSIVE tree(slug) AS (
            SELECT ${f.place}
            UNION SELECT p.slug FROM places p JOIN tree ON p.parent_slug = tree.slug
          ) SELECT slug FROM tree))`);
    }
    if (f.actor) {
      where.push(sql`${events.id} IN (SELECT ea.event_id FROM event_actors ea WHERE ea.actor_id = ${f.actor})`);
    }
    if (f.q) {
      where.push(
        sql`${events.id} IN (SELECT ref_id FROM search_fts WHERE search_fts MATCH ${ftsQuery(f.q)} AND type = 'event')`,
      );
    }
    return where;
  }

  function toEvents(rows: EventRow[]) {
    const placesById = placesForEvents(rows.map((r) => r.id));
    return rows.map((r, i) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      date: dateSpan(r),
      parent_id: r.parentId,
      places: placesById[i] ?? [],
    }));
  }

  function placesForEvents(ids: readonly string[]) {
    if (ids.length === 0) return [];
    const rows = db
      .select({
        eventId: eventPlaces.eventId,
        slug: places.slug,
        name: places.name,
        kind: places.kind,
        role: eventPlaces.role,
        seq: places.seq,
      })
      .from(eventPlaces)
      .innerJoin(places, eq(places.slug, eventPlaces.placeSlug))
      .where(inArray(eventPlaces.eventId, ids as string[]))
      .all();
    // Sorted here, not in SQL: an ORDER BY on places made SQLite walk every place and probe each event.
    rows.sort((a, b) => a.seq - b.seq || (a.role < b.role ? -1 : a.role > b.role ? 1 : 0));
    const grouped = groupBy(rows, (r) => r.eventId);
    return inOrder(ids, grouped).map((list) => list.map(({ eventId: _, seq: __, ...p }) => p));
  }

  return {
    earliestStartOverlapping,

    listEvents(query: EventsQuery) {
      const descending = query.sort === '-date';
      const cursorStart = query.cursor?.startDate;
      const where = filterConditions(query, descending ? { before: cursorStart } : { after: cursorStart });
      if (query.cursor) {
        const { startDate, seq } = query.cursor;
        where.push(
          descending
            ? (or(lt(events.startDate, startDate), and(eq(events.startDate, startDate), lt(events.seq, seq))) as SQL)
            : (or(gt(events.startDate, startDate), and(eq(events.startDate, startDate), gt(events.seq, seq))) as SQL),
        );
      }
      const order = descending ? [desc(events.startDate), desc(events.seq)] : [asc(events.startDate), asc(events.seq)];
      const rows = db
        .select()
        .from(events)
        .where(and(...where))
        .orderBy(...order)
        .limit(query.limit + 1)
        .all();
      return pageOfRows(rows, query.limit, toEvents, (last) =>
        encodeCursor({ sort: query.sort, startDate: last.startDate, seq: last.seq }),
      );
    },

    countEvents(filters: EventFilters): number {
      return (
        db
          .select({ n: sql<number>`count(*)` })
          .from(events)
          .where(and(...filterConditions(filters)))
          .get()?.n ?? 0
      );
    },

    eventRow(id: string): EventRow | undefined {
      return byId.get({ id });
    },

    eventsByIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const rows = db
        .select()
        .from(events)
        .where(inArray(events.id, ids as string[]))
        .all();
      const found = toEvents(rows);
      const index = new Map(found.map((e) => [e.id, e]));
      return ids.map((id) => index.get(id) ?? null);
    },

    toEvents,
    placesForEvents,

    actorsForEvents(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const rows = db
        .select({
          eventId: eventActors.eventId,
          id: actors.id,
          name: actors.name,
          kind: actors.kind,
          role: eventActors.role,
        })
        .from(eventActors)
        .innerJoin(actors, eq(actors.id, eventActors.actorId))
        .where(inArray(eventActors.eventId, ids as string[]))
        .orderBy(asc(actors.id), asc(eventActors.role))
        .all();
      return inOrder(
        ids,
        groupBy(rows, (r) => r.eventId),
      ).map((list) => list.map(({ eventId: _, ...a }) => a));
    },

    childrenForEvents(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const rows = db
        .select()
        .from(events)
        .where(inArray(events.parentId, ids as string[]))
        .orderBy(asc(events.startDate), asc(events.seq))
        .all();
      return inOrder(
        ids,
        groupBy(rows, (r) => r.parentId),
      ).map((list) => list.map(eventRef));
    },

    /** Events on a day of the year, across years: only facts known to the day. */
    onThisDay(monthDay: string) {
      const rows = db
        .select()
        .from(events)
        .where(and(eq(events.monthDay, monthDay), eq(events.precision, 'day')))
        .orderBy(asc(events.startDate), asc(events.seq))
        .all();
      return toEvents(rows);
    },
  };
}

/** Turns user words into a safe FTS5 query: each word a quoted prefix term, all required. */
export function ftsQuery(q: string): string {
  const words = foldText(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 16);
  if (words.length === 0) return '""';
  return words.map((w) => `"${w.replaceAll('"', '')}"*`).join(' ');
}
