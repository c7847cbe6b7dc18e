// Row → API shape conversions shared by every query module, so each shape is built in one place.
import type * as t from '../db/schema/index.js';
import type { Cursors, ListName } from '../schemas/cursor.js';
import type { PageQuery } from '../schemas/params.js';

type EventRow = typeof t.events.$inferSelect;

/** The REST collection under /v1 that holds each kind of record. */
const COLLECTIONS = {
  event: 'events',
  place: 'places',
  actor: 'actors',
  agreement: 'agreements',
  statistic: 'statistics',
  claim: 'claims',
  source: 'sources',
  citation: 'citations',
  observance: 'observances',
} as const;
export type LinkedType = keyof typeof COLLECTIONS;

/**
 * The path of a record on this API: the one place a reference's `url` is made, so that every url is a route that
 * answers 200, never a fragment.
 */
export function recordUrl(type: LinkedType, id: string | number): string {
  return `/v1/${COLLECTIONS[type]}/${encodeURIComponent(String(id))}`;
}

export function dateSpan(row: Pick<EventRow, 'startDate' | 'endDate' | 'precision' | 'dateText' | 'edtf'>) {
  return {
    start_date: row.startDate,
    end_date: row.endDate,
    precision: row.precision,
    date_text: row.dateText,
    edtf: row.edtf,
  };
}

export function eventRef(
  row: Pick<EventRow, 'id' | 'kind' | 'title' | 'startDate' | 'endDate' | 'precision' | 'dateText' | 'edtf'>,
) {
  return { id: row.id, kind: row.kind, title: row.title, date: dateSpan(row), url: recordUrl('event', row.id) };
}

/** A place's reference: parent, children, the place of a figure. */
export function placeRef(row: { slug: string; name: string; kind: string }) {
  return { slug: row.slug, name: row.name, kind: row.kind, url: recordUrl('place', row.slug) };
}

/** Groups rows by a key, keeping each group in row order. */
export function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** Results in the order of `keys`, with an empty list for a key that has none. */
export function inOrder<K, V>(keys: readonly K[], groups: Map<K, V[]>): V[][] {
  return keys.map((k) => groups.get(k) ?? []);
}

/**
 * A page from rows fetched with LIMIT limit + 1: the extra row only says whether another page exists, and the
 * next cursor is made from the last row kept.
 */
export function pageOfRows<R, T>(rows: R[], limit: number, toItems: (rows: R[]) => T[], cursorOf: (last: R) => string) {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept.at(-1);
  return { items: toItems(kept), nextCursor: more && last !== undefined ? cursorOf(last) : null };
}

/**
 * A page of a short list held whole in memory (actors, agreements, sources, a source's citations, a day's events),
 * by offset: these lists have no key of their own to continue from. `total` is the whole list's length.
 */
export function pageOfList<T>(cursors: Cursors, list: ListName, items: readonly T[], query: PageQuery) {
  const offset = cursors.positionOf(query.cursor) ?? 0;
  const end = offset + query.limit;
  return {
    items: items.slice(offset, end),
    nextCursor: end < items.length ? cursors.encode(list, end) : null,
    total: items.length,
  };
}
