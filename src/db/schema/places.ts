import { type AnySQLiteColumn, index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { PLACE_KINDS } from '../../schemas/enums.js';
import { events } from './events.js';

export const places = sqliteTable(
  'places',
  {
    slug: text('slug').primaryKey(),
    seq: integer('seq').notNull().unique(),
    kind: text('kind', { enum: PLACE_KINDS }).notNull(),
    name: text('name').notNull(),
    parentSlug: text('parent_slug').references((): AnySQLiteColumn => places.slug),
    description: text('description'),
    centreName: text('centre_name'),
    lat: real('lat'),
    lon: real('lon'),
    areaKm2: real('area_km2'),
    areaNote: text('area_note'),
    population: integer('population'),
    populationYear: integer('population_year'),
    populationBasis: text('population_basis'),
    occupationEventId: text('occupation_event_id').references(() => events.id),
    returnEventId: text('return_event_id').references(() => events.id),
    note: text('note'),
  },
  (t) => [index('places_parent_idx').on(t.parentSlug), index('places_kind_idx').on(t.kind)],
);
