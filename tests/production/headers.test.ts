// Security headers: the OWASP REST set on data (JSON, GeoJSON, CSV, problems), Helmet's full set on HTML pages.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import explorer from '../../src/plugins/explorer.js';
import protection, { securityHeaders } from '../../src/plugins/protection.js';
import { testConfig, useTestApp } from '../helpers/app.js';

const app = await useTestApp();
const helmet = securityHeaders();
const DATA = ['x-content-type-options', 'content-security-policy', 'strict-transport-security', 'x-frame-options'];
/** Helmet's headers that only a rendered page needs. */
const PAGE_ONLY = Object.keys(helmet).filter((name) => !DATA.includes(name) && name !== 'cross-origin-resource-policy');

function expectDataSet(headers: Record<string, unknown>, label: string) {
  expect(headers['x-content-type-options'], label).toBe('nosniff');
  expect(headers['content-security-policy'], label).toBe("frame-ancestors 'none'");
  expect(headers['strict-transport-security'], label).toBe(helmet['strict-transport-security']);
  expect(headers['x-frame-options'], label).toBe('DENY');
  expect(headers['cross-origin-resource-policy'], label).toBe('cross-origin');
  // Public data, meant to be cached: OWASP's `no-store` is left out on purpose.
  expect(headers['cache-control'], label).not.toBe('no-store');
  for (const name of PAGE_ONLY) expect(headers[name], `${label} ${name}`).toBeUndefined();
}

function expectHelmetSet(headers: Record<string, unknown>, label: string) {
  for (const name of Object.keys(helmet)) expect(headers[name], `${label} ${name}`).toBeDefined();
  expect(headers['x-frame-options'], label).toBe(helmet['x-frame-options']);
  expect(headers['referrer-policy'], label).toBe(helmet['referrer-policy']);
}

describe('data', () => {
  it.each([
    ['JSON', '/v1/districts/lachin', /^application\/json/],
    ['GeoJSON', '/v1/places.geojson', /^application\/geo\+json/],
    ['CSV', '/v1/events?format=csv', /^text\/csv/],
    ['a problem', '/v1/events?limit=0', /^application\/problem\+json/],
    ['an unknown route', '/v1/no-such-thing', /^application\/problem\+json/],
    ['the OpenAPI document', '/openapi.json', /^application\/json/],
  ])('carries only the API set on %s', async (label, url, type) => {
    const response = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
    expect(response.headers['content-type'], label).toMatch(type);
    expectDataSet(response.headers, label);
  });

  it('carries only the API set on a GraphQL answer', async () => {
    const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ __typename }' } });
    expect(response.statusCode).toBe(200);
    expectDataSet(response.headers, 'graphql');
  });

  it('carries the same set on a cache hit as on the miss that stored it', async () => {
    const url = '/v1/events?from=2020-10-01&to=2020-10-31';
    const miss = await app.inject({ url });
    const hit = await app.inject({ url });
    expectDataSet(miss.headers, 'miss');
    expectDataSet(hit.headers, 'hit');
  });
});

describe('HTML pages', () => {
  it('keep Helmet set on /docs, with a CSP that lets it load its own scripts', async () => {
    const docs = await app.inject({ url: '/docs/' });
    expect(docs.headers['content-type']).toMatch(/^text\/html/);
    expectHelmetSet(docs.headers, '/docs/');
    const csp = String(docs.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('keep Helmet set on GraphiQL, with its own CSP that names no CDN', async () => {
    const page = await app.inject({ url: '/graphiql' });
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expectHelmetSet(page.headers, '/graphiql');
    expect(page.headers['content-security-policy']).not.toMatch(/https?:/);
    expect(page.headers['content-security-policy']).not.toBe(helmet['content-security-policy']);
  });

  it("keep Helmet set on the explorer's page", async () => {
    // The explorer is built by `npm run build`; a one-file build is enough to see the page's headers.
    const root = mkdtempSync(join(tmpdir(), 'explorer-headers-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>explorer</title>');
    const server = Fastify({ logger: false });
    await server.register(protection, { config: testConfig() });
    await server.register(explorer, { root });
    afterAll(() => server.close());
    const page = await server.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expectHelmetSet(page.headers, '/');
    expect(page.headers['content-security-policy']).toBe(helmet['content-security-policy']);
  });
});
