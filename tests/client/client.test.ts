// The typed client: generated from the committed openapi.yaml (no drift), working against the real app over HTTP,
// and importable as `<package>/client` with its types, the way another project would use it.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { ApiError, createClient, listAll, paginate, unwrap, type HistoryClient } from '../../src/client/index.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { createTestApp } from '../helpers/app.js';
import { runTs } from '../helpers/run-cli.js';

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, { types: string; default: string }>;
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
    const committed = readFileSync(join(PROJECT_ROOT, 'src/client/schema.ts'), 'utf8');
    expect(committed === readFileSync(out, 'utf8'), 'src/client/schema.ts is stale: run `npm run client`').toBe(true);
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

describe(`the package export ${pkg.name}/client`, () => {
  it('points at what the build makes of src/client', () => {
    expect(pkg.exports['./client']).toEqual({
      types: './dist/src/client/index.d.ts',
      default: './dist/src/client/index.js',
    });
  });

  it('installs into another project, imports and type-checks there, and calls the API', async () => {
    // The package as a dependency has it: package.json and the built client, in the consumer's node_modules.
    const consumer = join(temp, 'consumer');
    const installed = join(consumer, 'node_modules', pkg.name);
    const tsc = join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    mkdirSync(installed, { recursive: true });
    const build = spawnSync(
      process.execPath,
      [tsc, '-p', 'tsconfig.client.json', '--outDir', join(installed, 'dist'), '--emitDeclarationOnly', 'false'],
      { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(build.status, build.stdout + build.stderr).toBe(0);
    writeFileSync(join(installed, 'package.json'), readFileSync(join(PROJECT_ROOT, 'package.json')));
    for (const dependency of ['openapi-fetch', '@types'])
      symlinkSync(join(PROJECT_ROOT, 'node_modules', dependency), join(consumer, 'node_modules', dependency), 'dir');

    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
    writeFileSync(
      join(consumer, 'consumer.ts'),
      [
        `import { createClient, unwrap } from '${pkg.name}/client';`,
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
          skipLibCheck: true,
          types: ['node'],
          outDir: 'out',
        },
        files: ['consumer.ts'],
      }),
    );
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
  });
});
