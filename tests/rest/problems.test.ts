// Every error is a problem document with the request id and the CORS headers, whoever raised it, and each problem
// `type` is a path on this API that describes it.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type App, buildApp } from '../../src/app.js';
import { EXPOSED_HEADERS } from '../../src/plugins/cors.js';
import { PROBLEM_TYPES } from '../../src/rest/problem-types.js';
import { createTestApp, testConfig, useTestApp } from '../helpers/app.js';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  request_id: string;
}

const app = await useTestApp();
/** Every `type` a test below met, to check that each one resolves. */
const seen = new Set<string>();

/** Asserts the shape every error shares, and returns the body. */
function expectProblem(response: Awaited<ReturnType<App['inject']>>, status: number): Problem {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = response.json() as Problem;
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^\/problems\/[a-z-]+$/);
  expect(body.title).toBeTruthy();
  expect(body.detail).toBeTruthy();
  expect(body.request_id).toBeTruthy();
  expect(response.headers['x-request-id']).toBe(body.request_id);
  expect(response.headers['access-control-allow-origin']).toBe('*');
  expect(String(response.headers['access-control-expose-headers']).split(', ')).toEqual(EXPOSED_HEADERS);
  expect(response.body).not.toMatch(/FST_|MER_ERR|ERR_/);
  seen.add(body.type);
  return body;
}

/** An app with test-only routes that take a body, as no REST route does, to meet Fastify's body errors. */
async function appWithTestRoutes(overrides: Parameters<typeof testConfig>[0] = {}) {
  const built = await buildApp(testConfig({ BODY_LIMIT: '1024', ...overrides }), { logger: false });
  built.post('/v1/test-only-body', async () => ({ ok: true }));
  built.get('/v1/test-only-refuse', async () => {
    // What a content-negotiating plugin throws when nothing offered is acceptable.
    throw Object.assign(new Error('Not Acceptable'), { statusCode: 406, code: 'FST_ERR_NOT_ACCEPTABLE' });
  });
  built.get('/v1/test-only-boom', async () => {
    throw new Error('FST_ERR_SOMETHING_INTERNAL at /work/src/x.ts:1');
  });
  await built.ready();
  return built;
}

describe('each status is a problem', () => {
  it('400 for a bad parameter, and for a URL that does not decode', async () => {
    expectProblem(await app.inject({ url: '/v1/events?limit=0' }), 400);
    const bad = expectProblem(await app.inject({ url: '/v1/events/%E0%A4%A' }), 400);
    expect(bad.type).toBe('/problems/bad-request');
  });

  it('404 for an unknown route, without repeating the path in the detail', async () => {
    const body = expectProblem(await app.inject({ url: '/v1/no-such-thing-here' }), 404);
    expect(body.instance).toBe('/v1/no-such-thing-here');
    expect(body.detail).not.toContain('no-such-thing-here');
  });

  it('405 with Allow', async () => {
    const response = await app.inject({ method: 'PUT', url: '/v1/events' });
    expectProblem(response, 405);
    expect(response.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('414 for a path segment over 200 characters, with instance cut to 200 characters', async () => {
    const body = expectProblem(await app.inject({ url: `/v1/events/${'a'.repeat(600)}?q=${'b'.repeat(50)}` }), 414);
    expect(body.instance).toHaveLength(200);
    expect(body.instance?.startsWith('/v1/events/aaa')).toBe(true);
  });

  it('406, 413 and 415 from Fastify and its plugins, in our words and echoing nothing', async () => {
    const withBody = await appWithTestRoutes();
    afterAll(() => withBody.close());
    expectProblem(await withBody.inject({ url: '/v1/test-only-refuse' }), 406);
    const large = await withBody.inject({
      method: 'POST',
      url: '/v1/test-only-body',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ x: 'y'.repeat(2000) }),
    });
    expectProblem(large, 413);
    const media = await withBody.inject({
      method: 'POST',
      url: '/v1/test-only-body',
      headers: { 'content-type': 'text/x-echo-marker' },
      payload: '<x/>',
    });
    expectProblem(media, 415);
    expect(media.body).not.toContain('echo-marker');
    const json = await withBody.inject({
      method: 'POST',
      url: '/v1/test-only-body',
      headers: { 'content-type': 'application/json' },
      payload: '{"unterminated-marker',
    });
    expect(expectProblem(json, 400).type).toBe('/problems/bad-request');
    expect(json.body).not.toContain('unterminated-marker');
    const boom = expectProblem(await withBody.inject({ url: '/v1/test-only-boom' }), 500);
    expect(boom.type).toBe('/problems/internal-error');
  });

  it('429 from the rate limiter', async () => {
    const limited = await createTestApp({ RATE_LIMIT_MAX: '1' });
    afterAll(() => limited.close());
    await limited.inject({ url: '/v1/meta' });
    const response = await limited.inject({ url: '/v1/meta' });
    expectProblem(response, 429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('503 from /readyz when the dataset cannot be read', async () => {
    const spy = vi.spyOn(app.data, 'current').mockImplementation(() => {
      throw new Error('SQLITE_CANTOPEN');
    });
    try {
      const response = await app.inject({ url: '/readyz' });
      expect(expectProblem(response, 503).type).toBe('/problems/unavailable');
      expect(response.body).not.toContain('SQLITE');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('/problems', () => {
  it('lists every problem type, each at its own path, answering 200 with what it means', async () => {
    const list = await app.inject({ url: '/problems' });
    expect(list.statusCode).toBe(200);
    const { data } = list.json() as { data: { type: string; name: string; status: number; description: string }[] };
    expect(data.map((p) => p.name)).toEqual(PROBLEM_TYPES.map((p) => p.name));
    for (const entry of data) {
      const page = await app.inject({ url: entry.type });
      expect(page.statusCode, entry.type).toBe(200);
      expect(page.json()).toEqual(entry);
      expect(entry.description.length).toBeGreaterThan(20);
    }
  });

  it('resolves every type the errors above carried', async () => {
    expect(seen.size).toBeGreaterThanOrEqual(10);
    for (const type of seen) {
      const page = await app.inject({ url: type });
      expect(page.statusCode, type).toBe(200);
      expect((page.json() as { type: string }).type).toBe(type);
    }
  });

  it('answers an unknown problem name with a 404 problem', async () => {
    expectProblem(await app.inject({ url: '/problems/no-such-problem' }), 404);
  });
});
