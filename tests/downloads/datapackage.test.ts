// The Data Package: valid against the official Data Package 2 profiles (vendored, loaded locally), one resource per
// table, every CSV as its schema says (header, types, constraints, primary-key order, row count), every foreign key
// resolving, and the zip holding exactly what the package lists.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { PROJECT_ROOT } from '../../src/paths.js';
import { useTestApp } from '../helpers/app.js';

interface Field {
  name: string;
  type: 'string' | 'integer' | 'number' | 'date';
  constraints?: { required?: boolean; unique?: boolean; enum?: string[] };
}
interface Resource {
  name: string;
  type: string;
  path: string;
  bytes: number;
  hash: string;
  schema: {
    fields: Field[];
    primaryKey: string[];
    foreignKeys?: { fields: string[]; reference: { resource?: string; fields: string[] } }[];
  };
}
interface DataPackage {
  $schema: string;
  name: string;
  title: string;
  version: string;
  created: string;
  licenses: { name: string; path: string; title: string }[];
  sources: { title: string; path?: string }[];
  resources: Resource[];
}

const app = await useTestApp();
const temp = mkdtempSync(join(tmpdir(), 'downloads-package-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const meta = (await app.inject({ url: '/v1/meta' })).json() as {
  version: string;
  built_at: string;
  counts: Record<string, number>;
};
const packageResponse = await app.inject({ url: '/v1/downloads/datapackage.json' });
const pkg = packageResponse.json() as DataPackage;

/** Each CSV as served, by resource name. */
const csvs = new Map<string, Buffer>();
for (const resource of pkg.resources) {
  csvs.set(resource.name, (await app.inject({ url: `/v1/downloads/${resource.path}` })).rawPayload);
}
const rowsOf = (name: string) => parse(csvs.get(name) as Buffer, { bom: false }) as string[][];

/** The official profiles, under the URLs they are published at; nothing is fetched. */
const PROFILES = join(PROJECT_ROOT, 'tests', 'vendor', 'frictionless-datapackage', '2.0');
const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its plugin is the module's `default` export.
addFormats.default(ajv);
// A hint to form editors in the profiles (a multi-line text box), not a constraint on the value.
ajv.addFormat('textarea', true);
for (const name of ['datapackage', 'dataresource', 'tableschema', 'tabledialect']) {
  const schema = JSON.parse(readFileSync(join(PROFILES, `${name}.json`), 'utf8')) as object;
  ajv.addSchema(schema, `https://datapackage.org/profiles/2.0/${name}.json`);
}
const validator = (name: string) => {
  const validate = ajv.getSchema(`https://datapackage.org/profiles/2.0/${name}.json`);
  if (!validate) throw new Error(`profile ${name} not loaded`);
  return validate;
};

describe('GET /v1/downloads/datapackage.json', () => {
  it('validates against the Data Package 2 profile its $schema names', () => {
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    const validate = validator('datapackage');
    expect(validate(pkg), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('has each resource valid as a Data Resource, and each inline schema valid as a Table Schema', () => {
    const resource = validator('dataresource');
    const tableSchema = validator('tableschema');
    for (const r of pkg.resources) {
      expect(resource(r), `${r.name}: ${ajv.errorsText(resource.errors)}`).toBe(true);
      expect(tableSchema(r.schema), `${r.name}: ${ajv.errorsText(tableSchema.errors)}`).toBe(true);
    }
  });

  it('would refuse a broken package: the profile is really applied', () => {
    const validate = validator('datapackage');
    expect(validate({ ...pkg, resources: [] })).toBe(false);
    expect(validate({ ...pkg, resources: [{ ...pkg.resources[0], path: '../outside.csv' }] })).toBe(false);
    expect(validate({ ...pkg, licenses: [{ title: 'no name or path' }] })).toBe(false);
  });

  it('names the dataset, its version, build time, licence and sources', () => {
    expect(pkg.name).toBe('karabakh-history');
    expect(pkg.title).toBe('Karabakh History API');
    expect(pkg.version).toBe(meta.version);
    expect(pkg.created).toBe(meta.built_at);
    expect(pkg.licenses).toEqual([
      {
        name: 'CC-BY-4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
        title: 'Creative Commons Attribution 4.0 International',
      },
    ]);
    expect(pkg.sources.length).toBe(meta.counts.sources);
    expect(pkg.sources.every((s) => s.title.length > 0)).toBe(true);
    expect(packageResponse.headers['repr-digest']).toBe(
      `sha-256=:${createHash('sha256').update(packageResponse.rawPayload).digest('base64')}:`,
    );
  });

  it('types the day columns as dates, each described', () => {
    const events = pkg.resources.find((r) => r.name === 'events') as Resource;
    const start = events.schema.fields.find((f) => f.name === 'start_date') as Field & { description?: string };
    expect(start.type).toBe('date');
    expect(start.description).toMatch(/precision/);
    const dates = pkg.resources.flatMap((r) => r.schema.fields.filter((f) => f.type === 'date'));
    expect(dates.length).toBe(7);
  });

  it('has one table resource per table of /v1/meta counts, plus the link, citation and caveat tables outside the counts', () => {
    const names = pkg.resources.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => !(n in meta.counts)).sort()).toEqual([
      'agreement_places',
      'agreement_signatories',
      'boundary_caveats',
      'place_identifier_citations',
    ]);
    for (const table of Object.keys(meta.counts)) expect(names, table).toContain(table);
    for (const r of pkg.resources) {
      expect(r.type).toBe('table');
      expect(r.path).toBe(`csv/${r.name}.csv`);
      expect(r.schema.primaryKey.length).toBeGreaterThan(0);
    }
  });
});

describe('GET /v1/downloads/csv/{table}.csv', () => {
  it('has a header equal to its schema fields, and the size and hash the package gives', () => {
    for (const r of pkg.resources) {
      const bytes = csvs.get(r.name) as Buffer;
      expect(rowsOf(r.name)[0], r.name).toEqual(r.schema.fields.map((f) => f.name));
      expect(bytes.length, r.name).toBe(r.bytes);
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    }
  });

  it("has as many rows as the table: /v1/meta's count, and the downloaded database's", async () => {
    const file = join(temp, 'history.sqlite');
    writeFileSync(file, (await app.inject({ url: '/v1/downloads/history.sqlite' })).rawPayload);
    const db = new Database(file, { readonly: true });
    try {
      for (const r of pkg.resources) {
        const rows = rowsOf(r.name).length - 1;
        if (r.name in meta.counts) expect(rows, r.name).toBe(meta.counts[r.name]);
        const { n } = db.prepare(`SELECT count(*) AS n FROM "${r.name}"`).get() as { n: number };
        expect(rows, r.name).toBe(n);
      }
    } finally {
      db.close();
    }
  });

  it('holds values of the declared types and constraints, rows in the order of the primary key', () => {
    const utf8 = (s: string) => Buffer.from(s, 'utf8');
    for (const r of pkg.resources) {
      const [, ...rows] = rowsOf(r.name);
      r.schema.fields.forEach((field, i) => {
        const values = rows.map((row) => row[i] as string);
        const present = values.filter((v) => v !== '');
        if (field.type === 'integer') for (const v of present) expect(v, `${r.name}.${field.name}`).toMatch(/^-?\d+$/);
        if (field.type === 'number') for (const v of present) expect(Number.isFinite(Number(v)), v).toBe(true);
        // A Table Schema date in its default format: an ISO 8601 calendar day that exists.
        if (field.type === 'date') {
          for (const v of present) expect(new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10), v).toBe(v);
        }
        if (field.constraints?.required) expect(present.length, `${r.name}.${field.name}`).toBe(values.length);
        if (field.constraints?.unique) expect(new Set(present).size, `${r.name}.${field.name}`).toBe(present.length);
        const allowed = field.constraints?.enum;
        if (allowed) for (const v of present) expect(allowed, `${r.name}.${field.name}`).toContain(v);
      });
      const keyIndexes = r.schema.primaryKey.map((k) => r.schema.fields.findIndex((f) => f.name === k));
      const keyTypes = keyIndexes.map((i) => r.schema.fields[i]?.type);
      const compare = (a: string[], b: string[]) => {
        for (const [j, i] of keyIndexes.entries()) {
          const [x, y] = [a[i] as string, b[i] as string];
          const order = keyTypes[j] === 'string' ? Buffer.compare(utf8(x), utf8(y)) : Number(x) - Number(y);
          if (order !== 0) return order;
        }
        return 0;
      };
      for (let n = 1; n < rows.length; n++) {
        expect(compare(rows[n - 1] as string[], rows[n] as string[]), `${r.name} row ${n}`).toBeLessThan(0);
      }
    }
  });

  it('has every foreign key resolve to a row of the table it names', () => {
    const byName = new Map(pkg.resources.map((r) => [r.name, r]));
    let checked = 0;
    for (const r of pkg.resources) {
      const [, ...rows] = rowsOf(r.name);
      for (const fk of r.schema.foreignKeys ?? []) {
        const target = byName.get(fk.reference.resource ?? r.name) as Resource;
        expect(target, `${r.name} → ${fk.reference.resource}`).toBeDefined();
        const [, ...targetRows] = rowsOf(target.name);
        const at = (res: Resource, names: string[]) =>
          names.map((n) => res.schema.fields.findIndex((f) => f.name === n));
        const targetIdx = at(target, fk.reference.fields);
        const known = new Set(targetRows.map((row) => JSON.stringify(targetIdx.map((i) => row[i]))));
        const idx = at(r, fk.fields);
        for (const row of rows) {
          const values = idx.map((i) => row[i]);
          if (values.some((v) => v === '')) continue; // a null reference refers to nothing
          expect(known.has(JSON.stringify(values)), `${r.name}.${fk.fields.join(',')} = ${values.join(',')}`).toBe(
            true,
          );
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('answers an unknown table with a 404 problem that lists the tables', async () => {
    for (const url of [
      '/v1/downloads/csv/no-such-table.csv',
      '/v1/downloads/csv/dataset.csv',
      '/v1/downloads/csv/search_fts.csv',
    ]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 404, type: '/problems/not-found' });
      expect(response.json().detail).toContain('events');
    }
  });
});

/** Every entry of a zip, read with yauzl (a separate unzip library from the one that wrote it). */
function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('GET /v1/downloads/history.zip', () => {
  it('holds exactly datapackage.json and the files the package lists, each as served', async () => {
    const response = await app.inject({ url: '/v1/downloads/history.zip' });
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="karabakh-history-${meta.version}.zip"`);
    const entries = await unzip(response.rawPayload);
    expect([...entries.keys()].sort()).toEqual(['datapackage.json', ...pkg.resources.map((r) => r.path)].sort());
    expect(Buffer.compare(entries.get('datapackage.json') as Buffer, packageResponse.rawPayload)).toBe(0);
    for (const r of pkg.resources) {
      expect(Buffer.compare(entries.get(r.path) as Buffer, csvs.get(r.name) as Buffer), r.path).toBe(0);
    }
  });
});
