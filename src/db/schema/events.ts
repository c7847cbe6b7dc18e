import { type AnySQLiteColumn, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { EVENT_KINDS, PRECISIONS } from '../../schemas/enums.js';

/** Events in neutral words; their dates are the earliest and latest day they may cover, inclusive. */
export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    /** Dense integer key for keyset cursors and FTS rowids; assigned in seed order, stable for one dataset. */
    seq: integer('seq').notNull().unique(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Whose people it is about, one flag per people (0 or 1): see PEOPLES. */
    concernsAzerbaijanis: integer('concerns_azerbaijanis').notNull(),
    concernsArmenians: integer('concerns_armenians').notNull(),
    parentId: text('parent_id').references((): AnySQLiteColumn => events.id),
    startDate: text('start_date').notNull(),
    /** Null for an ongoing process: an open end, which overlaps every later window. */
    endDate: text('end_date'),
    precision: text('precision', { enum: PRECISIONS }).notNull(),
    dateText: text('date_text').notNull(),
    edtf: text('edtf').notNull(),
    /** MM-DD of start_date when precision is `day`, else null: the on-this-day index. */
    monthDay: text('month_day'),
  },
  (t) => [
    // (start_date, seq) is the list order itself, so a page reads its rows in order and stops at the limit;
    // end_date rides along so that the overlap test runs on the index, without reading each row.
    index('events_start_seq_idx').on(t.startDate, t.seq, t.endDate),
    index('events_end_idx').on(t.endDate, t.seq),
    index('events_kind_start_idx').on(t.kind, t.startDate, t.seq),
    index('events_parent_idx').on(t.parentId),
    index('events_month_day_idx').on(t.monthDay),
    // The balance report counts from this index alone, without reading each row (see queries/balance.ts).
    index('events_concerns_idx').on(t.concernsAzerbaijanis, t.concernsArmenians),
  ],
);
