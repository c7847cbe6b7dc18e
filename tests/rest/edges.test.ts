// CORS on every answer, plain OPTIONS, request ids in headers, bodies and logs, and probes that are never throttled.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { ALLOWED_HEADERS, EXPOSED_HEADERS } from '../../src/plugins/cors.js';
import { createTestApp, testConfig, useTestApp } from '../helpers/app.js';

const app = await useTestApp();
const ORIGIN = { origin: 'https://newsroom.example' };
const names = (value: unknown) =>
  String(value)
    .split(',')
    .map((s) => s.trim().toLowerCase());

describe('CORS', () => {
  it('exposes each readable header by name on a 200, a 304, a 400 and a 404', async () => {
    const ok = await app.inject({ url: '/v1/events?limit=2', headers: ORIGIN });
    const etag = String(ok.headers.etag);
    const notModified = await app.inject({ url: '/v1/events?limit=2', headers: { ...ORIGIN, 'if-none-match': etag } });
    expect(notModified.statusCode).toBe(304);
    const bad = await app.inject({ url: '/v1/events?limit=0', headers: ORIGIN });
    const missing = await app.inject({ url: '/v1/nothing', headers: ORIGIN });
    for (const response of [ok, notModified, bad, missing]) {
      expect(response.headers['access-control-allow-origin'], String(response.statusCode)).toBe('*');
      expect(names(response.headers['access-control-expose-headers'])).toEqual(
        EXPOSED_HEADERS.map((h) => h.toLowerCase()),
      );
    }
    // Each exposed header the list page sends is there to read.
    for (const header of ['link', 'etag', 'x-dataset-version', 'x-request-id'])
      expect(ok.headers[header]).toBeDefined();
  });

  it('lets a preflight send Accept, If-None-Match, Content-Type and X-Request-Id', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/v1/events',
      headers: {
        ...ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match, accept',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(names(preflight.headers['access-control-allow-headers'])).toEqual(
      ALLOWED_HEADERS.map((h) => h.toLowerCase()),
    );
    expect(names(preflight.headers['access-control-allow-methods'])).toEqual(['get', 'head', 'post', 'options']);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers a plain OPTIONS with 204 and Allow, and an unknown path with a 404 problem', async () => {
    for (const [url, allow] of [
      ['/v1/events', 'GET, HEAD, OPTIONS'],
      ['/v1/districts/lachin', 'GET, HEAD, OPTIONS'],
      ['/graphql', 'GET, HEAD, OPTIONS, POST'],
    ]) {
      const response = await app.inject({ method: 'OPTIONS', url });
      expect(response.statusCode, url).toBe(204);
      expect(response.headers.allow, url).toBe(allow);
      expect(response.body).toBe('');
    }
    // An Access-Control-Request-Method without Origin is no preflight either.
    const half = await app.inject({
      method: 'OPTIONS',
      url: '/v1/events',
      headers: { 'access-control-request-method': 'GET' },
    });
    expect(half.statusCode).toBe(204);
    const unknown = await app.inject({ method: 'OPTIONS', url: '/v1/nothing' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('X-Request-Id', () => {
  it('keeps a safe incoming id and replaces an unsafe one', async () => {
    for (const id of ['abc', 'trace.42_x-Y', 'a'.repeat(64)]) {
      const response = await app.inject({ url: '/v1/meta', headers: { 'x-request-id': id } });
      expect(response.headers['x-request-id']).toBe(id);
    }
    for (const id of ['', 'a'.repeat(65), 'has space', 'quote"', 'new\u00e9']) {
      const response = await app.inject({ url: '/v1/events?limit=0', headers: { 'x-request-id': id } });
      const made = String(response.headers['x-request-id']);
      expect(made).not.toBe(id);
      expect(made).toMatch(/^[0-9a-f-]{36}$/);
      expect((response.json() as { request_id: string }).request_id).toBe(made);
    }
  });

  it('gives each request its own id, also on a cache hit', async () => {
    const first = await app.inject({ url: '/v1/districts/lachin' });
    const second = await app.inject({ url: '/v1/districts/lachin' });
    expect(first.headers['x-request-id']).toBeTruthy();
    expect(second.headers['x-request-id']).toBeTruthy();
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  });

  it('writes the same id in the log lines', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await buildApp(testConfig(), { logger: { level: 'info', stream } });
    try {
      await logged.inject({ url: '/v1/nothing', headers: { 'x-request-id': 'log-me-1' } });
      const ids = lines.map((l) => (JSON.parse(l) as { reqId?: string }).reqId).filter(Boolean);
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids)).toEqual(new Set(['log-me-1']));
    } finally {
      await logged.close();
    }
  });
});

describe('probes', () => {
  it('are never rate-limited: /healthz, /livez and /readyz answer past the limit', async () => {
    const limited = await createTestApp({ RATE_LIMIT_MAX: '2' });
    try {
      for (let i = 0; i < 3; i++) await limited.inject({ url: '/v1/meta' });
      expect((await limited.inject({ url: '/v1/meta' })).statusCode).toBe(429);
      for (let i = 0; i < 5; i++) {
        const health = await limited.inject({ url: '/healthz' });
        expect(health.statusCode).toBe(200);
        expect(health.json()).toEqual({ status: 'ok' });
        expect(health.headers['x-ratelimit-limit']).toBeUndefined();
        expect((await limited.inject({ url: '/livez' })).json()).toEqual({ status: 'ok' });
        const ready = await limited.inject({ url: '/readyz' });
        expect(ready.statusCode).toBe(200);
        expect(ready.json()).toMatchObject({ status: 'ready' });
      }
    } finally {
      await limited.close();
    }
  });
});
