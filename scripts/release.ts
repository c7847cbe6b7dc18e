// `npm run release`: seeds seed/data into a scratch database and writes the release manifest of that dataset,
// seed/releases/<version>.json (version, date, counts, one {type, id, sha256} per record), and its CHANGELOG.md
// entry. Deterministic: the same inputs give the same bytes. Running it again for the same version replaces that
// manifest and that entry; nothing else is touched.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadReleases, SeedError } from '../seed/load.js';
import { seedDatabase } from '../seed/seed.js';
import { openReadOnly } from '../src/db/client.js';
import { RECORD_TYPES } from '../src/lib/record-hash.js';
import { fromRoot, SEED_RELEASES_DIR } from '../src/paths.js';
import type { Changes, ReleaseContent } from '../src/queries/releases.js';
import { createRepository } from '../src/queries/repository.js';
import type { ReleaseManifest } from '../src/schemas/release-manifest.js';

const CHANGELOG_HEAD = `# Changelog

Releases of the dataset, newest first. Each has a manifest, \`seed/releases/<version>.json\`, with the content hash
of every record; \`npm run release\` writes both, and \`GET /v1/changes?since=<version>\` compares a release with the
dataset being served.
`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describeFirst(content: ReleaseContent): string {
  const byType = RECORD_TYPES.map((type) => [type, content.records.filter((r) => r.type === type).length] as const)
    .filter(([, n]) => n > 0)
    .map(([type, n]) => plural(n, type));
  return `First release: ${plural(content.records.length, 'record')} (${byType.join(', ')}).`;
}

function describeChanges(changes: Changes): string {
  const { added, changed, removed } = changes;
  return `Since ${changes.from}: ${added.length} added, ${changed.length} changed, ${removed.length} removed.`;
}

/** The CHANGELOG with this version's entry put in (or replaced where it already is), newest first. */
export function withEntry(changelog: string, version: string, entry: string): string {
  const text = changelog.trim() ? changelog : CHANGELOG_HEAD;
  const lines = text.replace(/\n*$/, '\n').split('\n');
  const heading = (line: string) => line.startsWith('## ');
  const start = lines.findIndex((l) => heading(l) && l.slice(3).split(' ')[0] === version);
  if (start >= 0) {
    let end = lines.findIndex((l, i) => i > start && heading(l));
    if (end < 0) end = lines.length;
    lines.splice(start, end - start, ...entry.split('\n'), '');
  } else {
    let first = lines.findIndex(heading);
    if (first < 0) first = lines.length;
    lines.splice(first, 0, ...entry.split('\n'), '');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** Pretty JSON with one record a line, so that a release's diff in git shows the records that changed. */
function manifestText(manifest: ReleaseManifest): string {
  const { records, ...head } = manifest;
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const lines = records.map((r) => `    ${JSON.stringify(r)}`);
  return `${top},\n  "records": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    sources: { type: 'string' },
    releases: { type: 'string' },
    changelog: { type: 'string' },
    notes: { type: 'string' },
  },
});
const releasesDir = values.releases ? fromRoot(values.releases) : SEED_RELEASES_DIR;
const changelogPath = fromRoot(values.changelog ?? 'CHANGELOG.md');

const scratch = mkdtempSync(join(tmpdir(), 'release-'));
try {
  const problems: string[] = [];
  const existing = loadReleases(releasesDir, problems);
  if (problems.length) throw new SeedError(problems);

  const databasePath = join(scratch, 'history.sqlite');
  seedDatabase({
    databasePath,
    dataDir: values.data ? fromRoot(values.data) : undefined,
    sourcesDir: values.sources ? fromRoot(values.sources) : undefined,
    releasesDir,
  });
  const handle = openReadOnly(databasePath);
  try {
    const repo = createRepository(handle.db);
    const content = repo.currentRelease();
    const same = existing.find((r) => r.version === content.version);
    const others = existing.filter((r) => r.version !== content.version);
    const previous = others.at(-1);
    // A version keeps its place in the order when it is written again.
    const sequence = same?.sequence ?? (previous?.sequence ?? 0) + 1;
    const changes = previous ? repo.changesSince(previous.version) : null;
    const notes = values.notes?.trim() || (changes ? describeChanges(changes) : describeFirst(content));
    const manifest: ReleaseManifest = {
      version: content.version,
      sequence,
      date: content.date,
      notes,
      counts: content.counts,
      records: content.records,
    };
    mkdirSync(releasesDir, { recursive: true });
    const manifestPath = join(releasesDir, `${content.version}.json`);
    writeFileSync(manifestPath, manifestText(manifest));

    const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : '';
    const entry = `## ${content.version} (${content.date})\n\n${notes}`;
    writeFileSync(changelogPath, withEntry(changelog, content.version, entry));
    console.log(`Released ${content.version}: ${manifestPath} (${plural(content.records.length, 'record')})`);
  } finally {
    handle.close();
  }
} catch (error) {
  if (error instanceof SeedError) console.error(error.message);
  else console.error(`Release failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
