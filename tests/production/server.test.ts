// The real server process under attack: load, SIGTERM mid-load, a dataset swap mid-load, and a slow client.
// Loopback only, bounded in count and time; every figure is printed for the issue notes.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { seedDatabase } from '../../seed/seed.js';
import { SEED_DATA_DIR } from '../../src/paths.js';
import { runLoops, rssMb } from '../helpers/http-load.js';
import { startServer } from '../helpers/server-process.js';

const work = mkdtempSync(join(tmpdir(), 'server-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function freshDatabase(name: string): string {
  const path = join(work, `${name}.sqlite`);
  cpSync(inject('databasePath'), path);
  return path;
}

const REST_URLS = [
  '/v1/events?from=2020-09-27&to=2020-11-10',
  '/v1/districts/lachin',
  '/v1/search?q=Lachin',
  '/v1/events/second-karabakh-war',
  '/v1/places?name=berdzor',
  '/v1/meta',
];

describe('load', () => {
  it('answers a 10 s mix of REST and GraphQL at 32 connections with no errors and bounded memory', async () => {
    const databasePath = freshDatabase('load');
    const before = readFileSync(databasePath);
    const server = await startServer({ DATABASE_PATH: databasePath, RATE_LIMIT_MAX: '10000000', LOG_LEVEL: 'warn' });
    try {
      const pid = server.child.pid as number;
      const rssBefore = rssMb(pid);
      const graphql = JSON.stringify({ query: '{ district(slug: "lachin") { slug name } }' });
      const result = await autocannon({
        url: server.url,
        connections: 32,
        duration: 10,
        requests: [
          ...REST_URLS.map((path) => ({ method: 'GET' as const, path })),
          { method: 'POST' as const, path: '/graphql', headers: { 'content-type': 'application/json' }, body: graphql },
        ],
      });
      const rssAfter = rssMb(pid);
      console.log(
        `load: ${result.requests.total} requests, ${result.errors} errors, ${result.non2xx} non-2xx, ` +
          `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(result.requests.average)} req/s, ` +
          `RSS ${rssBefore} → ${rssAfter} MB`,
      );
      expect(result.requests.total).toBeGreaterThan(1000);
      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(result.non2xx).toBe(0);
      expect(rssAfter).toBeLessThan(400);
      // Nothing wrote to the database, and no journal appeared beside it.
      expect(readFileSync(databasePath).equals(before)).toBe(true);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 60_000);
});

function checkShutdown(outcomes: Awaited<ReturnType<typeof runLoops>>, signalAt: number) {
  const answered = outcomes.filter((o) => o.status !== undefined);
  const failed = outcomes.filter((o) => o.error);
  const unexpected = answered.filter((o) => o.status !== 200 && o.status !== 503);
  const badClosing = answered.filter((o) => o.status === 503 && o.connection !== 'close');
  const early = failed.filter((o) => o.at < signalAt);
  return { answered, failed, unexpected, badClosing, early };
}

describe('graceful shutdown', () => {
  it('on SIGTERM mid-load answers every accepted request (200, or 503 with Connection: close) and exits 0 within 10 s', async () => {
    const server = await startServer({
      DATABASE_PATH: freshDatabase('sigterm'),
      RATE_LIMIT_MAX: '10000000',
      LOG_LEVEL: 'warn',
    });
    const loops = runLoops(server.url, REST_URLS, 16, 4000);
    await new Promise((r) => setTimeout(r, 1500));
    const signalAt = Date.now();
    server.child.kill('SIGTERM');
    const code = await server.exited;
    const exitMs = Date.now() - signalAt;
    const outcomes = await loops;
    const r = checkShutdown(outcomes, signalAt);
    console.log(
      `sigterm: ${outcomes.length} requests, ${r.answered.length} answered (${r.answered.filter((o) => o.status === 503).length} × 503), ` +
        `${r.failed.length} refused/reset after close began, exit ${code} in ${exitMs} ms`,
    );
    expect(code).toBe(0);
    expect(exitMs).toBeLessThan(10_000);
    expect(r.answered.length).toBeGreaterThan(100);
    expect(r.unexpected).toEqual([]);
    expect(r.badClosing).toEqual([]);
    expect(r.early).toEqual([]);
  }, 30_000);

  it('does the same when the server runs under npm start', async () => {
    const server = await startServer(
      { DATABASE_PATH: freshDatabase('npm-start'), RATE_LIMIT_MAX: '10000000', LOG_LEVEL: 'info' },
      120_000,
      ['start'],
    );
    // npm start runs the bundle (dist/server): what it serves from files beside its dependencies must still be there.
    const pages = ['/', '/docs/', '/docs/static/swagger-ui.css', '/graphiql', '/openapi.yaml', '/v1/meta'];
    for (const path of pages) expect([path, (await fetch(`${server.url}${path}`)).status]).toEqual([path, 200]);
    const graphql = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ district(slug: "lachin") { name } }' }),
    });
    expect(await graphql.json()).toEqual({ data: { district: { name: 'Lachin' } } });
    expect(server.output()).toMatch(/"startup_ms":\d+/);
    const loops = runLoops(server.url, REST_URLS, 8, 3000);
    await new Promise((r) => setTimeout(r, 1000));
    const signalAt = Date.now();
    server.child.kill('SIGTERM');
    const code = await server.exited;
    const exitMs = Date.now() - signalAt;
    const r = checkShutdown(await loops, signalAt);
    console.log(`npm start sigterm: ${r.answered.length} answered, exit ${code} in ${exitMs} ms`);
    expect(code).toBe(0);
    expect(exitMs).toBeLessThan(10_000);
    expect(r.unexpected).toEqual([]);
    expect(r.badClosing).toEqual([]);
    expect(r.early).toEqual([]);
  }, 180_000);
});

