// Shared by the download tests: a modified copy of the seed (one event's summary changed), seeded into a temp dir.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDatabase, type SeedResult } from '../../seed/seed.js';
import { SEED_DATA_DIR } from '../../src/paths.js';

/** A seed whose events.yaml differs from the real one in one summary: another dataset version. */
export function modifiedSeedDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'downloads-seed-'));
  cpSync(SEED_DATA_DIR, dir, { recursive: true });
  const file = join(dir, 'events.yaml');
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(/^(\s*summary: )([A-Za-z])/m, '$1(Edited.) $2');
  if (changed === text) throw new Error('events.yaml has no summary to change');
  writeFileSync(file, changed);
  return dir;
}

export function seedInto(databasePath: string, dataDir?: string, builtAt?: string): SeedResult {
  return seedDatabase({ databasePath, ...(dataDir ? { dataDir } : {}), ...(builtAt ? { builtAt } : {}) });
}
