// The seeder through its command line: what it refuses, and that a refusal never touches the existing database.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT, SEED_DATA_DIR } from '../../src/paths.js';
import { runTs } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'seeder-test-'));
const databasePath = join(work, 'history.sqlite');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function seed(dataDir?: string, db = databasePath) {
  return runTs('seed/cli.ts', ['--database', db, ...(dataDir ? ['--data', dataDir] : [])]);
}

/** A copy of the real seed data with one file changed by `edit`. */
function corrupted(file: string, edit: (records: Record<string, unknown>[]) => void): string {
  const dir = mkdtempSync(join(work, 'data-'));
  cpSync(SEED_DATA_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const records = parse(readFileSync(path, 'utf8')) as Record<string, unknown>[];
  edit(records);
  writeFileSync(path, JSON.stringify(records, null, 2));
  return dir;
}

/** A seed record as a fixture edits it: any field, and an event's date block. */
interface FixtureRecord {
  date: { start: string; end: string | null; edtf: string };
  [field: string]: unknown;
}

/** The record with this id in a parsed seed file, to edit in place. */
function byId(records: Record<string, unknown>[], id: string): FixtureRecord {
  const record = records.find((r) => r.id === id);
  if (!record) throw new Error(`no record "${id}" in the fixture`);
  return record as FixtureRecord;
}

let originalHash: string;

beforeAll(() => {
  const result = seed();
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  originalHash = sha(databasePath);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('seeder refusals', () => {
  const cases: [string, () => string, RegExp][] = [
    [
      'a quote missing from its source',
      () =>
        corrupted('events.yaml', (r) => {
          const event = r.find((e) => (e.citations as { quote?: string }[]).some((c) => c.quote)) as Record<
            string,
            unknown
          >;
          const citation = (event.citations as { quote?: string }[]).find((c) => c.quote) as {
            quote: string;
          };
          citation.quote = `${citation.quote} and words the article never wrote`;
        }),
      /events: "[a-z0-9-]+": quote not found verbatim in source "article-2025-09-27"/,
    ],
    [
      'an unknown place reference',
      () =>
        corrupted('events.yaml', (r) => {
          (r[0] as { places: { place: string }[] }).places.push({
            place: 'atlantis',
            role: 'location',
          } as never);
        }),
      /events: "[a-z0-9-]+": field places\.\d+\.place: unknown place "atlantis"/,
    ],
    [
      'an unknown actor reference',
      () =>
        corrupted('agreements.yaml', (r) => {
          (r[0] as { signatories: { actor: string }[] }).signatories[0] = {
            actor: 'nobody',
            office: 'none',
          } as never;
        }),
      /agreements: "[a-z0-9-]+": field signatories\.0\.actor: unknown actor "nobody"/,
    ],
    [
      'an impossible date',
      () =>
        corrupted('events.yaml', (r) => {
          (r[1] as { date: { start: string } }).date.start = '2020-02-30';
        }),
      /events\.yaml: record 2 \("[a-z0-9-]+"\): field date\.start: is not a real calendar date/,
    ],
    [
      'a duplicate id',
      () =>
        corrupted('events.yaml', (r) => {
          r.push({ ...(r[0] as object) });
        }),
      /events: "[a-z0-9-]+": duplicate id/,
    ],
    // The invariants of issue 16 (seed/invariants.ts): each broken once, each error naming the record.
    [
      'a precision that its EDTF contradicts',
      () =>
        corrupted('events.yaml', (r) => {
          byId(r, 'minsk-group-negotiations').date.edtf = '1992-03-24/2020-09-26';
        }),
      /events: "minsk-group-negotiations": field date: precision approximate needs "~" or "%" in its EDTF, not "1992-03-24\/2020-09-26"/,
    ],
    [
      'an open end without an open EDTF',
      () =>
        corrupted('events.yaml', (r) => {
          byId(r, 'reconstruction-of-returned-territories').date.edtf = '2020-11-10/2025-09-27';
        }),
      /events: "reconstruction-of-returned-territories": field date: an open end is end: null with an EDTF ending "\/\.\.", not end null with "2020-11-10\/2025-09-27"/,
    ],
    [
      'a child event outside its parent',
      () =>
        corrupted('events.yaml', (r) => {
          Object.assign(byId(r, 'ceasefire-2023-09-20').date, {
            start: '2023-09-21',
            end: '2023-09-21',
            edtf: '2023-09-21',
          });
        }),
      /events: "ceasefire-2023-09-20": field date: 2023-09-21\/2023-09-21 is not inside its parent "azerbaijani-military-operation-2023-09" \(2023-09-19\/2023-09-20\)/,
    ],
    [
      'a return that the place does not record',
      () =>
        corrupted('places.yaml', (r) => {
          (r.find((p) => p.slug === 'khankendi') as { return_event: string | null }).return_event = null;
        }),
      /events: "khankendi-comes-under-azerbaijani-control-2023": field places\.0\.role: returned_to_azerbaijani_control for "khankendi", but its return_event is null/,
    ],
    [
      'a statistic with no reporter',
      () =>
        corrupted('statistics.yaml', (r) => {
          byId(r, 'idps-unhcr-1994-03').reporter = null;
        }),
      /statistics: "idps-unhcr-1994-03": field reporter: who reported the figure is missing/,
    ],
    [
      'a statistic with no as-of and no word that the source gives none',
      () =>
        corrupted('statistics.yaml', (r) => {
          byId(r, 'displaced-residents-lachin').as_of_text = null;
        }),
      /statistics: "displaced-residents-lachin": field as_of: missing; give the date, or an as_of_text saying the source gives none/,
    ],
    [
      'a range whose value lies outside it',
      () =>
        corrupted('statistics.yaml', (r) => {
          byId(r, 'displaced-karabakh-armenians-2020-ombudsman-early-october').value = 90000;
        }),
      /statistics: "displaced-karabakh-armenians-2020-ombudsman-early-october": field value: 90000 is not within low 70000 and high 75000/,
    ],
    [
      'a claim with no claimant',
      () =>
        corrupted('claims.yaml', (r) => {
          delete byId(r, 'pashinyan-ethnic-cleansing').claimant;
        }),
      /claims\.yaml: record \d+ \("pashinyan-ethnic-cleansing"\): field claimant: /,
    ],
    [
      "a contested word in the API's own words",
      () =>
        corrupted('events.yaml', (r) => {
          byId(r, 'lachin-handed-over-2020').title = 'Lachin liberated';
        }),
      /events: "lachin-handed-over-2020": field title: contested word "liberated" outside a quotation/,
    ],
    [
      'an observance established by an unknown event',
      () =>
        corrupted('observances.yaml', (r) => {
          byId(r, 'remembrance-day').established_by = 'no-such-order';
        }),
      /observances: "remembrance-day": field established_by: unknown event "no-such-order"/,
    ],
    [
      'a reference source with no URL',
      () =>
        corrupted('sources.yaml', (r) => {
          byId(r, 'ref-bishkek-protocol-5-may-1994').url = null;
        }),
      /sources: "ref-bishkek-protocol-5-may-1994": field url: a reference needs a URL \(a document needs its text\)/,
    ],
  ];

  for (const [what, makeDir, message] of cases) {
    it(`rejects ${what}, names the file and record, and leaves the database untouched`, () => {
      const result = seed(makeDir());
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(sha(databasePath)).toBe(originalHash);
    });
  }

  it('rejects a file that is not valid YAML/JSON and leaves the database untouched', () => {
    const dir = mkdtempSync(join(work, 'data-'));
    cpSync(SEED_DATA_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'claims.yaml'), '- id: broken\n  statement: [unclosed\n');
    const result = seed(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/claims\.yaml: not valid YAML\/JSON/);
    expect(sha(databasePath)).toBe(originalHash);
  });
});

describe('seeded database', () => {
  it('gives the same dataset version and the same rows on the same inputs', () => {
    const second = join(work, 'second.sqlite');
    expect(seed(undefined, second).code).toBe(0);
    const a = new Database(databasePath, { readonly: true });
    const b = new Database(second, { readonly: true });
    try {
      const version = (db: Database.Database) => db.prepare('SELECT version, sha256, counts FROM dataset').get();
      expect(version(b)).toEqual(version(a));
      const tables = a
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name NOT LIKE '__drizzle%' AND name != 'dataset'",
        )
        .pluck()
        .all() as string[];
      expect(tables.length).toBeGreaterThan(10);
      for (const table of tables) {
        const width = Math.min(3, (a.pragma(`table_info("${table}")`) as unknown[]).length);
        const order = Array.from({ length: width }, (_, i) => i + 1).join(', ');
        const rows = (db: Database.Database) => db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).all();
        expect(rows(b), table).toEqual(rows(a));
      }
    } finally {
      a.close();
      b.close();
    }
  });

  it('stores offsets that slice exactly each quote out of its source text', () => {
    const db = new Database(databasePath, { readonly: true });
    try {
      const rows = db
        .prepare(
          'SELECT c.quote, c.start, c."end", s.text FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.quote IS NOT NULL',
        )
        .all() as { quote: string; start: number; end: number; text: string }[];
      expect(rows.length).toBeGreaterThanOrEqual(25);
      for (const row of rows) expect(row.text.slice(row.start, row.end)).toBe(row.quote);
    } finally {
      db.close();
    }
  });

  it('holds as many rows per table as the seed files have records', () => {
    const load = (file: string) =>
      parse(readFileSync(join(SEED_DATA_DIR, file), 'utf8')) as Record<string, unknown[]>[];
    const places = load('places.yaml');
    const events = load('events.yaml');
    const agreements = load('agreements.yaml');
    const db = new Database(databasePath, { readonly: true });
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    try {
      expect(count('sources')).toBe(load('sources.yaml').length);
      expect(count('actors')).toBe(load('actors.yaml').length);
      expect(count('places')).toBe(places.length);
      expect(count('place_names')).toBe(places.reduce((n, p) => n + (p.names?.length ?? 0), 0));
      expect(count('events')).toBe(events.length);
      expect(count('event_places')).toBe(events.reduce((n, e) => n + (e.places?.length ?? 0), 0));
      expect(count('agreements')).toBe(agreements.length);
      expect(count('agreement_provisions')).toBe(agreements.reduce((n, a) => n + (a.provisions?.length ?? 0), 0));
      expect(count('statistics')).toBe(load('statistics.yaml').length);
      expect(count('claims')).toBe(load('claims.yaml').length);
      // Coverage floor of the article's facts.
      expect(count('events')).toBeGreaterThanOrEqual(14);
      expect(count('places')).toBeGreaterThanOrEqual(8);
      expect(count('place_names')).toBeGreaterThanOrEqual(28);
      expect(count('actors')).toBeGreaterThanOrEqual(5);
      expect(count('statistics')).toBeGreaterThanOrEqual(5);
      expect(count('claims')).toBeGreaterThanOrEqual(2);
    } finally {
      db.close();
    }
  });

  it('stores the article verbatim with its SHA-256', () => {
    const db = new Database(databasePath, { readonly: true });
    try {
      const article = db.prepare("SELECT text, sha256 FROM sources WHERE kind = 'document'").get() as {
        text: string;
        sha256: string;
      };
      const original = readFileSync(join(SEED_DATA_DIR, '..', 'sources', 'second-karabakh-war-2025-09-27.txt'), 'utf8');
      expect(article.text).toBe(original);
      expect(article.sha256).toBe(createHash('sha256').update(original).digest('hex'));
      // The project's copy must stay the shared original, byte for byte, wherever the shared folder is present.
      const shared = join(PROJECT_ROOT, '..', 'shared', 'source-documents', 'second-karabakh-war-2025-09-27.txt');
      if (existsSync(shared)) expect(original).toBe(readFileSync(shared, 'utf8'));
    } finally {
      db.close();
    }
  });
});
