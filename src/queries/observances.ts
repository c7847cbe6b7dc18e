// Observances: days kept every year, each with the event that established it.
import { asc, eq, gt, sql } from 'drizzle-orm';

import type { Db } from '../db/client.js';
import { events, observances } from '../db/schema/index.js';
import type { Cursors } from '../schemas/cursor.js';
import type { ObservancesQuery } from '../schemas/params.js';
import type { Citation } from './citations.js';
import { eventRefColumns } from './events.js';
import { eventRef, pageOfRows } from './mappers.js';
import { inKeys, keyList, prepareRows } from './prepared.js';

const p = sql.placeholder;

type EventRefRow = Parameters<typeof eventRef>[0];

const { id: eventId, ...eventRest } = eventRefColumns;
const observanceColumns = {
  id: observances.id,
  seq: observances.seq,
  name: observances.name,
  day: observances.day,
  eventId,
  ...eventRest,
};

export function createObservanceQueries(
  db: Db,
  cursors: Cursors,
  citationsFor: (ids: readonly string[]) => Map<string, Citation[]>,
) {
  const base = () =>
    db.select(observanceColumns).from(observances).leftJoin(events, eq(events.id, observances.establishedByEventId));
  const list = prepareRows(
    base()
      .where(gt(observances.seq, p('after')))
      .orderBy(asc(observances.seq))
      .limit(p('limit')),
  );
  const byIds = prepareRows(base().where(inKeys(observances.id)));
  const count = prepareRows(db.select({ n: sql<number>`count(*)` }).from(observances));

  type Row = ReturnType<typeof list.all>[number];

  function toObservances(rows: Row[]) {
    const cites = citationsFor(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      day: r.day,
      // A left join: the event's columns are null only when no event established the day, and set whenever its
      // id is (a foreign key), so a row with an id is a full event reference.
      established_by: r.eventId === null ? null : eventRef({ ...(r as unknown as EventRefRow), id: r.eventId }),
      citations: cites.get(r.id) ?? [],
    }));
  }

  return {
    listObservances(query: ObservancesQuery) {
      const rows = list.all({ after: cursors.positionOf(query.cursor) ?? -1, limit: query.limit + 1 });
      return pageOfRows(rows, query.limit, toObservances, (last) => cursors.encode('observances', last.seq));
    },
    /** How many observances there are, across all pages. */
    countObservances(): number {
      return count.get()?.n ?? 0;
    },
    observancesByIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const index = new Map(toObservances(byIds.all({ keys: keyList(ids) })).map((o) => [o.id, o]));
      return ids.map((id) => index.get(id) ?? null);
    },
  };
}
