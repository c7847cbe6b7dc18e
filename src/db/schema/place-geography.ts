import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { places } from './places.js';
import { sources } from './sources.js';

/** A place's polygon (GeoJSON geometry, RFC 7946, validated by the seeder), with a label point inside it. */
export const placeBoundaries = sqliteTable('place_boundaries', {
  placeSlug: text('place_slug')
    .primaryKey()
    .references(() => places.slug),
  /** The GeoJSON Polygon or MultiPolygon, as JSON text. */
  geometry: text('geometry').notNull(),
  labelLon: real('label_lon').notNull(),
  labelLat: real('label_lat').notNull(),
  sourceId: text('source_id')
    .notNull()
    .references(() => sources.id),
  /** The feature's key in the source (Natural Earth's adm1_code) and the name the source gives it. */
  sourceFeature: text('source_feature').notNull(),
  sourceName: text('source_name'),
  note: text('note'),
});

/** Caveats that hold for every boundary: what the lines are not. */
export const boundaryCaveats = sqliteTable('boundary_caveats', {
  seq: integer('seq').primaryKey(),
  text: text('text').notNull(),
});

/** ISO 3166-2 code and GeoNames id of a place; null where there is none or none was checked. */
export const placeIdentifiers = sqliteTable('place_identifiers', {
  placeSlug: text('place_slug')
    .primaryKey()
    .references(() => places.slug),
  iso3166_2: text('iso3166_2'),
  geonames: integer('geonames'),
});

/** The references each identifier rests on. */
export const placeIdentifierCitations = sqliteTable(
  'place_identifier_citations',
  {
    id: integer('id').primaryKey(),
    placeSlug: text('place_slug')
      .notNull()
      .references(() => places.slug),
    scheme: text('scheme', { enum: ['iso3166_2', 'geonames'] }).notNull(),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
    note: text('note'),
  },
  (t) => [index('place_identifier_citations_place_idx').on(t.placeSlug)],
);
