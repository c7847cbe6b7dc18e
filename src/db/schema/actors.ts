import { type AnySQLiteColumn, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ACTOR_KINDS } from '../../schemas/enums.js';

export const actors = sqliteTable('actors', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ACTOR_KINDS }).notNull(),
  name: text('name').notNull(),
  description: text('description'),
  affiliationId: text('affiliation_id').references((): AnySQLiteColumn => actors.id),
});
