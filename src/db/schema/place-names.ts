import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { places } from './places.js';

/** Every name a place goes by, so that it can be found by any of them. */
export const placeNames = sqliteTable(
  'place_names',
  {
    id: integer('id').primaryKey(),
    placeSlug: text('place_slug')
      .notNull()
      .references(() => places.slug),
    name: text('name').notNull(),
    /** The name folded for matching: lower case, no diacritics, ı→i, ə→e. */
    folded: text('folded').notNull(),
    language: text('language').notNull(),
    script: text('script').notNull(),
    kind: text('kind', { enum: ['official', 'alternate', 'historical'] }).notNull(),
    usedBy: text('used_by'),
    appliesTo: text('applies_to'),
  },
  (t) => [index('place_names_place_idx').on(t.placeSlug), index('place_names_folded_idx').on(t.folded)],
);
