import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { SOURCE_ORIGINS } from '../../schemas/enums.js';

/** A document we hold verbatim (kind `document`) or a public page we cite by URL (kind `reference`). */
export const sources = sqliteTable('sources', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['document', 'reference'] }).notNull(),
  title: text('title').notNull(),
  publisher: text('publisher'),
  /** By the publisher: see SOURCE_ORIGINS. */
  origin: text('origin', { enum: SOURCE_ORIGINS }).notNull(),
  placeOfPublication: text('place_of_publication'),
  publishedOn: text('published_on'),
  language: text('language').notNull(),
  url: text('url'),
  text: text('text'),
  sha256: text('sha256'),
  licence: text('licence'),
});
