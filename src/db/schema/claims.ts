import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { actors } from './actors.js';
import { events } from './events.js';
import { sources } from './sources.js';

/** A source's own characterisation or allegation: events stay neutral, claims say who says so. */
export const claims = sqliteTable(
  'claims',
  {
    id: text('id').primaryKey(),
    seq: integer('seq').notNull().unique(),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
    claimant: text('claimant').notNull(),
    claimantActorId: text('claimant_actor_id').references(() => actors.id),
    statement: text('statement').notNull(),
    kind: text('kind').notNull(),
    eventId: text('event_id').references(() => events.id),
  },
  (t) => [index('claims_source_idx').on(t.sourceId), index('claims_event_idx').on(t.eventId)],
);
