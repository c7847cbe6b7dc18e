// Compressed answers: the coding Accept-Encoding asks for, the same bytes once decoded, compressed once per stored
// answer and on the fly with the cache off; 304s and HEAD unaffected.
import * as zlib from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { App } from '../../src/app.js';
import { BROTLI_QUALITY, COMPRESSION_THRESHOLD, compress, negotiateCoding } from '../../src/lib/encoding.js';
import { useTestApp } from '../helpers/app.js';

// Counted, so that a test can tell a compression from a stored answer.
vi.mock('node:zlib', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:zlib')>();
  return { ...original, brotliCompressSync: vi.fn(original.brotliCompressSync), gzipSync: vi.fn(original.gzipSync) };
});
const compressions = () =>
  vi.mocked(zlib.brotliCompressSync).mock.calls.length + vi.mocked(zlib.gzipSync).mock.calls.length;
afterEach(() => vi.clearAllMocks());

const DISTRICT = '/v1/districts/lachin';
const WINDOW = '/v1/events?from=2020-09-27&to=2020-11-10&limit=50';
const CSV = '/v1/events?limit=100&format=csv';

const cached = await useTestApp();
const uncached = await useTestApp({ RESPONSE_CACHE_SIZE: '0' });

const decode = (coding: unknown, bytes: Buffer) => {
  if (coding === 'br') return zlib.brotliDecompressSync(bytes);
  if (coding === 'gzip') return zlib.gunzipSync(bytes);
  return bytes;
};

async function fetch(app: App, url: string, acceptEncoding?: string, method: 'GET' | 'HEAD' = 'GET') {
  const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
  return app.inject({ method, url, headers });
}

describe.each([
  ['cache on', cached],
  ['cache off', uncached],
])('with the %s', (_name, app) => {
  it.each([DISTRICT, WINDOW, CSV])('sends %s in br and gzip that decode to exactly the identity bytes', async (url) => {
    const identity = await fetch(app, url);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.rawPayload.length).toBeGreaterThan(COMPRESSION_THRESHOLD);
    for (const coding of ['br', 'gzip']) {
      const response = await fetch(app, url, coding);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(coding);
      expect(response.headers['content-type']).toBe(identity.headers['content-type']);
      expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
      expect(response.rawPayload.length).toBeLessThan(identity.rawPayload.length);
      expect(decode(coding, response.rawPayload).equals(identity.rawPayload)).toBe(true);
      expect(response.headers.etag).toBe(identity.headers.etag);
      expect(String(response.headers.vary)).toMatch(/Accept-Encoding/);
    }
    expect(String(identity.headers.vary)).toMatch(/Accept-Encoding/);
  });

  it('keeps the district page and the events window in brotli at most 30% of their identity bytes', async () => {
    for (const url of [DISTRICT, WINDOW]) {
      const identity = (await fetch(app, url)).rawPayload.length;
      const br = (await fetch(app, url, 'br')).rawPayload.length;
      expect(br / identity, url).toBeLessThanOrEqual(0.3);
    }
  });

  it('answers If-None-Match with a bodiless 304 in any coding', async () => {
    const { etag } = (await fetch(app, DISTRICT, 'br')).headers;
    for (const coding of ['br', 'gzip', undefined]) {
      const headers = { 'if-none-match': String(etag), ...(coding ? { 'accept-encoding': coding } : {}) };
      const response = await app.inject({ url: DISTRICT, headers });
      expect(response.statusCode).toBe(304);
      expect(response.rawPayload.length).toBe(0);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers.etag).toBe(etag);
      expect(String(response.headers.vary)).toMatch(/Accept-Encoding/);
    }
  });

  it('answers HEAD with the headers of the GET and no body', async () => {
    for (const coding of ['br', 'gzip', undefined]) {
      const get = await fetch(app, WINDOW, coding);
      const head = await fetch(app, WINDOW, coding, 'HEAD');
      expect(head.statusCode).toBe(200);
      expect(head.rawPayload.length).toBe(0);
      for (const name of ['content-encoding', 'content-length', 'content-type', 'etag', 'vary']) {
        expect(head.headers[name], `${coding} ${name}`).toBe(get.headers[name]);
      }
    }
  });

  it('sends a body under the threshold uncompressed, still varying on Accept-Encoding', async () => {
    const url = '/v1/places?limit=1';
    const identity = await fetch(app, url);
    expect(identity.rawPayload.length).toBeLessThanOrEqual(COMPRESSION_THRESHOLD);
    const response = await fetch(app, url, 'br, gzip');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.rawPayload.equals(identity.rawPayload)).toBe(true);
    expect(String(response.headers.vary)).toMatch(/Accept-Encoding/);
  });
});

