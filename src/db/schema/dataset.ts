import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One row: which build of the data this file holds. */
export const dataset = sqliteTable('dataset', {
  id: integer('id').primaryKey(),
  version: text('version').notNull(),
  sha256: text('sha256').notNull(),
  counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull(),
  builtAt: text('built_at').notNull(),
  licence: text('licence').notNull(),
});
