// Lists as CSV with one fixed shape per route, derived from the route's Zod item schema, so that every page of a
// list (and an empty one) has the same header. The one rule (README, "CSV"):
//   - a field of an object is a column; a nested object's fields are columns named by their dotted path
//     (`date.start_date`), however deep;
//   - a list, a record of keys (z.record) or anything else without a fixed set of fields is one column holding
//     its value as JSON text;
//   - null and absent values (and every column under a null object) are empty cells; booleans are true/false.
import { z } from 'zod';
import { type CsvCell as Cell, stringifyCsv } from '../lib/csv.js';

/** The description the OpenAPI document gives every CSV answer. */
export const CSV_DESCRIPTION =
  'One row per item under a header row that is the same on every page, also when there are no rows. ' +
  'Nested objects are flattened into dotted columns (`date.start_date`); lists are JSON text; null or absent ' +
  'values are empty cells.';

/** A column: its header name and the path of keys that reads its value from an item. */
interface Column {
  name: string;
  path: readonly string[];
}

/** What the wrappers below keep of the schema they wrap. */
type WrapperDef = { innerType?: z.core.$ZodType; out?: z.core.$ZodType; getter?: () => z.core.$ZodType };

/** The schema under the wrappers that do not change which fields a value has. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const { type } = current._zod.def;
    const def = current._zod.def as unknown as WrapperDef;
    if (type === 'optional' || type === 'nullable' || type === 'default' || type === 'readonly') {
      current = def.innerType!;
    } else if (type === 'pipe') {
      // What the serializer checks and sends is the output side.
      current = def.out!;
    } else if (type === 'lazy') {
      current = def.getter!();
    } else {
      return current;
    }
  }
}

/** The fields an object (or any of a union's objects) may have, in schema order; undefined when not an object. */
function fieldsOf(schema: z.core.$ZodType): [string, z.core.$ZodType][] | undefined {
  const def = unwrap(schema)._zod.def;
  if (def.type === 'object') return Object.entries((def as z.core.$ZodObjectDef).shape);
  if (def.type === 'union') {
    const options = (def as z.core.$ZodUnionDef).options.map(fieldsOf);
    if (options.some((o) => o === undefined)) return undefined;
    const merged = new Map<string, z.core.$ZodType[]>();
    for (const option of options as [string, z.core.$ZodType][][]) {
      for (const [key, field] of option) merged.set(key, [...(merged.get(key) ?? []), field]);
    }
    return [...merged].map(([key, fields]) => [key, fields.length === 1 ? fields[0]! : z.union(fields)]);
  }
  return undefined;
}

function collect(schema: z.core.$ZodType, path: string[], out: Column[]): void {
  const fields = fieldsOf(schema);
  if (!fields) {
    out.push({ name: path.join('.'), path });
    return;
  }
  for (const [key, field] of fields) collect(field, [...path, key], out);
}

const columnCache = new WeakMap<z.core.$ZodType, Column[]>();

/** The columns of a list whose items have this schema (computed once per schema). */
export function csvColumns(item: z.core.$ZodType): readonly Column[] {
  let columns = columnCache.get(item);
  if (!columns) {
    columns = [];
    collect(item, [], columns);
    columnCache.set(item, columns);
  }
  return columns;
}

function cellOf(item: unknown, path: readonly string[]): Cell {
  let value = item;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[key];
  }
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  return value as Cell;
}

/** The items as CSV in the columns of their schema, header row first. */
export function toCsv(item: z.core.$ZodType, items: readonly unknown[]): string {
  const columns = csvColumns(item);
  return stringifyCsv(
    columns.map((c) => c.name),
    items.map((row) => columns.map((column) => cellOf(row, column.path))),
  );
}
