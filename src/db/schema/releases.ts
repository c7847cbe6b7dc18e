import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The content hash of every record of this build (seed/records.ts): what a release manifest lists. */
export const recordHashes = sqliteTable(
  'record_hashes',
  {
    type: text('type').notNull(),
    id: text('id').notNull(),
    /** SHA-256 (hex) over the record's canonical JSON (RFC 8785). */
    sha256: text('sha256').notNull(),
  },
  (t) => [primaryKey({ columns: [t.type, t.id] })],
);

/** The release manifests (seed/releases/*.json) the seeder copied in, so that a served database carries its history. */
export const releases = sqliteTable('releases', {
  version: text('version').primaryKey(),
  /** Order of release: 1 for the first; newest is highest. */
  sequence: integer('sequence').notNull().unique(),
  date: text('date').notNull(),
  counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull(),
  notes: text('notes').notNull(),
});

/** One row per record of a release manifest. */
export const releaseRecords = sqliteTable(
  'release_records',
  {
    version: text('version')
      .notNull()
      .references(() => releases.version),
    type: text('type').notNull(),
    id: text('id').notNull(),
    sha256: text('sha256').notNull(),
  },
  (t) => [primaryKey({ columns: [t.version, t.type, t.id] })],
);