describe('negotiation', () => {
  it.each([
    ['br;q=0, gzip', 'gzip'],
    ['gzip, br', 'br'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['gzip;q=0.2, br;q=0.4, identity;q=0.3', 'br'],
    ['gzip;q=0.5, identity', 'identity'],
    ['br;q=0, *', 'gzip'],
    ['br;q=0, gzip;q=0, *', 'identity'],
    ['*', 'br'],
    ['GZIP', 'gzip'],
    ['deflate, compress', 'identity'],
    // Nothing acceptable: identity all the same.
    ['identity;q=0', 'identity'],
    ['*;q=0', 'identity'],
    ['', 'identity'],
  ])('reads %j as %s', async (header, coding) => {
    expect(negotiateCoding(header)).toBe(coding);
    const response = await fetch(uncached, WINDOW, header);
    expect(response.headers['content-encoding']).toBe(coding === 'identity' ? undefined : coding);
  });

  it('sends identity when no Accept-Encoding is sent', async () => {
    const response = await fetch(uncached, WINDOW);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(() => JSON.parse(response.body)).not.toThrow();
  });
});

describe('the response cache', () => {
  it('compresses each coding once when storing, and serves each its own stored bytes on a hit', async () => {
    const url = '/v1/events?from=2020-09-27&to=2020-12-31&limit=40';
    const order = ['gzip', undefined, 'br', 'gzip', 'br', undefined];
    const first = await fetch(cached, url, order[0]);
    expect(compressions()).toBe(2);
    const identity = decode(first.headers['content-encoding'], first.rawPayload);
    const seen: Record<string, Buffer> = { gzip: first.rawPayload };
    for (const coding of order.slice(1)) {
      const response = await fetch(cached, url, coding);
      expect(response.headers['content-encoding']).toBe(coding);
      expect(decode(coding, response.rawPayload).equals(identity)).toBe(true);
      expect(response.headers.etag).toBe(first.headers.etag);
      const key = coding ?? 'identity';
      if (seen[key]) expect(response.rawPayload.equals(seen[key])).toBe(true);
      seen[key] = response.rawPayload;
    }
    expect(compressions()).toBe(2);
    // The stored brotli is the stored quality's, not the on-the-fly one's.
    expect(seen.br?.equals(compress(identity, 'br', BROTLI_QUALITY.stored))).toBe(true);
  });

  it('serves a hit without asking the query layer', async () => {
    const url = '/v1/events?from=2020-10-01&to=2020-11-30&limit=30';
    const spy = vi.spyOn(cached.data.current(), 'listEvents');
    await fetch(cached, url, 'br');
    await fetch(cached, url, 'gzip');
    await fetch(cached, url);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('is compressed on the fly, in the negotiated coding only, when off', async () => {
    for (const coding of ['br', 'gzip']) {
      vi.clearAllMocks();
      const response = await fetch(uncached, DISTRICT, coding);
      expect(compressions()).toBe(1);
      const identity = decode(coding, response.rawPayload);
      if (coding === 'br')
        expect(response.rawPayload.equals(compress(identity, 'br', BROTLI_QUALITY.onTheFly))).toBe(true);
    }
    vi.clearAllMocks();
    await fetch(uncached, DISTRICT);
    expect(compressions()).toBe(0);
  });
});

describe('GraphQL', () => {
  it.each([
    ['cache on', cached],
    ['cache off', uncached],
  ])('compresses a JSON answer over the threshold, in a POST and a GET (%s)', async (_name, app) => {
    const query = '{ events(first: 40) { nodes { id title } } }';
    const post = (acceptEncoding?: string) =>
      app.inject({
        method: 'POST',
        url: '/graphql',
        payload: { query },
        headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
      });
    const identity = await post();
    expect(identity.statusCode).toBe(200);
    expect(identity.rawPayload.length).toBeGreaterThan(COMPRESSION_THRESHOLD);
    for (const response of [
      await post('br'),
      await post('br'),
      await fetch(app, `/graphql?query=${encodeURIComponent(query)}`, 'br'),
    ]) {
      expect(response.headers['content-encoding']).toBe('br');
      expect(decode('br', response.rawPayload).equals(identity.rawPayload)).toBe(true);
    }
  });
});
