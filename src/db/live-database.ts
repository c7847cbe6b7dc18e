// The serving database and what is built on it, swapped without a failed request when the seeder replaces the file.
// The seeder renames a new file over the old path; an open handle keeps reading the old inode until we let it go.
// What is built on a handle (the query layer's repository) is given as a factory: this layer knows nothing above it.
import { statSync } from 'node:fs';
import { type Db, type DbHandle, openReadOnly } from './client.js';

/** What the factory builds on a handle: anything that can say which dataset it serves. */
export interface DatasetView {
  dataset: { version: string };
}

export interface LiveDatabase<View extends DatasetView> {
  /** The view to answer this request with; cheap to call on every request. */
  current(): View;
  /** Checks the file for a new dataset now; returns true if it switched. */
  refresh(): boolean;
  close(): void;
}

export interface LiveDatabaseOptions {
  /** How often, at most, a request checks the file for a replacement (ms). */
  checkIntervalMs?: number;
  /** How long an old handle stays open for requests still using it (ms). */
  retireAfterMs?: number;
  onSwitch?: (from: string, to: string) => void;
}

export function openLiveDatabase<View extends DatasetView>(
  path: string,
  createView: (db: Db) => View,
  options: LiveDatabaseOptions = {},
): LiveDatabase<View> {
  const checkInterval = options.checkIntervalMs ?? 500;
  const retireAfter = options.retireAfterMs ?? 30_000;
  let handle: DbHandle = openReadOnly(path);
  let repo = createView(handle.db);
  let inode = statSync(path).ino;
  let lastCheck = Date.now();
  const retiring = new Set<NodeJS.Timeout>();
  const retired: DbHandle[] = [];

  function refresh(): boolean {
    lastCheck = Date.now();
    let next: number;
    try {
      next = statSync(path).ino;
    } catch {
      return false; // mid-rename or removed: keep serving what we have
    }
    if (next === inode) return false;
    const nextHandle = openReadOnly(path);
    let nextRepo: View;
    try {
      nextRepo = createView(nextHandle.db);
    } catch (error) {
      nextHandle.close();
      throw error;
    }
    const old = handle;
    const from = repo.dataset.version;
    handle = nextHandle;
    repo = nextRepo;
    inode = next;
    retired.push(old);
    const timer = setTimeout(() => {
      retiring.delete(timer);
      retired.splice(retired.indexOf(old), 1);
      old.close();
    }, retireAfter);
    timer.unref();
    retiring.add(timer);
    options.onSwitch?.(from, repo.dataset.version);
    return true;
  }

  return {
    current() {
      if (Date.now() - lastCheck >= checkInterval) {
        try {
          refresh();
        } catch {
          // A file that cannot be opened yet is not a reason to fail a request: keep the current dataset.
        }
      }
      return repo;
    },
    refresh,
    close() {
      for (const timer of retiring) clearTimeout(timer);
      for (const old of retired) old.close();
      handle.close();
    },
  };
}
