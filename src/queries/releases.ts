// Releases and what changed between them: the manifests the seeder copied into the database, and the content hashes
// of the records being served (computed by the seeder from the seed records, so once per dataset version).
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { recordHashes, releaseRecords, releases, sources } from '../db/schema/index.js';
import type { RecordHash, RecordType } from '../lib/record-hash.js';
import { recordUrl } from './mappers.js';
import { prepareRows } from './prepared.js';

const p = sql.placeholder;

export interface Release {
  version: string;
  date: string;
  counts: Record<string, number>;
  notes: string;
  current: boolean;
  changes_url: string;
}

export interface RecordChange {
  type: RecordType;
  id: string;
  url: string;
}

export interface Changes {
  from: string;
  to: string;
  added: RecordChange[];
  changed: RecordChange[];
  removed: RecordChange[];
}

/** A manifest as `npm run release` writes it, before its notes and sequence are chosen. */
export interface ReleaseContent {
  version: string;
  date: string;
  counts: Record<string, number>;
  records: RecordHash[];
}

export const UNRELEASED_NOTES = 'The dataset being served; no release manifest was written for it.';

export function createReleaseQueries(
  db: Db,
  current: { version: string; builtAt: string; counts: Record<string, number> },
) {
  const hashColumns = { type: recordHashes.type, id: recordHashes.id, sha256: recordHashes.sha256 };
  const currentHashes = prepareRows(
    db.select(hashColumns).from(recordHashes).orderBy(asc(recordHashes.type), asc(recordHashes.id)),
  );
  const releasedHashes = prepareRows(
    db
      .select({ type: releaseRecords.type, id: releaseRecords.id, sha256: releaseRecords.sha256 })
      .from(releaseRecords)
      .where(eq(releaseRecords.version, p('version')))
      .orderBy(asc(releaseRecords.type), asc(releaseRecords.id)),
  );
  const releaseRows = prepareRows(
    db
      .select({
        version: releases.version,
        date: releases.date,
        counts: sql<string>`${releases.counts}`,
        notes: releases.notes,
      })
      .from(releases)
      .orderBy(desc(releases.sequence)),
  );
  const newestSourceDate = prepareRows(
    db.select({ date: sql<string | null>`max(${sources.publishedOn})` }).from(sources),
  );

  // The dataset never changes under a running repository: read once, at the first request that needs it.
  let listed: Release[] | undefined;
  let hashes: Map<string, RecordHash> | undefined;
  const changesCache = new Map<string, Changes>();

  const key = (r: { type: string; id: string }) => `${r.type}/${r.id}`;
  const change = (r: { type: string; id: string }): RecordChange => ({
    type: r.type as RecordType,
    id: r.id,
    url: recordUrl(r.type as RecordType, r.id),
  });
  const changesUrl = (version: string) => `/v1/changes?since=${encodeURIComponent(version)}`;

  /** The release date of the served dataset: its newest source date, or the day it was built if no source has one. */
  const currentDate = () => newestSourceDate.get()?.date ?? current.builtAt.slice(0, 10);

  function listReleases(): Release[] {
    if (listed) return listed;
    const stored = releaseRows.all().map((r) => ({
      version: r.version,
      date: r.date,
      counts: JSON.parse(r.counts) as Record<string, number>,
      notes: r.notes,
      current: r.version === current.version,
      changes_url: changesUrl(r.version),
    }));
    const served = stored.some((r) => r.current)
      ? []
      : [
          {
            version: current.version,
            date: currentDate(),
            counts: current.counts,
            notes: UNRELEASED_NOTES,
            current: true,
            changes_url: changesUrl(current.version),
          },
        ];
    listed = [...served, ...stored];
    return listed;
  }

  function currentRecordHashes(): Map<string, RecordHash> {
    hashes ??= new Map(currentHashes.all().map((r) => [key(r), r as RecordHash]));
    return hashes;
  }

  return {
    listReleases,

    /** Every version /v1/changes knows, newest first. */
    knownVersions: () => listReleases().map((r) => r.version),

    /** What a manifest of the served dataset holds: `npm run release` writes this. */
    currentRelease(): ReleaseContent {
      return {
        version: current.version,
        date: currentDate(),
        counts: current.counts,
        records: [...currentRecordHashes().values()],
      };
    },

    /** What changed from a released version to the served one; null for a version never released here. */
    changesSince(since: string): Changes | null {
      const cached = changesCache.get(since);
      if (cached) return cached;
      if (!listReleases().some((r) => r.version === since)) return null;
      const now = currentRecordHashes();
      const then =
        since === current.version ? now : new Map(releasedHashes.all({ version: since }).map((r) => [key(r), r]));
      const changes: Changes = { from: since, to: current.version, added: [], changed: [], removed: [] };
      // Both maps are in (type, id) order, so each list is too.
      for (const [k, r] of now) {
        const before = then.get(k);
        if (!before) changes.added.push(change(r));
        else if (before.sha256 !== r.sha256) changes.changed.push(change(r));
      }
      for (const [k, r] of then) if (!now.has(k)) changes.removed.push(change(r));
      changesCache.set(since, changes);
      return changes;
    },
  };
}
