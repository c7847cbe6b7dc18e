import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { actors } from './actors.js';
import { events } from './events.js';
import { places } from './places.js';

export const eventPlaces = sqliteTable(
  'event_places',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    placeSlug: text('place_slug')
      .notNull()
      .references(() => places.slug),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.placeSlug, t.role] }), index('event_places_place_idx').on(t.placeSlug)],
);

export const eventActors = sqliteTable(
  'event_actors',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    actorId: text('actor_id')
      .notNull()
      .references(() => actors.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.actorId, t.role] }), index('event_actors_actor_idx').on(t.actorId)],
);
