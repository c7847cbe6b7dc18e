import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { QUALIFIERS } from '../../schemas/enums.js';
import { events } from './events.js';
import { places } from './places.js';

export const statistics = sqliteTable(
  'statistics',
  {
    id: text('id').primaryKey(),
    seq: integer('seq').notNull().unique(),
    subject: text('subject').notNull(),
    label: text('label').notNull(),
    /** Whose people it is about, one flag per people (0 or 1): see PEOPLES. */
    concernsAzerbaijanis: integer('concerns_azerbaijanis').notNull(),
    concernsArmenians: integer('concerns_armenians').notNull(),
    value: real('value').notNull(),
    /** A range's bounds ("about 70,000–75,000"), as UCDP's low/best/high; null for a single figure. */
    low: real('low'),
    high: real('high'),
    unit: text('unit').notNull(),
    qualifier: text('qualifier', { enum: QUALIFIERS }).notNull(),
    asOf: text('as_of'),
    asOfText: text('as_of_text'),
    reporter: text('reporter'),
    basis: text('basis'),
    placeSlug: text('place_slug').references(() => places.slug),
    eventId: text('event_id').references(() => events.id),
  },
  (t) => [
    index('statistics_subject_idx').on(t.subject),
    index('statistics_place_idx').on(t.placeSlug),
    index('statistics_event_idx').on(t.eventId),
    index('statistics_as_of_idx').on(t.asOf),
  ],
);
