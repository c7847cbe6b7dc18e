// Records by key for nested fields, composed from the query layer's batch functions (no SQL here). Each takes the
// whole list of keys of one field in one request and answers in key order, null where there is no such record.
import type { Repository } from '../queries/repository.js';
import { DistrictsQuerySchema } from '../schemas/params.js';

export type PlaceRecord = ReturnType<Repository['toPlaces']>[number];
export type EventRecord = NonNullable<ReturnType<Repository['eventsByIds']>[number]>;
export type SourceRecord = ReturnType<Repository['listSources']>[number] & { text?: string | null };

export function placesBySlugs(repo: Repository, slugs: readonly string[]): (PlaceRecord | null)[] {
  const rows = repo.placeRows(slugs).filter((r) => r !== null);
  const index = new Map(repo.toPlaces(rows).map((p) => [p.slug, p]));
  return slugs.map((s) => index.get(s) ?? null);
}

/** Sources with their citation counts (two statements: the sources are few, and counted all at once). */
export function sourcesByIds(repo: Repository, ids: readonly string[]): (SourceRecord | null)[] {
  const index = new Map(repo.listSources().map((s) => [s.id, s]));
  return ids.map((id) => index.get(id) ?? null);
}

/** Every district, following the pages of listPlaces. */
export function allDistricts(repo: Repository): PlaceRecord[] {
  const out: PlaceRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = repo.listPlaces({ ...DistrictsQuerySchema.parse({ limit: 100, cursor }), kind: 'district' });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}
