// Statements prepared once per database handle, and their rows made into objects by plain code.
// Drizzle builds the SQL and prepares it once, when the repository is created; a request only binds placeholders.
// Drizzle's own row mapping walks every column of every row through `is()` checks and decoders; these statements
// select plain text and number columns, so each row is read from SQLite's raw array by a fixed list of keys.
import { Column, is, SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/** Values for a statement's placeholders, by name. */
type Params = Record<string, unknown>;

interface DrizzleSelect {
  prepare(): { values(params?: Params): unknown[][] };
  // Present on every select builder; only its type is read here, for the row type.
  all(params?: Params): unknown[];
}

interface OrderedField {
  path: string[];
  field: unknown;
}

export interface PreparedRows<Row> {
  all(params?: Params): Row[];
  get(params?: Params): Row | undefined;
}

/** Column types whose driver value is already the API value: no decoder to run. */
const PLAIN_COLUMNS = new Set(['SQLiteText', 'SQLiteInteger', 'SQLiteReal', 'SQLiteNumeric']);

/** The key each column of a raw row goes to, refusing selections that would need Drizzle's decoding. */
function keysOf(fields: OrderedField[] | undefined): string[] {
  if (!fields) throw new Error('prepareRows: the statement selects no fields');
  return fields.map(({ path, field }) => {
    const [key, ...nested] = path;
    if (key === undefined || nested.length > 0) throw new Error(`prepareRows: nested selection at ${path.join('.')}`);
    if (is(field, Column) && !PLAIN_COLUMNS.has(field.columnType)) {
      throw new Error(`prepareRows: column ${key} (${field.columnType}) needs Drizzle's decoder`);
    }
    // An sql`` field keeps the driver's value; one given .mapWith() would need its decoder run.
    const decoder = is(field, SQL)
      ? (field as unknown as { decoder?: { mapFromDriverValue(v: unknown): unknown } }).decoder
      : undefined;
    if (decoder && decoder.mapFromDriverValue('x') !== 'x') {
      throw new Error(`prepareRows: field ${key} is mapped with a decoder`);
    }
    return key;
  });
}

/**
 * Prepares a Drizzle select once. `all` and `get` bind the placeholders (`sql.placeholder(name)`) and return rows
 * with the selection's keys, typed as Drizzle types them.
 */
export function prepareRows<Q extends DrizzleSelect>(query: Q): PreparedRows<ReturnType<Q['all']>[number]> {
  type Row = ReturnType<Q['all']>[number];
  const prepared = query.prepare();
  const keys = keysOf((prepared as unknown as { fields?: OrderedField[] }).fields);
  const width = keys.length;
  const toRow = (raw: unknown[]): Row => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < width; i++) row[keys[i] as string] = raw[i];
    return row as Row;
  };
  return {
    all(params) {
      const raw = prepared.values(params);
      const rows = new Array<Row>(raw.length);
      for (let i = 0; i < raw.length; i++) rows[i] = toRow(raw[i] as unknown[]);
      return rows;
    },
    get(params) {
      const raw = prepared.values(params);
      return raw.length > 0 ? toRow(raw[0] as unknown[]) : undefined;
    },
  };
}

/**
 * A list of keys bound as one parameter, for `IN (SELECT value FROM json_each(?))`: one statement for any length.
 * Each key once, so that a statement joining the list (keyTable) answers as IN would.
 */
export const keyList = (keys: readonly (string | number)[]) => JSON.stringify([...new Set(keys)]);

/** The key list as a table to read from first (`json_each(:keys) AS k`), its keys as KEY; select asExpressions. */
export const keyTable = (name = 'keys') => sql`json_each(${sql.placeholder(name)}) AS k`;
export const KEY = sql`k.value`;

/**
 * A condition that holds for every row when its placeholder is bound to null: an optional filter of a statement
 * that is cheap enough to keep in a single prepared shape (the events list has shapes instead, for its cost).
 */
export function whenGiven(name: string, condition: SQL): SQL {
  return sql`(${sql.placeholder(name)} IS NULL OR ${condition})`;
}

/** `column IN (the keys bound to one placeholder as a JSON list)`: see keyList. */
export function inKeys(column: SQLWrapper, name = 'keys'): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${sql.placeholder(name)}))`;
}

/**
 * A table read through a named index, for look-ups by a bound key list: SQLite cannot tell how many keys a JSON
 * list holds, and on a table of a few hundred rows it guessed that reading every row beat one look-up per key.
 * Drizzle checks that selected columns belong to the FROM table, which an SQL FROM is not: select
 * `asExpressions(columns)` from it. Typed as the table, for single-table statements only.
 */
export function indexedBy<T extends SQLiteTable>(table: T, index: string): T {
  return sql`${table} INDEXED BY ${sql.identifier(index)}` as unknown as T;
}

type ValueOf<C extends Column> = C['_']['notNull'] extends true ? C['_']['data'] : C['_']['data'] | null;

/** The same columns as plain SQL expressions (see indexedBy), each typed as its column. */
export function asExpressions<S extends Record<string, Column>>(columns: S): { [K in keyof S]: SQL<ValueOf<S[K]>> } {
  return Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, sql`${column}`])) as {
    [K in keyof S]: SQL<ValueOf<S[K]>>;
  };
}
