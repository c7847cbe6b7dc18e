// The download files over HTTP: the SQLite file exactly as served, its digest and validators, Range (206, 416),
// If-Range, HEAD and 304, the same on every file, and a fuzz of the Range header.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, useTestApp } from '../helpers/app.js';
import { modifiedSeedDir, seedInto } from './helpers.js';

const app = await useTestApp();
const servedPath = inject('databasePath');
const temp = mkdtempSync(join(tmpdir(), 'downloads-files-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const FILES = [
  '/v1/downloads/history.sqlite',
  '/v1/downloads/history.zip',
  '/v1/downloads/datapackage.json',
  '/v1/downloads/csv/events.csv',
  '/v1/downloads/csv/citations.csv',
];

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const sha256Base64 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64');

const meta = (await get('/v1/meta')).json() as { version: string; counts: Record<string, number> };
const sqlite = await get('/v1/downloads/history.sqlite');

describe('GET /v1/downloads/history.sqlite', () => {
  it('is the serving database file, byte for byte, with its media type and file name', () => {
    expect(sqlite.statusCode).toBe(200);
    expect(sqlite.headers['content-type']).toBe('application/vnd.sqlite3');
    expect(sqlite.headers['content-disposition']).toBe(
      `attachment; filename="karabakh-history-${meta.version}.sqlite"`,
    );
    expect(Buffer.compare(sqlite.rawPayload, readFileSync(servedPath))).toBe(0);
    expect(Number(sqlite.headers['content-length'])).toBe(sqlite.rawPayload.length);
  });

  it('opens with better-sqlite3, and its row counts are those of /v1/meta', () => {
    const file = join(temp, 'downloaded.sqlite');
    writeFileSync(file, sqlite.rawPayload);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const [table, count] of Object.entries(meta.counts)) {
        const row = db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number };
        expect(row.n, table).toBe(count);
      }
      const dataset = db.prepare('SELECT version FROM dataset').get() as { version: string };
      expect(dataset.version).toBe(meta.version);
    } finally {
      db.close();
    }
  });

  it('hashes to its Repr-Digest (RFC 9530), and its strong ETag names the version', () => {
    expect(sqlite.headers['repr-digest']).toBe(`sha-256=:${sha256Base64(sqlite.rawPayload)}:`);
    const etag = String(sqlite.headers.etag);
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(etag.startsWith(`"${meta.version}-`)).toBe(true);
    expect(sqlite.headers['accept-ranges']).toBe('bytes');
    expect(sqlite.headers['x-dataset-version']).toBe(meta.version);
  });
});

