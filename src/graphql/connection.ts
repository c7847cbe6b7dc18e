// Relay connections over the query layer's pages ({ items, nextCursor }). Edge cursors are REST's cursors for the
// same position, minted by the same codec (src/schemas/cursor.ts), computed only when a client asks for them (one
// statement for the whole page).
import type { Repository } from '../queries/repository.js';
import type { SeqTable } from '../queries/lookups.js';
import type { ListName } from '../schemas/cursor.js';
import { eventPosition } from '../schemas/params.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Connection<T> {
  items: T[];
  nextCursor: string | null;
  /** Each item's cursor, in item order. */
  cursors: () => string[];
  totalCount?: () => number;
}

function memo<T>(f: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value as T;
  };
}

export function connection<T>(
  page: Page<T>,
  cursors: (items: T[]) => string[],
  totalCount?: () => number,
): Connection<T> {
  return { items: page.items, nextCursor: page.nextCursor, cursors: memo(() => cursors(page.items)), totalCount };
}

/** Events: the keyset cursor REST issues, [sort, start_date, seq]. */
export const eventCursors =
  (repo: Repository, sort: 'date' | '-date') =>
  (items: { id: string }[]): string[] =>
    repo
      .eventPositions(items.map((e) => e.id))
      .map((p) => (p ? repo.cursors.encode('events', eventPosition({ sort, ...p })) : ''));

/** Places, statistics, claims: the record's seq, as REST. */
export const seqCursors =
  <T>(repo: Repository, table: SeqTable, key: (item: T) => string) =>
  (items: T[]): string[] =>
    repo.seqsOf(table, items.map(key)).map((seq) => (seq === null ? '' : repo.cursors.encode(table, seq)));

/** Lists paged by offset (timeline, search, and the short lists held in memory): the offset after the item. */
export const offsetCursors =
  (repo: Repository, list: ListName, offset: number) =>
  <T>(items: T[]): string[] =>
    items.map((_, i) => repo.cursors.encode(list, offset + i + 1));

/** Field resolvers shared by every *Connection type, and PageInfo's lazy endCursor. */
export const connectionResolvers = {
  edges: (c: Connection<unknown>) => {
    const cursors = c.cursors();
    return c.items.map((node, i) => ({ cursor: cursors[i], node }));
  },
  nodes: (c: Connection<unknown>) => c.items,
  // snake_case like every query-layer object (casing.ts reads has_next_page for hasNextPage).
  pageInfo: (c: Connection<unknown>) => ({
    has_next_page: c.nextCursor !== null,
    end_cursor: () => c.nextCursor ?? (c.items.length ? (c.cursors().at(-1) ?? null) : null),
  }),
};

export const pageInfoResolvers = {
  endCursor: (p: { end_cursor: () => string | null }) => p.end_cursor(),
};
