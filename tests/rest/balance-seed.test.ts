// The seed refuses a record left out of the balance report: an event or statistic without `concerns`, a source
// without `origin`, each error naming the record (as tests/seed/seeder.test.ts does for the other refusals).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SEED_DATA_DIR } from '../../src/paths.js';
import { runTs } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'balance-seed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the real seed data with `field` deleted from the record `id` of `file`. */
function without(file: string, id: string, field: string): string {
  const dir = mkdtempSync(join(work, 'data-'));
  cpSync(SEED_DATA_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const records = parse(readFileSync(path, 'utf8')) as Record<string, unknown>[];
  const record = records.find((r) => r.id === id);
  if (!record) throw new Error(`no record "${id}" in ${file}`);
  delete record[field];
  writeFileSync(path, JSON.stringify(records, null, 2));
  return dir;
}

describe('a record left out of the balance report', () => {
  it.each([
    [
      'events.yaml',
      'minsk-group-established',
      'concerns',
      /events\.yaml: record \d+ \("minsk-group-established"\): field concerns: missing; name whose people the record is about/,
    ],
    [
      'statistics.yaml',
      'war-duration-days',
      'concerns',
      /statistics\.yaml: record \d+ \("war-duration-days"\): field concerns: missing/,
    ],
    [
      'sources.yaml',
      'ref-berdzor-wikipedia-mobile',
      'origin',
      /sources\.yaml: record \d+ \("ref-berdzor-wikipedia-mobile"\): field origin: missing; one of azerbaijani, armenian, russian, international, other/,
    ],
  ])('%s: %s without %s fails the seed, naming it', (file, id, field, message) => {
    const result = runTs('seed/cli.ts', ['--database', join(work, `${id}.sqlite`), '--data', without(file, id, field)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });
});
