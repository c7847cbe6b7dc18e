// Events: the date-range list with keyset cursors, one event in full, and batch look-ups of their relations.
// Every statement is prepared once, here: the list has one prepared shape per set of optional filters and per
// sort order, chosen by which filters a request gives.
import { and, asc, desc, eq, gt, gte, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { concernsOf } from '../db/concerns.js';
import { actors, eventActors, eventPlaces, events, places } from '../db/schema/index.js';
import { foldText } from '../lib/fold.js';
import { shiftIsoDate } from '../schemas/dates.js';
import type { Cursors } from '../schemas/cursor.js';
import { type EventsQuery, eventPosition } from '../schemas/params.js';
import { dateSpan, eventRef, groupBy, inOrder, pageOfRows, recordUrl } from './mappers.js';
import { placeAndInside } from './places.js';
import { asExpressions, inKeys, KEY, keyList, keyTable, prepareRows } from './prepared.js';

/** The filters of an events query, without paging: shared by the list and its count. */
export type EventFilters = Pick<EventsQuery, 'from' | 'to' | 'match' | 'kind' | 'place' | 'actor' | 'q'>;

/** Bounds that no date passes: a neutral lower and upper bound for a text date. */
const BEFORE_ALL = '';
const AFTER_ALL = '\uffff';
/** The last day an ISO date can name: where an open end is taken to reach when measuring spans. */
const LAST_DAY = sql.raw(`'9999-12-31'`);
/** An open end as SQL: the bound no date passes, so it is after every `from` and before no `to`. */
const OPEN_END = sql.raw(`'${AFTER_ALL}'`);

const p = sql.placeholder;

/** The columns of an event's reference (eventRef): what other records' lists of events show. */
export const eventRefColumns = {
  id: events.id,
  kind: events.kind,
  title: events.title,
  startDate: events.startDate,
  endDate: events.endDate,
  precision: events.precision,
  dateText: events.dateText,
  edtf: events.edtf,
};

const { id: _id, ...eventRefRest } = eventRefColumns;
/** The columns of an event's list item, and the keyset position (start date, seq) its cursor holds. */
const eventColumns = {
  id: events.id,
  seq: events.seq,
  ...eventRefRest,
  summary: events.summary,
  concernsAzerbaijanis: events.concernsAzerbaijanis,
  concernsArmenians: events.concernsArmenians,
  parentId: events.parentId,
};

/**
 * The date range of every events query, with placeholders. The start date has exactly one lower and one upper bound,
 * the tightest of the filter's and the cursor's, computed in filterParams: given two, SQLite starts the index range
 * at the first, which on a deep page of 10⁶ events meant stepping over some 17,000 entries before the cursor.
 * The end-date tests are written inside coalesce(), which no index holds, so that they are checked on the start-date index, which holds
 * end_date, and never make SQLite choose the end-date index and sort. An absent bound is one no date passes.
 * An ongoing process has a null end_date, read as AFTER_ALL: its open end overlaps every later window and lies
 * within only a window with no `to`.
 */
const RANGE = and(
  gte(events.startDate, p('lo')),
  lte(events.startDate, p('hi')),
  sql`coalesce(${events.endDate}, ${OPEN_END}) >= ${p('endLo')}`,
  sql`coalesce(${events.endDate}, ${OPEN_END}) <= ${p('endHi')}`,
) as SQL;

/**
 * The optional filters. Each is in a statement only when a request gives it: written as "parameter is null or …",
 * all four together doubled the cost of a bare window, so the list has one prepared shape per set of filters given.
 */
const OPTIONAL = {
  kinds: inKeys(events.kind, 'kinds'),
  place: sql`${events.id} IN (
    SELECT ep.event_id FROM event_places ep WHERE ep.place_slug IN (${placeAndInside('place')}))`,
  actor: sql`${events.id} IN (SELECT ea.event_id FROM event_actors ea WHERE ea.actor_id = ${p('actor')})`,
  q: sql`${events.id} IN (SELECT ref_id FROM search_fts WHERE search_fts MATCH ${p('q')} AND type = 'event')`,
};
const OPTIONAL_NAMES = Object.keys(OPTIONAL) as (keyof typeof OPTIONAL)[];
/** Every set of optional filters, as a bit mask over OPTIONAL_NAMES. */
const SHAPES = Array.from({ length: 1 << OPTIONAL_NAMES.length }, (_, mask) =>
  and(RANGE, ...OPTIONAL_NAMES.filter((_, bit) => mask & (1 << bit)).map((name) => OPTIONAL[name])),
) as SQL[];

type FilterParams = { lo: string; hi: string; endLo: string; endHi: string } & {
  [K in keyof typeof OPTIONAL]: string | null;
};

/** The shape that holds exactly the filters a request gives. */
function shapeOf(params: FilterParams): number {
  let mask = 0;
  for (let bit = 0; bit < OPTIONAL_NAMES.length; bit++) {
    if (params[OPTIONAL_NAMES[bit] as keyof typeof OPTIONAL] !== null) mask |= 1 << bit;
  }
  return mask;
}

export function createEventQueries(db: Db, cursors: Cursors) {
  // The longest event bounds how far before `from` an overlapping event can start, which lets the
  // overlaps query use the start_date index instead of scanning every earlier event. An open end counts as
  // lasting to the last representable day, so an ongoing process is never cut off by that bound.
  const maxSpanDays = Math.ceil(
    db
      .select({
        d: sql<number>`coalesce(max(julianday(coalesce(${events.endDate}, ${LAST_DAY})) - julianday(${events.startDate})), 0)`,
      })
      .from(events)
      .get()?.d ?? 0,
  );

  /** The earliest start of an event that overlaps `from`: none lasts longer than maxSpanDays. */
  const earliestStartOverlapping = (from: string) => shiftIsoDate(from, -maxSpanDays);
  const later = (a: string, b: string) => (a > b ? a : b);
  const earlier = (a: string, b: string) => (a < b ? a : b);

  /** The placeholders of RANGE and OPTIONAL for a query and, on a later page, the cursor's start date. */
  function filterParams(f: EventFilters, cursor?: { after?: string; before?: string }): FilterParams {
    let lo = BEFORE_ALL;
    let hi = AFTER_ALL;
    let endLo = BEFORE_ALL;
    let endHi = AFTER_ALL;
    if (f.match === 'within') {
      if (f.from) lo = f.from;
      if (f.to) endHi = f.to;
    } else {
      if (f.to) hi = f.to;
      if (f.from) {
        endLo = f.from;
        lo = earliestStartOverlapping(f.from);
      }
    }
    if (cursor?.after) lo = later(lo, cursor.after);
    if (cursor?.before) hi = earlier(hi, cursor.before);
    return {
      lo,
      hi,
      endLo,
      endHi,
      kinds: f.kind?.length ? keyList(f.kind) : null,
      place: f.place ?? null,
      actor: f.actor ?? null,
      q: f.q ? ftsQuery(f.q) : null,
    };
  }

  const list = (where: SQL, order: 'asc' | 'desc') =>
    prepareRows(
      db
        .select(eventColumns)
        .from(events)
        .where(
          and(
            where,
            order === 'asc'
              ? or(gt(events.startDate, p('cs')), and(eq(events.startDate, p('cs')), gt(events.seq, p('cseq'))))
              : or(lt(events.startDate, p('cs')), and(eq(events.startDate, p('cs')), lt(events.seq, p('cseq')))),
          ),
        )
        .orderBy(
          ...(order === 'asc' ? [asc(events.startDate), asc(events.seq)] : [desc(events.startDate), desc(events.seq)]),
        )
        .limit(p('limit')),
    );
  const ascending = SHAPES.map((where) => list(where, 'asc'));
  const descending = SHAPES.map((where) => list(where, 'desc'));
  // With several filters in one statement, SQLite's estimate for a bare count can tip towards reading the whole
  // table; the start-date range is always bounded, so the count names the index that serves it.
  const counts = SHAPES.map((where) =>
    prepareRows(
      db
        .select({ n: sql<number>`count(*)` })
        .from(sql`${events} INDEXED BY events_start_seq_idx`)
        .where(where),
    ),
  );

  const byId = prepareRows(
    db
      .select(eventColumns)
      .from(events)
      .where(eq(events.id, p('id'))),
  );
  const byIds = prepareRows(db.select(eventColumns).from(events).where(inKeys(events.id)));
  const children = prepareRows(
    db.select(eventColumns).from(events).where(inKeys(events.parentId)).orderBy(asc(events.startDate), asc(events.seq)),
  );
  const onDay = prepareRows(
    db
      .select(eventColumns)
      .from(events)
      .where(and(eq(events.monthDay, p('monthDay')), eq(events.precision, 'day')))
      .orderBy(asc(events.startDate), asc(events.seq)),
  );
  const placesOf = prepareRows(
    db
      .select(
        asExpressions({
          eventId: eventPlaces.eventId,
          slug: places.slug,
          name: places.name,
          kind: places.kind,
          role: eventPlaces.role,
          seq: places.seq,
        }),
      )
      // Read from the key list itself, then each event's links and each link's place: cross joins keep SQLite to
      // that order. Left to choose, it walked every place and probed the links of each event for it (62 µs for a
      // window of 15 events, 29 µs this way).
      .from(keyTable())
      .crossJoin(eventPlaces)
      .crossJoin(places)
      .where(and(eq(eventPlaces.eventId, KEY), eq(places.slug, eventPlaces.placeSlug))),
  );
  const actorsOf = prepareRows(
    db
      .select({
        eventId: eventActors.eventId,
        id: actors.id,
        name: actors.name,
        kind: actors.kind,
        role: eventActors.role,
      })
      .from(eventActors)
      .innerJoin(actors, eq(actors.id, eventActors.actorId))
      .where(inKeys(eventActors.eventId))
      .orderBy(asc(actors.id), asc(eventActors.role)),
  );

  type EventRow = ReturnType<typeof byId.all>[number];

  /** An event's own fields, without its relations. */
  const toEvent = (r: EventRow) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    concerns: concernsOf(r),
    date: dateSpan(r),
    parent_id: r.parentId,
    url: recordUrl('event', r.id),
  });

  function toEvents(rows: EventRow[]) {
    const placesById = placesForEvents(rows.map((r) => r.id));
    return rows.map((r, i) => ({ ...toEvent(r), places: placesById[i] ?? [] }));
  }

  function placesForEvents(ids: readonly string[]) {
    if (ids.length === 0) return [];
    const rows = placesOf.all({ keys: keyList(ids) });
    // Sorted here, not in SQL: an ORDER BY on places made SQLite walk every place and probe each event.
    rows.sort((a, b) => a.seq - b.seq || (a.role < b.role ? -1 : a.role > b.role ? 1 : 0));
    const grouped = groupBy(rows, (r) => r.eventId);
    return inOrder(ids, grouped).map((list) =>
      list.map((r) => ({ slug: r.slug, name: r.name, kind: r.kind, role: r.role, url: recordUrl('place', r.slug) })),
    );
  }

  return {
    earliestStartOverlapping,

    listEvents(query: EventsQuery) {
      const desc = query.sort === '-date';
      const at = cursors.positionOf(query.cursor);
      const filters = filterParams(query, desc ? { before: at?.startDate } : { after: at?.startDate });
      const params = {
        ...filters,
        cs: at?.startDate ?? (desc ? AFTER_ALL : BEFORE_ALL),
        cseq: at?.seq ?? (desc ? Number.MAX_SAFE_INTEGER : -1),
        limit: query.limit + 1,
      };
      const rows = (desc ? descending : ascending)[shapeOf(filters)]?.all(params) ?? [];
      return pageOfRows(rows, query.limit, toEvents, (last) =>
        cursors.encode('events', eventPosition({ sort: query.sort, startDate: last.startDate, seq: last.seq })),
      );
    },

    countEvents(filters: EventFilters): number {
      const params = filterParams(filters);
      return counts[shapeOf(params)]?.get(params)?.n ?? 0;
    },

    eventRow(id: string): EventRow | undefined {
      return byId.get({ id });
    },

    /** Events by id without their places, which GraphQL loads only when a query asks for them. */
    eventsByIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const index = new Map(byIds.all({ keys: keyList(ids) }).map((r) => [r.id, toEvent(r)]));
      return ids.map((id) => index.get(id) ?? null);
    },

    toEvents,
    placesForEvents,

    actorsForEvents(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const rows = actorsOf.all({ keys: keyList(ids) });
      return inOrder(
        ids,
        groupBy(rows, (r) => r.eventId),
      ).map((list) =>
        list.map((r) => ({ id: r.id, name: r.name, kind: r.kind, role: r.role, url: recordUrl('actor', r.id) })),
      );
    },

    childrenForEvents(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const rows = children.all({ keys: keyList(ids) });
      return inOrder(
        ids,
        groupBy(rows, (r) => r.parentId),
      ).map((list) => list.map(eventRef));
    },

    /** Events on a day of the year, across years: only facts known to the day. */
    onThisDay(monthDay: string) {
      return toEvents(onDay.all({ monthDay }));
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
