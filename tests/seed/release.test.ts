// `npm run release` through its command line, and /v1/changes on a second, modified seed: the manifest is the same
// bytes on every build, and the feed lists exactly what the modified seed changed.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { App } from '../../src/app.js';
import { SEED_DATA_DIR } from '../../src/paths.js';
import { ReleaseManifestSchema } from '../../src/schemas/release-manifest.js';
import { createTestApp } from '../helpers/app.js';
import { runTs } from '../helpers/run-cli.js';
import { gql, gqlData, toRestShape } from '../graphql/helpers.js';

const work = mkdtempSync(join(tmpdir(), 'release-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function release(dir: string, dataDir?: string) {
  const result = runTs('scripts/release.ts', [
    '--releases',
    join(dir, 'releases'),
    '--changelog',
    join(dir, 'CHANGELOG.md'),
    ...(dataDir ? ['--data', dataDir] : []),
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
}

const files = (dir: string) =>
  Object.fromEntries(
    readdirSync(join(dir, 'releases'))
      .sort()
      .map((name) => [name, readFileSync(join(dir, 'releases', name), 'utf8')]),
  );
const manifestOf = (text: string) => ReleaseManifestSchema.parse(JSON.parse(text));

type SeedRecord = Record<string, unknown>;
function editFile(dir: string, file: string, edit: (records: SeedRecord[]) => void) {
  const path = join(dir, file);
  const records = parse(readFileSync(path, 'utf8')) as SeedRecord[];
  edit(records);
  writeFileSync(path, JSON.stringify(records, null, 2));
}

const first = join(work, 'first');
const second = join(work, 'second');
let original: ReturnType<typeof manifestOf>;

beforeAll(() => {
  release(first);
  release(second);
  original = manifestOf(Object.values(files(first))[0] as string);
});

describe('npm run release', () => {
  it('writes one manifest, named after the version, valid and sorted by type then id', () => {
    expect(Object.keys(files(first))).toEqual([`${original.version}.json`]);
    expect(original.sequence).toBe(1);
    expect(original.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const keys = original.records.map((r) => `${r.type}/${r.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
    const types = new Set(original.records.map((r) => r.type));
    expect([...types].sort()).toEqual([
      'actor',
      'agreement',
      'claim',
      'event',
      'observance',
      'place',
      'source',
      'statistic',
    ]);
    // One record per row of each table a /v1/<type>s/{id} route reads.
    const count = (type: string) => original.records.filter((r) => r.type === type).length;
    expect(count('event')).toBe(original.counts.events);
    expect(count('claim')).toBe(original.counts.claims);
    expect(count('source')).toBe(original.counts.sources);
  });

  it('is deterministic: two builds from the same inputs give the same bytes', () => {
    expect(files(second)).toEqual(files(first));
    expect(readFileSync(join(second, 'CHANGELOG.md'), 'utf8')).toBe(readFileSync(join(first, 'CHANGELOG.md'), 'utf8'));
  });

  it('is idempotent: running it again replaces the manifest and the CHANGELOG entry, duplicating nothing', () => {
    const before = { manifests: files(first), changelog: readFileSync(join(first, 'CHANGELOG.md'), 'utf8') };
    release(first);
    expect(files(first)).toEqual(before.manifests);
    const changelog = readFileSync(join(first, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toBe(before.changelog);
    expect(changelog.split(`## ${original.version} `)).toHaveLength(2);
  });

  it('hashes records, not bytes: the same records in another layout and key order get the same hashes', () => {
    const dataDir = join(work, 'relaid');
    cpSync(SEED_DATA_DIR, dataDir, { recursive: true });
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value;
    for (const file of ['events.yaml', 'places.yaml', 'sources.yaml']) {
      editFile(dataDir, file, (records) => records.splice(0, records.length, ...(reversed(records) as SeedRecord[])));
    }
    const dir = join(work, 'relaid-release');
    release(dir, dataDir);
    const relaid = manifestOf(Object.values(files(dir))[0] as string);
    // The files differ, so the dataset version does; every record is the same, so every hash is.
    expect(relaid.version).not.toBe(original.version);
    expect(relaid.records).toEqual(original.records);
  });

  it("hashes a place with its identifiers and boundary: a change to either changes that place's hash alone", () => {
    const dataDir = join(work, 'regeo');
    cpSync(SEED_DATA_DIR, dataDir, { recursive: true });
    editFile(dataDir, 'identifiers.yaml', (records) => {
      const lachin = records.find((r) => r.place === 'lachin') as SeedRecord;
      lachin.label = `${String(lachin.label)} (relabelled)`;
    });
    const boundariesPath = join(dataDir, 'boundaries.geojson');
    const boundaries = JSON.parse(readFileSync(boundariesPath, 'utf8')) as {
      features: { properties: { place: string; note: string | null } }[];
    };
    const fuzuli = boundaries.features.find((f) => f.properties.place === 'fuzuli');
    if (!fuzuli) throw new Error('the seed has no boundary for fuzuli');
    fuzuli.properties.note = 'A note on the Fuzuli polygon, changed.';
    writeFileSync(boundariesPath, JSON.stringify(boundaries));
    const dir = join(work, 'regeo-release');
    release(dir, dataDir);
    const regeo = manifestOf(Object.values(files(dir))[0] as string);
    const before = new Map(original.records.map((r) => [`${r.type}/${r.id}`, r.sha256]));
    const changed = regeo.records.filter((r) => before.get(`${r.type}/${r.id}`) !== r.sha256).map((r) => r.id);
    expect(changed.sort()).toEqual(['fuzuli', 'lachin']);
  });

  it('a manifest the seeder cannot read stops the seed, naming the file', () => {
    const dir = join(work, 'broken-releases');
    cpSync(join(first, 'releases'), dir, { recursive: true });
    const name = `${original.version}.json`;
    const manifest = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { records: { sha256: string }[] };
    (manifest.records[0] as { sha256: string }).sha256 = 'not a hash';
    writeFileSync(join(dir, name), JSON.stringify(manifest));
    const result = runTs('seed/cli.ts', ['--database', join(work, 'never.sqlite'), '--releases', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${name}: field records.0.sha256`);
  });

  it('matches the manifest committed for the current seed, when the seed has not changed since', () => {
    const committed = readdirSync(join(SEED_DATA_DIR, '..', 'releases'));
    const name = `${original.version}.json`;
    // Other work may change seed/data before `npm run release` is run again; the check holds once it is.
    if (committed.includes(name)) {
      const text = readFileSync(join(SEED_DATA_DIR, '..', 'releases', name), 'utf8');
      expect(manifestOf(text).records).toEqual(original.records);
    }
  });
});

describe('/v1/changes on a modified seed', () => {
  const dataDir = join(work, 'data');
  const databasePath = join(work, 'modified.sqlite');
  let app: App;
  const changedEvent = { type: 'event', id: '' };
  const removedClaim = { type: 'claim', id: '' };
  const addedStatistic = { type: 'statistic', id: 'release-test-added-figure' };

  beforeAll(async () => {
    cpSync(SEED_DATA_DIR, dataDir, { recursive: true });
    editFile(dataDir, 'events.yaml', (records) => {
      const event = records[0] as SeedRecord;
      changedEvent.id = String(event.id);
      event.summary = `${String(event.summary)} (Summary reworded for the release test.)`;
    });
    editFile(dataDir, 'claims.yaml', (records) => {
      const claim = records.pop() as SeedRecord;
      removedClaim.id = String(claim.id);
    });
    editFile(dataDir, 'statistics.yaml', (records) => {
      records.push({ ...(records[0] as SeedRecord), id: addedStatistic.id, label: 'A figure added by a test' });
    });
    const seeded = runTs('seed/cli.ts', [
      '--database',
      databasePath,
      '--data',
      dataDir,
      '--releases',
      join(first, 'releases'),
    ]);
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    app = await createTestApp({ DATABASE_PATH: databasePath });
  });
  afterAll(() => app?.close());

  const withUrl = (r: { type: string; id: string }) => ({
    ...r,
    url: `/v1/${r.type === 'statistic' ? 'statistics' : `${r.type}s`}/${r.id}`,
  });

  it('lists exactly the changed event, the removed claim and the added statistic', async () => {
    const response = await app.inject({ url: `/v1/changes?since=${original.version}` });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { from: string; to: string };
    const meta = (await app.inject({ url: '/v1/meta' })).json() as { version: string };
    expect(body).toEqual({
      from: original.version,
      to: meta.version,
      added: [withUrl(addedStatistic)],
      changed: [withUrl(changedEvent)],
      removed: [withUrl(removedClaim)],
    });
    expect(meta.version).not.toBe(original.version);
    // Every url of an added or changed record answers; the removed claim's no longer does.
    expect((await app.inject({ url: withUrl(addedStatistic).url })).statusCode).toBe(200);
    expect((await app.inject({ url: withUrl(changedEvent).url })).statusCode).toBe(200);
    expect((await app.inject({ url: withUrl(removedClaim).url })).statusCode).toBe(404);
  });

  it('lists the served dataset first, unreleased, then the release it came from', async () => {
    const body = (await app.inject({ url: '/v1/releases' })).json() as {
      current: string;
      releases: { version: string; current: boolean; notes: string; counts: Record<string, number> }[];
    };
    expect(body.releases.map((r) => [r.version, r.current])).toEqual([
      [body.current, true],
      [original.version, false],
    ]);
    expect(body.releases[1]?.notes).toBe(original.notes);
    expect(body.releases[1]?.counts).toEqual(original.counts);
    expect(body.releases[0]?.counts.statistics).toBe(original.counts.statistics! + 1);
    expect(body.releases[0]?.counts.claims).toBe(original.counts.claims! - 1);
  });

  it('answers the same through GraphQL, from the same query layer', async () => {
    const rest = (await app.inject({ url: `/v1/changes?since=${original.version}` })).json();
    const data = await gqlData<{ changes: unknown }>(
      app,
      `query ($since: String!) { changes(since: $since) { from to added { type id url } changed { type id url } removed { type id url } } }`,
      { since: original.version },
    );
    expect(toRestShape(data.changes)).toEqual(rest);
    const releases = (await app.inject({ url: '/v1/releases' })).json() as { releases: unknown[] };
    const meta = await gqlData<{ meta: { releases: { counts: { type: string; count: number }[] }[] } }>(
      app,
      '{ meta { releases { version date counts { type count } notes current changesUrl } } }',
    );
    const asRest = meta.meta.releases.map((r) => ({
      ...(toRestShape(r) as object),
      counts: Object.fromEntries(r.counts.map((c) => [c.type, c.count])),
    }));
    expect(asRest).toEqual(releases.releases);
  });

  it('then releases the modified seed as the second release, with notes from the changes', async () => {
    release(first, dataDir);
    const manifests = Object.values(files(first)).map(manifestOf);
    const next = manifests.find((m) => m.version !== original.version);
    expect(next?.sequence).toBe(2);
    expect(next?.notes).toBe(`Since ${original.version}: 1 added, 1 changed, 1 removed.`);
    const changelog = readFileSync(join(first, 'CHANGELOG.md'), 'utf8');
    // Newest first, each version once.
    const headings = changelog.split('\n').filter((l) => l.startsWith('## '));
    expect(headings.map((h) => h.split(' ')[1])).toEqual([next?.version, original.version]);
    const unchanged = new Map(original.records.map((r) => [`${r.type}/${r.id}`, r.sha256]));
    const differing = (next?.records ?? []).filter((r) => unchanged.get(`${r.type}/${r.id}`) !== r.sha256);
    expect(differing.map((r) => `${r.type}/${r.id}`)).toEqual([
      `event/${changedEvent.id}`,
      `statistic/${addedStatistic.id}`,
    ]);
    const again = await gql(app, '{ changes(since: "1.000000000000") { from } }');
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Seeded again with both manifests: both listed, newest first, the served one released and no longer repeated.
    const reseeded = join(work, 'released.sqlite');
    const seeded = runTs('seed/cli.ts', [
      '--database',
      reseeded,
      '--data',
      dataDir,
      '--releases',
      join(first, 'releases'),
    ]);
    expect(seeded.code).toBe(0);
    const served = await createTestApp({ DATABASE_PATH: reseeded });
    try {
      const body = (await served.inject({ url: '/v1/releases' })).json() as {
        releases: { version: string; current: boolean; notes: string }[];
      };
      expect(body.releases.map((r) => [r.version, r.current, r.notes])).toEqual([
        [next?.version, true, next?.notes],
        [original.version, false, original.notes],
      ]);
      const since = (await served.inject({ url: `/v1/changes?since=${original.version}` })).json() as Record<
        string,
        unknown[]
      >;
      expect([since.added?.length, since.changed?.length, since.removed?.length]).toEqual([1, 1, 1]);
    } finally {
      await served.close();
    }
  });
});
