// Relay connections over the query layer's pages ({ items, nextCursor }). Edge cursors are REST's cursors for the
// same position, minted by the same codec (src/schemas/cursor.ts), computed only when a client asks for them (one
// statement for the whole page).
import type { Repository } from '../queries/repository.js';
import type { SeqTable } from '../queries/lookups.js';
import { type ListName, StaleCursorError } from '../schemas/cursor.js';
import { eventPosition } from '../schemas/params.js';
import { badUserInput } from './errors.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Connection<T> {
  items: T[];
  nextCursor: string | null;
  /** Each item's cursor, in item order. */
  cursors: () => string[];
  /** The list's length across all pages, counted only when a client asks for it. */
  totalCount: () => number;
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
  totalCount: () => number,
): Connection<T> {
  return {
    items: page.items,
    nextCursor: page.nextCursor,
    cursors: memo(() => cursors(page.items)),
    totalCount: memo(totalCount),
  };
}

/** Events: the keyset cursor REST issues, [sort, start_date, seq]. */
export const eventCursors =
  (repo: Repository, sort: 'date' | '-date') =>
  (items: { id: string }[]): string[] =>
    repo
      .eventPositions(items.map((e) => e.id))
      .map((p) => (p ? repo.cursors.encode('events', eventPosition({ sort, ...p })) : ''));

/** Places, statistics, claims, observances: the record's seq, as REST. */
export const seqCursors =
  <T>(repo: Repository, table: SeqTable, key: (item: T) => string) =>
  (items: T[]): string[] =>
    repo.seqsOf(table, items.map(key)).map((seq) => (seq === null ? '' : repo.cursors.encode(table, seq)));

/** Lists paged by offset (timeline, search, and the short lists held in memory): the offset after the item. */
export const offsetCursors =
  (repo: Repository, list: ListName, offset: number) =>
  <T>(items: T[]): string[] =>
    items.map((_, i) => repo.cursors.encode(list, offset + i + 1));

/** A connection over a page of a list paged by offset, with its edge cursors and the list's total (lazy or known). */
export function offsetConnection<T>(
  repo: Repository,
  list: ListName,
  query: { cursor?: { dataset: string; position: number } },
  page: { items: T[]; nextCursor: string | null; total: number | (() => number) },
): Connection<T> {
  const offset = repo.cursors.positionOf(query.cursor) ?? 0;
  const { total } = page;
  return connection(page, offsetCursors(repo, list, offset), typeof total === 'number' ? () => total : total);
}

/**
 * Runs a list query, wording a cursor from another dataset version as GraphQL does every bad argument: BAD_USER_INPUT
 * naming `after` (REST names `cursor`), with the same message.
 */
export function paged<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof StaleCursorError) throw badUserInput([{ in: 'query', name: 'after', message: error.message }]);
    throw error;
  }
}

/** Field resolvers shared by every *Connection type, and PageInfo's lazy endCursor. */
export const connectionResolvers = {
  edges: (c: Connection<unknown>) => {
    const cursors = c.cursors();
    return c.items.map((node, i) => ({ cursor: cursors[i], node }));
  },
  nodes: (c: Connection<unknown>) => c.items,
  totalCount: (c: Connection<unknown>) => c.totalCount(),
  // snake_case like every query-layer object (casing.ts reads has_next_page for hasNextPage).
  pageInfo: (c: Connection<unknown>) => ({
    has_next_page: c.nextCursor !== null,
    end_cursor: () => c.nextCursor ?? (c.items.length ? (c.cursors().at(-1) ?? null) : null),
  }),
};

export const pageInfoResolvers = {
  endCursor: (p: { end_cursor: () => string | null }) => p.end_cursor(),
};