describe('dataset swap', () => {
  it('switches to a reseeded dataset mid-load without a failed request', async () => {
    const databasePath = freshDatabase('swap');
    const server = await startServer({ DATABASE_PATH: databasePath, RATE_LIMIT_MAX: '10000000', LOG_LEVEL: 'warn' });
    try {
      const dataDir = join(work, 'swap-data');
      cpSync(SEED_DATA_DIR, dataDir, { recursive: true });
      const events = join(dataDir, 'events.yaml');
      writeFileSync(
        events,
        readFileSync(events, 'utf8').replace('title: Second Karabakh War', 'title: Second Karabakh War '),
      );
      const loops = runLoops(server.url, REST_URLS, 8, 4000);
      await new Promise((r) => setTimeout(r, 1200));
      const { version: newVersion } = seedDatabase({ databasePath, dataDir });
      const outcomes = await loops;
      const versions = outcomes.map((o) => o.version);
      const failed = outcomes.filter((o) => o.status !== 200);
      const firstNew = versions.indexOf(newVersion);
      console.log(
        `swap: ${outcomes.length} requests, ${failed.length} failed, versions ${[...new Set(versions)].join(' → ')}, ` +
          `switched after request ${firstNew}`,
      );
      expect(failed).toEqual([]);
      expect(firstNew).toBeGreaterThan(0);
      expect(new Set(versions).size).toBe(2);
      // Once the new dataset answers, the old one never does again (allowing requests already in flight).
      const lastOld = versions.lastIndexOf(versions[0]);
      expect(lastOld - firstNew).toBeLessThan(16);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 30_000);
});

describe('slow client', () => {
  it('closes a connection that sends its headers one byte a second, while others keep being answered', async () => {
    const server = await startServer({
      DATABASE_PATH: freshDatabase('slow'),
      HEADERS_TIMEOUT: '2000',
      LOG_LEVEL: 'warn',
    });
    try {
      const { port } = new URL(server.url);
      const socket = net.connect(Number(port), '127.0.0.1');
      const opened = Date.now();
      const request = 'GET /v1/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' + 'a'.repeat(20);
      let sent = 0;
      let received = '';
      socket.on('data', (d) => {
        received += d;
      });
      const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - opened)));
      socket.on('error', () => {});
      const drip = setInterval(() => {
        if (sent < request.length && !socket.destroyed) socket.write(request[sent++] as string);
      }, 1000);
      const others: number[] = [];
      for (let i = 0; i < 5; i++) {
        others.push((await fetch(`${server.url}/v1/meta`)).status);
        await new Promise((r) => setTimeout(r, 500));
      }
      const closedAfter = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 8000))]);
      clearInterval(drip);
      socket.destroy();
      console.log(
        `slow client: closed after ${closedAfter} ms having sent ${sent} bytes; others answered ${others.join(',')}`,
      );
      expect(closedAfter).toBeGreaterThan(0);
      expect(closedAfter).toBeLessThan(6000);
      expect(received).not.toContain('200 OK');
      expect(others).toEqual([200, 200, 200, 200, 200]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 30_000);
});
