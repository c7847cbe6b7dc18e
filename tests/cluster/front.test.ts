// The front through its public door: nginx's shared cache, its own errors, its rate limit, and the script's
// start and stop. Real nginx and real replicas on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTs } from '../helpers/run-cli.js';
import { type Cluster, isAlive, startCluster } from './cluster-process.js';

const isProblem = (response: Response) =>
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);

describe('the shared cache', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster({ RATE_LIMIT_MAX: '100000' });
  }, 150_000);
  afterAll(async () => {
    // SIGTERM to the npm process alone, as a process manager sends it: nginx and every replica stop, exit 0.
    expect(await cluster.stop()).toBe(0);
    for (const pid of [cluster.state.nginx_pid, ...cluster.state.replicas.map((r) => r.pid)]) {
      expect(isAlive(pid)).toBe(false);
    }
  }, 30_000);

  it('answers a repeated GET from the cache: a miss, then a hit; If-None-Match gets a 304 from the front', async () => {
    const url = `${cluster.url}/v1/districts/lachin`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-status')).toBe('front; fwd=miss');
    const second = await fetch(url);
    expect(second.headers.get('cache-status')).toBe('front; hit');
    expect(await second.text()).toBe(await first.text());
    const etag = second.headers.get('etag') as string;
    const revalidated = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('cache-status')).toBe('front; hit');
  });

  it('resumes a download through the front: a Range gets exactly those bytes, on a miss and on a hit', async () => {
    const path = '/v1/downloads/history.sqlite';
    const whole = await fetch(`${cluster.state.replicas[0]?.url}${path}`);
    const bytes = Buffer.from(await whole.arrayBuffer());
    for (const expected of ['front; fwd=miss', 'front; hit']) {
      const part = await fetch(`${cluster.url}${path}`, { headers: { range: 'bytes=1000-1999' } });
      expect(part.status, expected).toBe(206);
      expect(part.headers.get('cache-status')).toBe(expected);
      expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${bytes.length}`);
      expect(part.headers.get('etag')).toBe(whole.headers.get('etag'));
      expect(part.headers.get('repr-digest')).toBe(whole.headers.get('repr-digest'));
      expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true);
    }
  });

  it('caches GraphQL over GET but not a POST', async () => {
    const query = encodeURIComponent('{ district(slug: "lachin") { slug name } }');
    const url = `${cluster.url}/graphql?query=${query}`;
    expect((await fetch(url)).headers.get('cache-status')).toBe('front; fwd=miss');
    expect((await fetch(url)).headers.get('cache-status')).toBe('front; hit');
    const post = () =>
      fetch(`${cluster.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ district(slug: "lachin") { slug } }' }),
      });
    for (const response of [await post(), await post()]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-status')).toBe('front; fwd=method');
    }
  });

  it('gets the same ETag for the same URL from every replica', async () => {
    const etags = await Promise.all(
      cluster.state.replicas.map(async (r) =>
        (await fetch(`${r.url}/v1/events/second-karabakh-war`)).headers.get('etag'),
      ),
    );
    expect(etags[0]).toMatch(/^W\//);
    expect(new Set(etags).size).toBe(1);
  });

  it("answers a body over BODY_LIMIT with the front's own problem+json 413", async () => {
    const response = await fetch(`${cluster.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ meta { version } } #${'x'.repeat(70_000)}` }),
    });
    expect(response.status).toBe(413);
    isProblem(response);
    expect(((await response.json()) as { status: number }).status).toBe(413);
  });

  it('trusts X-Forwarded-For only from the front: the replicas have no limiter of their own', async () => {
    const ready = await fetch(`${cluster.state.replicas[0]?.url}/readyz`);
    expect(ready.headers.get('x-ratelimit-limit')).toBeNull();
    expect(((await ready.json()) as { status: string }).status).toBe('ready');
  });
});

describe('the rate limit at the front', () => {
  it('lets a burst of exactly RATE_LIMIT_MAX through, spread over every replica, then answers 429', async () => {
    const max = 12;
    const cluster = await startCluster({ RATE_LIMIT_MAX: String(max), RATE_LIMIT_WINDOW: '60000' });
    try {
      const statuses: number[] = [];
      // Distinct URLs, so that each one reaches a replica rather than the cache.
      for (let i = 0; i < max + 3; i++) {
        const response = await fetch(`${cluster.url}/v1/events?from=${2000 + i}&to=${2001 + i}`);
        statuses.push(response.status);
        if (response.status === 429) {
          isProblem(response);
          expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
          expect(((await response.json()) as { status: number }).status).toBe(429);
        } else await response.arrayBuffer();
      }
      expect(statuses.slice(0, max)).toEqual(Array(max).fill(200));
      expect(statuses.slice(max)).toEqual([429, 429, 429]);
      await new Promise((r) => setTimeout(r, 1500)); // the access log is flushed each second
      const upstreams = new Set(
        cluster
          .accessLog()
          .split('\n')
          .filter((line) => line.includes('"GET /v1/events?') && line.includes(' 200 '))
          .map((line) => /upstream=(\S+)/.exec(line)?.[1]),
      );
      expect(upstreams.size).toBe(cluster.state.replicas.length);
    } finally {
      expect(await cluster.stop()).toBe(0);
    }
  }, 150_000);
});

describe('without nginx', () => {
  it('the script exits non-zero with one line naming the package to install', () => {
    const result = runTs('scripts/cluster.ts', ['--source'], { NGINX: '/nonexistent/nginx' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/apt-get install nginx/);
  });
});
