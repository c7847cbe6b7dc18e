// The seeder refuses broken boundary geometry (RFC 7946): through its command line, naming the file and the feature,
// and leaving the previous database byte for byte as it was.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_DATA_DIR } from '../../src/paths.js';
import { runTs } from '../helpers/run-cli.js';

interface Feature {
  id: string;
  geometry: { type: string; coordinates: number[][][] };
  properties: Record<string, unknown>;
}

const work = mkdtempSync(join(tmpdir(), 'seed-geometry-test-'));
const databasePath = join(work, 'history.sqlite');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const seed = (dataDir?: string) =>
  runTs('seed/cli.ts', ['--database', databasePath, ...(dataDir ? ['--data', dataDir] : [])]);

/** A copy of the seed data with the boundary feature `id` changed by `edit`. */
function withBrokenFeature(id: string, edit: (feature: Feature) => void): string {
  const dir = mkdtempSync(join(work, 'data-'));
  cpSync(SEED_DATA_DIR, dir, { recursive: true });
  const path = join(dir, 'boundaries.geojson');
  const collection = JSON.parse(readFileSync(path, 'utf8')) as { features: Feature[] };
  const feature = collection.features.find((f) => f.id === id);
  if (!feature) throw new Error(`no boundary "${id}" in the fixture`);
  edit(feature);
  writeFileSync(path, JSON.stringify(collection));
  return dir;
}

const exterior = (f: Feature) => f.geometry.coordinates[0] as number[][];

let originalHash: string;
beforeAll(() => {
  const result = seed();
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  originalHash = sha(databasePath);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the seeder and broken boundaries', () => {
  const cases: [string, () => string, RegExp][] = [
    [
      'a ring that is not closed',
      () => withBrokenFeature('aghdam', (f) => void exterior(f).pop()),
      /boundaries\.geojson: feature 3 \("aghdam"\): geometry: ring 0: is not closed/,
    ],
    [
      'an exterior ring wound clockwise (against the right-hand rule)',
      () => withBrokenFeature('fuzuli', (f) => void exterior(f).reverse()),
      /boundaries\.geojson: feature 4 \("fuzuli"\): geometry: ring 0: the exterior ring is clockwise/,
    ],
    [
      'a position out of range (latitude and longitude swapped)',
      () =>
        withBrokenFeature('lachin', (f) => {
          f.geometry.coordinates[0] = exterior(f).map(([lon, lat]) => [lat as number, (lon as number) + 50]);
        }),
      /boundaries\.geojson: feature 1 \("lachin"\): geometry: ring 0 position 0: \[[\d.]+, [\d.]+\] is out of range/,
    ],
    [
      'a ring of too few positions',
      () =>
        withBrokenFeature('shusha', (f) => {
          const ring = exterior(f);
          f.geometry.coordinates[0] = [ring[0], ring[1], ring[0]] as number[][];
        }),
      /boundaries\.geojson: feature 8 \("shusha"\): geometry: ring 0: has 3 positions; a linear ring needs at least 4/,
    ],
    [
      'a boundary of a place that does not exist',
      () => withBrokenFeature('khankendi', (f) => void Object.assign(f.properties, { place: 'atlantis' })),
      /boundaries\.geojson: "khankendi": field properties\.place: unknown place "atlantis"/,
    ],
    [
      'a boundary of a settlement (polygons outline districts, cities and regions)',
      () =>
        withBrokenFeature(
          'khankendi',
          (f) => void Object.assign(f, { id: 'hadrut', properties: { ...f.properties, place: 'hadrut' } }),
        ),
      /boundaries\.geojson: "hadrut": a boundary belongs to a district, city or region, not a settlement/,
    ],
  ];

  for (const [what, makeDir, message] of cases) {
    it(`refuses ${what}, names the file and feature, and leaves the database untouched`, () => {
      const result = seed(makeDir());
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(sha(databasePath)).toBe(originalHash);
    });
  }
});
