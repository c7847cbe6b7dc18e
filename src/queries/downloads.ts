// The whole dataset as files: the serving SQLite database byte for byte, one CSV per table, a Frictionless Data
// Package v2 describing them, and a zip of the package. Built once per dataset (at the first download asked for)
// and kept with the repository, so every file, its size and its SHA-256 follow the dataset being served.
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import type { Db } from '../db/client.js';
import { stringifyCsv } from '../lib/csv.js';
import { createDataTables, type TableSchema } from './downloads-tables.js';
import { attribution, DATASET_TITLE, LICENCE } from './licence.js';

export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
/** The package's `name`: lower case, url-usable, the same for every version, as the Data Package asks. */
export const DATA_PACKAGE_NAME = 'karabakh-history';

export interface DownloadFile {
  /** The path under /v1/downloads. */
  path: string;
  mediaType: string;
  title: string;
  /** The name a browser saves it as. */
  filename: string;
  body: Buffer;
  /** SHA-256 of `body`, hex and base64. */
  sha256: string;
  sha256Base64: string;
}

export interface DataPackageResource {
  name: string;
  type: 'table';
  path: string;
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  bytes: number;
  hash: string;
  schema: TableSchema;
}

export interface DataPackage {
  $schema: string;
  name: string;
  title: string;
  description: string;
  version: string;
  created: string;
  licenses: { name: string; path: string; title: string }[];
  sources: { title: string; path?: string }[];
  resources: DataPackageResource[];
}

export interface DownloadSet {
  sqlite: DownloadFile;
  zip: DownloadFile;
  dataPackage: DownloadFile;
  /** By table name. */
  csv: ReadonlyMap<string, DownloadFile>;
  /** Every file, in the order the list gives them. */
  all: DownloadFile[];
}

interface DatasetFacts {
  version: string;
  builtAt: string;
  licence: string;
}

function file(fields: Omit<DownloadFile, 'sha256' | 'sha256Base64'>): DownloadFile {
  const digest = createHash('sha256').update(fields.body).digest();
  return { ...fields, sha256: digest.toString('hex'), sha256Base64: digest.toString('base64') };
}

/**
 * A zip entry's time is DOS local time without a zone: fflate reads a Date's local fields, so the UTC fields of
 * the build time are handed over as local ones, and every replica, in any time zone, writes the same bytes.
 */
function zipTime(iso: string): Date {
  const at = new Date(iso);
  return new Date(at.getTime() + at.getTimezoneOffset() * 60_000);
}

export function createDownloadQueries(db: Db, dataset: DatasetFacts, listSources: () => SourceFacts[]) {
  const tables = createDataTables(db);
  const prefix = `karabakh-history-${dataset.version}`;
  let built: DownloadSet | undefined;

  function build(): DownloadSet {
    const csv = new Map<string, DownloadFile>();
    const resources: DataPackageResource[] = [];
    for (const table of tables) {
      const body = Buffer.from(
        stringifyCsv(
          table.schema.fields.map((f) => f.name),
          table.rows(),
        ),
      );
      const path = `csv/${table.name}.csv`;
      const csvFile = file({
        path,
        mediaType: 'text/csv; charset=utf-8',
        title: `The table ${table.name}, every row in the order of its primary key, as CSV`,
        filename: `${prefix}-${table.name}.csv`,
        body,
      });
      csv.set(table.name, csvFile);
      resources.push({
        name: table.name,
        type: 'table',
        path,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: body.length,
        hash: `sha256:${csvFile.sha256}`,
        schema: table.schema,
      });
    }
    const descriptor: DataPackage = {
      $schema: DATA_PACKAGE_PROFILE,
      name: DATA_PACKAGE_NAME,
      title: DATASET_TITLE,
      description: `${attribution(dataset.version)} ${dataset.licence}`,
      version: dataset.version,
      created: dataset.builtAt,
      licenses: [{ name: LICENCE.id, path: LICENCE.url, title: LICENCE.name }],
      sources: listSources().map((s) => ({ title: s.title, ...(s.url ? { path: s.url } : {}) })),
      resources,
    };
    const dataPackage = file({
      path: 'datapackage.json',
      mediaType: 'application/json; charset=utf-8',
      title: 'The Data Package descriptor (Frictionless Data Package v2) of the CSV files',
      filename: 'datapackage.json',
      body: Buffer.from(`${JSON.stringify(descriptor, null, 2)}\n`),
    });
    const mtime = zipTime(dataset.builtAt);
    const entries: Record<string, Uint8Array> = { 'datapackage.json': dataPackage.body };
    for (const csvFile of csv.values()) entries[csvFile.path] = csvFile.body;
    const zipped = zipSync(entries, { mtime });
    const zip = file({
      path: 'history.zip',
      mediaType: 'application/zip',
      title: 'The Data Package as one zip: datapackage.json and every table as CSV',
      filename: `${prefix}.zip`,
      body: Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength),
    });
    // SQLite's own copy of the database this handle reads: for a database file it is the file's bytes, and it is
    // the file this handle opened, even after the seeder has renamed a newer one over the path.
    const sqlite = file({
      path: 'history.sqlite',
      mediaType: 'application/vnd.sqlite3',
      title: 'The SQLite database this API serves, exactly as served',
      filename: `${prefix}.sqlite`,
      body: db.$client.serialize(),
    });
    return { sqlite, zip, dataPackage, csv, all: [sqlite, zip, dataPackage, ...csv.values()] };
  }

  /** The files, built at the first call and kept: the dataset never changes under a running repository. */
  const downloads = (): DownloadSet => (built ??= build());

  return {
    downloads,
    /** The names of the tables that have a CSV, in the package's order. */
    downloadTables: tables.map((table) => table.name),
    /** The list of downloads with their absolute URLs under `origin`, the licence and the attribution. */
    downloadList(origin: string) {
      return {
        version: dataset.version,
        licence: LICENCE,
        attribution: attribution(dataset.version),
        downloads: downloads().all.map((f) => ({
          url: `${origin}/v1/downloads/${f.path}`,
          media_type: f.mediaType,
          bytes: f.body.length,
          sha256: f.sha256,
          title: f.title,
        })),
      };
    },
  };
}

/** What the package says of each source. */
export interface SourceFacts {
  title: string;
  url: string | null;
}
