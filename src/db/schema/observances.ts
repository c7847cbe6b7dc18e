import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { events } from './events.js';

/** Days kept every year (Remembrance Day, 27 September): not events, though the decree that set one up is. */
export const observances = sqliteTable(
  'observances',
  {
    id: text('id').primaryKey(),
    seq: integer('seq').notNull().unique(),
    name: text('name').notNull(),
    /** MM-DD: the day of the year it is kept. */
    day: text('day').notNull(),
    establishedByEventId: text('established_by_event_id').references(() => events.id),
  },
  (t) => [index('observances_day_idx').on(t.day)],
);
