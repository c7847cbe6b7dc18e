// Limits and masks: rate limit, wrong methods, security headers, and 500s that show nothing internal.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.js';
import { createTestApp, testConfig } from '../helpers/app.js';

describe('rate limit', () => {
  let app: App;
  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX: '25', RATE_LIMIT_WINDOW: '60000' });
  });
  afterAll(() => app.close());

  it('answers exactly the configured number of requests, then 429 with Retry-After, counting unknown routes too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const url = i % 5 === 4 ? '/no/such/route' : '/v1/meta';
      const response = await app.inject({ url, remoteAddress: '203.0.113.7' });
      statuses.push(response.statusCode);
      expect(response.headers['x-ratelimit-limit']).toBe('25');
      expect(response.headers['x-ratelimit-remaining']).toBe(String(24 - i));
      expect(response.headers['x-ratelimit-reset']).toBeDefined();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.filter((s) => s === 404)).toHaveLength(5);
    const limited = await app.inject({ url: '/v1/meta', remoteAddress: '203.0.113.7' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toMatchObject({ status: 429, title: 'Too many requests' });
    const unknown = await app.inject({ url: '/no/such/route', remoteAddress: '203.0.113.7' });
    expect(unknown.statusCode).toBe(429);
  });

  it('counts each address on its own, and ignores X-Forwarded-For unless a proxy is trusted', async () => {
    const other = await app.inject({ url: '/v1/meta', remoteAddress: '198.51.100.1' });
    expect(other.statusCode).toBe(200);
    const spoofed = await app.inject({
      url: '/v1/meta',
      remoteAddress: '203.0.113.7',
      headers: { 'x-forwarded-for': '192.0.2.99' },
    });
    expect(spoofed.statusCode).toBe(429);
  });
});

describe('methods and headers', () => {
  let app: App;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('answers 405 with Allow for a method a REST route does not take', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const response = await app.inject({ method, url: '/v1/events', payload: method === 'DELETE' ? undefined : {} });
      expect(response.statusCode, method).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD, OPTIONS');
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const item = await app.inject({ method: 'DELETE', url: '/v1/districts/lachin' });
    expect(item.statusCode).toBe(405);
  });

  it('sends the API set of security headers on data and Helmet set on the HTML docs', async () => {
    const response = await app.inject({ url: '/v1/meta' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.headers['referrer-policy']).toBeUndefined();
    const docs = await app.inject({ url: '/docs/' });
    expect(docs.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(docs.headers['referrer-policy']).toBe('no-referrer');
    const csp = String(docs.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('500s', () => {
  it('show a generic problem with a request id that is also in the log line, and nothing internal', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp(testConfig(), { logger: { level: 'error', stream } });
    app.get('/v1/test-only-boom', async () => {
      throw new Error('SQLITE_CORRUPT: database disk image is malformed at /work/main/src/queries/events.ts:42');
    });
    await app.ready();
    try {
      const response = await app.inject({ url: '/v1/test-only-boom' });
      expect(response.statusCode).toBe(500);
      const body = response.json() as { detail: string; request_id: string };
      expect(response.body).not.toMatch(/SQLITE|\/work\/|\.ts:|malformed/);
      expect(body.detail).toContain(body.request_id);
      const logged = lines
        .map((l) => JSON.parse(l) as { reqId?: string; err?: { message: string } })
        .find((l) => l.err);
      expect(logged?.reqId).toBe(body.request_id);
      expect(logged?.err?.message).toContain('SQLITE_CORRUPT');
    } finally {
      await app.close();
    }
  });
});

describe('load shedding', () => {
  it('answers 503 with Retry-After while the event loop is saturated, and recovers', async () => {
    const app = await createTestApp({ MAX_EVENT_LOOP_DELAY: '50' });
    try {
      await app.inject({ url: '/healthz' });
      // under-pressure takes the mean of the loop-delay histogram every 250 ms, then resets it. One long block is
      // a single sample among however many short loop turns follow it, so whether its mean crosses the limit
      // depends on how busy the machine is. Saturation as it happens is sustained: a runaway that holds the loop
      // 100 ms at every turn keeps every sample's mean near 100 ms, over the 50 ms limit, until it stops.
      let saturating = true;
      const runaway = () => {
        if (!saturating) return;
        const until = Date.now() + 100;
        while (Date.now() < until) {
          // Block the event loop, as a runaway request would.
        }
        setImmediate(runaway);
      };
      runaway();
      let shed = await app.inject({ url: '/v1/meta' });
      for (const giveUp = Date.now() + 5000; shed.statusCode !== 503 && Date.now() < giveUp;) {
        await new Promise((r) => setTimeout(r, 10));
        shed = await app.inject({ url: '/v1/meta' });
      }
      saturating = false;
      expect(shed.statusCode).toBe(503);
      expect(shed.headers['retry-after']).toBe('5');
      expect(shed.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((shed.json() as { request_id: string }).request_id).toBe(shed.headers['x-request-id']);
      expect(shed.headers['access-control-allow-origin']).toBe('*');
      // Probes are never shed: a prober must not take an overloaded process for a dead one.
      for (const probe of ['/healthz', '/livez', '/readyz']) {
        expect((await app.inject({ url: probe })).statusCode, probe).toBe(200);
      }
      // Once a sample of normal ticks follows, requests are answered again.
      let recovered = await app.inject({ url: '/v1/meta' });
      for (const giveUp = Date.now() + 3000; recovered.statusCode !== 200 && Date.now() < giveUp;) {
        await new Promise((r) => setTimeout(r, 50));
        recovered = await app.inject({ url: '/v1/meta' });
      }
      expect(recovered.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
