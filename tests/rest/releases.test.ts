// /v1/releases and /v1/changes on the test database (built from seed/ with its committed releases), and the same
// through GraphQL: what is listed, and the problem answers for unknown and malformed versions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_RELEASES_DIR } from '../../src/paths.js';
import { ReleaseManifestSchema } from '../../src/schemas/release-manifest.js';
import { useTestApp } from '../helpers/app.js';
import { gql, gqlData, onlyError } from '../graphql/helpers.js';

const app = await useTestApp();
const meta = (await app.inject({ url: '/v1/meta' })).json() as { version: string; counts: Record<string, number> };
const committed = readdirSync(SEED_RELEASES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ReleaseManifestSchema.parse(JSON.parse(readFileSync(join(SEED_RELEASES_DIR, f), 'utf8'))))
  .sort((a, b) => b.sequence - a.sequence);

interface ReleasesBody {
  current: string;
  releases: { version: string; date: string; counts: Record<string, number>; notes: string; current: boolean }[];
}

describe('GET /v1/releases', () => {
  it('lists every committed release newest first, and always the dataset being served', async () => {
    const response = await app.inject({ url: '/v1/releases' });
    expect(response.statusCode).toBe(200);
    const body = response.json() as ReleasesBody;
    expect(body.current).toBe(meta.version);
    const served = body.releases.filter((r) => r.current);
    expect(served.map((r) => r.version)).toEqual([meta.version]);
    expect(served[0]?.counts).toEqual(meta.counts);
    const released = body.releases.filter((r) => committed.some((c) => c.version === r.version));
    expect(released.map((r) => r.version)).toEqual(committed.map((c) => c.version));
    for (const r of released) {
      const manifest = committed.find((c) => c.version === r.version);
      expect(r).toMatchObject({ date: manifest?.date, notes: manifest?.notes, counts: manifest?.counts });
    }
    expect(body.releases.length).toBe(committed.length + (released.some((r) => r.current) ? 0 : 1));
    // The served dataset, if never released, comes first.
    if (!released.some((r) => r.current)) expect(body.releases[0]?.current).toBe(true);
  });

  it('takes no query parameters', async () => {
    const response = await app.inject({ url: '/v1/releases?since=1.000000000000' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('GET /v1/changes', () => {
  it('gives empty lists for the version being served', async () => {
    const response = await app.inject({ url: `/v1/changes?since=${meta.version}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ from: meta.version, to: meta.version, added: [], changed: [], removed: [] });
  });

  it('answers an unknown version with a 404 problem listing the known ones', async () => {
    const response = await app.inject({ url: '/v1/changes?since=1.000000000000' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const releases = (await app.inject({ url: '/v1/releases' })).json() as ReleasesBody;
    const known = releases.releases.map((r) => r.version);
    expect(response.json()).toMatchObject({
      type: '/problems/not-found',
      status: 404,
      known_versions: known,
    });
    const { detail } = response.json() as { detail: string };
    for (const version of known) expect(detail).toContain(version);
  });

  it.each([
    ['missing', '/v1/changes', /is required/],
    ['empty', '/v1/changes?since=', /dataset version/],
    ['not a version', '/v1/changes?since=latest', /dataset version/],
    ['upper-case hex', `/v1/changes?since=${meta.version.toUpperCase()}`, /dataset version/],
    ['too long', `/v1/changes?since=${meta.version}${'0'.repeat(40)}`, /dataset version/],
    ['given twice', `/v1/changes?since=${meta.version}&since=${meta.version}`, /string/],
  ])('answers a %s since with a 400 problem naming it', async (_what, url, message) => {
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json() as { type: string; errors: { in: string; name: string; message: string }[] };
    expect(body.type).toBe('/problems/invalid-parameters');
    expect(body.errors).toEqual([{ in: 'query', name: 'since', message: expect.stringMatching(message) }]);
  });
});

describe('GraphQL', () => {
  it('meta.releases and changes(since:) answer as REST does', async () => {
    const data = await gqlData<{
      meta: { releases: { version: string; current: boolean; counts: { type: string; count: number }[] }[] };
      changes: unknown;
    }>(
      app,
      `query ($v: String!) { meta { releases { version current counts { type count } } }
        changes(since: $v) { from to added { id } changed { id } removed { id } } }`,
      { v: meta.version },
    );
    const rest = (await app.inject({ url: '/v1/releases' })).json() as ReleasesBody;
    expect(data.meta.releases.map((r) => [r.version, r.current])).toEqual(
      rest.releases.map((r) => [r.version, r.current]),
    );
    expect(data.changes).toEqual({ from: meta.version, to: meta.version, added: [], changed: [], removed: [] });
  });

  it('an unknown version is NOT_FOUND, with the known versions', async () => {
    const error = onlyError(await gql(app, '{ changes(since: "1.000000000000") { from } }'));
    const rest = (await app.inject({ url: '/v1/changes?since=1.000000000000' })).json() as {
      detail: string;
      known_versions: string[];
    };
    expect(error.message).toBe(rest.detail);
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', knownVersions: rest.known_versions });
  });

  it('a malformed version is BAD_USER_INPUT naming since, in REST words', async () => {
    const error = onlyError(await gql(app, '{ changes(since: "latest") { from } }'));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.arguments).toEqual([
      { name: 'since', message: 'must be a dataset version such as 1.0123456789ab' },
    ]);
  });
});
