// The one cursor codec of every list, REST and GraphQL: an opaque base64url token holding the dataset version it was
// minted on, the list it belongs to and the position after which the next page starts (a keyset where the list has
// one, else an offset). Pure: the Zod schemas decode it, the query layer checks its dataset and mints the next one.
import { z } from 'zod';

/** Every paged list, by the name its cursors carry. */
export const LISTS = [
  'events',
  'places',
  'statistics',
  'claims',
  'observances',
  'actors',
  'agreements',
  'sources',
  'source-citations',
  'timeline',
  'on-this-day',
  'search',
] as const;
export type ListName = (typeof LISTS)[number];

/** A decoded cursor whose list and position are known good; its dataset is checked by the query layer. */
export interface Cursor<P> {
  dataset: string;
  position: P;
}

/** The JSON inside the token: [dataset version, list, position]. */
export function encodeCursor(dataset: string, list: ListName, position: unknown): string {
  return Buffer.from(JSON.stringify([dataset, list, position])).toString('base64url');
}

/** The token's parts, or null when it is not one of ours (bad base64url, bad JSON, wrong shape). */
export function decodeCursor(value: string): { dataset: string; list: string; position: unknown } | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(value)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [dataset, list, position] = parsed as unknown[];
    if (typeof dataset !== 'string' || !dataset || typeof list !== 'string') return null;
    return { dataset, list, position };
  } catch {
    return null;
  }
}

export const NOT_OURS = 'is not a cursor this API issued; use page.next_cursor as given';

/**
 * The `cursor` parameter of one list: a token of this list whose position `position` accepts. A token of another
 * list, or not a token at all, is a validation error naming the parameter.
 */
export function cursorParam<P>(list: ListName, position: z.ZodType<P>) {
  return z
    .string()
    .max(400, { error: NOT_OURS, abort: true })
    .transform((value, ctx): Cursor<P> => {
      const decoded = decodeCursor(value);
      if (!decoded || !(LISTS as readonly string[]).includes(decoded.list)) {
        ctx.addIssue({ code: 'custom', message: NOT_OURS });
        return z.NEVER;
      }
      if (decoded.list !== list) {
        ctx.addIssue({
          code: 'custom',
          message: `belongs to another list (${decoded.list}); start this list from its first page`,
        });
        return z.NEVER;
      }
      const parsed = position.safeParse(decoded.position);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: NOT_OURS });
        return z.NEVER;
      }
      return { dataset: decoded.dataset, position: parsed.data };
    })
    .describe('Opaque cursor from page.next_cursor, valid for this list on the dataset version that issued it.');
}

/** An offset into a list: how many items the earlier pages held. */
export const OffsetPosition = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
/** A record's `seq`, the keyset of lists in seq order. */
export const SeqPosition = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * A cursor minted on another dataset: its position means nothing in this one. Thrown by the query layer; REST
 * answers it as a 400 problem naming `cursor`, GraphQL as BAD_USER_INPUT naming `after`.
 */
export class StaleCursorError extends Error {
  readonly statusCode = 400;
  readonly parameter = 'cursor';
  constructor(readonly dataset: string) {
    super(`this cursor belongs to dataset ${dataset}; start again from the first page`);
    this.name = 'StaleCursorError';
  }
}

/** The codec bound to one dataset version: what the query layer pages with. */
export function createCursors(version: string) {
  return {
    version,
    /** The next page's cursor for a list. */
    encode: (list: ListName, position: unknown) => encodeCursor(version, list, position),
    /** The position a cursor holds, after checking it was minted on this dataset; undefined for the first page. */
    positionOf<P>(cursor: Cursor<P> | undefined): P | undefined {
      if (!cursor) return undefined;
      if (cursor.dataset !== version) throw new StaleCursorError(cursor.dataset);
      return cursor.position;
    },
  };
}
export type Cursors = ReturnType<typeof createCursors>;
