// Which brotli quality and gzip level to use: size ratio and time per compression on the API's real answers.
// `node --import tsx bench/compression-quality.ts` seeds a temporary database, asks the app in process, and prints
// one table per answer. The chosen settings are in src/lib/encoding.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { seedDatabase } from '../seed/seed.js';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';

const ANSWERS = [
  '/v1/districts/lachin',
  '/v1/events?from=2020-09-27&to=2020-11-10&limit=50',
  '/v1/events?limit=100&format=csv',
];
/** Each setting is timed for this long per answer: long enough for a stable mean, short enough for 20 settings. */
const BUDGET_MS = 300;

function timed(compress: () => Buffer): { bytes: number; micros: number } {
  const bytes = compress().length;
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < BUDGET_MS) {
    compress();
    runs++;
  }
  return { bytes, micros: ((performance.now() - start) * 1000) / runs };
}

const dir = mkdtempSync(join(tmpdir(), 'compression-quality-'));
try {
  const databasePath = join(dir, 'history.sqlite');
  seedDatabase({ databasePath });
  const app = await buildApp(
    loadConfig({
      DATABASE_PATH: databasePath,
      LOG_LEVEL: 'silent',
      MAX_EVENT_LOOP_DELAY: '0',
      RESPONSE_CACHE_SIZE: '0',
    }),
    { logger: false },
  );
  await app.ready();
  for (const url of ANSWERS) {
    const body = (await app.inject({ url })).rawPayload;
    console.log(`\n${url}: ${body.length} identity bytes`);
    console.log('| coding | ratio | µs |\n| --- | --- | --- |');
    const row = (name: string, compress: () => Buffer) => {
      const { bytes, micros } = timed(compress);
      console.log(`| ${name} | ${((100 * bytes) / body.length).toFixed(1)}% | ${micros.toFixed(0)} |`);
    };
    for (let quality = 1; quality <= 11; quality++) {
      row(`br ${quality}`, () =>
        brotliCompressSync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: quality,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
      );
    }
    for (const level of [1, 3, 6, 9]) row(`gzip ${level}`, () => gzipSync(body, { level }));
  }
  await app.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