describe('every download file', () => {
  it('answers a Range request with exactly the bytes asked for, Repr-Digest still of the whole file', async () => {
    for (const url of FILES) {
      const whole = await get(url);
      const size = whole.rawPayload.length;
      const cases: [string, number, number][] = [
        ['bytes=0-0', 0, 0],
        ['bytes=0-99', 0, 99],
        [`bytes=${size - 10}-`, size - 10, size - 1],
        ['bytes=-7', size - 7, size - 1],
        [`bytes=100-${size + 500}`, 100, size - 1],
        ['bytes=5-9, 8-20', 5, 20],
        ['Bytes=0-3', 0, 3],
      ];
      for (const [range, start, end] of cases) {
        const part = await get(url, { range });
        expect(part.statusCode, `${url} ${range}`).toBe(206);
        expect(part.headers['content-range'], `${url} ${range}`).toBe(`bytes ${start}-${end}/${size}`);
        expect(Buffer.compare(part.rawPayload, whole.rawPayload.subarray(start, end + 1)), range).toBe(0);
        expect(Number(part.headers['content-length'])).toBe(end - start + 1);
        expect(part.headers['repr-digest']).toBe(whole.headers['repr-digest']);
        expect(part.headers.etag).toBe(whole.headers.etag);
      }
    }
  });

  it('answers an unsatisfiable range with a 416 problem that gives the size', async () => {
    for (const url of FILES) {
      const size = (await get(url)).rawPayload.length;
      for (const range of [`bytes=${size}-`, `bytes=${size + 10}-${size + 20}`, 'bytes=-0']) {
        const response = await get(url, { range });
        expect(response.statusCode, `${url} ${range}`).toBe(416);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.headers['content-range']).toBe(`bytes */${size}`);
        expect(response.json()).toMatchObject({ status: 416, type: '/problems/range-not-satisfiable' });
      }
    }
  });

  it('refuses a malformed bytes range with a 400 problem, and ignores another unit or several ranges', async () => {
    const url = '/v1/downloads/history.zip';
    const whole = await get(url);
    for (const range of ['bytes=abc', 'bytes=1-x', 'bytes=']) {
      const response = await get(url, { range });
      expect(response.statusCode, range).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    for (const range of ['items=0-5', 'items=99999999-', 'rows=abc', 'bytes=0-1,10-11']) {
      const response = await get(url, { range });
      expect(response.statusCode, range).toBe(200);
      expect(Buffer.compare(response.rawPayload, whole.rawPayload)).toBe(0);
    }
  });

  it('refuses a Range or If-Range longer than OpenAPI allows with a 400 problem naming the header', async () => {
    const tooLong: Record<string, string>[] = [
      { range: `bytes=${'1'.repeat(300)}-` },
      { range: 'bytes=0-9', 'if-range': `"${'x'.repeat(300)}"` },
    ];
    for (const headers of tooLong) {
      const response = await get('/v1/downloads/history.sqlite', headers);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const name = Object.keys(headers).at(-1);
      expect(response.json<{ errors: { in: string; name: string }[] }>().errors).toEqual([
        expect.objectContaining({ in: 'header', name }),
      ]);
    }
  });

  it('sends the whole file when If-Range names another representation, the part when it names this one', async () => {
    for (const url of FILES) {
      const whole = await get(url);
      const etag = String(whole.headers.etag);
      const same = await get(url, { range: 'bytes=0-9', 'if-range': etag });
      expect(same.statusCode).toBe(206);
      const other = await get(url, { range: 'bytes=0-9', 'if-range': '"another-version"' });
      expect(other.statusCode).toBe(200);
      expect(Buffer.compare(other.rawPayload, whole.rawPayload)).toBe(0);
      // A weak validator never matches If-Range (RFC 9110 §13.1.5).
      const weak = await get(url, { range: 'bytes=0-9', 'if-range': `W/${etag}` });
      expect(weak.statusCode).toBe(200);
    }
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    for (const url of FILES) {
      const whole = await get(url);
      const head = await app.inject({ method: 'HEAD', url });
      expect(head.statusCode).toBe(200);
      expect(head.rawPayload.length).toBe(0);
      for (const name of ['content-type', 'content-length', 'etag', 'repr-digest', 'content-disposition']) {
        expect(head.headers[name], `${url} ${name}`).toBe(whole.headers[name]);
      }
      const headPart = await app.inject({ method: 'HEAD', url, headers: { range: 'bytes=0-9' } });
      expect(headPart.statusCode).toBe(206);
      expect(headPart.headers['content-length']).toBe('10');
    }
  });

  it('answers If-None-Match with its ETag by a 304 without a body, with the validators', async () => {
    for (const url of FILES) {
      const whole = await get(url);
      const again = await get(url, { 'if-none-match': String(whole.headers.etag) });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);
      expect(again.headers.etag).toBe(whole.headers.etag);
      expect(again.headers['cache-control']).toBe(whole.headers['cache-control']);
      const stale = await get(url, { 'if-none-match': '"1.000000000000-old"' });
      expect(stale.statusCode).toBe(200);
    }
  });

  it('is streamed past the response cache: no Vary, no compression, whatever Accept-Encoding says', async () => {
    for (const url of FILES) {
      const response = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(response.headers['content-encoding'], url).toBeUndefined();
      expect(response.headers.vary, url).toBeUndefined();
    }
  });

  it('refuses query parameters, as every route does', async () => {
    const response = await get('/v1/downloads/history.sqlite?version=1');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('validators across apps and datasets', () => {
  const headersOf = async (target: typeof app) => {
    const out: Record<string, [string, string]> = {};
    for (const url of FILES) {
      const response = await target.inject({ url });
      out[url] = [String(response.headers.etag), String(response.headers['cache-control'])];
    }
    return out;
  };

  it('are the same in another app on the same dataset, and change with the dataset version', async () => {
    const mine = await headersOf(app);
    const twin = await createTestApp();
    try {
      expect(await headersOf(twin)).toEqual(mine);
    } finally {
      await twin.close();
    }
    const dir = modifiedSeedDir();
    try {
      const other = seedInto(join(temp, 'other.sqlite'), dir);
      expect(other.version).not.toBe(meta.version);
      const otherApp = await createTestApp({ DATABASE_PATH: other.databasePath });
      try {
        const theirs = await headersOf(otherApp);
        for (const url of FILES) {
          expect(theirs[url]?.[0], url).not.toBe(mine[url]?.[0]);
          expect(theirs[url]?.[0].startsWith(`"${other.version}-`), url).toBe(true);
        }
      } finally {
        await otherApp.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are the same for two builds of the same inputs at the same build time: byte-identical files', async () => {
    const builtAt = '2026-01-01T00:00:00.000Z';
    const apps = [];
    try {
      for (const name of ['first.sqlite', 'second.sqlite']) {
        const built = seedInto(join(temp, name), undefined, builtAt);
        apps.push(await createTestApp({ DATABASE_PATH: built.databasePath }));
      }
      const [first, second] = await Promise.all(apps.map(headersOf));
      expect(second).toEqual(first);
    } finally {
      await Promise.all(apps.map((a) => a.close()));
    }
  });

  it('follow the dataset when the seeder swaps the file under a running app', async () => {
    const path = join(temp, 'live.sqlite');
    copyFileSync(servedPath, path);
    const live = await createTestApp({ DATABASE_PATH: path });
    const dir = modifiedSeedDir();
    try {
      const before = await live.inject({ url: '/v1/downloads/history.sqlite' });
      expect(before.headers['x-dataset-version']).toBe(meta.version);
      const next = seedInto(join(temp, 'next.sqlite'), dir);
      renameSync(next.databasePath, path);
      expect(live.data.refresh()).toBe(true);
      const after = await live.inject({ url: '/v1/downloads/history.sqlite' });
      expect(after.headers['x-dataset-version']).toBe(next.version);
      expect(Buffer.compare(after.rawPayload, readFileSync(path))).toBe(0);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      const list = (await live.inject({ url: '/v1/downloads' })).json() as { version: string };
      expect(list.version).toBe(next.version);
    } finally {
      await live.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fuzzing the Range header', () => {
  const bound = fc.oneof(fc.nat({ max: 2_000_000 }), fc.constant(''));
  const range = fc.oneof(
    fc.tuple(bound, bound).map(([a, b]) => `bytes=${a}-${b}`),
    fc
      .array(fc.tuple(fc.nat(100_000), fc.nat(100_000)), { minLength: 1, maxLength: 4 })
      .map((pairs) => `bytes=${pairs.map(([a, b]) => `${a}-${b}`).join(',')}`),
    fc.string({ maxLength: 30 }),
    fc.string({ maxLength: 30 }).map((s) => `bytes=${s}`),
  );

  it('never fails, and every 206 holds exactly the bytes its Content-Range names', async () => {
    const wholes = new Map<string, Buffer>();
    for (const url of FILES) wholes.set(url, (await get(url)).rawPayload);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILES), range, async (url, header) => {
        const response = await get(url, { range: header });
        const whole = wholes.get(url) as Buffer;
        expect([200, 206, 400, 416], header).toContain(response.statusCode);
        if (response.statusCode === 206) {
          const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(response.headers['content-range']));
          expect(match, header).not.toBeNull();
          const [start, end, size] = (match as RegExpExecArray).slice(1).map(Number) as [number, number, number];
          expect(size).toBe(whole.length);
          expect(Buffer.compare(response.rawPayload, whole.subarray(start, end + 1)), header).toBe(0);
        }
        if (response.statusCode === 200) expect(response.rawPayload.length).toBe(whole.length);
        if (response.statusCode >= 400) {
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        }
      }),
      { numRuns: 300, seed: 20201110 },
    );
  });
});
