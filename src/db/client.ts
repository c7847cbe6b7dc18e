// Opens the seeded database for serving: read-only at the file level and `query_only` at the SQL level,
// so that nothing a request does can change it, and no -wal/-shm/-journal file ever appears beside it.
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema/index.js';

/** The Drizzle database with its better-sqlite3 handle (`$client`), as `drizzle()` returns it. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface DbHandle {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

export function openReadOnly(path: string): DbHandle {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  sqlite.pragma('query_only = ON');
  // A read-only connection never writes; memory-mapping the small file makes page reads cheap.
  sqlite.pragma('mmap_size = 268435456');
  // The file is never written in place: the seeder renames a new file over the path, and this handle keeps the old
  // inode. So the shared lock is taken at the first read and kept, instead of SQLite taking it, re-reading the
  // file's change counter and releasing it again around every statement: that cost 6 of the 8 µs of a one-row
  // look-up. A read-only connection in this mode holds a SHARED lock only, which other readers share.
  sqlite.pragma('locking_mode = EXCLUSIVE');
  const db = drizzle(sqlite, { schema });
  return { db, sqlite, close: () => sqlite.close() };
}
