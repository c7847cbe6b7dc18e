// The iCalendar export's data: every event known to the day (optionally of some kinds), with its citations, and the
// one stamp the whole calendar carries. A month-, year- or decade-precision event has no day to recur on.
import { and, asc, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { events, sources } from '../db/schema/index.js';
import type { CalendarQuery } from '../schemas/calendar.js';
import type { Citation } from './citations.js';
import { recordUrl } from './mappers.js';
import { inKeys, keyList, prepareRows, whenGiven } from './prepared.js';

/**
 * Stands in for a dataset with no dated source: DTSTAMP must be some UTC time, and a fixed one keeps the ETag stable.
 */
const NO_SOURCE_DATE = '1970-01-01';

export function createCalendarQueries(db: Db, citationsOf: (type: 'event', ids: readonly string[]) => Citation[][]) {
  const dayKnown = prepareRows(
    db
      .select({
        id: events.id,
        kind: events.kind,
        title: events.title,
        summary: events.summary,
        startDate: events.startDate,
        endDate: events.endDate,
        dateText: events.dateText,
      })
      .from(events)
      .where(and(eq(events.precision, 'day'), whenGiven('kinds', inKeys(events.kind, 'kinds'))))
      .orderBy(asc(events.startDate), asc(events.seq)),
  );
  // Read once: the dataset never changes under a running repository.
  const newestSource = db
    .select({ day: max(sources.publishedOn) })
    .from(sources)
    .where(sql`length(${sources.publishedOn}) = 10`)
    .get()?.day;

  return {
    /**
     * When the calendar's information was last revised, derived from the data (the newest source's publication day,
     * 00:00 UTC), not from the clock: the same on every build of the same data, so the calendar's ETag is too.
     */
    calendarStamp: `${newestSource ?? NO_SOURCE_DATE}T00:00:00Z`,

    /** The events known to the day, in date order, filtered by kind as /v1/events filters. */
    calendarEvents(query: CalendarQuery) {
      const rows = dayKnown.all({ kinds: query.kind?.length ? keyList(query.kind) : null });
      const cites = citationsOf(
        'event',
        rows.map((r) => r.id),
      );
      return rows.map((r, n) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        summary: r.summary,
        start_date: r.startDate,
        end_date: r.endDate,
        date_text: r.dateText,
        url: recordUrl('event', r.id),
        citations: cites[n] ?? [],
      }));
    },
  };
}
export type CalendarEvent = ReturnType<ReturnType<typeof createCalendarQueries>['calendarEvents']>[number];
