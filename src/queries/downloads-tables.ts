// The tables of the data as they are stored, for the whole-dataset downloads: each table's rows in the order of its
// primary key, and its Frictionless Table Schema (field types, required, unique and enum constraints, primary and
// foreign keys), both read from the Drizzle schema itself, so that a column added there is in the CSV and the
// Data Package without a second list to keep.
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client.js';
import * as t from '../db/schema/index.js';
import type { CsvCell } from '../lib/csv.js';

/**
 * Every table that holds data, named as in /v1/meta's `counts` (the SQL table name), with the tables that `counts`
 * does not count: an agreement's signatories and the places it concerns (after the agreements), the boundary
 * caveats and the citations of the place identifiers. Left out: `dataset` (the build's own row, which the Data
 * Package says at its top), the search index, derived from the rest, and the release and hash tables, which
 * describe the data rather than hold it.
 */
export const DATA_TABLES = [
  t.sources,
  t.actors,
  t.places,
  t.placeNames,
  t.events,
  t.eventPlaces,
  t.eventActors,
  t.agreements,
  t.agreementSignatories,
  t.agreementPlaces,
  t.agreementProvisions,
  t.statistics,
  t.claims,
  t.observances,
  t.citations,
  t.placeBoundaries,
  t.boundaryCaveats,
  t.placeIdentifiers,
  t.placeIdentifierCitations,
] as const satisfies readonly SQLiteTable[];

/**
 * Text columns that hold a whole day (`YYYY-MM-DD`, checked by the seeder), typed `date` so that a reader parses
 * them as dates; each description says what the day is, so that none reads as more exact than the data.
 */
const DATE_COLUMNS: Record<string, Record<string, string>> = {
  events: {
    start_date:
      'The earliest day the event may have begun (inclusive); `precision` and `date_text` say how exactly it is known.',
    end_date: 'The latest day the event may have ended (inclusive); empty for an ongoing process.',
  },
  agreements: { signed_on: 'The day of signature; `signed_date_text` gives it in words.' },
  agreement_places: {
    due_on: 'The day the agreement set for it, where it set one.',
    effective_on: 'The day it took effect, where known.',
  },
  sources: { published_on: 'The day of publication, where known.' },
  statistics: { as_of: 'The day the figure is given as of, where known; `as_of_text` gives the words of the source.' },
};

/** A Table Schema field (Frictionless Table Schema 2.0). */
export interface TableSchemaField {
  name: string;
  type: 'string' | 'integer' | 'number' | 'date';
  description?: string;
  constraints?: { required?: true; unique?: true; enum?: string[] };
}

export interface TableSchemaForeignKey {
  fields: string[];
  /** `resource` is left out where a table refers to itself, as the Table Schema spells it. */
  reference: { resource?: string; fields: string[] };
}

export interface TableSchema {
  fields: TableSchemaField[];
  primaryKey: string[];
  /** Left out where the table refers to no other: the profile wants at least one when the key is given. */
  foreignKeys?: TableSchemaForeignKey[];
}

export interface DataTable {
  /** The SQL table name, as in /v1/meta's `counts`. */
  name: string;
  schema: TableSchema;
  /** Every row, one cell per field in the schema's order, sorted by the primary key. */
  rows(): CsvCell[][];
}

const TYPES: Record<string, TableSchemaField['type']> = { text: 'string', integer: 'integer', real: 'number' };

function fieldOf(table: string, column: SQLiteColumn, soleKey: boolean): TableSchemaField {
  const sqlType = column.getSQLType().toLowerCase();
  const day = DATE_COLUMNS[table]?.[column.name];
  const type = day !== undefined && sqlType === 'text' ? 'date' : TYPES[sqlType];
  if (!type) throw new Error(`No Table Schema type for the SQL type ${sqlType} of ${column.name}`);
  const constraints: NonNullable<TableSchemaField['constraints']> = {};
  // A sole primary key is required and unique by being the key; the constraints say so for any reader.
  if (column.notNull || soleKey) constraints.required = true;
  if (column.isUnique || soleKey) constraints.unique = true;
  if (column.enumValues?.length) constraints.enum = [...column.enumValues];
  return {
    name: column.name,
    type,
    ...(day ? { description: day } : {}),
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

function describe(table: SQLiteTable): { name: string; schema: TableSchema; key: SQLiteColumn[] } {
  const config = getTableConfig(table);
  const composite = config.primaryKeys[0]?.columns;
  const key = composite ?? config.columns.filter((c) => c.primary);
  if (key.length === 0) throw new Error(`The table ${config.name} has no primary key to order its rows by`);
  const soleKey = key.length === 1 ? key[0] : undefined;
  const fields = config.columns.map((c) => fieldOf(config.name, c, c === soleKey));
  const foreignKeys = config.foreignKeys.map((fk) => {
    const { columns, foreignColumns, foreignTable } = fk.reference();
    const target = getTableConfig(foreignTable).name;
    return {
      fields: columns.map((c) => c.name),
      reference: {
        ...(target === config.name ? {} : { resource: target }),
        fields: foreignColumns.map((c) => c.name),
      },
    };
  });
  const schema: TableSchema = {
    fields,
    primaryKey: key.map((c) => c.name),
    ...(foreignKeys.length ? { foreignKeys } : {}),
  };
  return { name: config.name, schema, key };
}

/** The data tables with their schemas; each table's statement is prepared here, once per database handle. */
export function createDataTables(db: Db): DataTable[] {
  return DATA_TABLES.map((table) => {
    const { name, schema, key } = describe(table);
    const columns = getTableConfig(table).columns;
    const statement = db
      .select(Object.fromEntries(columns.map((c) => [c.name, c])))
      .from(table)
      .orderBy(...key)
      .prepare();
    return {
      name,
      schema,
      rows: () => statement.values() as CsvCell[][],
    };
  });
}
