// The seeder: validate everything, build a new database beside the old one, check it, then swap it in atomically.
// Any failure removes the half-built file and leaves the previous database byte for byte as it was.
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DEFAULT_DATABASE_PATH, SEED_DATA_DIR, SEED_RELEASES_DIR, SEED_SOURCES_DIR } from '../src/paths.js';
import { buildDatabase, datasetVersion } from './build.js';
import { loadSeed, type SeedPaths } from './load.js';

export interface SeedOptions extends Partial<SeedPaths> {
  databasePath?: string;
  /** Fixed for reproducible builds; defaults to now. */
  builtAt?: string;
}

export interface SeedResult {
  databasePath: string;
  version: string;
  sha256: string;
  counts: Record<string, number>;
}

export function seedDatabase(options: SeedOptions = {}): SeedResult {
  const databasePath = options.databasePath ?? DEFAULT_DATABASE_PATH;
  const input = loadSeed({
    dataDir: options.dataDir ?? SEED_DATA_DIR,
    sourcesDir: options.sourcesDir ?? SEED_SOURCES_DIR,
    releasesDir: options.releasesDir ?? SEED_RELEASES_DIR,
  });
  mkdirSync(dirname(databasePath), { recursive: true });
  // Same folder as the target, so the final rename stays on one file system and is atomic.
  const temp = join(
    dirname(databasePath),
    `.${basename(databasePath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const counts = buildDatabase(temp, input, options.builtAt ?? new Date().toISOString());
    renameSync(temp, databasePath);
    return { databasePath, version: datasetVersion(input.inputSha256), sha256: input.inputSha256, counts };
  } catch (error) {
    rmSync(temp, { force: true });
    rmSync(`${temp}-journal`, { force: true });
    throw error;
  }
}
