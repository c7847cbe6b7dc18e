// The serving database and its repository, swapped without a failed request when the seeder replaces the file.
// The seeder renames a new file over the old path; an open handle keeps reading the old inode until we let it go.
import { statSync } from 'node:fs';
import { createRepository, type Repository } from '../queries/repository.js';
import { type DbHandle, openReadOnly } from './client.js';

export interface LiveDatabase {
  /** The repository to answer this request with; cheap to call on every request. */
  current(): Repository;
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

export function openLiveDatabase(path: string, options: LiveDatabaseOptions = {}): LiveDatabase {
  const checkInterval = options.checkIntervalMs ?? 500;
  const retireAfter = options.retireAfterMs ?? 30_000;
  let handle: DbHandle = openReadOnly(path);
  let repo = createRepository(handle.db);
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
    let nextRepo: Repository;
    try {
      nextRepo = createRepository(nextHandle.db);
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
