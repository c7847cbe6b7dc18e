// The typed client (clients/typescript): generated from the committed openapi.yaml (no drift), working against the
// real app over HTTP, and packed as its own package that another project installs, type-checks against and runs.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import {
  ApiError,
  createClient,
  listAll,
  paginate,
  unwrap,
  type HistoryClient,
} from '../../clients/typescript/src/index.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { createTestApp } from '../helpers/app.js';
import { runTs } from '../helpers/run-cli.js';

const CLIENT_DIR = join(PROJECT_ROOT, 'clients', 'typescript');
const pkg = JSON.parse(readFileSync(join(CLIENT_DIR, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  exports: Record<string, { types: string; default: string }>;
  dependencies: Record<string, string>;
};

let app: App;
let base: string;
let api: HistoryClient;
const temp = mkdtempSync(join(tmpdir(), 'history-client-'));

beforeAll(async () => {
  app = await createTestApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
  api = createClient({ baseUrl: `${base}/` });
});
afterAll(async () => {
  await app.close();
  rmSync(temp, { recursive: true, force: true });
});

describe('generated types', () => {
  it('are exactly what openapi-typescript makes of openapi.yaml (run `npm run client` after `npm run openapi`)', () => {
    const out = join(temp, 'schema.ts');
    const result = runTs('scripts/generate-client.ts', ['--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const committed = readFileSync(join(CLIENT_DIR, 'src', 'schema.ts'), 'utf8');
    expect(
      committed === readFileSync(out, 'utf8'),
      'clients/typescript/src/schema.ts is stale: run `npm run client`',
    ).toBe(true);
  });
});

describe('createClient', () => {
  it('reads a district with its names, occupation and return', async () => {
    const lachin = await unwrap(api.GET('/v1/districts/{slug}', { params: { path: { slug: 'lachin' } } }));
    expect(lachin.name).toBe('Lachin');
    expect(lachin.names.map((n) => n.name)).toEqual(expect.arrayContaining(['Laçın', 'Berdzor']));
    expect(lachin.occupation?.date).toBe('1992-05-18');
    expect(lachin.return).toMatchObject({ date: '2020-12-01', mode: 'handover' });
  });

  it('sends typed query parameters and reads lists', async () => {
    const { data, error, response } = await api.GET('/v1/events', {
      params: { query: { from: '2020-09-27', to: '2020-11-10', match: 'within', limit: 100 } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.data.length).toBeGreaterThan(5);
    for (const event of data?.data ?? []) {
      // An open end (null) is never within a window that has a `to`.
      const end = event.date.end_date;
      expect(event.date.start_date >= '2020-09-27' && end !== null && end <= '2020-11-10').toBe(true);
    }
  });

  it('walks every page of a list with paginate and listAll', async () => {
    const all = await listAll((cursor) => api.GET('/v1/timeline', { params: { query: { limit: 100, cursor } } }));
    const paged: string[] = [];
    for await (const item of paginate((cursor) => api.GET('/v1/timeline', { params: { query: { limit: 7, cursor } } })))
      paged.push(`${item.type}:${item.id}`);
    expect(paged).toEqual(all.map((item) => `${item.type}:${item.id}`));
    expect(paged).toContain('agreement:trilateral-statement-2020');
    expect(new Set(paged).size).toBe(paged.length);
  });

  it('reads GeoJSON (application/geo+json) as JSON', async () => {
    const geo = await unwrap(api.GET('/v1/places.geojson'));
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.filter((f) => f.properties.kind === 'district')).toHaveLength(7);
  });

  it('turns a problem document into an ApiError', async () => {
    const missing = await unwrap(api.GET('/v1/districts/{slug}', { params: { path: { slug: 'nowhere' } } })).catch(
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).toMatchObject({ status: 404, problem: { status: 404, title: 'Not found' } });

    const invalid = await unwrap(api.GET('/v1/events', { params: { query: { from: 'last year' } } })).catch(
      (e: unknown) => e,
    );
    expect(invalid).toMatchObject({ status: 400, problem: { errors: [{ in: 'query', name: 'from' }] } });
  });
});

describe(`the package ${pkg.name}`, () => {
  it('packs into a tarball that installs into an empty project, type-checks there, and calls the API', async () => {
    // `npm pack` builds the package (prepack: tsc) and packs what `files` names.
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', temp], {
        cwd: CLIENT_DIR,
        encoding: 'utf8',
        timeout: 120_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ) as { filename: string; files: { path: string }[] }[];
    const tarball = join(temp, packed[0]?.filename ?? 'missing.tgz');
    expect(packed[0]?.files.map((f) => f.path).sort()).toEqual([
      'LICENSE',
      'README.md',
      'dist/index.d.ts',
      'dist/index.js',
      'dist/schema.d.ts',
      'dist/schema.js',
      'package.json',
    ]);

    const consumer = join(temp, 'consumer');
    mkdirSync(consumer, { recursive: true });
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
    // Its one dependency (openapi-fetch) comes from npm's cache when it holds it, which `npm ci` here filled.
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
      cwd: consumer,
      encoding: 'utf8',
      timeout: 120_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const installed = join(consumer, 'node_modules', ...pkg.name.split('/'));
    expect(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'))).toMatchObject({ version: pkg.version });
    expect(existsSync(join(consumer, 'node_modules', 'openapi-fetch'))).toBe(true);
    // Node's types for the program's process.argv, from this project: the consumer installs nothing else.
    symlinkSync(join(PROJECT_ROOT, 'node_modules', '@types'), join(consumer, 'node_modules', '@types'), 'dir');

    writeFileSync(
      join(consumer, 'consumer.ts'),
      [
        `import { createClient, unwrap } from '${pkg.name}';`,
        `const api = createClient({ baseUrl: process.argv[2] });`,
        `const lachin = await unwrap(api.GET('/v1/districts/{slug}', { params: { path: { slug: 'lachin' } } }));`,
        `const mode: 'military_operation' | 'handover' | undefined = lachin.return?.mode;`,
        `// @ts-expect-error: no such route`,
        `void api.GET('/v1/no-such-route');`,
        `console.log(lachin.name, mode);`,
      ].join('\n'),
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          types: ['node'],
          outDir: 'out',
        },
        files: ['consumer.ts'],
      }),
    );
    const tsc = join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const check = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], {
      cwd: consumer,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    // Asynchronously: the app answering it runs in this process.
    const run = await promisify(execFile)(process.execPath, [join(consumer, 'out', 'consumer.js'), base], {
      cwd: consumer,
      timeout: 30_000,
    });
    expect(run.stdout.trim()).toBe('Lachin handover');
  }, 240_000);

  it('declares its entry points and its one dependency, as the root package no longer exports a client', () => {
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(Object.keys(pkg.dependencies)).toEqual(['openapi-fetch']);
    const root = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { exports?: unknown };
    expect(root.exports).toBeUndefined();
  });
});
